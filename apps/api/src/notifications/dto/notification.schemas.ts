import { z } from 'zod';
import { csvList, paginationSchema } from '@app/common';
import { EMAIL_MODES, NOTIFICATION_CATEGORIES } from '@app/mail';

export const listNotificationsSchema = paginationSchema.extend({
  unreadOnly: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
});
export type ListNotifications = z.infer<typeof listNotificationsSchema>;

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

export const listDeliveriesSchema = paginationSchema.extend({
  status: csvList(z.enum(DELIVERY_STATUSES)).optional(),
  kind: z.enum(['notification', 'digest']).optional(),
});
export type ListDeliveries = z.infer<typeof listDeliveriesSchema>;

export const updatePreferencesSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        category: z.enum(NOTIFICATION_CATEGORIES),
        mode: z.enum(EMAIL_MODES),
      }),
    )
    .min(1, 'must name at least one category')
    .max(NOTIFICATION_CATEGORIES.length)
    .refine((items) => new Set(items.map((i) => i.category)).size === items.length, 'must not repeat a category'),
});
export type UpdatePreferences = z.infer<typeof updatePreferencesSchema>;
