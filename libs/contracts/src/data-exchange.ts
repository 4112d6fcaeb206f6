import { z } from 'zod';
import { matching, rule } from './messages';
import { isoDate, letterDate, moneySchema, planningDate, stateCodeSchema, taxonomyCode, taxonomyCodes } from './fields';
import { THREAD_MESSAGE_KINDS, THREAD_SIDES, THREAD_TYPES } from './views/threads';
import {
  ACTION_PLAN_ITEM_STATUSES,
  ACTION_PLAN_NOTE_KINDS,
  ACTION_PLAN_PRIORITY_LEVELS,
  ACTION_PLAN_STATUSES,
  DOCUMENT_KINDS,
  DOCUMENT_PARENT_TYPES,
} from './vocabulary';
import {
  ACTOR_ROLES,
  ENGAGEMENT_KINDS,
  FOLLOW_UP_STATUSES,
  CLOSE_REASONS,
  MATCH_STATUSES,
  OFFER_STATUSES,
  ORGANIZATION_KINDS,
  parseRequestReference,
  REQUEST_STATUSES,
  RETIREMENT_REASONS,
  ROLES,
} from '@app/domain';

/**
 * The JSON data-exchange document (`GET /export`, `POST /import`), format version 1. Field by field in
 * docs/data-exchange.md. Every record keeps its id, so the references between records stay valid.
 */
export const EXCHANGE_FORMAT = 'a1540-exchange';
export const EXCHANGE_FORMAT_VERSION = 1;

// Any 8-4-4-4-12 hex id PostgreSQL stores, not only RFC 4122 variants: what one database holds, another takes.
const id = z.guid({ message: 'must be a UUID' });
// Exports write UTC with microseconds (PostgreSQL's precision); any ISO 8601 time with a zone is read.
const timestamp = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 time with a zone, like 2020-05-12T08:30:00.000000Z',
});
// Text is taken as it is (not trimmed), so it round-trips; PostgreSQL cannot store a NUL character.
const text = (max: number, min = 0) =>
  z
    .string()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), rule('noNul'));
const INT4_MAX = 2_147_483_647;
const version = z.number().int().min(1).max(INT4_MAX);

const recordTimes = { version, createdAt: timestamp, updatedAt: timestamp };

export const exchangeOrganizationSchema = z
  .strictObject({
    id,
    name: text(200, 1),
    shortName: text(40, 1),
    kind: z.enum(ORGANIZATION_KINDS),
    state: stateCodeSchema.nullable(),
    contactEmail: z.email({ message: 'must be an e-mail address' }).max(254).nullable(),
    active: z.boolean(),
    ...recordTimes,
  })
  .refine((o) => o.kind !== 'state_agency' || o.state !== null, rule('agencyState', {}, ['state']));
export type ExchangeOrganization = z.infer<typeof exchangeOrganizationSchema>;

export const exchangeUserSchema = z.strictObject({
  id,
  email: z
    .email({ message: 'must be an e-mail address' })
    .max(254)
    .refine((e) => e === e.toLowerCase(), rule('lowerCaseEmail')),
  displayName: text(120, 1),
  role: z.enum(ROLES),
  organizationId: id,
  active: z.boolean(),
  preferredLanguage: taxonomyCode('languages'),
  lastLoginAt: timestamp.nullable(),
  /** Import only, never exported: sets the user's password. Without it the user is imported inactive. */
  password: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
  ...recordTimes,
});
export type ExchangeUser = z.infer<typeof exchangeUserSchema>;

