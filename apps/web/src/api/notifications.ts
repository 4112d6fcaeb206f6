import { queryOptions } from '@tanstack/react-query';
import { api, type Paginated } from './client';

export const NOTIFICATION_CATEGORIES = ['requests', 'circulations', 'offers', 'matches', 'reminders'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** One inbox item (apps/api notifications.service.ts NotificationView). */
export interface InboxNotification {
  id: string;
  category: NotificationCategory;
  eventType: string;
  subjectType: string;
  subjectId: string;
  title: string;
  body: string;
  /** Path in this app for the reader's role, e.g. `/provider/requests/<id>?match=<id>`. */
  link: string;
  facts: { label: string; value: string }[];
  emailMode: EmailMode;
  readAt: string | null;
  createdAt: string;
}

export type InboxPage = Paginated<InboxNotification> & { unread: number };

export interface NotificationPreferences {
  items: { category: NotificationCategory; label: string; description: string; mode: EmailMode }[];
  modes: EmailMode[];
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'sending', 'sent', 'failed'];

/** One e-mail as the Committee sees it (DeliveryView). */
export interface Delivery {
  id: string;
  kind: 'notification' | 'digest';
  channel: 'email';
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  messageId: string;
  smtpResponse: string | null;
  recipient: { userId: string; email: string; displayName: string };
  notification: {
    id: string;
    category: NotificationCategory;
    title: string;
    eventType: string;
    subjectType: string;
    subjectId: string;
  } | null;
  digestSize: number | null;
  lastAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type DeliveriesPage = Paginated<Delivery> & { counts: Record<DeliveryStatus, number> };

/** One message the demo mail catcher received (GET /dev/mailbox). */
export interface MailboxMessage {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  inbox: (page: number, pageSize: number, unreadOnly: boolean) =>
    ['notifications', 'inbox', { page, pageSize, unreadOnly }] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notification-preferences'] as const,
  deliveries: (params: object) => ['notifications', 'deliveries', params] as const,
  mailbox: ['dev', 'mailbox'] as const,
};

export const inboxQuery = (page: number, pageSize: number, unreadOnly: boolean) =>
  queryOptions({
    queryKey: notificationKeys.inbox(page, pageSize, unreadOnly),
    queryFn: ({ signal }) =>
      api.get<InboxPage>('/notifications', { query: { page, pageSize, unreadOnly: unreadOnly || undefined }, signal }),
  });

export const unreadCountQuery = queryOptions({
  queryKey: notificationKeys.unread,
  queryFn: ({ signal }) => api.get<{ unread: number }>('/notifications/unread-count', { signal }),
  select: (body) => body.unread,
});

export const preferencesQuery = queryOptions({
  queryKey: notificationKeys.preferences,
  queryFn: ({ signal }) => api.get<NotificationPreferences>('/notification-preferences', { signal }),
});

export const deliveriesQuery = (params: { page: number; pageSize: number; status?: string; kind?: string }) =>
  queryOptions({
    queryKey: notificationKeys.deliveries(params),
    queryFn: ({ signal }) => api.get<DeliveriesPage>('/notifications/deliveries', { query: { ...params }, signal }),
  });

export const mailboxQuery = queryOptions({
  queryKey: notificationKeys.mailbox,
  queryFn: ({ signal }) => api.get<{ items: MailboxMessage[] }>('/dev/mailbox', { signal }),
});

export function markNotificationRead(id: string) {
  return api.post<InboxNotification>(`/notifications/${id}/read`);
}

export function markAllNotificationsRead() {
  return api.post<{ updated: number; unread: number }>('/notifications/read-all');
}

export function savePreferences(items: { category: NotificationCategory; mode: EmailMode }[]) {
  return api.put<NotificationPreferences>('/notification-preferences', { items });
}
