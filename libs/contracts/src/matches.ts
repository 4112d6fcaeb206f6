import { z } from 'zod';
import { rule } from './messages';
import { csvList, letterDate, paginationSchema, text, uuidParam } from './fields';
import { MATCH_ORIGINS, MATCH_SORTS, MATCH_STATUSES } from './vocabulary';

/** A committee member's manual match, or a provider's interest (POST /matches). */
export const createMatchSchema = z.strictObject({
  requestId: uuidParam,
  offerId: uuidParam,
  notes: text(2_000).optional(),
});
export type CreateMatch = z.infer<typeof createMatchSchema>;

/** What was delivered, recorded once when a match is completed (DESIGN §5). */
const deliveryRecordInputSchema = z
  .strictObject({
    // Delivered dates lie, like a State's letter, between resolution 1540's adoption and today.
    deliveredFrom: letterDate,
    deliveredUntil: letterDate,
    /** Participants or beneficiaries reached. */
    participants: z.number().int().min(0, 'must be 0 or more').max(1_000_000, 'must be at most 1000000'),
    deliverables: text(5_000, 1),
  })
  .refine((d) => d.deliveredFrom <= d.deliveredUntil, rule('notBefore', { field: 'deliveredFrom' }, ['deliveredUntil']));

/** A step in a match's workflow (POST /matches/:id/transitions). */
export const matchTransitionSchema = z.strictObject({
  action: z.string().min(1).max(40),
  comment: text(5_000).optional(),
  /** Free text for decline and reject. */
  reason: text(500).optional(),
  /** Required to complete a match. */
  delivery: deliveryRecordInputSchema.optional(),
  version: z.number().int().min(1).optional(),
});
export type MatchTransition = z.infer<typeof matchTransitionSchema>;

/** A side's rating of a completed match (POST /matches/:id/feedback). */
export const feedbackSchema = z.strictObject({
  rating: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  comment: text(5_000).optional(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

/** The list of matches (GET /matches, /requests/:id/matches, /offers/:id/matches). */
export const listMatchesSchema = paginationSchema.extend({
  status: csvList(z.enum(MATCH_STATUSES)).optional(),
  requestId: uuidParam.optional(),
  offerId: uuidParam.optional(),
  origin: z.enum(MATCH_ORIGINS).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(MATCH_SORTS).default('-score'),
});
export type ListMatches = z.infer<typeof listMatchesSchema>;