export const exchangeRequestSchema = z
  .strictObject({
    id,
    reference: z
      .string()
      .max(20)
      .refine((r) => parseRequestReference(r) !== null, rule('requestReference')),
    state: stateCodeSchema,
    organizationId: id,
    createdById: id.nullable(),
    title: text(200, 1),
    description: text(10_000, 1),
    provisions: taxonomyCodes('provisions', { min: 1 }),
    domains: taxonomyCodes('domains', { min: 1 }),
    assistanceTypes: taxonomyCodes('assistanceTypes', { min: 1 }),
    targetInstitutions: taxonomyCodes('targetInstitutions'),
    priority: z.enum(['high', 'medium', 'low']),
    estimatedCost: moneySchema.nullable(),
    desiredStart: planningDate.nullable(),
    desiredEnd: planningDate.nullable(),
    languages: taxonomyCodes('languages', { max: 10 }),
    preferredProviderIds: z.array(id).max(20),
    assistanceReceived: text(5_000).nullable(),
    napReference: text(100).nullable(),
    letterDate: letterDate.nullable(),
    visibility: z.enum(['public', 'providers', 'committee']),
    objectionWindowWaived: z.boolean(),
    status: z.enum(REQUEST_STATUSES),
    closeReason: z.enum(CLOSE_REASONS).nullable(),
    submittedAt: timestamp.nullable(),
    acknowledgedAt: timestamp.nullable(),
    circulatedAt: timestamp.nullable(),
    matchedAt: timestamp.nullable(),
    deliveryStartedAt: timestamp.nullable(),
    deliveredAt: timestamp.nullable(),
    closedAt: timestamp.nullable(),
    withdrawnAt: timestamp.nullable(),
    // Absent from documents exported before the field existed.
    readyForCoordinatorAt: timestamp.nullable().default(null),
    // Absent from documents exported before action plans and correspondence existed.
    actionPlanItemId: id.nullable().default(null),
    objectedAt: timestamp.nullable().default(null),
    objectionSource: z.enum(['letter', 'app']).nullable().default(null),
    objectionLetterDate: isoDate.nullable().default(null),
    objectionDocumentId: id.nullable().default(null),
    waiverLetterDate: isoDate.nullable().default(null),
    waiverDocumentId: id.nullable().default(null),
    ...recordTimes,
  })
  .refine((r) => r.reference.slice(0, 3) === r.state, rule('referenceState', {}, ['reference']))
  .refine((r) => !r.desiredStart || !r.desiredEnd || r.desiredStart <= r.desiredEnd, rule('notBefore', { field: 'desiredStart' }, ['desiredEnd']));
export type ExchangeRequest = z.infer<typeof exchangeRequestSchema>;

export const exchangeOfferSchema = z
  .strictObject({
    id,
    organizationId: id,
    createdById: id.nullable(),
    title: text(200, 1),
    description: text(10_000, 1),
    programme: text(200).nullable(),
    provisions: taxonomyCodes('provisions', { min: 1 }),
    domains: taxonomyCodes('domains'),
    assistanceTypes: taxonomyCodes('assistanceTypes', { min: 1 }),
    targetInstitutions: taxonomyCodes('targetInstitutions'),
    eligibleRegions: taxonomyCodes('regions'),
    eligibleStates: z
      .array(stateCodeSchema)
      .max(200)
      .refine((s) => new Set(s).size === s.length, 'must not repeat a State'),
    deliveryModes: taxonomyCodes('deliveryModes'),
    languages: taxonomyCodes('languages', { max: 20 }),
    capacity: z.strictObject({
      engagements: z.number().int().min(1).max(10_000).nullable(),
      budget: moneySchema.nullable(),
      engagementsUsed: z.number().int().min(0).max(INT4_MAX),
    }),
    availableFrom: planningDate.nullable(),
    availableUntil: planningDate.nullable(),
    status: z.enum(OFFER_STATUSES),
    submittedAt: timestamp.nullable(),
    verifiedAt: timestamp.nullable(),
    closedAt: timestamp.nullable(),
    ...recordTimes,
  })
  .refine((o) => !o.availableFrom || !o.availableUntil || o.availableFrom <= o.availableUntil, rule('notBefore', { field: 'availableFrom' }, ['availableUntil']));
export type ExchangeOffer = z.infer<typeof exchangeOfferSchema>;

const rating = z.number().int().min(1).max(5).nullable();

// A text relevance as the engine writes it into a clause: two decimals, 0.00 to 1.00.
const relevance = z.string().regex(/^[01]\.\d\d$/, 'must be a relevance with two decimals, like 0.42');
const count = z.number().int().min(0).max(INT4_MAX);

/**
 * One clause of a match's reason line (`ReasonPart` in libs/matching): a catalogue key and its codes and figures,
 * from which the API words the line in each reader's language. The same keys and fields as the engine writes.
 */
