import { z } from 'zod';
import { CLOSE_REASONS, REQUEST_ACTIONS, REQUEST_STATUSES } from '@app/domain';
import { isoDateTime, organizationRefSchema, pageOf, uuid } from '../../common/openapi';

/** Describes `RequestView` (requests.service.ts) for the OpenAPI document. */
export const requestViewSchema = z.object({
  id: uuid,
  reference: z.string(),
  state: z.string(),
  organizationId: uuid,
  title: z.string(),
  description: z.string(),
  provisions: z.array(z.string()),
  domains: z.array(z.string()),
  assistanceTypes: z.array(z.string()),
  targetInstitutions: z.array(z.string()),
  priority: z.string(),
  estimatedCost: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  desiredStart: z.string().nullable(),
  desiredEnd: z.string().nullable(),
  languages: z.array(z.string()),
  preferredProviderIds: z.array(uuid),
  assistanceReceived: z.string().nullable(),
  napReference: z.string().nullable(),
  letterDate: z.string().nullable(),
  visibility: z.string(),
  objectionWindowWaived: z.boolean(),
  status: z.enum(REQUEST_STATUSES),
  closeReason: z.enum(CLOSE_REASONS).nullable(),
  submittedAt: isoDateTime.nullable(),
  acknowledgedAt: isoDateTime.nullable(),
  circulatedAt: isoDateTime.nullable(),
  firstSuggestionAt: isoDateTime.nullable(),
  readyForCoordinatorAt: isoDateTime.nullable(),
  matchedAt: isoDateTime.nullable(),
  deliveryStartedAt: isoDateTime.nullable(),
  deliveredAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  withdrawnAt: isoDateTime.nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  organization: organizationRefSchema.nullable(),
  availableActions: z.array(z.enum(REQUEST_ACTIONS)),
  objectionWindowClosesAt: isoDateTime.nullable(),
  canEdit: z.boolean(),
});

export const requestPageSchema = pageOf(requestViewSchema);

export const possibleDuplicateSchema = z.object({
  id: uuid,
  reference: z.string(),
  title: z.string(),
  status: z.enum(REQUEST_STATUSES),
  similarity: z.number().describe('0..1: the title similarity, or the mean of title and description similarity when both were compared'),
  titleSimilarity: z.number().describe('0..1: pg_trgm similarity of the two titles (shared trigrams over all trigrams of both)'),
  descriptionSimilarity: z.number().nullable().describe('0..1: the same for the descriptions; null when the draft had no description of 20 characters or more'),
});
