import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { assertVersion, changedKeys, invalidFieldIn, localizedError, notFound, Page, pickValues, sqlValue } from '@app/common';
import type {
  actionPlanItemViewSchema,
  actionPlanVersionViewSchema,
  actionPlanViewSchema,
  CreateActionPlan,
  CreateActionPlanItem,
  DeclareItemInterest,
  Served,
  UpdateActionPlan,
  UpdateActionPlanItem,
} from '@app/contracts';
import {
  ActionPlanEntity,
  ActionPlanItemEntity,
  ActionPlanItemInterestEntity,
  ActionPlanItemNoteEntity,
  ActionPlanRepository,
  type ActionPlanItemStatus,
  ActionPlanVersionEntity,
  AssistanceOfferEntity,
  AssistanceRequestEntity,
  OrganizationEntity,
  OfferRepository,
  RequestRepository,
  UserEntity,
} from '@app/database';
import { formatRequestReference, isAgency, isCommittee, isProvider } from '@app/domain';
import { UnitOfWork, type Tx } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { allPages } from '../data-exchange/csv';
import { HistoryItem, HistoryService, historyFor } from '../history/history.service';
import { matchItemInterests } from './item-interest-matches';

export type ActionPlanView = Served<typeof actionPlanViewSchema>;
export type ActionPlanItemView = Served<typeof actionPlanItemViewSchema>;
export type ActionPlanVersionView = Served<typeof actionPlanVersionViewSchema>;
type Change = { subject: 'plan' | 'item'; action: string; itemId?: string; title?: string; fields: string[] };

export interface ListActionPlans {
  state?: string;
  page: number;
  pageSize: number;
}
export interface ListActionPlanItems {
  state?: string;
  status?: string;
  provision?: string;
  needsRequest?: boolean;
  interested?: boolean;
}

// The list's largest page: a CSV reads every page of the plans the caller may see.
const PLAN_CSV_PAGE = 100;

const ITEM_FIELDS = [
  'code',
  'title',
  'description',
  'provisions',
  'domains',
  'leadAgencyId',
  'partnerAgencyIds',
  'priorityLevel',
  'priorityRank',
  'targetDate',
  'status',
  'assistanceNeeded',
] as const;

/** The State's coordinator edits its plans; it decides for every agency of the State. */
const coordinates = (user: AuthUser, state: string) => user.role === 'agency_coordinator' && user.organization.state === state;
const ofState = (user: AuthUser, state: string) => isAgency(user.role) && user.organization.state === state;

/**
 * National action plans (DESIGN §4a). Who may do what (docs/action-plans.md):
 * - the State's coordinator creates and edits the plan and its items, ranks them, accepts proposals;
 * - the State's other agency members add items as proposals and add progress notes;
 * - the Committee reads every submitted plan and comments on items;
 * - providers read plans the State shared with them and declare interest in items.
 */