export const reasonPartSchema = z.discriminatedUnion('key', [
  z.strictObject({ key: z.enum(['noProvisions', 'offersNoTypes', 'preferred']) }),
  z.strictObject({ key: z.literal('coversNone'), count }),
  z.strictObject({ key: z.literal('coversSome'), provisions: taxonomyCodes('provisions', { min: 1 }), count }),
  z.strictObject({ key: z.literal('named'), provisions: taxonomyCodes('provisions', { min: 1 }) }),
  z.strictObject({ key: z.enum(['textClose', 'textLow']), text: relevance, least: relevance }),
  z.strictObject({ key: z.literal('offersTypes'), types: taxonomyCodes('assistanceTypes', { min: 1 }) }),
  z.strictObject({ key: z.enum(['servesDirectly', 'servesGlobally']), state: stateCodeSchema }),
  z.strictObject({ key: z.literal('servesVia'), state: stateCodeSchema, region: taxonomyCode('regions') }),
  z.strictObject({ key: z.literal('prior'), count, state: stateCodeSchema }),
  z.strictObject({ key: z.literal('budget'), percent: z.number().int().min(0).max(100) }),
  z.strictObject({ key: z.literal('mentioned'), terms: z.array(text(100, 1)).min(1).max(20) }),
]);

export const exchangeMatchSchema = z.strictObject({
  id,
  requestId: id,
  offerId: id,
  score: z.number().min(0).max(1).nullable(),
  components: z
    .array(z.strictObject({ key: text(40, 1), value: z.number(), weight: z.number(), contribution: z.number() }))
    .max(50),
  reason: text(5_000),
  // The reason line as clauses, for wording it in each reader's language; null: only the English `reason` is kept.
  // Absent from documents exported before it existed.
  reasonParts: z.array(reasonPartSchema).max(50).nullable().default(null),
  engineVersion: text(20).nullable(),
  weightsVersion: z.number().int().min(0).max(INT4_MAX).nullable(),
  scoredAt: timestamp.nullable(),
  origin: z.enum(['engine', 'committee', 'provider_interest']),
  status: z.enum(MATCH_STATUSES),
  notes: text(10_000).nullable(),
  createdById: id.nullable(),
  endorsedAt: timestamp.nullable(),
  answeredAt: timestamp.nullable(),
  agreedAt: timestamp.nullable(),
  completedAt: timestamp.nullable(),
  declineReason: text(5_000).nullable(),
  requesterRating: rating,
  requesterComment: text(5_000).nullable(),
  providerRating: rating,
  providerComment: text(5_000).nullable(),
  // Absent from documents exported before these fields existed.
  retiredReason: z.enum(RETIREMENT_REASONS).nullable().default(null),
  deliveredFrom: letterDate.nullable().default(null),
  deliveredUntil: letterDate.nullable().default(null),
  participants: z.number().int().min(0).max(1_000_000).nullable().default(null),
  deliverables: text(5_000).nullable().default(null),
  ...recordTimes,
});
export type ExchangeMatch = z.infer<typeof exchangeMatchSchema>;

export const exchangeHistorySchema = z.strictObject({
  id,
  subjectType: z.string().regex(...matching(/^[a-z][a-z_]{0,29}$/, 'subjectType')),
  subjectId: id,
  action: text(40, 1),
  fromStatus: text(30).nullable(),
  toStatus: text(30).nullable(),
  actorId: id.nullable(),
  actorRole: z.enum(ACTOR_ROLES).nullable(),
  comment: text(10_000).nullable(),
  reason: text(40).nullable(),
  details: z
    .record(z.string(), z.unknown())
    .refine((d) => !JSON.stringify(d).includes('\\u0000'), rule('noNul'))
    .nullable(),
  createdAt: timestamp,
});
export type ExchangeHistoryEntry = z.infer<typeof exchangeHistorySchema>;

const json = z.unknown().refine((d) => !JSON.stringify(d ?? null).includes('\\u0000'), rule('noNul'));
const jsonObject = z.record(z.string(), json);
const sha256 = z.string().regex(...matching(/^[0-9a-f]{64}$/, 'sha256'));

