import { z } from 'zod';
import { timestamp, uuid } from './common';

/** One entry of a record's history (GET …/:id/history), oldest first. */
export const historyItemSchema = z.object({
  id: uuid,
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  comment: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  at: timestamp,
  actor: z.union([
    z.object({ id: uuid, displayName: z.string(), role: z.string(), organization: z.string() }),
    z.object({ id: z.null(), displayName: z.literal('System'), role: z.literal('system'), organization: z.null() }),
  ]),
});
export type HistoryItemView = z.infer<typeof historyItemSchema>;

export const historySchema = z.array(historyItemSchema);
