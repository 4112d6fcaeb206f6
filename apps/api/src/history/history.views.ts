import { z } from 'zod';
import { isoDateTime, uuid } from '../common/openapi';

/** Describes `HistoryItem` (history.service.ts). */
export const historyItemSchema = z.object({
  id: uuid,
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  comment: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  at: isoDateTime,
  actor: z.union([
    z.object({ id: uuid, displayName: z.string(), role: z.string(), organization: z.string() }),
    z.object({ id: z.null(), displayName: z.literal('System'), role: z.literal('system'), organization: z.null() }),
  ]),
});

export const historySchema = z.array(historyItemSchema);
