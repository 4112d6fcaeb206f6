import { z } from 'zod';
import { COMPONENT_KEYS } from '@app/matching';
import { isoDateTime, uuid } from '../common/openapi';
import { matchViewSchema } from '../matches/dto/match.views';

/** The weights profile in force (`currentProfile`); `createdAt` and `comment` once a profile was saved. */
export const weightsProfileSchema = z.object({
  version: z.number().int(),
  weights: z.object(Object.fromEntries(COMPONENT_KEYS.map((k) => [k, z.number()])) as Record<(typeof COMPONENT_KEYS)[number], z.ZodNumber>),
  threshold: z.number(),
  topK: z.number().int(),
  createdAt: isoDateTime.optional(),
  comment: z.string().nullable().optional(),
});

/** Describes `RescoreView` (matching.service.ts). */
export const rescoreViewSchema = z.object({
  id: uuid,
  status: z.string(),
  trigger: z.string(),
  weightsVersion: z.number().int().nullable(),
  requests: z.number().int(),
  progress: z.object({ done: z.number().int(), total: z.number().int(), percent: z.number() }),
  createdAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
});

export const putProfileResultSchema = weightsProfileSchema.extend({ rescore: rescoreViewSchema });

export const allocationPlanResultSchema = z.object({
  total: z.number(),
  requests: z.number().int(),
  offers: z.number().int(),
  candidates: z.number().int(),
  matches: z.array(
    z.object({
      matchId: uuid,
      requestId: uuid,
      reference: z.string(),
      requestTitle: z.string(),
      state: z.string(),
      offerId: uuid,
      offerTitle: z.string(),
      provider: z.string(),
      score: z.number(),
      status: z.string(),
      reason: z.string(),
    }),
  ),
});

export const endorsePlanResultSchema = z.object({
  endorsed: z.array(matchViewSchema),
  skipped: z.array(z.object({ matchId: uuid, reason: z.string() })),
});