@Injectable()
export class ActionPlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly repository: ActionPlanRepository,
    private readonly requests: RequestRepository,
    private readonly offers: OfferRepository,
    private readonly historyService: HistoryService,
  ) {}

  async list(user: AuthUser, f: ListActionPlans): Promise<Page<ActionPlanView>> {
    const { rows, total } = await this.repository.listPage(user, f);
    return { items: await this.planViews(user, rows, false), total, page: f.page, pageSize: f.pageSize };
  }

  /** Every plan the caller may see with the filters, for `GET /export/action-plans.csv`. */
  listAll(user: AuthUser, f: Omit<ListActionPlans, 'page' | 'pageSize'>): Promise<ActionPlanView[]> {
    return allPages(PLAN_CSV_PAGE, (page) => this.list(user, { ...f, page, pageSize: PLAN_CSV_PAGE }));
  }

  async get(user: AuthUser, id: string): Promise<ActionPlanView> {
    const row = await this.repository.findVisible(user, id);
    if (!row) throw notFound('Action plan');
    return (await this.planViews(user, [row], true))[0];
  }

  async history(user: AuthUser, id: string): Promise<HistoryItem[]> {
    await this.get(user, id);
    return historyFor(user, await this.historyService.forSubject('action_plan', id));
  }

  async versions(user: AuthUser, id: string): Promise<ActionPlanVersionView[]> {
    await this.get(user, id);
    const rows = await this.dataSource.manager.find(ActionPlanVersionEntity, { where: { planId: id }, order: { revision: 'ASC' } });
    const users = await this.usersById(rows.map((r) => r.createdById));
    return rows.map((r) => ({
      revision: r.revision,
      createdAt: r.createdAt,
      createdBy: r.createdById && users.get(r.createdById) ? { id: r.createdById, displayName: users.get(r.createdById)!.displayName } : null,
      note: r.note,
      engagementId: r.engagementId,
      changes: r.changes as Change[],
      snapshot: r.snapshot,
    }));
  }

  async create(user: AuthUser, input: CreateActionPlan): Promise<ActionPlanView> {
    if (user.role !== 'agency_coordinator') throw localizedError('forbidden', 'errors.actionPlan.coordinatorPrepares');
    const state = input.state ?? user.organization.state!;
    if (state !== user.organization.state) throw localizedError('forbidden', 'errors.actionPlan.ownStateOnly', { own: user.organization.state ?? '', state });
    const id = await this.uow.run(user, async (tx) => {
      const { state: _s, ...fields } = input;
      const row = await tx.manager.save(
        tx.manager.create(ActionPlanEntity, {
          ...fields,
          state,
          organizationId: user.organization.id,
          createdById: user.id,
          revision: 0,
          submittedOn: input.status === 'submitted' ? (input.submittedOn ?? today()) : (input.submittedOn ?? null),
        }),
      );
      await tx.audit({ subjectType: 'action_plan', subjectId: row.id, action: 'create', toStatus: row.status });
      await tx.emit({ type: 'action_plan.created', subjectType: 'action_plan', subjectId: row.id, payload: { state } });
      if (row.status === 'submitted') await this.submitted(tx, row, null);
      return row.id;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, input: UpdateActionPlan): Promise<ActionPlanView> {
    const { version, changeNote, ...fields } = input;
    await this.uow.run(user, async (tx) => {
      const row = await this.repository.lockVisible(user, id, tx.manager);
      if (!row) throw notFound('Action plan');
      if (!coordinates(user, row.state)) throw localizedError('forbidden', 'errors.actionPlan.onlyCoordinatorEdits');
      assertVersion(version, row.version, 'action plan');
      if (row.status === 'submitted' && fields.status === 'draft') throw invalidFieldIn('status', 'errors.actionPlan.staysSubmitted');
      const before = pickValues(row, Object.keys(fields));
      const from = row.status;
      Object.assign(row, fields);
      if (from === 'draft' && row.status === 'submitted' && !row.submittedOn) row.submittedOn = today();
      const changed = changedKeys(before, pickValues(row, Object.keys(fields)));
      if (!changed.length) return;
      await tx.manager.save(row);
      await tx.audit({ subjectType: 'action_plan', subjectId: id, action: 'update', fromStatus: from, toStatus: row.status, comment: changeNote ?? null, details: { fields: changed } });
      if (from === 'draft' && row.status === 'submitted') await this.submitted(tx, row, changeNote ?? null);
      else if (row.status === 'submitted') {
        const revision = await this.repository.recordVersion(tx.manager, row, [{ subject: 'plan', action: 'update', fields: changed }], { createdById: user.id, note: changeNote });
        await tx.emit({ type: 'action_plan.updated', subjectType: 'action_plan', subjectId: id, payload: { fields: changed, state: row.state, revision } });
      }
    });
    return this.get(user, id);
  }

  private async submitted(tx: Tx, plan: ActionPlanEntity, note: string | null): Promise<void> {
    const revision = await this.repository.recordVersion(tx.manager, plan, [{ subject: 'plan', action: 'submit', fields: [] }], { createdById: tx.actor?.id ?? null, note });
    await tx.emit({ type: 'action_plan.submitted', subjectType: 'action_plan', subjectId: plan.id, payload: { state: plan.state, revision } });
  }

  async items(user: AuthUser, planId: string): Promise<ActionPlanItemView[]> {
    const plan = await this.repository.findVisible(user, planId);
    if (!plan) throw notFound('Action plan');
    return this.itemViews(user, [plan], await this.repository.itemsOfPlan(user, planId));
  }

  async listItems(user: AuthUser, f: ListActionPlanItems): Promise<ActionPlanItemView[]> {
    if (f.needsRequest && isProvider(user.role)) throw localizedError('forbidden', 'errors.actionPlan.needsRequestList');
    const rows = await this.repository.listItems(user, {
      state: f.state,
      status: f.status,
      provision: f.provision,
      needsRequest: f.needsRequest,
      interestedOrganizationId: f.interested ? user.organization.id : undefined,
    });
    const plans = rows.length ? await this.dataSource.manager.findBy(ActionPlanEntity, { id: In([...new Set(rows.map((r) => r.planId))]) }) : [];
    return this.itemViews(user, plans, rows);
  }

  async getItem(user: AuthUser, id: string): Promise<ActionPlanItemView> {
    const row = await this.repository.findVisibleItem(user, id);
    if (!row) throw notFound('Action plan item');
    const plan = await this.dataSource.manager.findOneByOrFail(ActionPlanEntity, { id: row.planId });
    return (await this.itemViews(user, [plan], [row]))[0];
  }

  async itemHistory(user: AuthUser, id: string): Promise<HistoryItem[]> {
    await this.getItem(user, id);
    return historyFor(user, await this.historyService.forSubject('action_plan_item', id));
  }

  async addItem(user: AuthUser, planId: string, input: CreateActionPlanItem): Promise<ActionPlanItemView> {
    const id = await this.uow.run(user, async (tx) => {
      const plan = await this.repository.lockVisible(user, planId, tx.manager);
      if (!plan) throw notFound('Action plan');
      if (!ofState(user, plan.state)) throw localizedError('forbidden', 'errors.actionPlan.coordinatorAddsItems');
      const proposed = !coordinates(user, plan.state);
      await this.assertAgencies(tx.manager, plan.state, input.leadAgencyId ?? null, input.partnerAgencyIds);
      const { priorityRank, ...fields } = input;
      const row = await tx.manager.save(
        tx.manager.create(ActionPlanItemEntity, { ...fields, planId, proposed, createdById: user.id, priorityRank: null, leadAgencyId: input.leadAgencyId ?? null }),
      );
      if (!proposed) await this.rank(tx.manager, plan.id, row, priorityRank ?? null, user.id);
      await tx.audit({ subjectType: 'action_plan_item', subjectId: row.id, action: proposed ? 'propose' : 'create', toStatus: row.status, details: { planId } });
      await tx.emit({ type: 'action_plan_item.created', subjectType: 'action_plan_item', subjectId: row.id, payload: { planId, state: plan.state, proposed } });
      if (!proposed) await this.afterItemChange(tx, plan, row, { subject: 'item', action: 'add', itemId: row.id, title: row.title, fields: [] }, row.assistanceNeeded);
      return row.id;
    });
    return this.getItem(user, id);
  }

  async updateItem(user: AuthUser, id: string, input: UpdateActionPlanItem): Promise<ActionPlanItemView> {
    const { version, progressNote, proposed, ...fields } = input;
    await this.uow.run(user, async (tx) => {
      const found = await this.repository.findVisibleItem(user, id, tx.manager);
      if (!found) throw notFound('Action plan item');
      const plan = await this.repository.lockVisible(user, found.planId, tx.manager);
      if (!plan) throw notFound('Action plan item');
      const row = await tx.manager.findOneOrFail(ActionPlanItemEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      assertVersion(version, row.version, 'action plan item');
      const editsContent = Object.keys(fields).length > 0 || proposed !== undefined;
      if (isProvider(user.role)) throw localizedError('forbidden', 'errors.actionPlan.stateEditsItems');
      if (editsContent && !coordinates(user, plan.state)) throw localizedError('forbidden', 'errors.actionPlan.onlyCoordinatorEditsItems');
      if (progressNote) {
        const kind = isCommittee(user.role) ? 'comment' : 'progress';
        await tx.manager.save(tx.manager.create(ActionPlanItemNoteEntity, { itemId: id, kind, text: progressNote, authorId: user.id, authorOrganizationId: user.organization.id }));
        await tx.audit({ subjectType: 'action_plan_item', subjectId: id, action: kind === 'comment' ? 'comment' : 'progress_note', comment: progressNote });
        if (!editsContent) await tx.manager.update(ActionPlanItemEntity, { id }, { version: row.version + 1 });
      }
      if (!editsContent) return;
      await this.assertAgencies(tx.manager, plan.state, fields.leadAgencyId ?? null, fields.partnerAgencyIds ?? []);
      const keys = ITEM_FIELDS.filter((k) => k in fields);
      const before = pickValues(row, keys);
      const wasProposed = row.proposed;
      const neededBefore = row.assistanceNeeded;
      const { priorityRank, ...rest } = fields;
      Object.assign(row, rest);
      if (proposed === false) row.proposed = false;
      const rankChanged = priorityRank !== undefined && priorityRank !== row.priorityRank;
      await tx.manager.save(row);
      if (rankChanged || (wasProposed && !row.proposed)) await this.rank(tx.manager, plan.id, row, priorityRank ?? row.priorityRank, user.id);
      const after = await tx.manager.findOneByOrFail(ActionPlanItemEntity, { id });
      const changed = changedKeys(before, pickValues(after, keys));
      if (wasProposed && !row.proposed) changed.push('proposed');
      if (!changed.length) return;
      await tx.audit({ subjectType: 'action_plan_item', subjectId: id, action: wasProposed && !row.proposed ? 'accept' : 'update', details: { fields: changed } });
      await tx.emit({ type: 'action_plan_item.updated', subjectType: 'action_plan_item', subjectId: id, payload: { fields: changed, planId: plan.id, state: plan.state } });
      if (after.proposed) return;
      const change: Change = { subject: 'item', action: wasProposed ? 'add' : 'update', itemId: id, title: after.title, fields: changed };
      await this.afterItemChange(tx, plan, after, change, after.assistanceNeeded && (!neededBefore || wasProposed));
    });
    return this.getItem(user, id);
  }

  /** A submitted plan's item changed: a new version, the Committee told; an item newly needing assistance too. */
  private async afterItemChange(tx: Tx, plan: ActionPlanEntity, item: ActionPlanItemEntity, change: Change, newlyNeedsAssistance: boolean): Promise<void> {
    if (plan.status !== 'submitted') return;
    const revision = await this.repository.recordVersion(tx.manager, plan, [change], { createdById: tx.actor?.id ?? null });
    await tx.emit({ type: 'action_plan.updated', subjectType: 'action_plan', subjectId: plan.id, payload: { fields: [`item:${change.action}`], state: plan.state, revision } });
    if (newlyNeedsAssistance) {
      await tx.emit({ type: 'action_plan_item.assistance_needed', subjectType: 'action_plan_item', subjectId: item.id, payload: { planId: plan.id, state: plan.state } });
    }
  }

  /**
   * Puts `item` at `rank` (1 = first) among the plan's items and renumbers the others 1..N, so ranks stay a
   * permutation; null leaves it last. The plan row is locked by the caller. The moved item records who decided when.
   */
  private async rank(manager: EntityManager, planId: string, item: ActionPlanItemEntity, rank: number | null, userId: string): Promise<void> {
    const items = await manager
      .createQueryBuilder(ActionPlanItemEntity, 'i')
      .where('i.plan_id = :planId AND NOT i.proposed AND i.id <> :id', { planId, id: item.id })
      .orderBy('i.priority_rank', 'ASC', 'NULLS LAST')
      .addOrderBy('i.created_at')
      .addOrderBy('i.id')
      .setLock('pessimistic_write')
      .getMany();
    const at = rank === null ? items.length : Math.min(Math.max(rank - 1, 0), items.length);
    const ordered = [...items.slice(0, at), item, ...items.slice(at)];
    for (const [index, other] of ordered.entries()) {
      const next = index + 1;
      if (other.id === item.id) {
        await manager.update(ActionPlanItemEntity, { id: item.id }, { priorityRank: next, prioritisedAt: new Date(), prioritisedById: userId, prioritisedInEngagementId: null });
      } else if (other.priorityRank !== next) {
        await manager.update(ActionPlanItemEntity, { id: other.id }, { priorityRank: next, version: other.version + 1 });
      }
    }
  }

  async declareInterest(user: AuthUser, itemId: string, input: DeclareItemInterest): Promise<ActionPlanItemView> {
    if (!isProvider(user.role)) throw localizedError('forbidden', 'errors.actionPlan.onlyProvidersInterest');
    await this.uow.run(user, async (tx) => {
      const item = await this.repository.findVisibleItem(user, itemId, tx.manager);
      if (!item) throw notFound('Action plan item');
      const plan = await tx.manager.findOneByOrFail(ActionPlanEntity, { id: item.planId });
      if (input.offerId) {
        const offer = await tx.manager.findOneBy(AssistanceOfferEntity, { id: input.offerId });
        if (!offer || offer.organizationId !== user.organization.id) throw invalidFieldIn('offerId', 'errors.actionPlan.notYourOffer');
      }
      const { interest, created } = await this.repository.recordInterest(tx.manager, {
        itemId,
        providerOrganizationId: user.organization.id,
        offerId: input.offerId ?? null,
        programme: input.programme ?? null,
        note: input.note ?? null,
        engagementId: null,
        createdById: user.id,
      });
      if (!created) return;
      await tx.audit({ subjectType: 'action_plan_item', subjectId: itemId, action: 'interest', comment: input.note ?? null, details: { providerId: user.organization.id, offerId: interest.offerId, programme: interest.programme } });
      await tx.emit({
        type: 'action_plan_item.interest_declared',
        subjectType: 'action_plan_item',
        subjectId: itemId,
        payload: { planId: plan.id, state: plan.state, providerId: user.organization.id, offerId: interest.offerId },
      });
      // The item's request is circulated already: the interest is a match now.
      const circulated = await tx.manager.findBy(AssistanceRequestEntity, { actionPlanItemId: itemId });
      for (const request of circulated) await matchItemInterests(tx, request, interest.id);
    });
    return this.getItem(user, itemId);
  }

  /** The draft request for an item, pre-filled from it and linked to it; returns the request's id. */
  async requestFromItem(user: AuthUser, itemId: string): Promise<string> {
    return this.uow.run(user, async (tx) => {
      const item = await this.repository.findVisibleItem(user, itemId, tx.manager);
      if (!item) throw notFound('Action plan item');
      const plan = await tx.manager.findOneByOrFail(ActionPlanEntity, { id: item.planId });
      if (!ofState(user, plan.state)) throw localizedError('forbidden', 'errors.actionPlan.agenciesRequest');
      if (item.proposed) throw localizedError('conflict', 'errors.actionPlan.proposedNotRequested');
      // The coordinator requests on behalf of the item's lead agency; an agency member for its own agency.
      const organizationId = user.role === 'agency_coordinator' && item.leadAgencyId ? item.leadAgencyId : user.organization.id;
      const year = new Date().getUTCFullYear();
      const reference = formatRequestReference(plan.state, year, await this.requests.nextReferenceNumber(tx.manager, plan.state, year));
      const napReference = `${item.code ? `${item.code} ` : ''}${item.title}`.slice(0, 100);
      const request = await tx.manager.save(
        tx.manager.create(AssistanceRequestEntity, {
          reference,
          state: plan.state,
          organizationId,
          createdById: user.id,
          title: item.title,
          description: item.description || item.title,
          provisions: item.provisions,
          domains: item.domains,
          assistanceTypes: [],
          targetInstitutions: [],
          priority: item.priorityLevel,
          napReference,
          actionPlanItemId: item.id,
          visibility: plan.sharedWithProviders ? 'providers' : 'committee',
          status: 'draft',
        }),
      );
      await tx.audit({ subjectType: 'request', subjectId: request.id, action: 'create', toStatus: 'draft', details: { reference, actionPlanItemId: item.id } });
      await tx.emit({ type: 'request.created', subjectType: 'request', subjectId: request.id });
      await tx.audit({ subjectType: 'action_plan_item', subjectId: item.id, action: 'request', details: { requestId: request.id, reference } });
      await tx.emit({ type: 'action_plan_item.request_created', subjectType: 'action_plan_item', subjectId: item.id, payload: { planId: plan.id, state: plan.state, requestId: request.id } });
      return request.id;
    });
  }

  private async assertAgencies(manager: EntityManager, state: string, lead: string | null, partners: string[]): Promise<void> {
    const ids = [...new Set([...(lead ? [lead] : []), ...partners])];
    if (!ids.length) return;
    const found = await manager.findBy(OrganizationEntity, { id: In(ids), kind: 'state_agency', state });
    const known = new Set(found.map((o) => o.id));
    if (lead && !known.has(lead)) throw invalidFieldIn('leadAgencyId', 'errors.actionPlan.leadNotAgency', { state });
    if (partners.some((p) => !known.has(p))) throw invalidFieldIn('partnerAgencyIds', 'errors.actionPlan.partnersNotAgencies', { state });
  }

  private async usersById(ids: (string | null)[]): Promise<Map<string, UserEntity>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    const rows = wanted.length ? await this.dataSource.manager.findBy(UserEntity, { id: In(wanted) }) : [];
    return new Map(rows.map((u) => [u.id, u]));
  }

  private async orgsById(ids: string[]): Promise<Map<string, OrganizationEntity>> {
    const wanted = [...new Set(ids)];
    const rows = wanted.length ? await this.dataSource.manager.findBy(OrganizationEntity, { id: In(wanted) }) : [];
    return new Map(rows.map((o) => [o.id, o]));
  }

  private async planViews(user: AuthUser, rows: ActionPlanEntity[], withItems: boolean): Promise<ActionPlanView[]> {
    const orgs = await this.orgsById(rows.map((r) => r.organizationId));
    const progress = await this.progressOf(user, rows.map((r) => r.id));
    const views: ActionPlanView[] = [];
    for (const r of rows) {
      const org = orgs.get(r.organizationId);
      const items = withItems ? await this.itemViews(user, [r], await this.repository.itemsOfPlan(user, r.id)) : undefined;
      views.push({
        id: r.id,
        state: r.state,
        organization: org ? { id: org.id, name: org.name, shortName: org.shortName } : null,
        title: r.title,
        description: r.description,
        status: r.status,
        submittedOn: r.submittedOn,
        revision: r.revision,
        sharedWithProviders: r.sharedWithProviders,
        publicSummary: r.publicSummary,
        version: r.version,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        progress: progress.get(r.id) ?? { total: 0, planned: 0, in_progress: 0, done: 0, dropped: 0, assistanceNeeded: 0, withRequest: 0 },
        ...(items ? { items } : {}),
        canEdit: coordinates(user, r.state),
        canAddItems: ofState(user, r.state),
      });
    }
    return views;
  }

  private async progressOf(user: AuthUser, planIds: string[]): Promise<Map<string, ActionPlanView['progress']>> {
    if (!planIds.length) return new Map();
    const rows: { plan_id: string; total: number; planned: number; in_progress: number; done: number; dropped: number; needed: number }[] =
      await this.dataSource.query(
        `SELECT i.plan_id, count(*)::int AS total,
                count(*) FILTER (WHERE i.status = ${sqlValue('planned' satisfies ActionPlanItemStatus)})::int AS planned,
                count(*) FILTER (WHERE i.status = ${sqlValue('in_progress' satisfies ActionPlanItemStatus)})::int AS in_progress,
                count(*) FILTER (WHERE i.status = ${sqlValue('done' satisfies ActionPlanItemStatus)})::int AS done,
                count(*) FILTER (WHERE i.status = ${sqlValue('dropped' satisfies ActionPlanItemStatus)})::int AS dropped,
                count(*) FILTER (WHERE i.assistance_needed)::int AS needed
           FROM action_plan_items i WHERE i.plan_id = ANY($1) AND NOT i.proposed GROUP BY i.plan_id`,
        [planIds],
      );
    const requested = await this.itemsWithVisibleRequest(user, planIds);
    return new Map(
      rows.map((r) => [
        r.plan_id,
        { total: r.total, planned: r.planned, in_progress: r.in_progress, done: r.done, dropped: r.dropped, assistanceNeeded: r.needed, withRequest: requested.get(r.plan_id) ?? 0 },
      ]),
    );
  }

  /**
   * Per plan, its items with a request the caller may see: as the item view lists them, so a provider's count
   * leaves out the State's drafts and withdrawn requests it never saw circulated.
   */
  private async itemsWithVisibleRequest(user: AuthUser, planIds: string[]): Promise<Map<string, number>> {
    const rows: { plan_id: string; requested: number }[] = await this.requests
      .visibleTo(user)
      .innerJoin(ActionPlanItemEntity, 'i', 'i.id = r.action_plan_item_id')
      .andWhere('i.plan_id = ANY(:planIds) AND NOT i.proposed', { planIds })
      .select('i.plan_id', 'plan_id')
      .addSelect('count(DISTINCT i.id)::int', 'requested')
      .groupBy('i.plan_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.plan_id, r.requested]));
  }

  private async itemViews(user: AuthUser, plans: ActionPlanEntity[], rows: ActionPlanItemEntity[]): Promise<ActionPlanItemView[]> {
    if (!rows.length) return [];
    const planById = new Map(plans.map((p) => [p.id, p]));
    const ids = rows.map((r) => r.id);
    const manager = this.dataSource.manager;
    // Requests the caller may see, only: a provider sees the item's circulated requests, not its drafts.
    const requests = await this.requests
      .visibleTo(user)
      .andWhere('r.action_plan_item_id = ANY(:ids)', { ids })
      .orderBy('r.created_at')
      .getMany();
    let interests = await this.repository.interestsOf(ids);
    // A provider sees its own interests; the State and the Committee see them all.
    if (isProvider(user.role)) interests = interests.filter((x) => x.providerOrganizationId === user.organization.id);
    const notes = isProvider(user.role)
      ? []
      : await manager.find(ActionPlanItemNoteEntity, { where: { itemId: In(ids) }, order: { createdAt: 'ASC' } });
    const offers = await this.offerTitles(user, interests);
    // An offer the caller may not see is not named at all.
    const offerOf = (id: string | null) => {
      const title = id ? offers.get(id) : undefined;
      return id && title !== undefined ? { id, title } : null;
    };
    const orgs = await this.orgsById([
      ...rows.flatMap((r) => [...(r.leadAgencyId ? [r.leadAgencyId] : []), ...r.partnerAgencyIds]),
      ...interests.map((x) => x.providerOrganizationId),
      ...notes.map((n) => n.authorOrganizationId).filter((x): x is string => !!x),
    ]);
    const users = await this.usersById([...rows.map((r) => r.prioritisedById), ...notes.map((n) => n.authorId)]);
    const ref = (id: string) => {
      const o = orgs.get(id);
      return o ? { id: o.id, name: o.name, shortName: o.shortName } : { id, name: '', shortName: '' };
    };
    return rows.map((r) => {
      const plan = planById.get(r.planId);
      const prioritiser = r.prioritisedById ? users.get(r.prioritisedById) : undefined;
      return {
        id: r.id,
        planId: r.planId,
        state: plan?.state ?? '',
        code: r.code,
        title: r.title,
        description: r.description,
        provisions: r.provisions,
        domains: r.domains,
        leadAgency: r.leadAgencyId ? ref(r.leadAgencyId) : null,
        partnerAgencies: r.partnerAgencyIds.map(ref),
        priorityRank: r.priorityRank,
        priorityLevel: r.priorityLevel,
        prioritisedAt: r.prioritisedAt,
        prioritisedBy: prioritiser ? { id: prioritiser.id, displayName: prioritiser.displayName } : null,
        prioritisedInEngagementId: r.prioritisedInEngagementId,
        targetDate: r.targetDate,
        status: r.status,
        assistanceNeeded: r.assistanceNeeded,
        proposed: r.proposed,
        version: r.version,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        requests: requests.filter((q) => q.actionPlanItemId === r.id).map((q) => ({ id: q.id, reference: q.reference, status: q.status })),
        interests: interests
          .filter((x) => x.itemId === r.id)
          .map((x) => ({
            id: x.id,
            provider: ref(x.providerOrganizationId),
            offer: offerOf(x.offerId),
            programme: x.programme,
            note: x.note,
            engagementId: x.engagementId,
            matchId: x.matchId,
            createdAt: x.createdAt,
          })),
        notes: notes
          .filter((n) => n.itemId === r.id)
          .map((n) => {
            const author = n.authorId ? users.get(n.authorId) : undefined;
            const org = n.authorOrganizationId ? orgs.get(n.authorOrganizationId) : undefined;
            return {
              id: n.id,
              kind: n.kind,
              text: n.text,
              author: author ? { id: author.id, displayName: author.displayName, organization: org?.name ?? null } : null,
              createdAt: n.createdAt,
            };
          }),
        canEdit: plan ? coordinates(user, plan.state) : false,
      };
    });
  }

  /** The titles of the interests' offers the caller may see: another provider's draft is named to nobody. */
  private async offerTitles(user: AuthUser, interests: ActionPlanItemInterestEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(interests.map((x) => x.offerId).filter((x): x is string => !!x))];
    const rows = ids.length ? await this.offers.visibleTo(user).andWhere('o.id = ANY(:ids)', { ids }).getMany() : [];
    return new Map(rows.map((o) => [o.id, o.title]));
  }
}

const today = () => new Date().toISOString().slice(0, 10);
