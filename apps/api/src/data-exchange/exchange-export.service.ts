import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { componentsFromStored } from '@app/matching';
import { DOCUMENT_STORE, type DocumentStore } from '../documents/document-store';
import type { AuthUser } from '../auth/auth-user';
import { OffersService, OfferView } from '../offers/offers.service';
import { RequestsService, RequestView } from '../requests/requests.service';
import { allPages } from './csv';
import {
  EXCHANGE_COLLECTIONS,
  EXCHANGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  type ExchangeCollection,
  type ExchangeDocumentRecord,
  type OffersCsvQuery,
  type RequestsCsvQuery,
} from '@app/contracts';

// UTC with microseconds, PostgreSQL's own precision, so an imported time is the exported one exactly.
const ts = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const money = (amount: string, currency: string) =>
  `CASE WHEN ${amount} IS NULL THEN NULL ELSE json_build_object('amount', ${amount}, 'currency', ${currency}) END`;
const recordTimes = `version, ${ts('created_at')} AS "createdAt", ${ts('updated_at')} AS "updatedAt"`;
// Creation order, then id for rows of one transaction: the same data always exports in the same order.
const ORDER = 'ORDER BY created_at, id';

/**
 * One SELECT per collection, shaped by PostgreSQL into the document's camelCase fields (json, not jsonb,
 * keeps key order), so two exports of the same data are byte-identical apart from `exportedAt`.
 */
