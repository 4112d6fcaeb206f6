import { z } from 'zod';
import { csvList, paginationSchema, queryFlag } from './fields';
import { rule } from './messages';
import { DELIVERY_STATUSES, EMAIL_MODES, NOTIFICATION_CATEGORIES } from './vocabulary';

/** A person's notifications (GET /notifications). */
export const listNotificationsSchema = paginationSchema.extend({
  unreadOnly: queryFlag.optional(),
});
export type ListNotifications = z.infer<typeof listNotificationsSchema>;

/** The e-mails sent or being sent (GET /notifications/deliveries, administrators). */
export const listDeliveriesSchema = paginationSchema.extend({
  status: csvList(z.enum(DELIVERY_STATUSES)).optional(),
  kind: z.enum(['notification', 'digest']).optional(),
});
export type ListDeliveries = z.infer<typeof listDeliveriesSchema>;

/** A person's e-mail choice per category (PUT /notification-preferences). */
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
    .refine((items) => new Set(items.map((i) => i.category)).size === items.length, rule('repeatsCategory')),
});
export type UpdatePreferences = z.infer<typeof updatePreferencesSchema>;
