import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CaughtMessageView,
  DeliveriesPageView,
  DeliveryStatus,
  DeliveryView,
  EmailMode,
  InboxPageView,
  listDeliveriesSchema,
  listNotificationsSchema,
  NotificationCategory,
  NotificationView,
  PreferencesView,
  updatePreferencesSchema,
} from '@app/contracts';
import { DELIVERY_STATUSES, EMAIL_MODES, NOTIFICATION_CATEGORIES } from '@app/contracts/vocabulary';
import { api, type QueryOf } from './client';

export { DELIVERY_STATUSES, EMAIL_MODES, NOTIFICATION_CATEGORIES };
export type { DeliveryStatus, EmailMode, NotificationCategory };

/** One inbox item (GET /notifications). */
export type InboxNotification = NotificationView;
export type InboxPage = InboxPageView;
export type NotificationPreferences = PreferencesView;
/** One e-mail as the Committee sees it. */
export type Delivery = DeliveryView;
export type DeliveriesPage = DeliveriesPageView;
/** One message the demo mail catcher received (GET /dev/mailbox). */
export type MailboxMessage = CaughtMessageView;

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
      api.get<InboxPage>('/notifications', {
        query: { page, pageSize, unreadOnly: unreadOnly || undefined } satisfies QueryOf<typeof listNotificationsSchema>,
        signal,
      }),
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

export const deliveriesQuery = (params: QueryOf<typeof listDeliveriesSchema>) =>
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

export function savePreferences(items: z.input<typeof updatePreferencesSchema>['items']) {
  return api.put<NotificationPreferences>('/notification-preferences', { items });
}
