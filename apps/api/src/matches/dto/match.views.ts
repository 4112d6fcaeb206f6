import { z } from 'zod';
import { MATCH_ACTIONS, MATCH_STATUSES, RETIREMENT_REASONS } from '@app/domain';
import { isoDateTime, organizationRefSchema, pageOf, uuid } from '../../common/openapi';

export const scoreComponentSchema = z.object({
  key: z.string(),
  value: z.number(),
  weight: z.number(),
  contribution: z.number(),
});

const sideFeedback = z.object({ rating: z.number().int(), comment: z.string().nullable() }).nullable();

/** Describes `MatchView` (matches.service.ts). */
export const matchViewSchema = z.object({
  id: uuid,
  status: z.enum(MATCH_STATUSES),
  origin: z.string(),
  score: z.number().nullable(),
  components: z.array(scoreComponentSchema),
  reason: z.string(),
  engineVersion: z.string().nullable(),
  weightsVersion: z.number().int().nullable(),
  scoredAt: isoDateTime.nullable(),
  notes: z.string().nullable(),
  declineReason: z.string().nullable(),
  retiredReason: z.enum(RETIREMENT_REASONS).nullable(),
  delivery: z
    .object({
      deliveredFrom: z.iso.date(),
      deliveredUntil: z.iso.date(),
      participants: z.number().int().nullable(),
      deliverables: z.string(),
      beforeDesiredStart: z.boolean(),
    })
    .nullable(),
  endorsedAt: isoDateTime.nullable(),
  answeredAt: isoDateTime.nullable(),
  agreedAt: isoDateTime.nullable(),
  completedAt: isoDateTime.nullable(),
  feedback: z.object({ requester: sideFeedback, provider: sideFeedback }),
  request: z.object({ id: uuid, reference: z.string(), title: z.string(), state: z.string(), status: z.string(), desiredStart: z.iso.date().nullable() }),
  offer: z.object({ id: uuid, title: z.string(), status: z.string(), provider: organizationRefSchema }),
  availableActions: z.array(z.enum(MATCH_ACTIONS)),
  canGiveFeedback: z.boolean(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const matchPageSchema = pageOf(matchViewSchema);
