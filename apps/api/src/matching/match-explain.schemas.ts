import { z } from 'zod';
import type { IneligibilityReason } from '@app/matching';
import { uuidParam } from '@app/common';
import { organizationRefSchema, uuid } from '../common/openapi';

/** `?offerId=` of GET /requests/:id/matches/explain. */
export const explainQuerySchema = z.strictObject({ offerId: uuidParam });
export type ExplainQuery = z.infer<typeof explainQuerySchema>;

export const EXPLANATION_OUTCOMES = ['suggested', 'ineligible', 'not_relevant', 'below_threshold', 'outranked', 'request_not_open'] as const;
export type ExplanationOutcome = (typeof EXPLANATION_OUTCOMES)[number];

const INELIGIBILITY_RULES = ['offer_inactive', 'no_capacity', 'state_not_served', 'no_domain_overlap', 'availability_disjoint'] as const satisfies readonly IneligibilityReason[];

const componentSchema = z.object({ key: z.string(), value: z.number(), weight: z.number(), contribution: z.number() });
const codes = z.array(z.string());

/** Describes `MatchExplanationView` (match-explain.service.ts). */
export const matchExplanationSchema = z.object({
  outcome: z.enum(EXPLANATION_OUTCOMES),
  request: z.object({ id: uuid, reference: z.string(), status: z.string(), state: z.string() }),
  offer: z.object({ id: uuid, title: z.string(), status: z.string(), provider: organizationRefSchema }),
  weightsVersion: z.number().int(),
  threshold: z.number(),
  topK: z.number().int(),
  score: z.number().nullable(),
  components: z.array(componentSchema).nullable(),
  reason: z.string().nullable(),
  relevance: z
    .object({
      requested: codes,
      covered: codes,
      offered: codes,
      text: z.number(),
      textThreshold: z.number(),
      basis: z.enum(['provisions', 'text']).nullable(),
    })
    .nullable(),
  rank: z.number().int().nullable(),
  kept: z.number().int().nullable(),
  lowestKept: z
    .object({ offerId: uuid, title: z.string(), provider: z.string(), score: z.number(), rank: z.number().int() })
    .nullable(),
  ineligible: z
    .object({
      rule: z.enum(INELIGIBILITY_RULES),
      offerStatus: z.string().optional(),
      engagements: z.number().int().nullable().optional(),
      remainingEngagements: z.number().int().nullable().optional(),
      state: z.string().optional(),
      eligibleStates: codes.optional(),
      eligibleRegions: codes.optional(),
      requestedDomains: codes.optional(),
      offeredDomains: codes.optional(),
      desiredStart: z.string().nullable().optional(),
      desiredEnd: z.string().nullable().optional(),
      availableFrom: z.string().nullable().optional(),
      availableUntil: z.string().nullable().optional(),
    })
    .nullable(),
  match: z.object({ id: uuid, status: z.string() }).nullable(),
});
