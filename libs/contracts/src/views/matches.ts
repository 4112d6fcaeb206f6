import { z } from 'zod';
import { matchActionSchema, matchOriginSchema, matchStatusSchema, retirementReasonSchema } from '../enums';
import { day, organizationRefSchema, pageOf, timestamp, uuid } from './common';

/** One component of a match's score, in the order the engine lists them. */
export const scoreComponentSchema = z.object({
  key: z.string(),
  /** In [0, 1]: how well the pair does on this component alone. */
  value: z.number(),
  /** The weights profile's weight for the component. */
  weight: z.number(),
  /** weight × value ÷ sum of weights: the contributions add up to the score. */
  contribution: z.number(),
});
export type ScoreComponentView = z.infer<typeof scoreComponentSchema>;

/** One side's rating of a completed match. */
export const matchFeedbackSchema = z.object({ rating: z.number().int(), comment: z.string().nullable() });
export type MatchFeedbackView = z.infer<typeof matchFeedbackSchema>;

/** What a completed match delivered. */
export const deliveryRecordSchema = z.object({
  deliveredFrom: day,
  deliveredUntil: day,
  participants: z.number().int().nullable(),
  deliverables: z.string(),
});
export type DeliveryRecordView = z.infer<typeof deliveryRecordSchema>;

/** A match as the caller may see it (GET /matches/:id and every write on a match). */
export const matchViewSchema = z.object({
  id: uuid,
  status: matchStatusSchema,
  origin: matchOriginSchema,
  /** In [0, 1]; null until the engine has scored the pair (e.g. a fresh manual match). */
  score: z.number().nullable(),
  components: z.array(scoreComponentSchema),
  /**
   * What this score has meant so far: of the decided suggestions scored in the same band ([from, to)), how many
   * were taken up. Null until that band holds five decisions, or while the match has no score.
   */
  calibration: z.object({ from: z.number(), to: z.number(), decided: z.number().int(), takenUp: z.number().int() }).nullable(),
  reason: z.string(),
  engineVersion: z.string().nullable(),
  weightsVersion: z.number().int().nullable(),
  scoredAt: timestamp.nullable(),
  notes: z.string().nullable(),
  declineReason: z.string().nullable(),
  /** Why the system retired this suggestion, when it did. */
  retiredReason: retirementReasonSchema.nullable(),
  /** What was delivered, once the match is completed. */
  delivery: deliveryRecordSchema.extend({ beforeDesiredStart: z.boolean() }).nullable(),
  endorsedAt: timestamp.nullable(),
  answeredAt: timestamp.nullable(),
  agreedAt: timestamp.nullable(),
  completedAt: timestamp.nullable(),
  feedback: z.object({ requester: matchFeedbackSchema.nullable(), provider: matchFeedbackSchema.nullable() }),
  request: z.object({ id: uuid, reference: z.string(), title: z.string(), state: z.string(), status: z.string(), desiredStart: day.nullable() }),
  offer: z.object({ id: uuid, title: z.string(), status: z.string(), provider: organizationRefSchema }),
  availableActions: z.array(matchActionSchema),
  /** The caller's side may still rate this completed match. */
  canGiveFeedback: z.boolean(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type MatchView = z.infer<typeof matchViewSchema>;

/**
 * A page of matches. The Committee's list holds every suggestion, so the total is counted only so far past the page
 * (1,000 rows): past that, `total` is that many and `totalIsLowerBound` is true — there are more than `total`.
 */
export const matchPageSchema = pageOf(matchViewSchema).extend({ totalIsLowerBound: z.boolean() });
