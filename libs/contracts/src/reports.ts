import { z } from 'zod';
import { rule } from './messages';
import { isoDate, stateCodeSchema, uuidParam } from './fields';
import { listMatchesSchema } from './matches';
import { listOffersSchema } from './offers';
import { listRequestsSchema } from './requests';

/** GET /reports/summary. */
export const summaryQuerySchema = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    state: stateCodeSchema.optional(),
    provider: uuidParam.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, rule('notBefore', { field: 'from' }, ['to']));
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

const unpaged = { page: true, pageSize: true } as const;

/** One CSV per entity, each with the filters of its list (GET /reports/export.csv). */
export const reportExportSchema = z.discriminatedUnion('entity', [
  listRequestsSchema.omit(unpaged).extend({ entity: z.literal('requests') }).strict(),
  listOffersSchema.omit(unpaged).extend({ entity: z.literal('offers') }).strict(),
  listMatchesSchema.omit(unpaged).extend({ entity: z.literal('matches') }).strict(),
  z.strictObject({
    entity: z.literal('history'),
    subjectType: z.enum(['request', 'offer', 'match', 'organization', 'user']).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    state: stateCodeSchema.optional(),
  }),
]);
export type ReportExportQuery = z.infer<typeof reportExportSchema>;
