import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { notFound } from '@app/common';
import type { inboxPageSchema, notificationViewSchema, Served } from '@app/contracts';
import { NotificationEntity } from '@app/database';
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
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(NotificationEntity);
  }

  async list(user: AuthUser, q: ListNotifications): Promise<InboxPage> {
    const qb = this.repo.createQueryBuilder('n').where('n.user_id = :uid', { uid: user.id });
    if (q.unreadOnly) qb.andWhere('n.read_at IS NULL');
    // Unread first, then newest.
    qb.orderBy('(n.read_at IS NULL)', 'DESC').addOrderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC');
    const [rows, total] = await qb.skip((q.page - 1) * q.pageSize).take(q.pageSize).getManyAndCount();
    return { items: rows.map(view), total, page: q.page, pageSize: q.pageSize, unread: await this.unreadCount(user) };
  }

  async unreadCount(user: AuthUser): Promise<number> {
    return this.repo.countBy({ userId: user.id, readAt: IsNull() });
  }

  async markRead(user: AuthUser, id: string): Promise<NotificationView> {
    const row = await this.repo.findOneBy({ id, userId: user.id });
    if (!row) throw notFound('Notification');
    if (!row.readAt) {
      await this.repo.update({ id, readAt: IsNull() }, { readAt: new Date() });
      return view(await this.repo.findOneByOrFail({ id }));
    }
    return view(row);
  }

  async markAllRead(user: AuthUser): Promise<{ updated: number; unread: number }> {
    const result = await this.repo.update({ userId: user.id, readAt: IsNull() }, { readAt: new Date() });
    return { updated: result.affected ?? 0, unread: await this.unreadCount(user) };
  }
}
