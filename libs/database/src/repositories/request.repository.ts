import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, type ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { orderOf, sqlList, sqlValue } from '@app/common';
import {
  isAgency,
  isCommittee,
  MATCH_COMMITTEE_ONLY_STATUSES,
  REQUEST_FOLLOW_UP_STATUSES,
  REQUEST_OPEN_FOR_MATCHING_STATUSES,
  REQUEST_STATUSES,
  REQUEST_TERMINAL_STATUSES,
  RequestStatus,
} from '@app/domain';
import { AssistanceRequestEntity } from '../entities';
import { boundedCount, totalOf } from './paging';
import { ORGANIZATION_NAME_COLUMNS, organizationsOf, withOrganizations, withoutOrganization, type OrganizationName, type OrganizationRow } from './organization-names';
import { entityColumns, preparedQuery } from './prepared-statement';
import { applySort, applyTextSearch } from './text-search';
import type { PageRequest, RowPage, Viewer } from './viewer';

export interface RequestListFilters extends PageRequest {
  status?: readonly RequestStatus[];
  state?: string;
  provision?: string;
  domain?: string;
  type?: string;
  institution?: string;
  priority?: string;
  organizationId?: string;
  /** `true`: drafts an agency member has marked ready for the coordinator; `false`: the others. */
  ready?: boolean;
  q?: string;
}

/** An open request of the State that reads like a draft, with the trigram similarity of title and description. */
export interface SimilarRequestRow {
  id: string;
  reference: string;
  title: string;
  status: RequestStatus;
  titleSimilarity: number;
  /** Null when no description was compared. */
  descriptionSimilarity: number | null;
}

/** A request with the name of the agency that made it: what a notification about it is worded with. */
export interface RequestWithRequester {
  id: string;
  reference: string;
  title: string;
  state: string;
  status: RequestStatus;
  visibility: string;
  organizationId: string;
  organizationName: string;
  acknowledgedAt: Date | null;
  objectionWindowWaived: boolean;
  deliveredAt: Date | null;
}

const SORT_COLUMN: Record<string, string> = {
  createdAt: 'r.created_at',
  updatedAt: 'r.updated_at',
  reference: 'r.reference',
  title: 'r.title',
  submittedAt: 'r.submitted_at',
  circulatedAt: 'r.circulated_at',
  status: orderOf(REQUEST_STATUSES, 'r.status'),
  priority: orderOf(['high', 'medium', 'low'], 'r.priority'),
};

/**
 * Who may see which requests (DESIGN §8), as one WHERE clause used by lists and by reads of one request,
 * so the two can never disagree. Out-of-scope requests are simply not found (404).
 * - committee: everything the States have submitted (not their drafts);
 * - a State's agencies: all of their State's requests;
 * - providers: requests that have been circulated, are not confidential and not withdrawn, and those on which a
 *   match with one of their offers has been endorsed to them;
 * - anonymous (public register): handled by the public controller with its own, narrower, summary query.
 * `param` places a value in the statement (a named TypeORM parameter, or a positional one) and returns its placeholder.
 */
function visibilityClause(viewer: Viewer, param: (name: string, value: unknown) => string): string {
  if (isCommittee(viewer.role)) return `r.status <> ${sqlValue('draft' satisfies RequestStatus)}`;
  if (isAgency(viewer.role)) return `r.state = ${param('scopeState', viewer.organization.state)}`;
  return `((${CIRCULATED_TO_PROVIDERS}) OR ${endorsedToProvider(param('scopeOrg', viewer.organization.id))})`;
}

/** What every provider sees: the index `ix_assistance_requests_circulated` holds these requests, in the lists' order. */
const CIRCULATED_TO_PROVIDERS = `r.circulated_at IS NOT NULL AND r.status <> ${sqlValue('withdrawn' satisfies RequestStatus)} AND r.visibility <> 'committee'`;

/** What one provider sees besides: the requests on which a match with one of its offers was endorsed to it. */
const endorsedToProvider = (organization: string) =>
  `EXISTS (SELECT 1 FROM matches m JOIN assistance_offers o ON o.id = m.offer_id
            WHERE m.request_id = r.id AND o.organization_id = ${organization}
              AND m.status NOT IN ${sqlList(MATCH_COMMITTEE_ONLY_STATUSES)})`;

/** Which of the three scopes `viewer` reads with: the visibility clause's text depends on this alone. */
function scopeOf(viewer: Viewer): 'committee' | 'agency' | 'provider' {
  return isCommittee(viewer.role) ? 'committee' : isAgency(viewer.role) ? 'agency' : 'provider';
}

