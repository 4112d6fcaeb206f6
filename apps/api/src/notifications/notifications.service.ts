import { Injectable } from '@nestjs/common';
import { notFound } from '@app/common';
import { NotificationEntity, NotificationRepository } from '@app/database';
import type { inboxPageSchema, ListNotifications, notificationViewSchema, Served } from '@app/contracts';
import { pickLocale } from '@app/i18n';
import { wordFacts, wordNotification } from '@app/mail';
import type { AuthUser } from '../auth/auth-user';

/** One inbox item, as `GET /notifications` lists it (libs/contracts views/notifications.ts). */
export type NotificationView = Served<typeof notificationViewSchema>;
export type InboxPage = Served<typeof inboxPageSchema>;

// Worded when read, in the reader's language (a person who changes language reads the whole inbox in the new one);
// rows made before the texts were catalogue keys keep their English.
const view = (n: NotificationEntity, user: AuthUser): NotificationView => {
  const language = pickLocale(user.preferredLanguage);
  const { title, body } = wordNotification(language, n);
  return {
    id: n.id,
    category: n.category,
    eventType: n.eventType,
    subjectType: n.subjectType,
    subjectId: n.subjectId,
    title,
    body,
    link: n.linkPath,
    facts: wordFacts(language, n.facts),
    emailMode: n.emailMode,
    readAt: n.readAt,
    createdAt: n.createdAt,
  };
};

/** The caller's own inbox; another person's notification answers 404. */
@Injectable()
export class NotificationsService {
  constructor(private readonly repository: NotificationRepository) {}

  async list(user: AuthUser, q: ListNotifications): Promise<InboxPage> {
    const { rows, total } = await this.repository.inboxPage(user.id, q);
    return { items: rows.map((n) => view(n, user)), total, page: q.page, pageSize: q.pageSize, unread: await this.unreadCount(user) };
  }

  async unreadCount(user: AuthUser): Promise<number> {
    return this.repository.unreadCount(user.id);
  }

  async markRead(user: AuthUser, id: string): Promise<NotificationView> {
    const row = await this.repository.findOwn(user.id, id);
    if (!row) throw notFound('Notification');
    if (!row.readAt) return view(await this.repository.markRead(id, new Date()), user);
    return view(row, user);
  }

  async markAllRead(user: AuthUser): Promise<{ updated: number; unread: number }> {
    const updated = await this.repository.markAllRead(user.id, new Date());
    return { updated, unread: await this.unreadCount(user) };
  }
}
