import { z } from 'zod';
import { deliveryStatusSchema, emailModeSchema, notificationCategorySchema } from '../enums';
import { DELIVERY_STATUSES } from '../vocabulary';
import { pageOf, recordOf, timestamp, uuid } from './common';

/** One item of the signed-in person's inbox (GET /notifications). */
export const notificationViewSchema = z.object({
  id: uuid,
  category: notificationCategorySchema,
  eventType: z.string(),
  subjectType: z.string(),
  subjectId: uuid,
  title: z.string(),
  body: z.string(),
  link: z.string().describe('Path in the web app for this reader’s role'),
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  emailMode: emailModeSchema,
  readAt: timestamp.nullable(),
  createdAt: timestamp,
});

/** `InboxPage`: a page plus the count of all unread items. */
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const inboxPageSchema = pageOf(notificationViewSchema).extend({ unread: z.number().int() });
export type InboxPageView = z.infer<typeof inboxPageSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });

export const readAllResultSchema = z.object({ updated: z.number().int(), unread: z.number().int() });

/** One e-mail the platform sent or is sending (GET /notifications/deliveries, administrators). */
export const deliveryViewSchema = z.object({
  id: uuid,
  kind: z.enum(['notification', 'digest']),
  channel: z.literal('email'),
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  messageId: z.string(),
  smtpResponse: z.string().nullable(),
  recipient: z.object({ userId: uuid, email: z.string(), displayName: z.string() }),
  notification: z
    .object({
      id: uuid,
      category: notificationCategorySchema,
      title: z.string(),
      eventType: z.string(),
      subjectType: z.string(),
      subjectId: uuid,
    })
    .nullable()
    .describe('The notification it carries; null for a digest'),
  digestSize: z.number().int().nullable().describe('For a digest: how many notifications it carries'),
  lastAttemptAt: timestamp.nullable(),
  sentAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const deliveriesPageSchema = pageOf(deliveryViewSchema).extend({
  counts: recordOf(DELIVERY_STATUSES, z.number().int()),
});
export type DeliveriesPageView = z.infer<typeof deliveriesPageSchema>;

/** The person's e-mail choice per category (GET /notifications/preferences). */
export const preferencesViewSchema = z.object({
  items: z.array(
    z.object({ category: notificationCategorySchema, label: z.string(), description: z.string(), mode: emailModeSchema }),
  ),
  modes: z.array(emailModeSchema),
});
export type PreferencesView = z.infer<typeof preferencesViewSchema>;

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
      receivedAt: timestamp,
    }),
  ),
});
export type CaughtMessageView = z.infer<typeof caughtMessagesSchema>['items'][number];
