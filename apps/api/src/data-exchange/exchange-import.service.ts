import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EntityManager } from 'typeorm';
import { DomainError, FieldIssue, hashPassword, invalidInput, invalidIssues, localizedError, localizedIssue, MESSAGE_SOURCE } from '@app/common';
import { parseRequestReference } from '@app/domain';
import { storedComponentsJson, type ReasonPart } from '@app/matching';
import { UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { DOCUMENT_STORE, type DocumentStore } from '../documents/document-store';
import {
  type ExchangeActionPlan,
  type ExchangeActionPlanItem,
  type ExchangeActionPlanItemInterest,
  type ExchangeActionPlanItemNote,
  type ExchangeActionPlanVersion,
  type ExchangeCollection,
  type ExchangeContactList,
  type ExchangeDocumentRecord,
  type ExchangeEngagement,
  type ExchangeEngagementFollowUp,
  type ExchangeEngagementPrioritisation,
  exchangeEnvelopeSchema,
  type ExchangeHistoryEntry,
  type ExchangeMatch,
  type ExchangeOffer,
  type ExchangeOrganization,
  type ExchangeRequest,
  type ExchangeThreadMessage,
  type ExchangeUser,
  MAX_RECORDS,
} from '@app/contracts';
import { DocumentReader, ImportRecord, inDocumentOrder } from './import-document';
import { checkIntegrity, DatabaseFacts, DatabaseLookups, lookupsFor, OrganizationFacts } from './import-integrity';
import { ImportStaging } from './import-staging';
import { readExchangeStream } from './import-stream';

export interface ImportResult {
  /** Subject id of the import's own history entry. */
  importId: string;
  imported: Record<ExchangeCollection, number>;
  /** Users imported without a password: inactive until an administrator sets one (PATCH /users/:id). */
  inactiveUsers: number;
  /** (State, year) reference counters raised so new requests continue after the imported references. */
  referenceCounters: number;
}

/** The most problems one answer lists; the message says how many there are in all. */
export const MAX_LISTED_ISSUES = 200;

/** `POST /api/v1/import` takes a whole register, read as it arrives; every other route keeps BODY_LIMIT (1mb). */
export const IMPORT_BODY_LIMIT_BYTES = 50 * 1024 * 1024;

/** Not a hash of any password: `verifyPassword` refuses it, so nobody can sign in until a password is set. */
export const UNUSABLE_PASSWORD_HASH = '!imported-without-password';

// PostgreSQL takes at most 65,535 parameters per statement.
const MAX_PARAMS = 60_000;
const MAX_ROWS_PER_INSERT = 1_000;

type StagedRecords = {
  [C in ExchangeCollection]: C extends 'users' ? UserRow : C extends 'documents' ? DocumentRow : ImportRecord<C>;
};

type Columns<T> = readonly (readonly [column: string, value: (record: T) => unknown])[];
const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

const ORGANIZATION_COLUMNS: Columns<ExchangeOrganization> = [
  ['id', (o) => o.id],
  ['name', (o) => o.name],
  ['short_name', (o) => o.shortName],
  ['kind', (o) => o.kind],
  ['state', (o) => o.state],
  ['contact_email', (o) => o.contactEmail],
  ['active', (o) => o.active],
  ['version', (o) => o.version],
  ['created_at', (o) => o.createdAt],
  ['updated_at', (o) => o.updatedAt],
];

/** A user as staged: the password hashed on arrival, never stored as sent. */
type UserRow = Omit<ExchangeUser, 'password'> & { passwordHash: string };
const USER_COLUMNS: Columns<UserRow> = [
  ['id', (u) => u.id],
  ['email', (u) => u.email],
  ['display_name', (u) => u.displayName],
  ['role', (u) => u.role],
  ['organization_id', (u) => u.organizationId],
  ['password_hash', (u) => u.passwordHash],
  // Without a password nobody could sign in anyway; inactive says so in the user list.
  ['active', (u) => u.active && u.passwordHash !== UNUSABLE_PASSWORD_HASH],
  ['preferred_language', (u) => u.preferredLanguage],
  ['last_login_at', (u) => u.lastLoginAt],
  ['version', (u) => u.version],
  ['created_at', (u) => u.createdAt],
  ['updated_at', (u) => u.updatedAt],
];

const REQUEST_COLUMNS: Columns<ExchangeRequest> = [
  ['id', (r) => r.id],
  ['reference', (r) => r.reference],
  ['state', (r) => r.state],
  ['organization_id', (r) => r.organizationId],
  ['created_by_id', (r) => r.createdById],
  ['title', (r) => r.title],
  ['description', (r) => r.description],
  ['provisions', (r) => r.provisions],
  ['domains', (r) => r.domains],
  ['assistance_types', (r) => r.assistanceTypes],
  ['target_institutions', (r) => r.targetInstitutions],
  ['priority', (r) => r.priority],
  ['estimated_cost_amount', (r) => r.estimatedCost?.amount ?? null],
  ['estimated_cost_currency', (r) => r.estimatedCost?.currency ?? null],
  ['desired_start', (r) => r.desiredStart],
  ['desired_end', (r) => r.desiredEnd],
  ['languages', (r) => r.languages],
  ['preferred_provider_ids', (r) => r.preferredProviderIds],
  ['assistance_received', (r) => r.assistanceReceived],
  ['nap_reference', (r) => r.napReference],
  ['letter_date', (r) => r.letterDate],
  ['visibility', (r) => r.visibility],
  ['objection_window_waived', (r) => r.objectionWindowWaived],
  ['status', (r) => r.status],
  ['close_reason', (r) => r.closeReason],
  ['submitted_at', (r) => r.submittedAt],
  ['acknowledged_at', (r) => r.acknowledgedAt],
  ['circulated_at', (r) => r.circulatedAt],
  ['matched_at', (r) => r.matchedAt],
  ['delivery_started_at', (r) => r.deliveryStartedAt],
  ['delivered_at', (r) => r.deliveredAt],
  ['closed_at', (r) => r.closedAt],
  ['withdrawn_at', (r) => r.withdrawnAt],
  ['ready_for_coordinator_at', (r) => r.readyForCoordinatorAt],
  ['action_plan_item_id', (r) => r.actionPlanItemId],
  ['objected_at', (r) => r.objectedAt],
  ['objection_source', (r) => r.objectionSource],
  ['objection_letter_date', (r) => r.objectionLetterDate],
  ['objection_document_id', (r) => r.objectionDocumentId],
  ['waiver_letter_date', (r) => r.waiverLetterDate],
  ['waiver_document_id', (r) => r.waiverDocumentId],
  ['version', (r) => r.version],
  ['created_at', (r) => r.createdAt],
  ['updated_at', (r) => r.updatedAt],
];

const OFFER_COLUMNS: Columns<ExchangeOffer> = [
  ['id', (o) => o.id],
  ['organization_id', (o) => o.organizationId],
  ['created_by_id', (o) => o.createdById],
  ['title', (o) => o.title],
  ['description', (o) => o.description],
  ['programme', (o) => o.programme],
  ['provisions', (o) => o.provisions],
  ['domains', (o) => o.domains],
  ['assistance_types', (o) => o.assistanceTypes],
  ['target_institutions', (o) => o.targetInstitutions],
  ['eligible_regions', (o) => o.eligibleRegions],
  ['eligible_states', (o) => o.eligibleStates],
  ['delivery_modes', (o) => o.deliveryModes],
  ['languages', (o) => o.languages],
  ['capacity_engagements', (o) => o.capacity.engagements],
  ['capacity_budget_amount', (o) => o.capacity.budget?.amount ?? null],
  ['capacity_budget_currency', (o) => o.capacity.budget?.currency ?? null],
  ['engagements_used', (o) => o.capacity.engagementsUsed],
  ['available_from', (o) => o.availableFrom],
  ['available_until', (o) => o.availableUntil],
  ['status', (o) => o.status],
  ['submitted_at', (o) => o.submittedAt],
  ['verified_at', (o) => o.verifiedAt],
  ['closed_at', (o) => o.closedAt],
  ['version', (o) => o.version],
  ['created_at', (o) => o.createdAt],
  ['updated_at', (o) => o.updatedAt],
];

const MATCH_COLUMNS: Columns<ExchangeMatch> = [
  ['id', (m) => m.id],
  ['request_id', (m) => m.requestId],
  ['offer_id', (m) => m.offerId],
  ['score', (m) => m.score],
  ['components', (m) => storedComponentsJson(m.components)],
  ['reason', (m) => m.reason],
  // `satisfies`: the format's clauses are the engine's, which the API words for each reader.
  ['reason_parts', (m) => json(m.reasonParts satisfies ReasonPart[] | null)],
  ['engine_version', (m) => m.engineVersion],
  ['weights_version', (m) => m.weightsVersion],
  ['scored_at', (m) => m.scoredAt],
  ['origin', (m) => m.origin],
  ['status', (m) => m.status],
  ['notes', (m) => m.notes],
  ['created_by_id', (m) => m.createdById],
  ['endorsed_at', (m) => m.endorsedAt],
  ['answered_at', (m) => m.answeredAt],
  ['agreed_at', (m) => m.agreedAt],
  ['completed_at', (m) => m.completedAt],
  ['decline_reason', (m) => m.declineReason],
  ['requester_rating', (m) => m.requesterRating],
  ['requester_comment', (m) => m.requesterComment],
  ['provider_rating', (m) => m.providerRating],
  ['provider_comment', (m) => m.providerComment],
  ['retired_reason', (m) => m.retiredReason],
  ['delivered_from', (m) => m.deliveredFrom],
  ['delivered_until', (m) => m.deliveredUntil],
  ['participants', (m) => m.participants],
  ['deliverables', (m) => m.deliverables],
  ['version', (m) => m.version],
  ['created_at', (m) => m.createdAt],
  ['updated_at', (m) => m.updatedAt],
];

const HISTORY_COLUMNS: Columns<ExchangeHistoryEntry> = [
  ['id', (h) => h.id],
  ['subject_type', (h) => h.subjectType],
  ['subject_id', (h) => h.subjectId],
  ['action', (h) => h.action],
  ['from_status', (h) => h.fromStatus],
  ['to_status', (h) => h.toStatus],
  ['actor_id', (h) => h.actorId],
  ['actor_role', (h) => h.actorRole],
  ['comment', (h) => h.comment],
  ['reason', (h) => h.reason],
  ['details', (h) => json(h.details)],
  ['created_at', (h) => h.createdAt],
];

const recordTimes = <T extends { version: number; createdAt: string; updatedAt: string }>(): Columns<T> => [
  ['version', (r) => r.version],
  ['created_at', (r) => r.createdAt],
  ['updated_at', (r) => r.updatedAt],
];

const CONTACT_LIST_COLUMNS: Columns<ExchangeContactList> = [
  ['id', (c) => c.id],
  ['owner', (c) => c.owner],
  ['owner_key', (c) => c.ownerKey],
  ['contacts', (c) => json(c.contacts)],
  ['updated_by_id', (c) => c.updatedById],
  ...recordTimes<ExchangeContactList>(),
];

const ENGAGEMENT_COLUMNS: Columns<ExchangeEngagement> = [
  ['id', (e) => e.id],
  ['kind', (e) => e.kind],
  ['title', (e) => e.title],
  ['start_date', (e) => e.startDate],
  ['end_date', (e) => e.endDate],
  ['venue', (e) => e.venue],
  ['online', (e) => e.online],
  ['organisers', (e) => json(e.organisers)],
  ['participants', (e) => json(e.participants)],
  ['states', (e) => e.states],
  ['background', (e) => e.background],
  ['highlights', (e) => e.highlights],
  ['outcomes', (e) => e.outcomes],
  ['additional_comments', (e) => e.additionalComments],
  ['note_published_at', (e) => e.notePublishedAt],
  ['created_by_id', (e) => e.createdById],
  ['seed_key', (e) => e.seedKey],
  ...recordTimes<ExchangeEngagement>(),
];

const FOLLOW_UP_COLUMNS: Columns<ExchangeEngagementFollowUp> = [
  ['id', (f) => f.id],
  ['engagement_id', (f) => f.engagementId],
  ['description', (f) => f.description],
  ['owner_user_id', (f) => f.ownerUserId],
  ['owner_organization_id', (f) => f.ownerOrganizationId],
  ['due_date', (f) => f.dueDate],
  ['status', (f) => f.status],
  ['done_at', (f) => f.doneAt],
  ...recordTimes<ExchangeEngagementFollowUp>(),
];

const ACTION_PLAN_COLUMNS: Columns<ExchangeActionPlan> = [
  ['id', (p) => p.id],
  ['state', (p) => p.state],
  ['organization_id', (p) => p.organizationId],
  ['title', (p) => p.title],
  ['description', (p) => p.description],
  ['status', (p) => p.status],
  ['submitted_on', (p) => p.submittedOn],
  ['revision', (p) => p.revision],
  ['shared_with_providers', (p) => p.sharedWithProviders],
  ['public_summary', (p) => p.publicSummary],
  ['created_by_id', (p) => p.createdById],
  ...recordTimes<ExchangeActionPlan>(),
];

const ACTION_PLAN_VERSION_COLUMNS: Columns<ExchangeActionPlanVersion> = [
  ['id', (v) => v.id],
  ['plan_id', (v) => v.planId],
  ['revision', (v) => v.revision],
  ['changes', (v) => json(v.changes)],
  ['snapshot', (v) => json(v.snapshot)],
  ['note', (v) => v.note],
  ['engagement_id', (v) => v.engagementId],
  ['created_by_id', (v) => v.createdById],
  ['created_at', (v) => v.createdAt],
];

const ACTION_PLAN_ITEM_COLUMNS: Columns<ExchangeActionPlanItem> = [
  ['id', (i) => i.id],
  ['plan_id', (i) => i.planId],
  ['code', (i) => i.code],
  ['title', (i) => i.title],
  ['description', (i) => i.description],
  ['provisions', (i) => i.provisions],
  ['domains', (i) => i.domains],
  ['lead_agency_id', (i) => i.leadAgencyId],
  ['partner_agency_ids', (i) => i.partnerAgencyIds],
  ['priority_rank', (i) => i.priorityRank],
  ['priority_level', (i) => i.priorityLevel],
  ['prioritised_at', (i) => i.prioritisedAt],
  ['prioritised_by_id', (i) => i.prioritisedById],
  ['prioritised_in_engagement_id', (i) => i.prioritisedInEngagementId],
  ['target_date', (i) => i.targetDate],
  ['status', (i) => i.status],
  ['assistance_needed', (i) => i.assistanceNeeded],
  ['proposed', (i) => i.proposed],
  ['created_by_id', (i) => i.createdById],
  ...recordTimes<ExchangeActionPlanItem>(),
];

const ITEM_NOTE_COLUMNS: Columns<ExchangeActionPlanItemNote> = [
  ['id', (n) => n.id],
  ['item_id', (n) => n.itemId],
  ['kind', (n) => n.kind],
  ['text', (n) => n.text],
  ['author_id', (n) => n.authorId],
  ['author_organization_id', (n) => n.authorOrganizationId],
  ['created_at', (n) => n.createdAt],
];

const ITEM_INTEREST_COLUMNS: Columns<ExchangeActionPlanItemInterest> = [
  ['id', (x) => x.id],
  ['item_id', (x) => x.itemId],
  ['provider_organization_id', (x) => x.providerOrganizationId],
  ['offer_id', (x) => x.offerId],
  ['programme', (x) => x.programme],
  ['note', (x) => x.note],
  ['engagement_id', (x) => x.engagementId],
  ['match_id', (x) => x.matchId],
  ['created_by_id', (x) => x.createdById],
  ['created_at', (x) => x.createdAt],
];

const PRIORITISATION_COLUMNS: Columns<ExchangeEngagementPrioritisation> = [
  ['id', (p) => p.id],
  ['engagement_id', (p) => p.engagementId],
  ['action_plan_id', (p) => p.actionPlanId],
  ['plan_version', (p) => p.planVersion],
  ['ranking', (p) => json(p.ranking)],
  ['interests', (p) => json(p.interests)],
  ['decided_by_id', (p) => p.decidedById],
  ['decided_at', (p) => p.decidedAt],
  ['body_hash', (p) => p.bodyHash],
  ['created_at', (p) => p.createdAt],
  ['updated_at', (p) => p.updatedAt],
];

/** A document as staged: its bytes already in the store (under `storageKey`), not in the record. */
type DocumentRow = Omit<ExchangeDocumentRecord, 'contentBase64'> & { storage: string; storageKey: string };
const DOCUMENT_COLUMNS: Columns<DocumentRow> = [
  ['id', (d) => d.id],
  ['parent_type', (d) => d.parentType],
  ['parent_id', (d) => d.parentId],
  ['kind', (d) => d.kind],
  ['title', (d) => d.title],
  ['language', (d) => d.language],
  ['document_date', (d) => d.documentDate],
  ['file_name', (d) => d.fileName],
  ['content_type', (d) => d.contentType],
  ['size', (d) => d.size],
  ['sha256', (d) => d.sha256],
  ['storage', (d) => d.storage],
  ['storage_key', (d) => d.storageKey],
  ['uploaded_by_id', (d) => d.uploadedById],
  ['organization_id', (d) => d.organizationId],
  ['created_at', (d) => d.createdAt],
  ['removed_at', (d) => d.removedAt],
  ['removed_by_id', (d) => d.removedById],
  ['for_correspondence', (d) => d.forCorrespondence],
];

const THREAD_MESSAGE_COLUMNS: Columns<ExchangeThreadMessage> = [
  ['id', (m) => m.id],
  ['thread_type', (m) => m.threadType],
  ['thread_id', (m) => m.threadId],
  ['author_id', (m) => m.authorId],
  ['author_role', (m) => m.authorRole],
  ['author_organization_id', (m) => m.authorOrganizationId],
  ['author_side', (m) => m.authorSide],
  ['kind', (m) => m.kind],
  ['body', (m) => m.body],
  ['document_id', (m) => m.documentId],
  ['created_at', (m) => m.createdAt],
];

// The bytes of one document go to the store in pieces of this size, as the PostgreSQL store's chunks.
const CONTENT_PIECE = 256 * 1024;

@Injectable()
export class ExchangeImportService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
  ) {}

  /**
   * Reads the document from the request as it arrives and checks every record, then inserts the whole
   * document in one transaction, or nothing. Ids and times are kept; a record whose id exists already is
   * refused (import fills an empty or different database, it does not merge). Memory holds one record and the
   * few facts the checks between records need; the records wait in a staging table of the transaction.
   */
  async importDocument(user: AuthUser, body: IncomingMessage): Promise<ImportResult> {
    // Bytes written to a store outside the database are removed again when the import fails.
    const storedKeys: string[] = [];
    try {
      return await this.importInTransaction(user, body, storedKeys);
    } catch (err) {
      if (this.store.name !== 'postgres') {
        await Promise.all(storedKeys.map((key) => this.store.delete(key).catch(() => undefined)));
      }
      throw err;
    }
  }

  private async importInTransaction(user: AuthUser, body: IncomingMessage, storedKeys: string[]): Promise<ImportResult> {
    return this.uow.run(user, async (tx) => {
      const staging = await ImportStaging.create(tx.manager);
      const reader = new DocumentReader(MAX_LISTED_ISSUES);
      let inactiveUsers = 0;
      const top = await readExchangeStream(body, IMPORT_BODY_LIMIT_BYTES, async (collection, index, raw) => {
        if (index >= MAX_RECORDS) throw invalidIssues([localizedIssue(collection, 'errors.import.tooManyRecords', { max: MAX_RECORDS })]);
        const record = reader.read(collection, index, raw);
        if (!record) return;
        if (collection === 'documents') {
          // One document's bytes at a time: checked against its size and SHA-256, then written to the store.
          const { contentBase64, ...metadata } = record as ExchangeDocumentRecord;
          const content = contentBase64 === null ? null : Buffer.from(contentBase64, 'base64');
          const problem = content && contentProblem(contentBase64!, content, metadata);
          if (problem) return reader.reject('documents', index, problem);
          if (reader.issueCount) return;
          const storageKey = `documents/${randomUUID()}`;
          if (content) {
            storedKeys.push(storageKey);
            await this.store.put(storageKey, pieces(content), tx.manager);
            await this.store.commit(storageKey, tx.manager);
          }
          return staging.add('documents', { ...metadata, storage: this.store.name, storageKey });
        }
        // After the first problem nothing will be inserted: the rest is only checked.
        if (reader.issueCount) return;
        if (collection !== 'users') return staging.add(collection, record);
        const { password, ...rest } = record as ExchangeUser;
        if (password === undefined) inactiveUsers++;
        await staging.add('users', { ...rest, passwordHash: password === undefined ? UNUSABLE_PASSWORD_HASH : await hashPassword(password) });
      });
      // The outer shape first, as the route's schema checked it when the body was parsed whole.
      const envelope = exchangeEnvelopeSchema.safeParse(top);
      if (!envelope.success) throw invalidInput(envelope.error.issues);

      // Each record's own problems and those between records, all of them, so one answer lists everything to fix.
      const facts = await databaseFacts(tx.manager, lookupsFor(reader.records));
      const between = checkIntegrity(reader, facts);
      if (reader.issueCount || between.length) {
        throw invalidDocument(inDocumentOrder([...reader.issues, ...between]), reader.issueCount + between.length);
      }

      const insert = async <C extends ExchangeCollection>(collection: C, table: string, columns: Columns<StagedRecords[C]>) => {
        for await (const batch of staging.batches<StagedRecords[C]>(collection)) await insertRows(tx.manager, table, columns, batch);
      };
      // In the order records point at each other (EXCHANGE_COLLECTIONS).
      await insert('organizations', 'organizations', ORGANIZATION_COLUMNS);
      await insert('users', 'users', USER_COLUMNS);
      await insert('contactLists', 'contact_lists', CONTACT_LIST_COLUMNS);
      await insert('engagements', 'engagements', ENGAGEMENT_COLUMNS);
      await insert('engagementFollowUps', 'engagement_follow_ups', FOLLOW_UP_COLUMNS);
      await insert('actionPlans', 'action_plans', ACTION_PLAN_COLUMNS);
      await insert('actionPlanVersions', 'action_plan_versions', ACTION_PLAN_VERSION_COLUMNS);
      await insert('actionPlanItems', 'action_plan_items', ACTION_PLAN_ITEM_COLUMNS);
      await insert('requests', 'assistance_requests', REQUEST_COLUMNS);
      await insert('offers', 'assistance_offers', OFFER_COLUMNS);
      await insert('matches', 'matches', MATCH_COLUMNS);
      await insert('actionPlanItemNotes', 'action_plan_item_notes', ITEM_NOTE_COLUMNS);
      await insert('actionPlanItemInterests', 'action_plan_item_interests', ITEM_INTEREST_COLUMNS);
      await insert('engagementPrioritisations', 'engagement_prioritisations', PRIORITISATION_COLUMNS);
      await insert('documents', 'documents', DOCUMENT_COLUMNS);
      await insert('threadMessages', 'thread_messages', THREAD_MESSAGE_COLUMNS);
      await insert('history', 'history_entries', HISTORY_COLUMNS);
      const referenceCounters = await raiseReferenceCounters(tx.manager, reader.records.requests.filter((r) => r !== null));

      const imported = Object.fromEntries(
        Object.entries(reader.records).map(([collection, records]) => [collection, records.length]),
      ) as Record<ExchangeCollection, number>;
      const importId = randomUUID();
      const { format, formatVersion, exportedAt } = envelope.data;
      await tx.audit({
        subjectType: 'import',
        subjectId: importId,
        action: 'import',
        details: { format, formatVersion, exportedAt: exportedAt ?? null, imported, inactiveUsers, referenceCounters },
      });
      return { importId, imported, inactiveUsers, referenceCounters };
    });
  }
}

