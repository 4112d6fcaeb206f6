import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { orderOf, sqlList, sqlValue } from '@app/common';
import { isCommittee, OFFER_MATCHABLE_STATUSES, OFFER_PUBLISHED_STATUSES, OFFER_RUNNING_STATUSES, OFFER_STATUSES, OfferStatus, regionsOfState } from '@app/domain';
import { AssistanceOfferEntity } from '../entities';
import { withOrganizations, type OrganizationName } from './organization-names';
import { countRows, totalOf } from './paging';
import { entityColumns } from './prepared-statement';
import { applySort, applyTextSearch } from './text-search';
import type { PageRequest, RowPage, Viewer } from './viewer';

export interface OfferListFilters extends PageRequest {
  status?: readonly OfferStatus[];
  provider?: string;
  provision?: string;
  domain?: string;
  type?: string;
  servesState?: string;
  q?: string;
}

/** Where a matchable offer's provider may serve: enough to tell which providers a request concerns. */
export interface OfferReach {
  providerId: string;
  eligibleStates: string[];
  eligibleRegions: string[];
}

/** An offer with its provider's name: what a notification about it is worded with. */
export interface OfferWithProvider {
  id: string;
  title: string;
  status: OfferStatus;
  providerId: string;
  providerName: string;
  /** `YYYY-MM-DD`. */
  availableUntil: string | null;
}

const SORT_COLUMN: Record<string, string> = {
  createdAt: 'o.created_at',
  submittedAt: 'o.submitted_at',
  updatedAt: 'o.updated_at',
  title: 'o.title',
  availableUntil: 'o.available_until',
  status: orderOf(OFFER_STATUSES, 'o.status'),
};

/**
 * Who may see which offers (DESIGN §8): a provider all of its own; the committee everything past draft;
 * everyone else the published ones (without their non-public fields: the API's view leaves them out).
 */
function whereVisibleTo(qb: SelectQueryBuilder<AssistanceOfferEntity>, viewer: Viewer): SelectQueryBuilder<AssistanceOfferEntity> {
  if (isCommittee(viewer.role)) return qb.andWhere(`(o.status <> ${sqlValue('draft' satisfies OfferStatus)})`);
  return qb.andWhere(`(o.organization_id = :scopeOrg OR o.status IN (:...published))`, {
    scopeOrg: viewer.organization.id,
    published: OFFER_PUBLISHED_STATUSES,
  });
}

/** The assistance offers' named queries and their visibility rule, shared by the API and the worker. */
@Injectable()
export class OfferRepository {
  private columns?: ReturnType<typeof entityColumns<AssistanceOfferEntity>>;

  constructor(private readonly dataSource: DataSource) {}

  private offerColumns(): ReturnType<typeof entityColumns<AssistanceOfferEntity>> {
    return (this.columns ??= entityColumns(this.dataSource, AssistanceOfferEntity, 'o'));
  }

  /** The offers `viewer` may see (alias `o`), inside `manager`'s transaction when given. */
  visibleTo(viewer: Viewer, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<AssistanceOfferEntity> {
    return whereVisibleTo(manager.createQueryBuilder(AssistanceOfferEntity, 'o'), viewer);
  }

  async listPage(viewer: Viewer, f: OfferListFilters): Promise<RowPage<AssistanceOfferEntity> & { organizations: Map<string, OrganizationName> }> {
    const qb = this.visibleTo(viewer);
    if (f.status?.length) qb.andWhere('o.status IN (:...statuses)', { statuses: f.status });
    if (f.provider) qb.andWhere('o.organization_id = :provider', { provider: f.provider });
    if (f.provision) qb.andWhere(':provision = ANY(o.provisions)', { provision: f.provision });
    // An offer naming no domain serves them all.
    if (f.domain) qb.andWhere('(:domain = ANY(o.domains) OR o.domains = \'{}\')', { domain: f.domain });
    if (f.type) qb.andWhere(':type = ANY(o.assistance_types)', { type: f.type });
    if (f.servesState) {
      qb.andWhere('(:st = ANY(o.eligible_states) OR o.eligible_regions && :regions::text[])', {
        st: f.servesState,
        regions: regionsOfState(f.servesState),
      });
    }
    if (f.q) applyTextSearch(qb, 'o', f.q);
    applySort(qb, SORT_COLUMN, f.sort, 'o.id');
    const page = await withOrganizations(qb.clone().offset((f.page - 1) * f.pageSize).limit(f.pageSize), 'o', this.offerColumns());
    return { ...page, total: await totalOf(page.rows.length, f, () => countRows(qb)) };
  }

  /** One offer if `viewer` may see it, with its provider's name, in one statement (an offer page's read); null when out of scope. */
  async findVisibleWithProvider(viewer: Viewer, id: string): Promise<{ row: AssistanceOfferEntity; organizations: Map<string, OrganizationName> } | null> {
    const { rows, organizations } = await withOrganizations(this.visibleTo(viewer).andWhere('o.id = :id', { id }), 'o', this.offerColumns());
    return rows[0] ? { row: rows[0], organizations } : null;
  }

  /** One offer if `viewer` may see it, else null (the caller's 404). */
  findVisible(viewer: Viewer, id: string, manager?: EntityManager): Promise<AssistanceOfferEntity | null> {
    return this.visibleTo(viewer, manager).andWhere('o.id = :id', { id }).getOne();
  }

  /** One offer `viewer` may see, locked for update until `manager`'s transaction ends; null when out of scope. */
  lockVisible(viewer: Viewer, id: string, manager: EntityManager): Promise<AssistanceOfferEntity | null> {
    return this.visibleTo(viewer, manager).andWhere('o.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** One offer with its provider's name, inside `manager`'s transaction; null when it is gone. */
  async withProvider(id: string, manager: EntityManager = this.dataSource.manager): Promise<OfferWithProvider | null> {
    const [row]: OfferWithProvider[] = await manager.query(
      `SELECT f.id, f.title, f.status, f.organization_id AS "providerId", p.name AS "providerName",
              to_char(f.available_until, 'YYYY-MM-DD') AS "availableUntil"
         FROM assistance_offers f JOIN organizations p ON p.id = f.organization_id WHERE f.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Running offers whose last available day is from the day before `now` to `days` + 1 days after it (`YYYY-MM-DD`). */
  endingAround(now: Date, days: number): Promise<{ id: string; status: OfferStatus; availableUntil: string }[]> {
    return this.dataSource.query(
      `SELECT id, status, to_char(available_until, 'YYYY-MM-DD') AS "availableUntil" FROM assistance_offers
        WHERE status IN ${sqlList(OFFER_RUNNING_STATUSES)} AND available_until BETWEEN ($1::timestamptz)::date - 1 AND ($1::timestamptz)::date + $2::int + 1`,
      [now, days],
    );
  }

  /** The reach of every offer open to matching, for telling the providers who could answer a request. */
  async matchableReach(manager: EntityManager = this.dataSource.manager): Promise<OfferReach[]> {
    return manager.query(
      `SELECT organization_id AS "providerId", eligible_states AS "eligibleStates", eligible_regions AS "eligibleRegions"
         FROM assistance_offers WHERE status = ANY($1::text[])`,
      [OFFER_MATCHABLE_STATUSES],
    );
  }
}
