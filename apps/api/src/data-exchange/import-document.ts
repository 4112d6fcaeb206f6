import type { z } from 'zod';
import { type FieldIssue, issueSource, localizedIssue, MESSAGE_SOURCE, type MessageSource } from '@app/common';
import {
  EXCHANGE_COLLECTIONS,
  ExchangeActionPlan,
  ExchangeActionPlanItem,
  ExchangeActionPlanItemInterest,
  ExchangeActionPlanItemNote,
  ExchangeActionPlanVersion,
  ExchangeCollection,
  ExchangeContactList,
  ExchangeDocumentRecord,
  ExchangeEngagement,
  ExchangeEngagementFollowUp,
  ExchangeEngagementPrioritisation,
  ExchangeHistoryEntry,
  ExchangeMatch,
  ExchangeOffer,
  ExchangeOrganization,
  ExchangeRequest,
  ExchangeThreadMessage,
  ExchangeUser,
  ImportDocument,
} from '@app/contracts';

type Issue = z.core.$ZodIssue;

/**
 * What the checks between records (import-integrity.ts) read of each record. The reader keeps only these, so
 * a document of any size is checked in little memory; the records themselves go to the staging table.
 */
export interface RecordFacts {
  organizations: Pick<ExchangeOrganization, 'id' | 'name' | 'kind' | 'state'>;
  users: Pick<ExchangeUser, 'id' | 'email' | 'role' | 'organizationId'>;
  requests: Pick<
    ExchangeRequest,
    | 'id'
    | 'reference'
    | 'state'
    | 'organizationId'
    | 'createdById'
    | 'preferredProviderIds'
    | 'actionPlanItemId'
    | 'objectionDocumentId'
    | 'waiverDocumentId'
  >;
  offers: Pick<ExchangeOffer, 'id' | 'organizationId' | 'createdById'>;
  matches: Pick<ExchangeMatch, 'id' | 'requestId' | 'offerId' | 'createdById'>;
  history: Pick<ExchangeHistoryEntry, 'id' | 'actorId' | 'subjectType' | 'subjectId'>;
  contactLists: Pick<ExchangeContactList, 'id' | 'owner' | 'ownerKey' | 'updatedById'>;
  engagements: Pick<ExchangeEngagement, 'id' | 'createdById' | 'seedKey' | 'organisers' | 'participants'>;
  engagementFollowUps: Pick<ExchangeEngagementFollowUp, 'id' | 'engagementId' | 'ownerUserId' | 'ownerOrganizationId'>;
  actionPlans: Pick<ExchangeActionPlan, 'id' | 'state' | 'organizationId' | 'createdById'>;
  actionPlanVersions: Pick<ExchangeActionPlanVersion, 'id' | 'planId' | 'revision' | 'engagementId' | 'createdById'>;
  actionPlanItems: Pick<
    ExchangeActionPlanItem,
    'id' | 'planId' | 'leadAgencyId' | 'partnerAgencyIds' | 'prioritisedById' | 'prioritisedInEngagementId' | 'createdById'
  >;
  actionPlanItemNotes: Pick<ExchangeActionPlanItemNote, 'id' | 'itemId' | 'authorId' | 'authorOrganizationId'>;
  actionPlanItemInterests: Pick<
    ExchangeActionPlanItemInterest,
    'id' | 'itemId' | 'providerOrganizationId' | 'offerId' | 'engagementId' | 'matchId' | 'createdById'
  >;
  engagementPrioritisations: Pick<
    ExchangeEngagementPrioritisation,
    'id' | 'engagementId' | 'actionPlanId' | 'bodyHash' | 'decidedById'
  >;
  documents: Pick<ExchangeDocumentRecord, 'id' | 'parentType' | 'parentId' | 'uploadedById' | 'organizationId' | 'removedById'>;
  threadMessages: Pick<ExchangeThreadMessage, 'id' | 'threadType' | 'threadId' | 'authorId' | 'authorOrganizationId' | 'documentId'>;
}

const FACT_FIELDS: { [C in ExchangeCollection]: readonly (keyof RecordFacts[C])[] } = {
  organizations: ['id', 'name', 'kind', 'state'],
  users: ['id', 'email', 'role', 'organizationId'],
  requests: [
    'id',
    'reference',
    'state',
    'organizationId',
    'createdById',
    'preferredProviderIds',
    'actionPlanItemId',
    'objectionDocumentId',
    'waiverDocumentId',
  ],
  offers: ['id', 'organizationId', 'createdById'],
  matches: ['id', 'requestId', 'offerId', 'createdById'],
  history: ['id', 'actorId', 'subjectType', 'subjectId'],
  contactLists: ['id', 'owner', 'ownerKey', 'updatedById'],
  engagements: ['id', 'createdById', 'seedKey', 'organisers', 'participants'],
  engagementFollowUps: ['id', 'engagementId', 'ownerUserId', 'ownerOrganizationId'],
  actionPlans: ['id', 'state', 'organizationId', 'createdById'],
  actionPlanVersions: ['id', 'planId', 'revision', 'engagementId', 'createdById'],
  actionPlanItems: ['id', 'planId', 'leadAgencyId', 'partnerAgencyIds', 'prioritisedById', 'prioritisedInEngagementId', 'createdById'],
  actionPlanItemNotes: ['id', 'itemId', 'authorId', 'authorOrganizationId'],
  actionPlanItemInterests: ['id', 'itemId', 'providerOrganizationId', 'offerId', 'engagementId', 'matchId', 'createdById'],
  engagementPrioritisations: ['id', 'engagementId', 'actionPlanId', 'bodyHash', 'decidedById'],
  documents: ['id', 'parentType', 'parentId', 'uploadedById', 'organizationId', 'removedById'],
  threadMessages: ['id', 'threadType', 'threadId', 'authorId', 'authorOrganizationId', 'documentId'],
};

