import { z } from 'zod';
import { COMPONENT_KEYS } from '@app/matching';
import { text, uuidParam } from '@app/common';

export const profileSchema = z.strictObject({
  weights: z.strictObject(Object.fromEntries(COMPONENT_KEYS.map((k) => [k, z.number().min(0).max(100)])) as Record<(typeof COMPONENT_KEYS)[number], z.ZodNumber>),
  threshold: z.number().min(0).max(1),
  topK: z.number().int().min(1).max(50),
  comment: text(1_000).optional(),
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const applyProposalSchema = z.strictObject({ comment: text(1_000).optional() });
export type ApplyProposalInput = z.infer<typeof applyProposalSchema>;

export const allocationPlanSchema = z.strictObject({
  /** Plan for these requests only; all open requests when omitted. */
  requestIds: z.array(uuidParam).max(5_000).optional(),
});
export type AllocationPlanInput = z.infer<typeof allocationPlanSchema>;

export const endorsePlanSchema = z.strictObject({
  matchIds: z.array(uuidParam).min(1).max(1_000),
  comment: text(2_000).optional(),
});
export type EndorsePlanInput = z.infer<typeof endorsePlanSchema>;
