import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, SelectQueryBuilder } from 'typeorm';
import { sqlList, sqlValue } from '@app/common';
import { isAgency, isCommittee, type RequestStatus } from '@app/domain';
import {
  ActionPlanEntity,
  ActionPlanItemEntity,
  ActionPlanItemInterestEntity,
  ActionPlanVersionEntity,
  type ActionPlanItemStatus,
  type ActionPlanStatus,
} from '../entities';
import { pageOf } from './paging';
import type { PageRequest, RowPage, Viewer } from './viewer';

const SUBMITTED = sqlValue('submitted' satisfies ActionPlanStatus);

export interface ActionPlanListFilters extends Omit<PageRequest, 'sort'> {
  state?: string;
}

export interface ActionPlanItemFilters {
  state?: string;
  status?: string;
  provision?: string;
  /** Items that need assistance and have no request yet. */
  needsRequest?: boolean;
  /** Items the given provider organisation declared interest in. */
  interestedOrganizationId?: string;
}

/**
 * Who may see which action plans (DESIGN §4a, §8), as one WHERE clause (alias `p`) shared by lists, reads and
 * the items' reads, so they can never disagree. Out-of-scope plans are simply not found (404).
 * - committee: every State's plan once submitted (not drafts);
 * - a State's agencies: all of their State's plans;
 * - providers: submitted plans the State shared with providers.
 */
export function whereActionPlanVisibleTo<T extends object>(qb: SelectQueryBuilder<T>, viewer: Viewer, alias = 'p'): SelectQueryBuilder<T> {
  if (isCommittee(viewer.role)) return qb.andWhere(`${alias}.status = ${SUBMITTED}`);
  if (isAgency(viewer.role)) return qb.andWhere(`${alias}.state = :planScopeState`, { planScopeState: viewer.organization.state });
  return qb.andWhere(`${alias}.status = ${SUBMITTED} AND ${alias}.shared_with_providers`);
}

/** Items an agency proposed and the coordinator has not taken in yet are the State's own business. */
function whereItemVisibleTo<T extends object>(qb: SelectQueryBuilder<T>, viewer: Viewer, alias = 'i'): SelectQueryBuilder<T> {
  if (isAgency(viewer.role)) return qb;
  return qb.andWhere(`NOT ${alias}.proposed`);
}