/** A document's records as read: an invalid record is null (and reported) so the indices stay those of the body. */
export type ReadRecords = { [C in ExchangeCollection]: (RecordFacts[C] | null)[] };

export interface ReadDocument {
  records: ReadRecords;
  /** Ids the document declares, its invalid records' too, so a reference to a bad record is not reported twice. */
  declaredIds: Record<ExchangeCollection, Set<string>>;
  issues: FieldIssue[];
}

export type ImportRecord<C extends ExchangeCollection> = ImportDocument[C][number];

const perCollection = <T>(make: () => T): Record<ExchangeCollection, T> =>
  Object.fromEntries(Object.keys(EXCHANGE_COLLECTIONS).map((c) => [c, make()])) as Record<ExchangeCollection, T>;

function fieldOf(prefix: string, path: readonly PropertyKey[]): string {
  return prefix + path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}

// The schema's English words, and the catalogue's key for the reader's language when the issue has one.
const withSource = (issue: FieldIssue, source: MessageSource | undefined): FieldIssue =>
  source ? { ...issue, [MESSAGE_SOURCE]: source } : issue;

function toFieldIssues(prefix: string, issues: readonly Issue[]): FieldIssue[] {
  return issues.flatMap((issue): FieldIssue[] =>
    issue.code === 'unrecognized_keys'
      ? // One line per unknown field, named, rather than one for the record.
        issue.keys.map((key) => localizedIssue(fieldOf(prefix, [...issue.path, key]), 'errors.import.notAField'))
      : [withSource({ field: fieldOf(prefix, issue.path), message: issue.message }, issueSource(issue))],
  );
}

/**
 * Reads a document's records one at a time, in the order they arrive, each on its own, so that all bad records
 * are reported (each with its index and field), not only the first. Of a valid record it keeps the facts the
 * checks between records need; of the problems it keeps the first `keepIssues` of each collection (in document
 * order those come first) and counts the rest.
 */
export class DocumentReader implements ReadDocument {
  readonly records = perCollection(() => []) as ReadRecords;
  readonly declaredIds = perCollection(() => new Set<string>());
  private readonly kept = perCollection((): FieldIssue[] => []);
  /** Every problem found, the ones not kept included. */
  issueCount = 0;

  constructor(private readonly keepIssues = Number.POSITIVE_INFINITY) {}

  /** The record of `collection` at `index`, parsed, or null when it is invalid (its problems noted). */
  read<C extends ExchangeCollection>(collection: C, index: number, raw: unknown): ImportRecord<C> | null {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'string') this.declaredIds[collection].add(id);
    const parsed = (EXCHANGE_COLLECTIONS[collection] as z.ZodType<ImportRecord<C>>).safeParse(raw);
    const facts: (RecordFacts[C] | null)[] = this.records[collection];
    if (parsed.success) {
      facts[index] = factsOf(collection, parsed.data);
      return parsed.data;
    }
    facts[index] = null;
    const found = toFieldIssues(`${collection}[${index}]`, parsed.error.issues);
    this.issueCount += found.length;
    const kept = this.kept[collection];
    kept.push(...found.slice(0, Math.max(0, this.keepIssues - kept.length)));
    return null;
  }

  /** A problem of a valid record found outside its schema (a document's bytes): the record counts as invalid. */
  reject<C extends ExchangeCollection>(collection: C, index: number, problem: FieldIssue): void {
    this.records[collection][index] = null;
    this.issueCount++;
    const kept = this.kept[collection];
    if (kept.length < this.keepIssues) kept.push({ ...problem, field: `${collection}[${index}].${problem.field}` });
  }

  /** The problems kept, collection by collection. */
  get issues(): FieldIssue[] {
    return Object.values(this.kept).flat();
  }
}

function factsOf<C extends ExchangeCollection>(collection: C, record: ImportRecord<C>): RecordFacts[C] {
  const fields: readonly PropertyKey[] = FACT_FIELDS[collection];
  return Object.fromEntries(fields.map((f) => [f, (record as Record<PropertyKey, unknown>)[f]])) as RecordFacts[C];
}

const COLLECTION_ORDER = Object.keys(EXCHANGE_COLLECTIONS);
const position = (field: string): [number, number] => {
  const [, collection, index] = /^(\w+)\[(\d+)\]/.exec(field) ?? [];
  return collection ? [COLLECTION_ORDER.indexOf(collection), Number(index)] : [-1, -1];
};

/** Record by record, in document order, as a person fixes them; a stable sort keeps each record's own order. */
export function inDocumentOrder(issues: FieldIssue[]): FieldIssue[] {
  return issues
    .map((issue) => ({ issue, at: position(issue.field) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1])
    .map(({ issue }) => issue);
}