/** A State's or an organisation's contact list (`owner` state: `ownerKey` an ISO3 code; organization: an id). */
export const exchangeContactListSchema = z
  .strictObject({
    id,
    owner: z.enum(['state', 'organization']),
    ownerKey: text(40, 1),
    contacts: z
      .array(
        z.strictObject({
          name: text(200, 1),
          title: text(200).nullable(),
          agency: text(200).nullable(),
          email: z.email({ message: 'must be an e-mail address' }).max(254),
          phone: text(60).nullable(),
          languages: taxonomyCodes('languages', { max: 20 }),
        }),
      )
      .max(200),
    updatedById: id.nullable(),
    ...recordTimes,
  })
  .refine((c) => (c.owner === 'state' ? stateCodeSchema.safeParse(c.ownerKey).success : id.safeParse(c.ownerKey).success), rule('contactOwnerKey', {}, ['ownerKey']));
export type ExchangeContactList = z.infer<typeof exchangeContactListSchema>;

const party = z.strictObject({ organizationId: id.nullable(), name: text(300, 1), note: text(1_000).nullable() });

export const exchangeEngagementSchema = z
  .strictObject({
    id,
    kind: z.enum(ENGAGEMENT_KINDS),
    title: text(300, 1),
    startDate: isoDate,
    endDate: isoDate,
    venue: text(300).nullable(),
    online: z.boolean(),
    organisers: z.array(party).max(200),
    participants: z.array(party).max(2_000),
    states: z.array(stateCodeSchema).max(200),
    background: text(50_000),
    highlights: text(50_000),
    outcomes: text(50_000),
    additionalComments: text(50_000),
    notePublishedAt: timestamp.nullable(),
    createdById: id.nullable(),
    seedKey: text(100, 1).nullable(),
    ...recordTimes,
  })
  .refine((e) => e.startDate <= e.endDate, rule('notBefore', { field: 'startDate' }, ['endDate']));
export type ExchangeEngagement = z.infer<typeof exchangeEngagementSchema>;

export const exchangeEngagementFollowUpSchema = z.strictObject({
  id,
  engagementId: id,
  description: text(10_000, 1),
  ownerUserId: id.nullable(),
  ownerOrganizationId: id.nullable(),
  dueDate: isoDate,
  status: z.enum(FOLLOW_UP_STATUSES),
  doneAt: timestamp.nullable(),
  ...recordTimes,
});
export type ExchangeEngagementFollowUp = z.infer<typeof exchangeEngagementFollowUpSchema>;

export const exchangeActionPlanSchema = z.strictObject({
  id,
  state: stateCodeSchema,
  organizationId: id,
  title: text(200, 1),
  description: text(20_000).nullable(),
  status: z.enum(ACTION_PLAN_STATUSES),
  submittedOn: isoDate.nullable(),
  revision: z.number().int().min(0).max(INT4_MAX),
  sharedWithProviders: z.boolean(),
  publicSummary: text(20_000).nullable(),
  createdById: id.nullable(),
  ...recordTimes,
});
export type ExchangeActionPlan = z.infer<typeof exchangeActionPlanSchema>;

/** A plan's version: `snapshot` (the plan and its items as they stood) and `changes` are kept as recorded. */
export const exchangeActionPlanVersionSchema = z.strictObject({
  id,
  planId: id,
  revision: z.number().int().min(0).max(INT4_MAX),
  changes: z.array(jsonObject).max(10_000),
  snapshot: jsonObject,
  note: text(10_000).nullable(),
  engagementId: id.nullable(),
  createdById: id.nullable(),
  createdAt: timestamp,
});
export type ExchangeActionPlanVersion = z.infer<typeof exchangeActionPlanVersionSchema>;

