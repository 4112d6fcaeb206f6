import { z } from 'zod';
import {
  changesSchema,
  csvList,
  letterDate,
  moneySchema,
  paginationSchema,
  planningDate,
  queryFlag,
  stateCodeSchema,
  taxonomyCode,
  taxonomyCodes,
  text,
  transitionFields,
  uuidParam,
  uuidSchema,
} from './fields';
import { matching, rule } from './messages';
import { REQUEST_PRIORITIES, REQUEST_SORTS, REQUEST_STATUSES, REQUEST_VISIBILITIES } from './vocabulary';

/** The lengths of a request's texts: the API refuses more, the form counts against them. */
export const REQUEST_TEXT_LIMITS = {
  title: { min: 5, max: 200 },
  description: { min: 20, max: 10_000 },
  assistanceReceived: { min: 0, max: 5_000 },
  napReference: { min: 0, max: 100 },
} as const;

const limited = (field: keyof typeof REQUEST_TEXT_LIMITS) => text(REQUEST_TEXT_LIMITS[field].max, REQUEST_TEXT_LIMITS[field].min);

/** Every field of a request a person writes, with its rules; the create and update schemas make them optional or defaulted. */
export const requestFields = {
  title: limited('title'),
  description: limited('description'),
  provisions: taxonomyCodes('provisions', { min: 1 }),
  domains: taxonomyCodes('domains', { min: 1 }),
  assistanceTypes: taxonomyCodes('assistanceTypes', { min: 1 }),
  targetInstitutions: taxonomyCodes('targetInstitutions'),
  priority: z.enum(REQUEST_PRIORITIES),
  estimatedCost: moneySchema.nullable(),
  desiredStart: planningDate.nullable(),
  desiredEnd: planningDate.nullable(),
  languages: taxonomyCodes('languages', { max: 10 }),
  preferredProviderIds: z.array(uuidSchema).max(20),
  assistanceReceived: limited('assistanceReceived').nullable(),
  napReference: limited('napReference').nullable(),
  letterDate: letterDate.nullable(),
  visibility: z.enum(REQUEST_VISIBILITIES),
  objectionWindowWaived: z.boolean(),
};

const datesInOrder = (r: { desiredStart?: string | null; desiredEnd?: string | null }) =>
  !r.desiredStart || !r.desiredEnd || r.desiredStart <= r.desiredEnd;
const datesRule = rule('beforeStart', {}, ['desiredEnd']);

/** A new request (POST /requests), and what the request form checks before it sends. */
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
  .refine(datesInOrder, datesRule);
export type CreateRequest = z.infer<typeof createRequestSchema>;

/** Changes to a request (PATCH /requests/:id): any of its fields, and the version they were made on. */
export const updateRequestSchema = changesSchema(requestFields).refine(datesInOrder, datesRule);
export type UpdateRequest = z.infer<typeof updateRequestSchema>;

/** A step in a request's workflow (POST /requests/:id/transitions). */
export const requestTransitionSchema = z.strictObject({
  ...transitionFields,
  /** record_objection, record_waiver: the date of the State's letter (required there). */
  letterDate: letterDate.optional(),
  /** record_objection, record_waiver: the letter as an attached document, once uploaded. */
  documentId: uuidParam.optional(),
});
export type RequestTransition = z.infer<typeof requestTransitionSchema>;

/** The list of requests (GET /requests). */
export const listRequestsSchema = paginationSchema.extend({
  status: csvList(z.enum(REQUEST_STATUSES)).optional(),
  state: stateCodeSchema.optional(),
  provision: taxonomyCode('provisions').optional(),
  domain: taxonomyCode('domains').optional(),
  type: taxonomyCode('assistanceTypes').optional(),
  institution: taxonomyCode('targetInstitutions').optional(),
  priority: z.enum(REQUEST_PRIORITIES).optional(),
  organizationId: uuidParam.optional(),
  /** `true`: drafts an agency member has marked ready for the coordinator; `false`: the others. */
  ready: queryFlag.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z
    .string()
    .regex(...matching(new RegExp(`^-?(${REQUEST_SORTS.join('|')})$`), 'sortOneOf', { values: REQUEST_SORTS.join(', ') }))
    .default('-updatedAt'),
});
export type ListRequests = z.infer<typeof listRequestsSchema>;

/** The list's filters and sort without pagination: a CSV export holds every row they select (GET /export/requests.csv). */
export const requestsCsvSchema = listRequestsSchema.omit({ page: true, pageSize: true });
export type RequestsCsvQuery = z.infer<typeof requestsCsvSchema>;

/** Requests that read much like a draft (POST /requests/duplicate-check). */
export const duplicateCheckSchema = z.strictObject({
  title: text(200, 1),
  description: text(10_000).optional(),
  excludeId: uuidParam.optional(),
});
export type DuplicateCheck = z.infer<typeof duplicateCheckSchema>;

/** The public register of circulated requests (GET /public/requests). */
export const publicRequestsQuerySchema = paginationSchema.extend({
  state: stateCodeSchema.optional(),
  provision: taxonomyCode('provisions').optional(),
  q: z.string().trim().max(200).optional(),
});
export type PublicRequestsQuery = z.infer<typeof publicRequestsQuerySchema>;