/** What is wrong with a document's bytes as sent, if anything: not canonical base64, or not its size and SHA-256. */
function contentProblem(
  base64: string,
  content: Buffer,
  document: Pick<ExchangeDocumentRecord, 'size' | 'sha256'>,
): FieldIssue | null {
  if (content.toString('base64') !== base64) return localizedIssue('contentBase64', 'errors.import.notBase64');
  if (content.length !== document.size) {
    return localizedIssue('size', 'errors.import.sizeMismatch', { size: document.size, count: content.length });
  }
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (sha256 !== document.sha256) return localizedIssue('sha256', 'errors.import.shaMismatch', { sha256 });
  return null;
}

async function* pieces(content: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < content.length; at += CONTENT_PIECE) yield content.subarray(at, at + CONTENT_PIECE);
}

/** Record problems beyond the listed ones are counted, not kept: `total` is how many there are in all. */
function invalidDocument(issues: FieldIssue[], total: number): DomainError {
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  const [first] = listed;
  const params = { count: total, listed: listed.length, field: first.field, first: first.message };
  // The first problem in the reader's language too, when its words come from the catalogues.
  const sources = first[MESSAGE_SOURCE] ? { first: first[MESSAGE_SOURCE] } : undefined;
  return total > listed.length
    ? localizedError('invalid', 'errors.import.invalidDocumentListed', params, listed, undefined, sources)
    : localizedError('invalid', 'errors.import.invalidDocument', params, listed, undefined, sources);
}