export const exchangeActionPlanItemSchema = z.strictObject({
  id,
  planId: id,
  code: text(20).nullable(),
  title: text(200, 1),
  description: text(20_000),
  provisions: taxonomyCodes('provisions'),
  domains: taxonomyCodes('domains'),
  leadAgencyId: id.nullable(),
  partnerAgencyIds: z.array(id).max(50),
  priorityRank: z.number().int().min(1).max(INT4_MAX).nullable(),
  priorityLevel: z.enum(ACTION_PLAN_PRIORITY_LEVELS),
  prioritisedAt: timestamp.nullable(),
  prioritisedById: id.nullable(),
  prioritisedInEngagementId: id.nullable(),
  targetDate: isoDate.nullable(),
  status: z.enum(ACTION_PLAN_ITEM_STATUSES),
  assistanceNeeded: z.boolean(),
  proposed: z.boolean(),
  createdById: id.nullable(),
  ...recordTimes,
});
export type ExchangeActionPlanItem = z.infer<typeof exchangeActionPlanItemSchema>;

export const exchangeActionPlanItemNoteSchema = z.strictObject({
  id,
  itemId: id,
  kind: z.enum(ACTION_PLAN_NOTE_KINDS),
  text: text(10_000, 1),
  authorId: id.nullable(),
  authorOrganizationId: id.nullable(),
  createdAt: timestamp,
});
export type ExchangeActionPlanItemNote = z.infer<typeof exchangeActionPlanItemNoteSchema>;

export const exchangeActionPlanItemInterestSchema = z.strictObject({
  id,
  itemId: id,
  providerOrganizationId: id,
  offerId: id.nullable(),
  programme: text(200).nullable(),
  note: text(10_000).nullable(),
  engagementId: id.nullable(),
  matchId: id.nullable(),
  createdById: id.nullable(),
  createdAt: timestamp,
});
export type ExchangeActionPlanItemInterest = z.infer<typeof exchangeActionPlanItemInterestSchema>;