const QUERIES: Record<ExchangeCollection, string> = {
  organizations: `
    SELECT id, name, short_name AS "shortName", kind, state, contact_email AS "contactEmail", active, ${recordTimes}
      FROM organizations ${ORDER}`,
  users: `
    SELECT id, email, display_name AS "displayName", role, organization_id AS "organizationId", active,
           preferred_language AS "preferredLanguage", ${ts('last_login_at')} AS "lastLoginAt", ${recordTimes}
      FROM users ${ORDER}`,
  requests: `
    SELECT id, reference, state, organization_id AS "organizationId", created_by_id AS "createdById", title, description,
           provisions, domains, assistance_types AS "assistanceTypes", target_institutions AS "targetInstitutions", priority,
           ${money('estimated_cost_amount', 'estimated_cost_currency')} AS "estimatedCost",
           ${day('desired_start')} AS "desiredStart", ${day('desired_end')} AS "desiredEnd", languages,
           preferred_provider_ids::text[] AS "preferredProviderIds", assistance_received AS "assistanceReceived",
           nap_reference AS "napReference", ${day('letter_date')} AS "letterDate", visibility,
           objection_window_waived AS "objectionWindowWaived", status, close_reason AS "closeReason",
           ${ts('submitted_at')} AS "submittedAt", ${ts('acknowledged_at')} AS "acknowledgedAt",
           ${ts('circulated_at')} AS "circulatedAt", ${ts('matched_at')} AS "matchedAt",
           ${ts('delivery_started_at')} AS "deliveryStartedAt", ${ts('delivered_at')} AS "deliveredAt",
           ${ts('closed_at')} AS "closedAt", ${ts('withdrawn_at')} AS "withdrawnAt",
           ${ts('ready_for_coordinator_at')} AS "readyForCoordinatorAt", action_plan_item_id AS "actionPlanItemId",
           ${ts('objected_at')} AS "objectedAt", objection_source AS "objectionSource",
           ${day('objection_letter_date')} AS "objectionLetterDate", objection_document_id AS "objectionDocumentId",
           ${day('waiver_letter_date')} AS "waiverLetterDate", waiver_document_id AS "waiverDocumentId", ${recordTimes}
      FROM assistance_requests ${ORDER}`,
  offers: `
    SELECT id, organization_id AS "organizationId", created_by_id AS "createdById", title, description, programme,
           provisions, domains, assistance_types AS "assistanceTypes", target_institutions AS "targetInstitutions",
           eligible_regions AS "eligibleRegions", eligible_states AS "eligibleStates", delivery_modes AS "deliveryModes",
           languages,
           json_build_object('engagements', capacity_engagements,
                             'budget', ${money('capacity_budget_amount', 'capacity_budget_currency')},
                             'engagementsUsed', engagements_used) AS capacity,
           ${day('available_from')} AS "availableFrom", ${day('available_until')} AS "availableUntil", status,
           ${ts('submitted_at')} AS "submittedAt", ${ts('verified_at')} AS "verifiedAt", ${ts('closed_at')} AS "closedAt",
           ${recordTimes}
      FROM assistance_offers ${ORDER}`,
  matches: `
    SELECT id, request_id AS "requestId", offer_id AS "offerId", score, components, reason,
           -- Stored as json (the engine's text, keys in its order); a document has jsonb's one order of keys, so
           -- that an exported match reads the same whoever wrote it (the engine, an import).
           reason_parts::jsonb AS "reasonParts",
           engine_version AS "engineVersion", weights_version AS "weightsVersion", ${ts('scored_at')} AS "scoredAt",
           origin, status, notes, created_by_id AS "createdById", ${ts('endorsed_at')} AS "endorsedAt",
           ${ts('answered_at')} AS "answeredAt", ${ts('agreed_at')} AS "agreedAt", ${ts('completed_at')} AS "completedAt",
           decline_reason AS "declineReason", requester_rating AS "requesterRating", requester_comment AS "requesterComment",
           provider_rating AS "providerRating", provider_comment AS "providerComment",
           retired_reason AS "retiredReason", ${day('delivered_from')} AS "deliveredFrom",
           ${day('delivered_until')} AS "deliveredUntil", participants, deliverables, ${recordTimes}
      FROM matches ${ORDER}`,
  contactLists: `
    SELECT id, owner, owner_key AS "ownerKey", contacts, updated_by_id AS "updatedById", ${recordTimes}
      FROM contact_lists ${ORDER}`,
  engagements: `
    SELECT id, kind, title, ${day('start_date')} AS "startDate", ${day('end_date')} AS "endDate", venue, online,
           organisers, participants, states, background, highlights, outcomes,
           additional_comments AS "additionalComments", ${ts('note_published_at')} AS "notePublishedAt",
           created_by_id AS "createdById", seed_key AS "seedKey", ${recordTimes}
      FROM engagements ${ORDER}`,
  engagementFollowUps: `
    SELECT id, engagement_id AS "engagementId", description, owner_user_id AS "ownerUserId",
           owner_organization_id AS "ownerOrganizationId", ${day('due_date')} AS "dueDate", status,
           ${ts('done_at')} AS "doneAt", ${recordTimes}
      FROM engagement_follow_ups ${ORDER}`,
  actionPlans: `
    SELECT id, state, organization_id AS "organizationId", title, description, status,
           ${day('submitted_on')} AS "submittedOn", revision, shared_with_providers AS "sharedWithProviders",
           public_summary AS "publicSummary", created_by_id AS "createdById", ${recordTimes}
      FROM action_plans ${ORDER}`,
  actionPlanVersions: `
    SELECT id, plan_id AS "planId", revision, changes, snapshot, note, engagement_id AS "engagementId",
           created_by_id AS "createdById", ${ts('created_at')} AS "createdAt"
      FROM action_plan_versions ${ORDER}`,
  actionPlanItems: `
    SELECT id, plan_id AS "planId", code, title, description, provisions, domains, lead_agency_id AS "leadAgencyId",
           partner_agency_ids::text[] AS "partnerAgencyIds", priority_rank AS "priorityRank",
           priority_level AS "priorityLevel", ${ts('prioritised_at')} AS "prioritisedAt",
           prioritised_by_id AS "prioritisedById", prioritised_in_engagement_id AS "prioritisedInEngagementId",
           ${day('target_date')} AS "targetDate", status, assistance_needed AS "assistanceNeeded", proposed,
           created_by_id AS "createdById", ${recordTimes}
      FROM action_plan_items ${ORDER}`,
  actionPlanItemNotes: `
    SELECT id, item_id AS "itemId", kind, text, author_id AS "authorId", author_organization_id AS "authorOrganizationId",
           ${ts('created_at')} AS "createdAt"
      FROM action_plan_item_notes ${ORDER}`,
  actionPlanItemInterests: `
    SELECT id, item_id AS "itemId", provider_organization_id AS "providerOrganizationId", offer_id AS "offerId",
           programme, note, engagement_id AS "engagementId", match_id AS "matchId", created_by_id AS "createdById",
           ${ts('created_at')} AS "createdAt"
      FROM action_plan_item_interests ${ORDER}`,
  engagementPrioritisations: `
    SELECT id, engagement_id AS "engagementId", action_plan_id AS "actionPlanId", plan_version AS "planVersion",
           ranking, interests, decided_by_id AS "decidedById", ${ts('decided_at')} AS "decidedAt",
           body_hash AS "bodyHash", ${ts('created_at')} AS "createdAt", ${ts('updated_at')} AS "updatedAt"
      FROM engagement_prioritisations ${ORDER}`,
  // The bytes are not here: they are streamed after each document's metadata (contentBase64).
  documents: `
    SELECT id, parent_type AS "parentType", parent_id AS "parentId", kind, title, language,
           ${day('document_date')} AS "documentDate", file_name AS "fileName", content_type AS "contentType",
           size::float8 AS size, sha256, uploaded_by_id AS "uploadedById", organization_id AS "organizationId",
           ${ts('created_at')} AS "createdAt", ${ts('removed_at')} AS "removedAt", removed_by_id AS "removedById",
           for_correspondence AS "forCorrespondence", storage_key AS "storageKey"
      FROM documents ${ORDER}`,
  threadMessages: `
    SELECT id, thread_type AS "threadType", thread_id AS "threadId", author_id AS "authorId", author_role AS "authorRole",
           author_organization_id AS "authorOrganizationId", author_side AS "authorSide", kind, body,
           document_id AS "documentId", ${ts('created_at')} AS "createdAt"
      FROM thread_messages ${ORDER}`,
  history: `
    SELECT id, subject_type AS "subjectType", subject_id AS "subjectId", action, from_status AS "fromStatus",
           to_status AS "toStatus", actor_id AS "actorId", actor_role AS "actorRole", comment, reason, details,
           ${ts('created_at')} AS "createdAt"
      FROM history_entries ${ORDER}`,
};

