import { z } from 'zod';
import { explanationOutcomeSchema, rescoreStatusSchema, weightsProposalStatusSchema } from '../enums';
import { COMPONENT_KEYS } from '../vocabulary';
import { organizationRefSchema, recordOf, timestamp, uuid } from './common';
import { matchViewSchema, scoreComponentSchema } from './matches';

/** The weights profile in force (GET /matching/profile); `createdAt` and `comment` once a profile was saved. */
export const weightsProfileSchema = z.object({
  version: z.number().int(),
  weights: recordOf(COMPONENT_KEYS, z.number()),
  threshold: z.number(),
  topK: z.number().int(),
  createdAt: timestamp.optional(),
  comment: z.string().nullable().optional(),
});
export type WeightsProfileView = z.infer<typeof weightsProfileSchema>;

/** A full rescore's progress handle (GET /matching/rescores/:id). */
export const rescoreViewSchema = z.object({
  id: uuid,
  status: rescoreStatusSchema,
  /** `manual`, `weights_changed`, `nightly`, … */
  trigger: z.string(),
  weightsVersion: z.number().int().nullable(),
  requests: z.number().int(),
  progress: z.object({ done: z.number().int(), total: z.number().int(), percent: z.number() }),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});
export type RescoreView = z.infer<typeof rescoreViewSchema>;

/** PUT /matching/profile: the new profile and the rescore it started. */
export const putProfileResultSchema = weightsProfileSchema.extend({ rescore: rescoreViewSchema });
export type PutProfileResultView = z.infer<typeof putProfileResultSchema>;

const heldOutSchema = z.object({
  /** Probability that a taken-up suggestion scores above a turned-down one, on held-out folds. */
  auc: z.number(),
  logLoss: z.number(),
});
const rankingSchema = z.object({ precisionAt3: z.number(), ndcgAt5: z.number() });
const rankingComparisonSchema = z.object({ current: rankingSchema, proposed: rankingSchema });

/** What a fit measured: on the past decisions (cross-validated) and on the labelled set, current against proposed. */
export const weightsProposalFiguresSchema = z.object({
  examples: z.number().int(),
  positives: z.number().int(),
  /** The penalty strength cross-validation chose; null when no fit was made. */
  lambda: z.number().nullable(),
  folds: z.number().int().nullable(),
  pastDecisions: z.object({ current: heldOutSchema, proposed: heldOutSchema }).nullable(),
  /** libs/matching/eval with requests tagged as written and loosely; null when the set is not deployed. */
  labelledSet: z.object({ full: rankingComparisonSchema, loose: rankingComparisonSchema }).nullable(),
  /** Why no profile was proposed. */
  reason: z.enum(['too_few_decisions', 'one_sided_decisions']).nullable(),
});
export type WeightsProposalFigures = z.infer<typeof weightsProposalFiguresSchema>;

/** GET /matching/proposals: a profile fitted from decisions, for the Committee to compare and apply. */
export const weightsProposalViewSchema = z.object({
  id: uuid,
  status: weightsProposalStatusSchema,
  baseVersion: z.number().int(),
  /** The weights proposed; null until fitted, or when there were too few decisions. */
  weights: recordOf(COMPONENT_KEYS, z.number()).nullable(),
  figures: weightsProposalFiguresSchema.nullable(),
  createdAt: timestamp,
  fittedAt: timestamp.nullable(),
  appliedVersion: z.number().int().nullable(),
  decidedAt: timestamp.nullable(),
});
export type WeightsProposalView = z.infer<typeof weightsProposalViewSchema>;

/** POST /matching/proposals/:id/apply: the new profile version and the rescore it started. */
export const applyProposalResultSchema = z.object({ proposal: weightsProposalViewSchema, profile: putProfileResultSchema });

/** One proposed match of an allocation plan. */
export const plannedMatchSchema = z.object({
  matchId: uuid,
  requestId: uuid,
  reference: z.string(),
  requestTitle: z.string(),
  /** The requesting State (ISO 3166-1 alpha-3). */
  state: z.string(),
  offerId: uuid,
  offerTitle: z.string(),
  /** The provider's short name. */
  provider: z.string(),
  score: z.number(),
  status: z.string(),
  reason: z.string(),
});
export type PlannedMatchView = z.infer<typeof plannedMatchSchema>;

/** POST /matching/allocation-plan. */
export const allocationPlanResultSchema = z.object({
  /** Sum of the proposed matches' scores: the greatest possible within every offer's capacity. */
  total: z.number(),
  requests: z.number().int(),
  offers: z.number().int(),
  candidates: z.number().int(),
  matches: z.array(plannedMatchSchema),
});
export type AllocationPlanView = z.infer<typeof allocationPlanResultSchema>;

/** POST /matching/allocation-plan/endorse. */
export const endorsePlanResultSchema = z.object({
  endorsed: z.array(matchViewSchema),
  skipped: z.array(z.object({ matchId: uuid, reason: z.string() })),
});
export type EndorsePlanResultView = z.infer<typeof endorsePlanResultSchema>;

/** The engine's hard filters (libs/matching eligibility.ts), as an explanation names the one that failed. */
export const INELIGIBILITY_RULES = ['offer_inactive', 'no_capacity', 'state_not_served', 'no_domain_overlap', 'availability_disjoint'] as const;
export type IneligibilityRule = (typeof INELIGIBILITY_RULES)[number];

const codes = z.array(z.string());

/** Why the engine did or did not suggest one offer for one request (GET /requests/:id/matches/explain). */
export const matchExplanationSchema = z.object({
  outcome: explanationOutcomeSchema,
  request: z.object({ id: uuid, reference: z.string(), status: z.string(), state: z.string() }),
  offer: z.object({ id: uuid, title: z.string(), status: z.string(), provider: organizationRefSchema }),
  weightsVersion: z.number().int(),
  threshold: z.number(),
  topK: z.number().int(),
  /** The pair's score, components and reason line once it passed the hard filters. */
  score: z.number().nullable(),
  components: z.array(scoreComponentSchema).nullable(),
  reason: z.string().nullable(),
  /** The relevance rule (libs/matching relevance.ts): what was requested, what the offer covers, its text. */
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
  /** suggested: its place among the `kept` suggestions. */
  rank: z.number().int().nullable(),
  kept: z.number().int().nullable(),
  /** outranked: the lowest suggestion kept, which it would have had to beat. */
  lowestKept: z
    .object({ offerId: uuid, title: z.string(), provider: z.string(), score: z.number(), rank: z.number().int() })
    .nullable(),
  /** ineligible: the hard rule that failed, with its values (and the offer's status when it is not active). */
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
  /** The stored match of this pair, whatever its status: suggestions people acted on keep theirs. */
  match: z.object({ id: uuid, status: z.string() }).nullable(),
});
export type MatchExplanationView = z.infer<typeof matchExplanationSchema>;