/** A roundtable's prioritisation of a plan: the ranking agreed and the interests heard, as recorded. */
export const exchangeEngagementPrioritisationSchema = z.strictObject({
  id,
  engagementId: id,
  actionPlanId: id,
  planVersion: z.number().int().min(0).max(INT4_MAX),
  ranking: z
    .array(z.strictObject({ itemId: id, rank: z.number().int().nullable(), level: text(10).nullable() }))
    .max(10_000),
  interests: z
    .array(z.strictObject({ itemId: id, providerId: id, offerId: id.nullable(), note: text(10_000).nullable() }))
    .max(10_000),
  decidedById: id.nullable(),
  decidedAt: timestamp,
  bodyHash: sha256,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type ExchangeEngagementPrioritisation = z.infer<typeof exchangeEngagementPrioritisationSchema>;

/**
 * A document with its bytes as base64 (`contentBase64`), checked against `size` and `sha256` on import. A removed
 * document keeps its metadata and has no bytes: `contentBase64` is null.
 */
export const exchangeDocumentRecordSchema = z
  .strictObject({
    id,
    parentType: z.enum(DOCUMENT_PARENT_TYPES),
    parentId: id,
    kind: z.enum(DOCUMENT_KINDS),
    title: text(300, 1),
    language: text(10).nullable(),
    documentDate: isoDate.nullable(),
    fileName: text(255, 1),
    contentType: text(120, 1),
    size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    sha256,
    uploadedById: id,
    organizationId: id,
    createdAt: timestamp,
    removedAt: timestamp.nullable(),
    removedById: id.nullable(),
    // Uploaded for a request's thread (docs/correspondence.md); absent in older documents.
    forCorrespondence: z.boolean().default(false),
    contentBase64: z.string().nullable(),
  })
  .refine((d) => (d.removedAt === null) === (d.contentBase64 !== null), rule('contentOfRemoved', {}, ['contentBase64']))
  // As the upload's `purpose`: only a request's documents carry its correspondence (a match's thread is the provider's too).
  .refine((d) => !d.forCorrespondence || d.parentType === 'request', rule('correspondenceOfRequest', {}, ['forCorrespondence']));
export type ExchangeDocumentRecord = z.infer<typeof exchangeDocumentRecordSchema>;

export const exchangeThreadMessageSchema = z.strictObject({
  id,
  threadType: z.enum(THREAD_TYPES),
  threadId: id,
  authorId: id,
  authorRole: z.enum(ROLES),
  authorOrganizationId: id,
  authorSide: z.enum(THREAD_SIDES),
  kind: z.enum(THREAD_MESSAGE_KINDS),
  // May be empty: a step's own message (a clarification asked, a resubmission) carries the step's comment, and a
  // step may have none. The import takes back whatever the platform wrote.
  body: text(10_000),
  documentId: id.nullable(),
  createdAt: timestamp,
});
export type ExchangeThreadMessage = z.infer<typeof exchangeThreadMessageSchema>;

/** The collections of a document, in the order they are inserted (a record only points at earlier ones). */
export const EXCHANGE_COLLECTIONS = {
  organizations: exchangeOrganizationSchema,
  users: exchangeUserSchema,
  contactLists: exchangeContactListSchema,
  engagements: exchangeEngagementSchema,
  engagementFollowUps: exchangeEngagementFollowUpSchema,
  actionPlans: exchangeActionPlanSchema,
  actionPlanVersions: exchangeActionPlanVersionSchema,
  actionPlanItems: exchangeActionPlanItemSchema,
  requests: exchangeRequestSchema,
  offers: exchangeOfferSchema,
  matches: exchangeMatchSchema,
  actionPlanItemNotes: exchangeActionPlanItemNoteSchema,
  actionPlanItemInterests: exchangeActionPlanItemInterestSchema,
  engagementPrioritisations: exchangeEngagementPrioritisationSchema,
  documents: exchangeDocumentRecordSchema,
  threadMessages: exchangeThreadMessageSchema,
  history: exchangeHistorySchema,
} as const;
export type ExchangeCollection = keyof typeof EXCHANGE_COLLECTIONS;

// Far above any real register (the body limit caps the size anyway); stops a document of a million stubs.
export const MAX_RECORDS = 500_000;

/**
 * The document's outer shape. Records are read one by one afterwards (ExchangeImportService), so that one bad
 * record is reported with its index and field and does not hide the others.
 */
export const exchangeEnvelopeSchema = z.strictObject({
  format: z.literal(EXCHANGE_FORMAT, { message: `must be "${EXCHANGE_FORMAT}"` }),
  formatVersion: z.literal(EXCHANGE_FORMAT_VERSION, { message: `must be ${EXCHANGE_FORMAT_VERSION}` }),
  exportedAt: timestamp.optional(),
  organizations: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  users: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  requests: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  offers: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  matches: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  history: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  // Absent from documents exported before these records existed.
  contactLists: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  engagements: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  engagementFollowUps: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  actionPlans: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  actionPlanVersions: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  actionPlanItems: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  actionPlanItemNotes: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  actionPlanItemInterests: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  engagementPrioritisations: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  documents: z.array(z.unknown()).max(MAX_RECORDS).default([]),
  threadMessages: z.array(z.unknown()).max(MAX_RECORDS).default([]),
});
export type ExchangeEnvelope = z.infer<typeof exchangeEnvelopeSchema>;

export interface ExchangeDocument {
  format: typeof EXCHANGE_FORMAT;
  formatVersion: typeof EXCHANGE_FORMAT_VERSION;
  exportedAt: string;
  organizations: ExchangeOrganization[];
  users: Omit<ExchangeUser, 'password'>[];
  contactLists: ExchangeContactList[];
  engagements: ExchangeEngagement[];
  engagementFollowUps: ExchangeEngagementFollowUp[];
  actionPlans: ExchangeActionPlan[];
  actionPlanVersions: ExchangeActionPlanVersion[];
  actionPlanItems: ExchangeActionPlanItem[];
  requests: ExchangeRequest[];
  offers: ExchangeOffer[];
  matches: ExchangeMatch[];
  actionPlanItemNotes: ExchangeActionPlanItemNote[];
  actionPlanItemInterests: ExchangeActionPlanItemInterest[];
  engagementPrioritisations: ExchangeEngagementPrioritisation[];
  documents: ExchangeDocumentRecord[];
  threadMessages: ExchangeThreadMessage[];
  history: ExchangeHistoryEntry[];
}

/** A document as imported: every record valid (the password only ever comes in, never goes out). */
export type ImportDocument = Omit<ExchangeDocument, 'users' | 'exportedAt'> & {
  exportedAt?: string;
  users: ExchangeUser[];
};