/** What a collection's rows need beyond the SQL: a match's components are stored in a shorter form than the document's. */
const READ_ROW: Partial<Record<ExchangeCollection, (row: Record<string, unknown>) => Record<string, unknown>>> = {
  matches: (row) => ({ ...row, components: componentsFromStored(row.components) }),
};

// The CSV exports read the lists page by page through the list services, so filters, sorting and who sees
// what are exactly those of `GET /requests` and `GET /offers`.
const CSV_PAGE = 1000;

// Bytes of a document read and encoded at a time: a multiple of 3, so the base64 pieces join without padding.
const BASE64_PIECE = 3 * 64 * 1024;

type DocumentMetadata = Omit<ExchangeDocumentRecord, 'contentBase64'> & { storageKey: string };

@Injectable()
export class ExchangeExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly offers: OffersService,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
  ) {}

  /**
   * The whole register as one JSON document, read from one snapshot so its references hold even under writes,
   * and written as it is read: the records of every collection but documents are read first (so a failing
   * query answers with an error, not a cut document), then each document's bytes are read from the store and
   * written as base64 one document at a time, never all of them at once.
   */
  async exportDocument(): Promise<Readable> {
    const exportedAt = new Date().toISOString();
    const runner = this.dataSource.createQueryRunner();
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    };
    let records: Record<string, unknown[]>;
    try {
      await runner.connect();
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      records = {};
      for (const collection of Object.keys(EXCHANGE_COLLECTIONS) as ExchangeCollection[]) {
        records[collection] = (await runner.query(QUERIES[collection])).map(READ_ROW[collection] ?? ((row: unknown) => row));
      }
    } catch (err) {
      await release();
      throw err;
    }
    const store = this.store;
    let started = false;
    async function* pieces(): AsyncGenerator<string> {
      started = true;
      try {
        yield `{"format":${JSON.stringify(EXCHANGE_FORMAT)},"formatVersion":${EXCHANGE_FORMAT_VERSION},"exportedAt":"${exportedAt}"`;
        for (const collection of Object.keys(EXCHANGE_COLLECTIONS) as ExchangeCollection[]) {
          yield `,${JSON.stringify(collection)}:[`;
          const rows = records[collection];
          // Dropped as they are written: what memory holds shrinks as the document goes out.
          records[collection] = [];
          for (let i = 0; i < rows.length; i++) {
            const comma = i ? ',' : '';
            if (collection !== 'documents') yield comma + JSON.stringify(rows[i]);
            else {
              if (comma) yield comma;
              yield* documentWithContent(rows[i] as DocumentMetadata, store, runner.manager);
            }
          }
          yield ']';
        }
        yield '}';
      } finally {
        await release();
      }
    }
    const stream = Readable.from(pieces(), { objectMode: false });
    // A stream destroyed before its first read never runs the generator: the snapshot is released here then.
    stream.once('close', () => void (started || release()));
    return stream;
  }

  listAllRequests(user: AuthUser, filters: RequestsCsvQuery): Promise<RequestView[]> {
    return allPages(CSV_PAGE, (page) => this.requests.list(user, { ...filters, page, pageSize: CSV_PAGE }));
  }

  listAllOffers(user: AuthUser, filters: OffersCsvQuery): Promise<OfferView[]> {
    return allPages(CSV_PAGE, (page) => this.offers.list(user, { ...filters, page, pageSize: CSV_PAGE }));
  }
}

/** One document's record: its metadata, then its bytes from the store as base64, a piece at a time. */
async function* documentWithContent(row: DocumentMetadata, store: DocumentStore, manager: EntityManager): AsyncGenerator<string> {
  const { storageKey, ...metadata } = row;
  const head = JSON.stringify(metadata);
  yield `${head.slice(0, -1)},"contentBase64":`;
  if (metadata.removedAt !== null) {
    yield 'null}';
    return;
  }
  yield '"';
  let carry = Buffer.alloc(0);
  for await (const chunk of await store.get(storageKey, manager)) {
    let bytes = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    while (bytes.length >= BASE64_PIECE) {
      yield bytes.subarray(0, BASE64_PIECE).toString('base64');
      bytes = bytes.subarray(BASE64_PIECE);
    }
    const whole = bytes.length - (bytes.length % 3);
    if (whole) yield bytes.subarray(0, whole).toString('base64');
    carry = Buffer.from(bytes.subarray(whole));
  }
  yield `${carry.toString('base64')}"}`;
}