/** What the database already holds of the ids and keys the document mentions: a few set queries, not one per record. */
async function databaseFacts(manager: EntityManager, look: DatabaseLookups): Promise<DatabaseFacts> {
  const column = async (sql: string, values: string[]): Promise<Set<string>> =>
    new Set(values.length ? (await manager.query<{ v: string }[]>(sql, [values])).map((r) => r.v) : []);
  const ids = (table: string, values: string[]) =>
    column(`SELECT id::text AS v FROM ${table} WHERE id = ANY($1::uuid[])`, values);

  const orgRows: ({ id: string } & OrganizationFacts)[] = look.ids.organizations.length
    ? await manager.query('SELECT id::text AS id, kind, state FROM organizations WHERE id = ANY($1::uuid[])', [
        look.ids.organizations,
      ])
    : [];
  return {
    ids: {
      organizations: new Set(orgRows.map((o) => o.id)),
      users: await ids('users', look.ids.users),
      contactLists: await ids('contact_lists', look.ids.contactLists),
      engagements: await ids('engagements', look.ids.engagements),
      engagementFollowUps: await ids('engagement_follow_ups', look.ids.engagementFollowUps),
      actionPlans: await ids('action_plans', look.ids.actionPlans),
      actionPlanVersions: await ids('action_plan_versions', look.ids.actionPlanVersions),
      actionPlanItems: await ids('action_plan_items', look.ids.actionPlanItems),
      requests: await ids('assistance_requests', look.ids.requests),
      offers: await ids('assistance_offers', look.ids.offers),
      matches: await ids('matches', look.ids.matches),
      actionPlanItemNotes: await ids('action_plan_item_notes', look.ids.actionPlanItemNotes),
      actionPlanItemInterests: await ids('action_plan_item_interests', look.ids.actionPlanItemInterests),
      engagementPrioritisations: await ids('engagement_prioritisations', look.ids.engagementPrioritisations),
      documents: await ids('documents', look.ids.documents),
      threadMessages: await ids('thread_messages', look.ids.threadMessages),
      history: await ids('history_entries', look.ids.history),
    },
    organizations: new Map(orgRows.map(({ id, kind, state }) => [id, { kind, state }])),
    organizationNames: await column(
      'SELECT name AS v FROM organizations WHERE name = ANY($1::text[])',
      look.organizationNames,
    ),
    emails: await column('SELECT email AS v FROM users WHERE email = ANY($1::text[])', look.emails),
    references: await column(
      'SELECT reference AS v FROM assistance_requests WHERE reference = ANY($1::text[])',
      look.references,
    ),
    matchPairs: await column(
      `SELECT request_id::text || '|' || offer_id::text AS v FROM matches WHERE request_id = ANY($1::uuid[])`,
      look.matchRequestIds,
    ),
    contactOwners: await column(
      `SELECT owner || '|' || owner_key AS v FROM contact_lists WHERE owner || '|' || owner_key = ANY($1::text[])`,
      look.contactOwners,
    ),
    engagementSeedKeys: await column('SELECT seed_key AS v FROM engagements WHERE seed_key = ANY($1::text[])', look.engagementSeedKeys),
    planRevisions: await column(
      `SELECT plan_id::text || '|' || revision AS v FROM action_plan_versions WHERE plan_id = ANY($1::uuid[])`,
      look.versionPlanIds,
    ),
  };
}

