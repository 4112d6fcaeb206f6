import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { containsPattern, sqlList } from '@app/common';
import { CALIBRATION_BANDS, DECIDED_MATCH_STATUSES, type DecisionCount, type ReasonPart } from '@app/matching';
import {
  isAgency,
  isCommittee,
  MATCH_COMMITTEE_ONLY_STATUSES,
  MATCH_UNANSWERED_STATUSES,
  MatchStatus,
  OFFER_MATCHABLE_STATUSES,
  REQUEST_AWAITING_MATCH_STATUSES,
} from '@app/domain';
import { AssistanceOfferEntity, AssistanceRequestEntity, MatchEntity } from '../entities';
import { applySort, textSearchSql } from './text-search';
import { boundedPageOf, type BoundedTotal } from './paging';
import type { PageRequest, RowPage, Viewer } from './viewer';

export interface MatchListFilters extends PageRequest {
  status?: readonly MatchStatus[];
  requestId?: string;
  offerId?: string;
  origin?: MatchEntity['origin'];
  q?: string;
}

/** What a match's view shows of its request, its offer and the offer's provider. */
export interface MatchParties {
  matchId: string;
  request: { id: string; reference: string; title: string; state: string; status: string; desiredStart: string | null };
  offer: { id: string; title: string; status: string };
  provider: { id: string; name: string; shortName: string };
}

/** A stored proposal the allocation plan may pick, with the remaining capacity of its offer (null: unlimited). */
export interface AllocationCandidate {
  matchId: string;
  requestId: string;
  reference: string;
  requestTitle: string;
  state: string;
  offerId: string;
  offerTitle: string;
  provider: string;
  score: number;
  status: string;
  reason: string;
  reasonParts: ReasonPart[] | null;
  remaining: number | null;
}

const SORT_COLUMN: Record<string, string> = { score: 'm.score', updatedAt: 'm.updated_at', createdAt: 'm.created_at' };
const COMMITTEE_ONLY = sqlList(MATCH_COMMITTEE_ONLY_STATUSES);

/**
 * Who sees which matches: the committee all of them; a provider those on its offers once endorsed (and its
 * own expressions of interest); a State's agencies those on its requests once endorsed. Engine suggestions
 * stay with the committee until an expert endorses one. The query joins the request as `req`, the offer as `off`.
 */
function whereVisibleTo(qb: SelectQueryBuilder<MatchEntity>, viewer: Viewer): SelectQueryBuilder<MatchEntity> {
  if (isCommittee(viewer.role)) return qb;
  if (isAgency(viewer.role)) {
    return qb.andWhere(`req.state = :scopeState AND m.status NOT IN ${COMMITTEE_ONLY}`, { scopeState: viewer.organization.state });
  }
  return qb.andWhere(
    `off.organization_id = :scopeOrg AND (m.status NOT IN ${COMMITTEE_ONLY} OR m.origin = 'provider_interest')`,
    { scopeOrg: viewer.organization.id },
  );
}

