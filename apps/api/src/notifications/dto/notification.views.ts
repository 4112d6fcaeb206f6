import { z } from 'zod';
import { EMAIL_MODES, NOTIFICATION_CATEGORIES } from '@app/mail';
import { isoDateTime, pageOf, uuid } from '../../common/openapi';

/** Describes `NotificationView` (notifications.service.ts). */
export const notificationViewSchema = z.object({
  id: uuid,
  category: z.enum(NOTIFICATION_CATEGORIES),
  eventType: z.string(),
  subjectType: z.string(),
  subjectId: uuid,
  title: z.string(),
  body: z.string(),
  link: z.string().describe('Path in the web app for this reader’s role'),
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  emailMode: z.enum(EMAIL_MODES),
  readAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});

/** `InboxPage`: a page plus the count of all unread items. */
export const inboxPageSchema = pageOf(notificationViewSchema).extend({ unread: z.number().int() });

export const unreadCountSchema = z.object({ unread: z.number().int() });

export const readAllResultSchema = z.object({ updated: z.number().int(), unread: z.number().int() });

const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

/** Describes `DeliveryView` (notification-deliveries.service.ts). */
export const deliveryViewSchema = z.object({
  id: uuid,
  kind: z.enum(['notification', 'digest']),
  channel: z.literal('email'),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  messageId: z.string(),
  smtpResponse: z.string().nullable(),
  recipient: z.object({ userId: uuid, email: z.string(), displayName: z.string() }),
  notification: z
    .object({
      id: uuid,
      category: z.enum(NOTIFICATION_CATEGORIES),
      title: z.string(),
      eventType: z.string(),
      subjectType: z.string(),
      subjectId: uuid,
    })
    .nullable()
    .describe('The notification it carries; null for a digest'),
  digestSize: z.number().int().nullable().describe('For a digest: how many notifications it carries'),
  lastAttemptAt: isoDateTime.nullable(),
  sentAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const deliveriesPageSchema = pageOf(deliveryViewSchema).extend({
  counts: z.object(Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof DELIVERY_STATUSES)[number], z.ZodNumber>),
});

/** Describes `PreferencesView` (notification-preferences.service.ts). */
export const preferencesViewSchema = z.object({
  items: z.array(
    z.object({ category: z.enum(NOTIFICATION_CATEGORIES), label: z.string(), description: z.string(), mode: z.enum(EMAIL_MODES) }),
  ),
  modes: z.array(z.enum(EMAIL_MODES)),
});

/** Demo mailbox: every e-mail caught (libs/mail `CaughtMessage`), newest first. */
export const caughtMessagesSchema = z.object({
  items: z.array(
    z.object({
      messageId: z.string(),
      from: z.string(),
      to: z.array(z.string()),
      subject: z.string(),
      text: z.string(),
      html: z.string(),
      receivedAt: isoDateTime,
    }),
  ),
});