/** Multi-row INSERTs in chunks that stay under PostgreSQL's parameter limit. */
async function insertRows<T>(
  manager: EntityManager,
  table: string,
  columns: Columns<T>,
  records: readonly T[],
): Promise<void> {
  const perInsert = Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS / columns.length));
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  for (let start = 0; start < records.length; start += perInsert) {
    const params: unknown[] = [];
    const tuples = records.slice(start, start + perInsert).map((record) => {
      const placeholders = columns.map(([, value]) => {
        params.push(value(record));
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}`, params);
  }
}

/** New requests must continue after the imported references: each (State, year) counter goes to its highest sequence. */
async function raiseReferenceCounters(manager: EntityManager, requests: readonly Pick<ExchangeRequest, 'reference'>[]): Promise<number> {
  const highest = new Map<string, { state: string; year: number; last: number }>();
  for (const r of requests) {
    const ref = parseRequestReference(r.reference)!;
    const key = `${ref.state}-${ref.year}`;
    if ((highest.get(key)?.last ?? 0) < ref.seq) highest.set(key, { state: ref.state, year: ref.year, last: ref.seq });
  }
  const rows = [...highest.values()];
  if (!rows.length) return 0;
  await manager.query(
    `INSERT INTO request_reference_counters (state, year, last)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
     ON CONFLICT (state, year) DO UPDATE SET last = GREATEST(request_reference_counters.last, EXCLUDED.last)`,
    [rows.map((r) => r.state), rows.map((r) => r.year), rows.map((r) => r.last)],
  );
  return rows.length;
}