/** The matches' named queries and their visibility rule, shared by the API and the worker. */
@Injectable()
export class MatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The matches `viewer` may see (alias `m`, joined to `req` and `off`), inside `manager`'s transaction when given. */
  visibleTo(viewer: Viewer, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<MatchEntity> {
    const qb = manager
      .createQueryBuilder(MatchEntity, 'm')
      .innerJoin(AssistanceRequestEntity, 'req', 'req.id = m.request_id')
      .innerJoin(AssistanceOfferEntity, 'off', 'off.id = m.offer_id');
    return whereVisibleTo(qb, viewer);
  }

  /** A page of matches; its total is bounded (COUNT_BOUND): the Committee's list holds every suggestion. */
  async listPage(viewer: Viewer, f: MatchListFilters): Promise<RowPage<MatchEntity> & BoundedTotal> {
    const qb = this.visibleTo(viewer);
    if (f.status?.length) qb.andWhere('m.status IN (:...statuses)', { statuses: f.status });
    if (f.requestId) qb.andWhere('m.request_id = :rid', { rid: f.requestId });
    if (f.offerId) qb.andWhere('m.offer_id = :oid', { oid: f.offerId });
    if (f.origin) qb.andWhere('m.origin = :origin', { origin: f.origin });
    if (f.q) {
      // A match is found by its request (reference, title, description) or by its offer (title, description).
      const request = textSearchSql('req', { q: ':q', qLike: ':qLike', reference: true });
      const offer = textSearchSql('off', { q: ':q', qLike: ':qLike', reference: false });
      qb.andWhere(`(${request} OR ${offer})`, { q: f.q, qLike: containsPattern(f.q) });
    }
    applySort(qb, SORT_COLUMN, f.sort, 'm.id', 'last');
    return boundedPageOf(qb, f);
  }

  /** One match if `viewer` may see it, else null (the caller's 404). */
  findVisible(viewer: Viewer, id: string): Promise<MatchEntity | null> {
    return this.visibleTo(viewer).andWhere('m.id = :id', { id }).getOne();
  }

  /** One match `viewer` may see, locked (the match row only) until `manager`'s transaction ends; null when out of scope. */
  lockVisible(viewer: Viewer, id: string, manager: EntityManager): Promise<MatchEntity | null> {
    return this.visibleTo(viewer, manager).andWhere('m.id = :id', { id }).setLock('pessimistic_write', undefined, ['m']).getOne();
  }

  /** One match by id, whoever asks (the worker's view), inside `manager`'s transaction; null when it is gone. */
  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<MatchEntity | null> {
    return manager.findOneBy(MatchEntity, { id });
  }

  /** Matches endorsed at least `days` before `now` that the provider has not answered yet. */
  endorsedUnansweredSince(now: Date, days: number): Promise<{ id: string; status: MatchStatus; endorsedAt: Date | null }[]> {
    return this.dataSource.query(
      `SELECT id, status, endorsed_at AS "endorsedAt" FROM matches WHERE status = $3 AND endorsed_at <= $1::timestamptz - make_interval(days => $2)`,
      [now, days, 'endorsed' satisfies MatchStatus],
    );
  }

  /**
   * Decided matches by score band (tenths), status and whether their feedback was poor (mean rating ≤ 2): what
   * `calibrationBands` reads. Counts over every organisation; nothing but the counts leaves the query.
   */
  decisionsByScoreBand(manager: EntityManager = this.dataSource.manager): Promise<DecisionCount[]> {
    return manager.query(
      `SELECT LEAST(GREATEST(floor(score * ${CALIBRATION_BANDS})::int, 0), ${CALIBRATION_BANDS - 1}) AS band, status,
              COALESCE((COALESCE(requester_rating, 0) + COALESCE(provider_rating, 0))::numeric
                       / NULLIF((requester_rating IS NOT NULL)::int + (provider_rating IS NOT NULL)::int, 0) <= 2, false) AS "poorlyRated",
              count(*)::int AS count
         FROM matches
        WHERE score IS NOT NULL AND status IN ${sqlList(DECIDED_MATCH_STATUSES)}
        GROUP BY 1, 2, 3`,
    );
  }

  /** The request, offer and provider of each match, for its view. */
  async partiesOf(matchIds: string[]): Promise<MatchParties[]> {
    if (!matchIds.length) return [];
    const rows: { mid: string; r_id: string; reference: string; r_title: string; state: string; r_status: string; r_desired_start: string | null; o_id: string; o_title: string; o_status: string; p_id: string; p_name: string; p_short: string }[] =
      await this.dataSource.query(
        `SELECT m.id AS mid, r.id AS r_id, r.reference, r.title AS r_title, r.state, r.status AS r_status, r.desired_start::text AS r_desired_start,
                o.id AS o_id, o.title AS o_title, o.status AS o_status, p.id AS p_id, p.name AS p_name, p.short_name AS p_short
           FROM matches m JOIN assistance_requests r ON r.id = m.request_id
           JOIN assistance_offers o ON o.id = m.offer_id JOIN organizations p ON p.id = o.organization_id
          WHERE m.id = ANY($1::uuid[])`,
        [matchIds],
      );
    return rows.map((d) => ({
      matchId: d.mid,
      request: { id: d.r_id, reference: d.reference, title: d.r_title, state: d.state, status: d.r_status, desiredStart: d.r_desired_start },
      offer: { id: d.o_id, title: d.o_title, status: d.o_status },
      provider: { id: d.p_id, name: d.p_name, shortName: d.p_short },
    }));
  }

  /**
   * The scored proposals nobody has answered yet between requests still awaiting a match and matchable offers
   * (of the given requests, or all): the candidate graph of the allocation plan.
   */
  allocationCandidates(requestIds: string[] | null): Promise<AllocationCandidate[]> {
    return this.dataSource.query(
      `SELECT m.id AS "matchId", m.request_id AS "requestId", r.reference, r.title AS "requestTitle", r.state, m.offer_id AS "offerId",
              o.title AS "offerTitle", p.short_name AS provider, m.score, m.status, m.reason, m.reason_parts AS "reasonParts",
              CASE WHEN o.capacity_engagements IS NULL THEN NULL ELSE GREATEST(o.capacity_engagements - o.engagements_used, 0) END AS remaining
         FROM matches m
         JOIN assistance_requests r ON r.id = m.request_id
         JOIN assistance_offers o ON o.id = m.offer_id
         JOIN organizations p ON p.id = o.organization_id
        WHERE m.status IN ${sqlList(MATCH_UNANSWERED_STATUSES)} AND m.score IS NOT NULL
          AND r.status IN ${sqlList(REQUEST_AWAITING_MATCH_STATUSES)} AND o.status IN ${sqlList(OFFER_MATCHABLE_STATUSES)}
          AND ($1::uuid[] IS NULL OR m.request_id = ANY($1::uuid[]))`,
      [requestIds],
    );
  }
}