/** The action plans' named queries and their visibility rule (engagements and prioritisation use it too). */
@Injectable()
export class ActionPlanRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The plans `viewer` may see (alias `p`), inside `manager`'s transaction when given. */
  visibleTo(viewer: Viewer, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<ActionPlanEntity> {
    return whereActionPlanVisibleTo(manager.createQueryBuilder(ActionPlanEntity, 'p'), viewer);
  }

  /** The items `viewer` may see (alias `i`, its plan joined as `p`). */
  itemsVisibleTo(viewer: Viewer, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<ActionPlanItemEntity> {
    const qb = manager.createQueryBuilder(ActionPlanItemEntity, 'i').innerJoin(ActionPlanEntity, 'p', 'p.id = i.plan_id');
    return whereItemVisibleTo(whereActionPlanVisibleTo(qb, viewer), viewer);
  }

  async listPage(viewer: Viewer, f: ActionPlanListFilters): Promise<RowPage<ActionPlanEntity>> {
    const qb = this.visibleTo(viewer);
    if (f.state) qb.andWhere('p.state = :state', { state: f.state });
    qb.orderBy('p.state').addOrderBy('p.created_at', 'DESC').addOrderBy('p.id');
    return pageOf(qb, f);
  }

  /**
   * The public register's plans (no viewer): submitted plans whose State wrote a public summary; newest
   * submission first. Callers serve the summary fields only.
   */
  async publicSummariesPage(f: { page: number; pageSize: number; state?: string }): Promise<RowPage<ActionPlanEntity>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(ActionPlanEntity, 'p')
      .where(`p.status = ${SUBMITTED} AND p.public_summary IS NOT NULL AND btrim(p.public_summary) <> ''`);
    if (f.state) qb.andWhere('p.state = :state', { state: f.state });
    qb.orderBy('p.submitted_on', 'DESC', 'NULLS LAST').addOrderBy('p.state').addOrderBy('p.id');
    return pageOf(qb, f);
  }

  findVisible(viewer: Viewer, id: string, manager?: EntityManager): Promise<ActionPlanEntity | null> {
    return this.visibleTo(viewer, manager).andWhere('p.id = :id', { id }).getOne();
  }

  lockVisible(viewer: Viewer, id: string, manager: EntityManager): Promise<ActionPlanEntity | null> {
    return this.visibleTo(viewer, manager).andWhere('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  findVisibleItem(viewer: Viewer, id: string, manager?: EntityManager): Promise<ActionPlanItemEntity | null> {
    return this.itemsVisibleTo(viewer, manager).andWhere('i.id = :id', { id }).getOne();
  }

  /** One item `viewer` may see, locked for update (the item row only) until `manager`'s transaction ends. */
  lockVisibleItem(viewer: Viewer, id: string, manager: EntityManager): Promise<ActionPlanItemEntity | null> {
    return this.itemsVisibleTo(viewer, manager).andWhere('i.id = :id', { id }).setLock('pessimistic_write', undefined, ['i']).getOne();
  }

  /** A plan's items `viewer` may see, in priority order (unranked last). */
  itemsOfPlan(viewer: Viewer, planId: string, manager?: EntityManager): Promise<ActionPlanItemEntity[]> {
    return this.itemsVisibleTo(viewer, manager)
      .andWhere('i.plan_id = :planId', { planId })
      .orderBy('i.priority_rank', 'ASC', 'NULLS LAST')
      .addOrderBy('i.created_at')
      .addOrderBy('i.id')
      .getMany();
  }

  /** Items across the plans `viewer` may see. */
  listItems(viewer: Viewer, f: ActionPlanItemFilters): Promise<ActionPlanItemEntity[]> {
    const qb = this.itemsVisibleTo(viewer);
    if (f.state) qb.andWhere('p.state = :state', { state: f.state });
    if (f.status) qb.andWhere('i.status = :status', { status: f.status });
    if (f.provision) qb.andWhere(':provision = ANY(i.provisions)', { provision: f.provision });
    if (f.needsRequest) {
      qb.andWhere(`i.assistance_needed AND i.status IN ${sqlList(['planned', 'in_progress'] satisfies ActionPlanItemStatus[])}`).andWhere(
        `NOT EXISTS (SELECT 1 FROM assistance_requests r WHERE r.action_plan_item_id = i.id AND r.status <> ${sqlValue('withdrawn' satisfies RequestStatus)})`,
      );
    }
    if (f.interestedOrganizationId) {
      qb.andWhere(`EXISTS (SELECT 1 FROM action_plan_item_interests x WHERE x.item_id = i.id AND x.provider_organization_id = :interestOrg)`, {
        interestOrg: f.interestedOrganizationId,
      });
    }
    return qb.orderBy('p.state').addOrderBy('i.priority_rank', 'ASC', 'NULLS LAST').addOrderBy('i.id').limit(500).getMany();
  }

  /** The interests declared on these items, oldest first. */
  interestsOf(itemIds: string[], manager: EntityManager = this.dataSource.manager): Promise<ActionPlanItemInterestEntity[]> {
    if (!itemIds.length) return Promise.resolve([]);
    return manager
      .getRepository(ActionPlanItemInterestEntity)
      .createQueryBuilder('x')
      .where('x.item_id = ANY(:ids)', { ids: itemIds })
      .orderBy('x.created_at')
      .getMany();
  }

  /**
   * Records an interest once per (item, provider, offer): a second declaration of the same is a no-op. Returns
   * the interest row and whether this call created it. Used by the item's interest route and the prioritisation.
   */
  async recordInterest(
    manager: EntityManager,
    interest: Pick<ActionPlanItemInterestEntity, 'itemId' | 'providerOrganizationId' | 'offerId' | 'programme' | 'note' | 'engagementId' | 'createdById'>,
  ): Promise<{ interest: ActionPlanItemInterestEntity; created: boolean }> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO action_plan_item_interests (item_id, provider_organization_id, offer_id, programme, note, engagement_id, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (item_id, provider_organization_id, offer_id) DO NOTHING RETURNING id`,
      [interest.itemId, interest.providerOrganizationId, interest.offerId, interest.programme, interest.note, interest.engagementId, interest.createdById],
    );
    const row = await manager.getRepository(ActionPlanItemInterestEntity).findOneByOrFail(
      inserted.length
        ? { id: inserted[0].id }
        : { itemId: interest.itemId, providerOrganizationId: interest.providerOrganizationId, offerId: interest.offerId ?? IsNull() },
    );
    return { interest: row, created: inserted.length > 0 };
  }

  /** The plan and its items as they stand, for a version's snapshot (proposals left out: not yet part of the plan). */
  async snapshot(manager: EntityManager, planId: string): Promise<Record<string, unknown>> {
    const plan = await manager.findOneByOrFail(ActionPlanEntity, { id: planId });
    const items = await manager
      .createQueryBuilder(ActionPlanItemEntity, 'i')
      .where('i.plan_id = :planId AND NOT i.proposed', { planId })
      .orderBy('i.priority_rank', 'ASC', 'NULLS LAST')
      .addOrderBy('i.created_at')
      .getMany();
    return {
      title: plan.title,
      description: plan.description,
      submittedOn: plan.submittedOn,
      sharedWithProviders: plan.sharedWithProviders,
      items: items.map((i) => ({
        id: i.id,
        code: i.code,
        title: i.title,
        provisions: i.provisions,
        domains: i.domains,
        leadAgencyId: i.leadAgencyId,
        priorityRank: i.priorityRank,
        priorityLevel: i.priorityLevel,
        targetDate: i.targetDate,
        status: i.status,
        assistanceNeeded: i.assistanceNeeded,
      })),
    };
  }

  /**
   * A submitted plan's next version: bumps `revision` (the plan row must be locked by the caller's transaction)
   * and keeps the snapshot with what changed. The prioritisation of an engagement calls it with its id.
   */
  async recordVersion(
    manager: EntityManager,
    plan: ActionPlanEntity,
    changes: { subject: 'plan' | 'item'; action: string; itemId?: string; title?: string; fields: string[] }[],
    by: { createdById: string | null; note?: string | null; engagementId?: string | null; at?: Date },
  ): Promise<number> {
    plan.revision += 1;
    await manager.update(ActionPlanEntity, { id: plan.id }, { revision: plan.revision });
    await manager.save(
      manager.create(ActionPlanVersionEntity, {
      planId: plan.id,
      revision: plan.revision,
      changes,
      snapshot: await this.snapshot(manager, plan.id),
      note: by.note ?? null,
      engagementId: by.engagementId ?? null,
      createdById: by.createdById,
      ...(by.at ? { createdAt: by.at } : {}),
      }),
    );
    return plan.revision;
  }
}
