import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { OffersService, OfferView } from '../offers/offers.service';
import { RequestsService, RequestView } from '../requests/requests.service';
import type { OffersCsvQuery, RequestsCsvQuery } from './dto/csv-export.schemas';
import { EXCHANGE_FORMAT, EXCHANGE_FORMAT_VERSION, ExchangeDocument } from './dto/exchange-document.schemas';

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
const QUERIES = {
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
           ${ts('ready_for_coordinator_at')} AS "readyForCoordinatorAt", ${recordTimes}
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
           engine_version AS "engineVersion", weights_version AS "weightsVersion", ${ts('scored_at')} AS "scoredAt",
           origin, status, notes, created_by_id AS "createdById", ${ts('endorsed_at')} AS "endorsedAt",
           ${ts('answered_at')} AS "answeredAt", ${ts('agreed_at')} AS "agreedAt", ${ts('completed_at')} AS "completedAt",
           decline_reason AS "declineReason", requester_rating AS "requesterRating", requester_comment AS "requesterComment",
           provider_rating AS "providerRating", provider_comment AS "providerComment",
           retired_reason AS "retiredReason", ${day('delivered_from')} AS "deliveredFrom",
           ${day('delivered_until')} AS "deliveredUntil", participants, deliverables, ${recordTimes}
      FROM matches ${ORDER}`,
  history: `
    SELECT id, subject_type AS "subjectType", subject_id AS "subjectId", action, from_status AS "fromStatus",
           to_status AS "toStatus", actor_id AS "actorId", actor_role AS "actorRole", comment, reason, details,
           ${ts('created_at')} AS "createdAt"
      FROM history_entries ${ORDER}`,
} as const;

// The CSV exports read the lists page by page through the list services, so filters, sorting and who sees
// what are exactly those of `GET /requests` and `GET /offers`.
const CSV_PAGE = 1000;

@Injectable()
export class ExchangeExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly offers: OffersService,
  ) {}

  /** The whole register as one document, read from one snapshot so its references hold even under writes. */
  async exportDocument(): Promise<ExchangeDocument> {
    const exportedAt = new Date().toISOString();
    return this.dataSource.transaction('REPEATABLE READ', async (manager: EntityManager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const read = (sql: string) => manager.query(sql);
      return {
        format: EXCHANGE_FORMAT,
        formatVersion: EXCHANGE_FORMAT_VERSION,
        exportedAt,
        organizations: await read(QUERIES.organizations),
        users: await read(QUERIES.users),
        requests: await read(QUERIES.requests),
        offers: await read(QUERIES.offers),
        matches: await read(QUERIES.matches),
        history: await read(QUERIES.history),
      };
    });
  }

  listAllRequests(user: AuthUser, filters: RequestsCsvQuery): Promise<RequestView[]> {
    return allPages((page) => this.requests.list(user, { ...filters, page, pageSize: CSV_PAGE }));
  }

  listAllOffers(user: AuthUser, filters: OffersCsvQuery): Promise<OfferView[]> {
    return allPages((page) => this.offers.list(user, { ...filters, page, pageSize: CSV_PAGE }));
  }
}

async function allPages<T>(fetchPage: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await fetchPage(page);
    all.push(...items);
    if (items.length < CSV_PAGE || all.length >= total) return all;
  }
}
