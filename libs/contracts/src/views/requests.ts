import { z } from 'zod';
import { closeReasonSchema, requestActionSchema, requestStatusSchema } from '../enums';
import { REQUEST_PRIORITIES, REQUEST_VISIBILITIES } from '../vocabulary';
import { day, moneyView, organizationRefSchema, pageOf, timestamp, uuid } from './common';

/** A request as the caller may see it (GET /requests/:id and every write on a request). */
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
  priority: z.enum(REQUEST_PRIORITIES),
  estimatedCost: moneyView.nullable(),
  desiredStart: day.nullable(),
  desiredEnd: day.nullable(),
  languages: z.array(z.string()),
  preferredProviderIds: z.array(uuid),
  assistanceReceived: z.string().nullable(),
  napReference: z.string().nullable(),
  /** The action plan item the request was made from (DESIGN §4a). */
  actionPlanItemId: uuid.nullable(),
  letterDate: day.nullable(),
  visibility: z.enum(REQUEST_VISIBILITIES),
  objectionWindowWaived: z.boolean(),
  /** DESIGN §4b: the State's objection to circulation while it stands (`letter`: recorded by the Committee, `app`: by the coordinator). */
  objectedAt: timestamp.nullable(),
  objectionSource: z.enum(['letter', 'app']).nullable(),
  objectionLetterDate: day.nullable(),
  /** The letter's document id (documents are attached separately). */
  objectionDocumentId: uuid.nullable(),
  /** A waiver of the objection window the State sent by letter. */
  waiverLetterDate: day.nullable(),
  waiverDocumentId: uuid.nullable(),
  status: requestStatusSchema,
  closeReason: closeReasonSchema.nullable(),
  submittedAt: timestamp.nullable(),
  acknowledgedAt: timestamp.nullable(),
  circulatedAt: timestamp.nullable(),
  firstSuggestionAt: timestamp.nullable(),
  /** When an agency member told the coordinator the draft is ready to submit. */
  readyForCoordinatorAt: timestamp.nullable(),
  matchedAt: timestamp.nullable(),
  deliveryStartedAt: timestamp.nullable(),
  deliveredAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  withdrawnAt: timestamp.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  organization: organizationRefSchema.nullable(),
  /** Workflow actions this caller may take now: what the web app offers as buttons. */
  availableActions: z.array(requestActionSchema),
  /** For acknowledged requests whose State did not waive it: when the objection window closes. */
  objectionWindowClosesAt: timestamp.nullable(),
  /** Whether the caller may edit the request's content now (the API decides). */
  canEdit: z.boolean(),
});
export type RequestView = z.infer<typeof requestViewSchema>;

/**
 * A page of requests. The list counts its rows only so far past the page (1,000 rows), with or without a search
 * (`q`): past that, `total` is that many and `totalIsLowerBound` is true — there are more than `total`.
 */
export const requestPageSchema = pageOf(requestViewSchema).extend({ totalIsLowerBound: z.boolean() });

/** A request whose title (and description) resemble a draft's (POST /requests/duplicate-check, POST /requests). */
export const possibleDuplicateSchema = z.object({
  id: uuid,
  reference: z.string(),
  title: z.string(),
  status: requestStatusSchema,
  similarity: z.number().describe('0..1: the title similarity, or the mean of title and description similarity when both were compared'),
  titleSimilarity: z.number().describe('0..1: pg_trgm similarity of the two titles (shared trigrams over all trigrams of both)'),
  descriptionSimilarity: z.number().nullable().describe('0..1: the same for the descriptions; null when the draft had no description of 20 characters or more'),
});
export type PossibleDuplicateView = z.infer<typeof possibleDuplicateSchema>;

/** POST /requests: the new request and the requests it may duplicate. */
export const createdRequestSchema = requestViewSchema.extend({ possibleDuplicates: z.array(possibleDuplicateSchema) });

/** A circulated request in the public register (GET /public/requests, no sign-in): summary fields only. */
export const publicRequestSummarySchema = z.object({
  reference: z.string(),
  /** ISO 3166-1 alpha-3. */
  state: z.string(),
  title: z.string(),
  provisions: z.array(z.string()),
  domains: z.array(z.string()),
  assistanceTypes: z.array(z.string()),
  status: z.string(),
  circulatedAt: timestamp.nullable(),
});
export type PublicRequestSummaryView = z.infer<typeof publicRequestSummarySchema>;

export const publicRequestPageSchema = pageOf(publicRequestSummarySchema);
