import { z } from 'zod';
import { CLOSE_REASONS, REQUEST_STATUSES } from '@app/domain';
import {
  csvList,
  letterDate,
  moneySchema,
  paginationSchema,
  planningDate,
  stateCodeSchema,
  taxonomyCode,
  taxonomyCodes,
  text,
  uuidParam,
} from '@app/common';

const PRIORITIES = ['high', 'medium', 'low'] as const;
const VISIBILITIES = ['public', 'providers', 'committee'] as const;

const requestFields = {
  title: text(200, 5),
  description: text(10_000, 20),
  provisions: taxonomyCodes('provisions', { min: 1 }),
  domains: taxonomyCodes('domains', { min: 1 }),
  assistanceTypes: taxonomyCodes('assistanceTypes', { min: 1 }),
  targetInstitutions: taxonomyCodes('targetInstitutions'),
  priority: z.enum(PRIORITIES),
  estimatedCost: moneySchema.nullable(),
  desiredStart: planningDate.nullable(),
  desiredEnd: planningDate.nullable(),
  languages: taxonomyCodes('languages', { max: 10 }),
  preferredProviderIds: z.array(uuidParam).max(20),
  assistanceReceived: text(5_000).nullable(),
  napReference: text(100).nullable(),
  letterDate: letterDate.nullable(),
  visibility: z.enum(VISIBILITIES),
  objectionWindowWaived: z.boolean(),
};

const datesInOrder = (r: { desiredStart?: string | null; desiredEnd?: string | null }) =>
  !r.desiredStart || !r.desiredEnd || r.desiredStart <= r.desiredEnd;
const datesMessage = { message: 'must not be before desiredStart', path: ['desiredEnd'] };

export const createRequestSchema = z
  .strictObject({
    ...requestFields,
    state: stateCodeSchema.optional(),
    targetInstitutions: requestFields.targetInstitutions.default([]),
    priority: requestFields.priority.default('medium'),
    estimatedCost: requestFields.estimatedCost.optional(),
    desiredStart: requestFields.desiredStart.optional(),
    desiredEnd: requestFields.desiredEnd.optional(),
    languages: requestFields.languages.default([]),
    preferredProviderIds: requestFields.preferredProviderIds.default([]),
    assistanceReceived: requestFields.assistanceReceived.optional(),
    napReference: requestFields.napReference.optional(),
    letterDate: requestFields.letterDate.optional(),
    visibility: requestFields.visibility.default('providers'),
    objectionWindowWaived: requestFields.objectionWindowWaived.default(false),
  })
  .refine(datesInOrder, datesMessage);
export type CreateRequest = z.infer<typeof createRequestSchema>;

export const updateRequestSchema = z
  .strictObject({
    ...Object.fromEntries(Object.entries(requestFields).map(([k, v]) => [k, v.optional()])),
    version: z.number().int().min(1),
  } as { [K in keyof typeof requestFields]: z.ZodOptional<(typeof requestFields)[K]> } & { version: z.ZodNumber })
  .refine(datesInOrder, datesMessage);
export type UpdateRequest = z.infer<typeof updateRequestSchema>;

export const requestTransitionSchema = z.strictObject({
  action: z.string().min(1).max(40),
  comment: text(5_000).optional(),
  reason: z.string().max(40).optional(),
  version: z.number().int().min(1).optional(),
});
export type RequestTransition = z.infer<typeof requestTransitionSchema>;

export const REQUEST_SORTS = ['createdAt', 'updatedAt', 'priority', 'reference', 'title', 'submittedAt', 'circulatedAt', 'status'] as const;

export const listRequestsSchema = paginationSchema.extend({
  status: csvList(z.enum(REQUEST_STATUSES)).optional(),
  state: stateCodeSchema.optional(),
  provision: taxonomyCode('provisions').optional(),
  domain: taxonomyCode('domains').optional(),
  type: taxonomyCode('assistanceTypes').optional(),
  institution: taxonomyCode('targetInstitutions').optional(),
  priority: z.enum(PRIORITIES).optional(),
  organizationId: uuidParam.optional(),
  /** `true`: drafts an agency member has marked ready for the coordinator; `false`: the others. */
  ready: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(200).optional(),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${REQUEST_SORTS.join('|')})$`), `must be one of ${REQUEST_SORTS.join(', ')}, optionally prefixed with -`)
    .default('-updatedAt'),
});
export type ListRequests = z.infer<typeof listRequestsSchema>;

export const duplicateCheckSchema = z.strictObject({
  title: text(200, 1),
  description: text(10_000).optional(),
  excludeId: uuidParam.optional(),
});
export type DuplicateCheck = z.infer<typeof duplicateCheckSchema>;

export { CLOSE_REASONS };
