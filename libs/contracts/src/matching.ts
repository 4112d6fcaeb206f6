import { z } from 'zod';
import { text, uuidParam } from './fields';
import { COMPONENT_KEYS } from './vocabulary';

/** The engine's weights, threshold and top-k (PUT /matching/profile). */
export const profileSchema = z.strictObject({
  weights: z.strictObject(Object.fromEntries(COMPONENT_KEYS.map((k) => [k, z.number().min(0).max(100)])) as Record<(typeof COMPONENT_KEYS)[number], z.ZodNumber>),
  threshold: z.number().min(0).max(1),
  topK: z.number().int().min(1).max(50),
  comment: text(1_000).optional(),
});
export type ProfileInput = z.infer<typeof profileSchema>;

/** POST /matching/proposals/:id/apply. */
export const applyProposalSchema = z.strictObject({ comment: text(1_000).optional() });
export type ApplyProposalInput = z.infer<typeof applyProposalSchema>;

/** POST /matching/allocation-plan. */
export const allocationPlanSchema = z.strictObject({
  /** Plan for these requests only; all open requests when omitted. */
  requestIds: z.array(uuidParam).max(5_000).optional(),
});
export type AllocationPlanInput = z.infer<typeof allocationPlanSchema>;

/** POST /matching/allocation-plan/endorse. */
export const endorsePlanSchema = z.strictObject({
  matchIds: z.array(uuidParam).min(1).max(1_000),
  comment: text(2_000).optional(),
});
export type EndorsePlanInput = z.infer<typeof endorsePlanSchema>;

/** `?offerId=` of GET /requests/:id/matches/explain. */
export const explainQuerySchema = z.strictObject({ offerId: uuidParam });
export type ExplainQuery = z.infer<typeof explainQuerySchema>;
