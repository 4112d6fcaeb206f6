import { Injectable } from '@nestjs/common';
import { notFound } from '@app/common';
import { NotificationEntity, NotificationRepository } from '@app/database';
import type { inboxPageSchema, notificationViewSchema, Served } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import type { ListNotifications } from './dto/notification.schemas';

/** One inbox item, as `GET /notifications` lists it (libs/contracts views/notifications.ts). */
export type NotificationView = Served<typeof notificationViewSchema>;
export type InboxPage = Served<typeof inboxPageSchema>;

const view = (n: NotificationEntity): NotificationView => ({
  id: n.id,
  category: n.category,
  eventType: n.eventType,
  subjectType: n.subjectType,
  subjectId: n.subjectId,
  title: n.title,
  body: n.body,
  link: n.linkPath,
  facts: n.facts,
  emailMode: n.emailMode,
  readAt: n.readAt,
  createdAt: n.createdAt,
});

/** The caller's own inbox; another person's notification answers 404. */
@Injectable()
export class NotificationsService {
  constructor(private readonly repository: NotificationRepository) {}

  async list(user: AuthUser, q: ListNotifications): Promise<InboxPage> {
    const { rows, total } = await this.repository.inboxPage(user.id, q);
    return { items: rows.map(view), total, page: q.page, pageSize: q.pageSize, unread: await this.unreadCount(user) };
  }

  async unreadCount(user: AuthUser): Promise<number> {
    return this.repository.unreadCount(user.id);
  }

  async markRead(user: AuthUser, id: string): Promise<NotificationView> {
    const row = await this.repository.findOwn(user.id, id);
    if (!row) throw notFound('Notification');
    if (!row.readAt) return view(await this.repository.markRead(id, new Date()));
    return view(row);
  }

  async markAllRead(user: AuthUser): Promise<{ updated: number; unread: number }> {
    const updated = await this.repository.markAllRead(user.id, new Date());
    return { updated, unread: await this.unreadCount(user) };
  }
}