function whereVisibleTo(qb: SelectQueryBuilder<AssistanceRequestEntity>, viewer: Viewer): SelectQueryBuilder<AssistanceRequestEntity> {
  const params: Record<string, unknown> = {};
  return qb.andWhere(
    visibilityClause(viewer, (name, value) => {
      params[name] = value;
      return `:${name}`;
    }),
    params,
  );
}

/** The assistance requests' named queries and their visibility rule, shared by the API and the worker. */
@Injectable()
export class RequestRepository {
  // Worked out at the first read, once the data source knows its entities.
  private columns?: ReturnType<typeof entityColumns<AssistanceRequestEntity>>;

  constructor(private readonly dataSource: DataSource) {}

  private requestColumns() {
    return (this.columns ??= entityColumns(this.dataSource, AssistanceRequestEntity, 'r'));
  }

  /** The requests `viewer` may see (alias `r`), inside `manager`'s transaction when given. */
  visibleTo(viewer: Viewer, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<AssistanceRequestEntity> {
    return whereVisibleTo(manager.createQueryBuilder(AssistanceRequestEntity, 'r'), viewer);
  }

  async listPage(
    viewer: Viewer,
    f: RequestListFilters,
  ): Promise<RowPage<AssistanceRequestEntity> & { totalIsLowerBound: boolean; organizations: Map<string, OrganizationName> }> {
    const filtered = this.filtered(this.visibleTo(viewer), f);
    const offset = (f.page - 1) * f.pageSize;
    // The total is bounded (see COUNT_BOUND): the Committee's list and a provider's hold nearly every request, and an
    // exact count read them all at every call (30–50 ms each at 20,000 requests, most of what a list cost). It is
    // asked only when the page cannot tell it (see totalOf, and pageOf for why not a window count).
    let totalIsLowerBound = false;
    const count = async () => {
      const counted = await boundedCount(scopeOf(viewer) === 'provider' ? this.providerBranches(viewer, f) : filtered, offset);
      totalIsLowerBound = counted.totalIsLowerBound;
      return counted.total;
    };
    // One statement for the page and the requesters' names: the organisation is many-to-one, so a plain
    // LIMIT/OFFSET, no id pre-query. Its rows are read as a request's page reads its row (entityColumns: the entity's
    // columns and types, worked out once), not hydrated by TypeORM per row and column.
    const [qb, skip]: [SelectQueryBuilder<ObjectLiteral>, number] =
      scopeOf(viewer) === 'provider' ? [this.providerPage(viewer, f, offset), 0] : [filtered.clone(), offset];
    applySort(qb, SORT_COLUMN, f.sort, 'r.id');
    const { rows, organizations } = await withOrganizations(qb.offset(skip).limit(f.pageSize), 'r', this.requestColumns());
    const total = await totalOf(rows.length, f, count);
    return { rows, total, totalIsLowerBound, organizations };
  }

  /** The list's filters on `qb`'s requests (alias `r`). */
  private filtered(qb: SelectQueryBuilder<AssistanceRequestEntity>, f: RequestListFilters): SelectQueryBuilder<AssistanceRequestEntity> {
    if (f.status?.length) qb.andWhere('r.status IN (:...statuses)', { statuses: f.status });
    if (f.state) qb.andWhere('r.state = :state', { state: f.state });
    if (f.provision) qb.andWhere(':provision = ANY(r.provisions)', { provision: f.provision });
    if (f.domain) qb.andWhere(':domain = ANY(r.domains)', { domain: f.domain });
    if (f.type) qb.andWhere(':type = ANY(r.assistance_types)', { type: f.type });
    if (f.institution) qb.andWhere(':institution = ANY(r.target_institutions)', { institution: f.institution });
    if (f.priority) qb.andWhere('r.priority = :priority', { priority: f.priority });
    if (f.organizationId) qb.andWhere('r.organization_id = :org', { org: f.organizationId });
    if (f.ready !== undefined) qb.andWhere(`r.ready_for_coordinator_at IS ${f.ready ? 'NOT NULL' : 'NULL'}`);
    if (f.q) applyTextSearch(qb, 'r', f.q, { reference: true });
    return qb;
  }

  /**
   * A provider's requests with the list's filters, as two disjoint branches: those circulated to every provider, and
   * those endorsed to this one only. One condition with OR could follow no index: PostgreSQL walked the whole list in
   * order and tested each request, skipping the thousands not yet circulated (the newest: at the head of the default
   * order) on every page, and its count tested every request against the provider's matches. Now the first branch
   * reads its own index (ix_assistance_requests_circulated) and the second is a few rows.
   */
  private providerBranches(viewer: Viewer, f: RequestListFilters): SelectQueryBuilder<AssistanceRequestEntity>[] {
    const branch = (condition: string) =>
      this.filtered(this.dataSource.createQueryBuilder(AssistanceRequestEntity, 'r'), f).andWhere(condition, { scopeOrg: viewer.organization.id });
    return [branch(CIRCULATED_TO_PROVIDERS), branch(`NOT (${CIRCULATED_TO_PROVIDERS}) AND ${endorsedToProvider(':scopeOrg')}`)];
  }

  /**
   * A provider's page of requests, as a subquery aliased `r`: the first `offset + pageSize` of each branch
   * (providerBranches) in the list's order, then the page cut from the two (page 20 at 20,000 requests: 7 → 1 ms).
   * The branches are disjoint, so the page is the union's rows at the same places in the same order.
   */
  private providerPage(viewer: Viewer, f: RequestListFilters, offset: number): SelectQueryBuilder<ObjectLiteral> {
    const [circulated, endorsed] = this.providerBranches(viewer, f).map((qb) =>
      applySort(qb, SORT_COLUMN, f.sort, 'r.id')
        .select('r.*')
        .limit(offset + f.pageSize),
    );
    const page = applySort(
      this.dataSource.createQueryBuilder().select('r.*').from(`((${circulated.getQuery()}) UNION ALL (${endorsed.getQuery()}))`, 'r'),
      SORT_COLUMN,
      f.sort,
      'r.id',
    )
      .offset(offset)
      .limit(f.pageSize);
    // Joined to the requesters after the cut: the names of the page's rows only.
    return this.dataSource
      .createQueryBuilder()
      .from(`(${page.getQuery()})`, 'r')
      .setParameters({ ...circulated.getParameters(), ...endorsed.getParameters() });
  }

  /**
   * One request if `viewer` may see it, with its requester's name, in one statement (the read of a request page);
   * null when out of scope (the caller's 404).
   */
  async findVisibleWithOrganization(viewer: Viewer, id: string): Promise<{ row: AssistanceRequestEntity; organizations: Map<string, OrganizationName> } | null> {
    const values: unknown[] = [id];
    const scope = visibilityClause(viewer, (_name, value) => {
      values.push(value);
      return `$${values.length}`;
    });
    const columns = this.requestColumns();
    // Every request page runs it: a prepared statement with the columns worked out once (no query builder, no
    // hydration per call). Its text depends only on the viewer's scope, hence one statement name per scope.
    const [raw] = await preparedQuery<Record<string, unknown> & OrganizationRow>(
      this.dataSource,
      `request-visible-${scopeOf(viewer)}`,
      `SELECT ${columns.sql}, ${ORGANIZATION_NAME_COLUMNS}
         FROM assistance_requests r LEFT JOIN organizations org ON org.id = r.organization_id
        WHERE r.id = $1 AND ${scope}`,
      values,
    );
    if (!raw) return null;
    return { row: columns.hydrate(withoutOrganization(raw)), organizations: organizationsOf([raw]) };
  }

  /** One request if `viewer` may see it, else null (the caller's 404). */
  findVisible(viewer: Viewer, id: string, manager?: EntityManager): Promise<AssistanceRequestEntity | null> {
    return this.visibleTo(viewer, manager).andWhere('r.id = :id', { id }).getOne();
  }

  /** One request `viewer` may see, locked for update until `manager`'s transaction ends; null when out of scope. */
  lockVisible(viewer: Viewer, id: string, manager: EntityManager): Promise<AssistanceRequestEntity | null> {
    return this.visibleTo(viewer, manager).andWhere('r.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  isVisible(viewer: Viewer, id: string): Promise<boolean> {
    return this.visibleTo(viewer).andWhere('r.id = :id', { id }).getExists();
  }

  /**
   * The State's requests still open (not closed or withdrawn) whose title, or description when one is given, is
   * at least `threshold` alike (pg_trgm similarity); the caller combines and ranks the two figures. `OFFSET 0` keeps
   * the inner query a query of its own: flattened into the outer one, each similarity was computed twice for every
   * row that passed, once in the filter and once for the answer (20 → 10 ms for 600 alike drafts of one State).
   */
  async similarOpenInState(
    state: string,
    draft: { title: string; description: string | null; excludeId: string | null },
    threshold: number,
  ): Promise<SimilarRequestRow[]> {
    const rows: { id: string; reference: string; title: string; status: RequestStatus; title_similarity: number; description_similarity: number | null }[] =
      await this.dataSource.query(
        `SELECT * FROM (
           SELECT id, reference, title, status,
                  similarity(title, $2) AS title_similarity,
                  CASE WHEN $3::text IS NULL THEN NULL ELSE similarity(description, $3) END AS description_similarity
             FROM assistance_requests
            WHERE state = $1 AND status <> ALL($6::text[]) AND ($4::uuid IS NULL OR id <> $4)
           OFFSET 0
         ) compared
         WHERE GREATEST(title_similarity, COALESCE(description_similarity, 0)) >= $5`,
        [state, draft.title, draft.description, draft.excludeId, threshold, REQUEST_TERMINAL_STATUSES],
      );
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      status: r.status,
      titleSimilarity: Number(r.title_similarity),
      descriptionSimilarity: r.description_similarity === null ? null : Number(r.description_similarity),
    }));
  }

  /** Requests open for matching, by id: those named, or those in the id range `(fromId, toId]` of a rescore chunk. */
  openForMatching(ids?: string[], range?: { fromId: string | null; toId: string }): Promise<AssistanceRequestEntity[]> {
    const qb = this.dataSource
      .getRepository(AssistanceRequestEntity)
      .createQueryBuilder('r')
      .where('r.status IN (:...open)', { open: REQUEST_OPEN_FOR_MATCHING_STATUSES })
      .orderBy('r.id');
    if (ids) qb.andWhere('r.id = ANY(:ids)', { ids });
    if (range) {
      qb.andWhere('r.id <= :toId', { toId: range.toId });
      if (range.fromId) qb.andWhere('r.id > :fromId', { fromId: range.fromId });
    }
    return qb.getMany();
  }

  /** One request with its requesting agency's name, inside `manager`'s transaction; null when it is gone. */
  async withRequester(id: string, manager: EntityManager = this.dataSource.manager): Promise<RequestWithRequester | null> {
    const [row]: RequestWithRequester[] = await manager.query(
      `SELECT r.id, r.reference, r.title, r.state, r.status, r.visibility, r.organization_id AS "organizationId", o.name AS "organizationName",
              r.acknowledged_at AS "acknowledgedAt", r.objection_window_waived AS "objectionWindowWaived", r.delivered_at AS "deliveredAt"
         FROM assistance_requests r JOIN organizations o ON o.id = r.organization_id WHERE r.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Acknowledged requests whose State did not waive the objection window, acknowledged at least 5 calendar days
   * before `now`: a coarse cut (5 calendar days ≤ 5 working days) for the reminder rule to decide on.
   */
  objectionWindowCandidates(now: Date): Promise<{ id: string; status: RequestStatus; acknowledgedAt: Date | null; objectionWindowWaived: boolean }[]> {
    return this.dataSource.query(
      `SELECT id, status, acknowledged_at AS "acknowledgedAt", objection_window_waived AS "objectionWindowWaived" FROM assistance_requests
        WHERE status = $2 AND NOT objection_window_waived AND objected_at IS NULL AND acknowledged_at <= $1::timestamptz - interval '5 days'`,
      [now, 'acknowledged' satisfies RequestStatus],
    );
  }

  /**
   * Requests delivered (or closed after delivery) at least 365 days before `now` and at most `graceDays` later than
   * a year: a coarse cut (365 days ≤ 12 months) for the follow-up reminder rule to decide on.
   */
  followUpCandidates(now: Date, graceDays: number): Promise<{ id: string; status: RequestStatus; deliveredAt: Date | null }[]> {
    return this.dataSource.query(
      `SELECT id, status, delivered_at AS "deliveredAt" FROM assistance_requests
        WHERE status IN ${sqlList(REQUEST_FOLLOW_UP_STATUSES)} AND delivered_at <= $1::timestamptz - interval '365 days'
          AND delivered_at >= $1::timestamptz - make_interval(days => 366 + $2)`,
      [now, graceDays],
    );
  }

  /** The next number of `STATE-YEAR-NNN`, atomically, in `manager`'s transaction. */
  async nextReferenceNumber(manager: EntityManager, state: string, year: number): Promise<number> {
    const rows: { last: number }[] = await manager.query(
      `INSERT INTO request_reference_counters (state, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (state, year) DO UPDATE SET last = request_reference_counters.last + 1 RETURNING last`,
      [state, year],
    );
    return rows[0].last;
  }
}
