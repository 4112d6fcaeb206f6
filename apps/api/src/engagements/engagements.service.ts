import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { assertVersion, changedKeys, invalidFieldIn, localizedError, notFound, Page, pickValues } from '@app/common';
import type {
  CreateEngagement,
  CreateFollowUp,
  engagementViewSchema,
  ListEngagements,
  Prioritisation,
  Served,
  UpdateEngagement,
  UpdateFollowUp,
} from '@app/contracts';
import {
  ActionPlanItemEntity,
  ActionPlanRepository,
  AssistanceOfferEntity,
  EngagementEntity,
  EngagementFollowUpEntity,
  EngagementPrioritisationEntity,
  EngagementRepository,
  OrganizationEntity,
  takesPartIn,
  UserEntity,
  type EngagementParty,
} from '@app/database';
import { isCommittee } from '@app/domain';
import { UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { allPages } from '../data-exchange/csv';
import { HistoryItem, HistoryService } from '../history/history.service';
import type { InformationNote } from './information-note';

/** An engagement as the services build it; libs/contracts holds its schema (views/engagements.ts). */
export type EngagementView = Served<typeof engagementViewSchema>;

type PartyInput = { organizationId?: string | null; name?: string; note?: string | null };

/** What an edit tracks: the engagement's own fields (the note's publication separately). */
// The list's largest page: a CSV reads every page of the engagements the caller may see.
const ENGAGEMENT_CSV_PAGE = 100;

const CONTENT_FIELDS = [
  'kind',
  'title',
  'startDate',
  'endDate',
  'venue',
  'online',
  'organisers',
  'participants',
  'states',
  'background',
  'highlights',
  'outcomes',
  'additionalComments',
] as const;

@Injectable()
export class EngagementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly historyService: HistoryService,
    private readonly repository: EngagementRepository,
    private readonly plans: ActionPlanRepository,
  ) {}

  async list(user: AuthUser, f: ListEngagements): Promise<Page<EngagementView>> {
    const { rows, total } = await this.repository.listPage(user, f);
    return { items: await this.views(user, rows), total, page: f.page, pageSize: f.pageSize };
  }

  /** Every engagement the caller may see with the filters, for `GET /export/engagements.csv`. */
  listAll(user: AuthUser, f: Omit<ListEngagements, 'page' | 'pageSize'>): Promise<EngagementView[]> {
    return allPages(ENGAGEMENT_CSV_PAGE, (page) => this.list(user, { ...f, page, pageSize: ENGAGEMENT_CSV_PAGE }));
  }

  async get(user: AuthUser, id: string): Promise<EngagementView> {
    const row = await this.repository.findVisible(user, id);
    if (!row) throw notFound('Engagement');
    return (await this.views(user, [row]))[0];
  }

  async history(user: AuthUser, id: string): Promise<HistoryItem[]> {
    const row = await this.repository.findVisible(user, id);
    if (!row) throw notFound('Engagement');
    if (!takesPartIn(user, row)) throw localizedError('forbidden', 'errors.engagement.historyPrivate');
    return this.historyService.forSubject('engagement', id);
  }

  /** The information note of an engagement the caller may see (or, with no caller, a published one). */
  async note(user: AuthUser | null, id: string): Promise<InformationNote & { id: string }> {
    const row = user ? await this.repository.findVisible(user, id) : await this.repository.findPublished(id);
    if (!row) throw notFound('Engagement');
    return row;
  }

  async create(user: AuthUser, input: CreateEngagement): Promise<EngagementView> {
    if (!isCommittee(user.role)) throw localizedError('forbidden', 'errors.engagement.committeeRecords');
    const id = await this.uow.run(user, async (tx) => {
      const organisers = await this.parties(tx.manager, input.organisers, 'organisers');
      const participants = await this.parties(tx.manager, input.participants, 'participants');
      const row = await tx.manager.save(
        tx.manager.create(EngagementEntity, {
          ...input,
          venue: input.venue ?? null,
          organisers,
          participants,
          createdById: user.id,
        }),
      );
      await tx.audit({ subjectType: 'engagement', subjectId: row.id, action: 'create' });
      await tx.emit({
        type: 'engagement.created',
        subjectType: 'engagement',
        subjectId: row.id,
        payload: { kind: row.kind, states: row.states },
      });
      return row.id;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, input: UpdateEngagement): Promise<EngagementView> {
    if (!isCommittee(user.role)) throw localizedError('forbidden', 'errors.engagement.committeeEdits');
    const { version, notePublished, organisers, participants, ...fields } = input;
    await this.uow.run(user, async (tx) => {
      const row = await this.repository.lockVisible(user, id, tx.manager);
      if (!row) throw notFound('Engagement');
      assertVersion(version, row.version, 'engagement');
      const keys = CONTENT_FIELDS.filter((k) => k in input);
      const before = pickValues(row, keys);
      Object.assign(row, fields);
      if (organisers) row.organisers = await this.parties(tx.manager, organisers, 'organisers');
      if (participants) row.participants = await this.parties(tx.manager, participants, 'participants');
      if (row.startDate > row.endDate) throw invalidFieldIn('endDate', 'validation.beforeStart');
      const changed = changedKeys(before, pickValues(row, keys));
      const publishing = notePublished !== undefined && notePublished !== (row.notePublishedAt !== null);
      if (!changed.length && !publishing) return;
      if (publishing) row.notePublishedAt = notePublished ? new Date() : null;
      await tx.manager.save(row);
      if (changed.length) {
        await tx.audit({ subjectType: 'engagement', subjectId: id, action: 'update', details: { fields: changed } });
        await tx.emit({
          type: 'engagement.updated',
          subjectType: 'engagement',
          subjectId: id,
          payload: { fields: changed },
        });
      }
      if (publishing) {
        await tx.audit({
          subjectType: 'engagement',
          subjectId: id,
          action: notePublished ? 'publish_note' : 'unpublish_note',
        });
        await tx.emit({
          type: 'engagement.note_published',
          subjectType: 'engagement',
          subjectId: id,
          payload: { published: Boolean(notePublished) },
        });
      }
    });
    return this.get(user, id);
  }

  async addFollowUp(user: AuthUser, id: string, input: CreateFollowUp): Promise<EngagementView> {
    if (!isCommittee(user.role)) throw localizedError('forbidden', 'errors.engagement.committeeRecordsFollowUps');
    await this.uow.run(user, async (tx) => {
      const engagement = await this.repository.lockVisible(user, id, tx.manager);
      if (!engagement) throw notFound('Engagement');
      await this.checkOwner(tx.manager, input.ownerUserId, input.ownerOrganizationId);
      const action = await tx.manager.save(
        tx.manager.create(EngagementFollowUpEntity, {
          ...input,
          engagementId: id,
          doneAt: input.status === 'done' ? new Date() : null,
        }),
      );
      await tx.audit({
        subjectType: 'engagement',
        subjectId: id,
        action: 'follow_up_added',
        details: { followUpId: action.id, description: action.description },
      });
      await tx.emit({
        type: 'engagement.follow_up_added',
        subjectType: 'engagement',
        subjectId: id,
        payload: { followUpId: action.id },
      });
    });
    return this.get(user, id);
  }

  /** The Committee edits a follow-up action; its owner may mark it done or open again. */
  async updateFollowUp(user: AuthUser, id: string, actionId: string, input: UpdateFollowUp): Promise<EngagementView> {
    const { version, ...fields } = input;
    await this.uow.run(user, async (tx) => {
      const engagement = await this.repository.lockVisible(user, id, tx.manager);
      if (!engagement) throw notFound('Engagement');
      const action = await tx.manager.findOne(EngagementFollowUpEntity, {
        where: { id: actionId, engagementId: id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!action) throw notFound('Follow-up action');
      const owns = action.ownerUserId === user.id || action.ownerOrganizationId === user.organization.id;
      if (!isCommittee(user.role)) {
        if (!owns) throw localizedError('forbidden', 'errors.engagement.ownerUpdatesFollowUp');
        const others = Object.keys(fields).filter((k) => k !== 'status');
        if (others.length)
          throw localizedError('forbidden', 'errors.engagement.ownerStatusOnly', { fields: others.join(', ') });
      }
      assertVersion(version, action.version, 'follow-up action');
      if (fields.ownerUserId !== undefined || fields.ownerOrganizationId !== undefined) {
        await this.checkOwner(tx.manager, fields.ownerUserId ?? null, fields.ownerOrganizationId ?? null);
      }
      const keys = Object.keys(fields);
      const before = pickValues(action, keys);
      Object.assign(action, fields);
      const changed = changedKeys(before, pickValues(action, keys));
      if (!changed.length) return;
      if (changed.includes('status')) action.doneAt = action.status === 'done' ? new Date() : null;
      await tx.manager.save(action);
      await tx.audit({
        subjectType: 'engagement',
        subjectId: id,
        action: 'follow_up_updated',
        details: { followUpId: actionId, fields: changed },
      });
      await tx.emit({
        type: 'engagement.follow_up_updated',
        subjectType: 'engagement',
        subjectId: id,
        payload: { followUpId: actionId, fields: changed },
      });
    });
    return this.get(user, id);
  }

  /**
   * Records a roundtable's prioritisation of a plan: the plan's new priorities (a new plan version naming the
   * engagement, who decided and when) and the providers' interests. The same body again changes nothing.
   */
  async prioritise(user: AuthUser, id: string, input: Prioritisation): Promise<EngagementView> {
    await this.uow.run(user, async (tx) => {
      const engagement = await this.repository.lockVisible(user, id, tx.manager);
      if (!engagement) throw notFound('Engagement');
      if (!this.mayPrioritise(user, engagement)) {
        throw localizedError('forbidden', 'errors.engagement.prioritisedBy');
      }
      if (engagement.kind !== 'roundtable') throw localizedError('conflict', 'errors.engagement.roundtableOnly');
      const plan = await this.plans.lockVisible(user, input.actionPlanId, tx.manager);
      if (!plan) throw invalidFieldIn('actionPlanId', 'errors.engagement.noSuchPlan');
      if (!engagement.states.includes(plan.state))
        throw invalidFieldIn('actionPlanId', 'errors.engagement.planOfOtherState');
      const bodyHash = hashOf(input);
      const known = await tx.manager.findOneBy(EngagementPrioritisationEntity, {
        engagementId: id,
        actionPlanId: plan.id,
        bodyHash,
      });
      if (known) return;

      const items = await tx.manager.find(ActionPlanItemEntity, {
        where: { planId: plan.id },
        order: { priorityRank: { direction: 'ASC', nulls: 'LAST' }, createdAt: 'ASC', id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const byId = new Map(items.map((i) => [i.id, i]));
      input.order.forEach((itemId, n) => {
        if (!byId.has(itemId)) throw invalidFieldIn(`order.${n}`, 'errors.engagement.notAnItemOfPlan');
      });
      input.levels.forEach((l, n) => {
        if (!byId.has(l.itemId)) throw invalidFieldIn(`levels.${n}.itemId`, 'errors.engagement.notAnItemOfPlan');
      });
      await this.checkInterests(tx.manager, input, byId);

      // Items named in `order` come first, in that order; the others follow in their previous order.
      const ranked = input.order.length
        ? [...input.order.map((i) => byId.get(i)!), ...items.filter((i) => !input.order.includes(i.id))]
        : items;
      const levels = new Map(input.levels.map((l) => [l.itemId, l.level]));
      const now = new Date();
      const changes: { subject: 'item'; action: string; itemId: string; title: string; fields: string[] }[] = [];
      for (const [n, item] of ranked.entries()) {
        const rank = input.order.length ? n + 1 : item.priorityRank;
        const level = levels.get(item.id) ?? item.priorityLevel;
        const fields = [
          rank !== item.priorityRank ? 'priorityRank' : null,
          level !== item.priorityLevel ? 'priorityLevel' : null,
        ].filter((f): f is string => f !== null);
        if (!fields.length) continue;
        changes.push({ subject: 'item', action: 'prioritise', itemId: item.id, title: item.title, fields });
        Object.assign(item, {
          priorityRank: rank,
          priorityLevel: level,
          prioritisedAt: now,
          prioritisedById: user.id,
          prioritisedInEngagementId: id,
        });
      }
      if (changes.length) {
        await tx.manager.save(changed(items, changes));
        // The plan's new version (plans' own versioning: revision, snapshot, what changed), naming the engagement.
        await this.plans.recordVersion(tx.manager, plan, changes, {
          createdById: user.id,
          note: input.note ?? `Priorities agreed at “${engagement.title}”`,
          engagementId: id,
        });
        await tx.audit({
          subjectType: 'action_plan',
          subjectId: plan.id,
          action: 'prioritise',
          details: { engagementId: id, revision: plan.revision, items: changes.length },
        });
        await tx.emit({
          type: 'action_plan.updated',
          subjectType: 'action_plan',
          subjectId: plan.id,
          payload: { fields: ['priorities'], state: plan.state, revision: plan.revision },
        });
      }

      const interests: EngagementPrioritisationEntity['interests'] = [];
      for (const x of input.interests) {
        const { interest, created } = await this.plans.recordInterest(tx.manager, {
          itemId: x.itemId,
          providerOrganizationId: x.providerOrganizationId,
          offerId: x.offerId ?? null,
          programme: x.programme ?? null,
          note: x.note ?? null,
          engagementId: id,
          createdById: user.id,
        });
        interests.push({
          itemId: x.itemId,
          providerId: x.providerOrganizationId,
          offerId: x.offerId ?? null,
          note: x.note ?? null,
        });
        if (!created) continue;
        await tx.audit({
          subjectType: 'action_plan_item',
          subjectId: x.itemId,
          action: 'interest',
          details: {
            interestId: interest.id,
            providerId: x.providerOrganizationId,
            offerId: x.offerId ?? null,
            engagementId: id,
          },
        });
        await tx.emit({
          type: 'action_plan_item.interest_declared',
          subjectType: 'action_plan_item',
          subjectId: x.itemId,
          payload: {
            planId: plan.id,
            state: plan.state,
            providerId: x.providerOrganizationId,
            offerId: x.offerId ?? null,
          },
        });
      }

      await tx.manager.save(
        tx.manager.create(EngagementPrioritisationEntity, {
          engagementId: id,
          actionPlanId: plan.id,
          planVersion: plan.revision,
          ranking: ranked.map((i) => ({ itemId: i.id, rank: i.priorityRank, level: i.priorityLevel })),
          interests,
          decidedById: user.id,
          decidedAt: now,
          bodyHash,
        }),
      );
      await tx.audit({
        subjectType: 'engagement',
        subjectId: id,
        action: 'prioritisation',
        details: { actionPlanId: plan.id, revision: plan.revision, items: changes.length, interests: interests.length },
      });
      await tx.emit({
        type: 'engagement.prioritisation_recorded',
        subjectType: 'engagement',
        subjectId: id,
        payload: { actionPlanId: plan.id, planVersion: plan.revision, interests: interests.length },
      });
    });
    return this.get(user, id);
  }

  private mayPrioritise(user: AuthUser, e: EngagementEntity): boolean {
    if (isCommittee(user.role)) return true;
    return (
      user.role === 'agency_coordinator' && !!user.organization.state && e.states.includes(user.organization.state)
    );
  }

  /** Parties as stored: an organisation on the platform keeps its id and its name; an unknown id is a 400. */
  private async parties(manager: EntityManager, input: PartyInput[], field: string): Promise<EngagementParty[]> {
    const ids = [...new Set(input.map((p) => p.organizationId).filter((x): x is string => Boolean(x)))];
    const orgs = ids.length ? await manager.findBy(OrganizationEntity, { id: In(ids) }) : [];
    const byId = new Map(orgs.map((o) => [o.id, o]));
    return input.map((p, n) => {
      if (p.organizationId && !byId.has(p.organizationId))
        throw invalidFieldIn(`${field}.${n}.organizationId`, 'errors.engagement.noSuchOrganisation');
      const org = p.organizationId ? byId.get(p.organizationId)! : null;
      return { organizationId: org?.id ?? null, name: p.name ?? org!.name, note: p.note ?? null };
    });
  }

  private async checkOwner(
    manager: EntityManager,
    userId: string | null,
    organizationId: string | null,
  ): Promise<void> {
    if (userId && !(await manager.existsBy(UserEntity, { id: userId })))
      throw invalidFieldIn('ownerUserId', 'errors.engagement.noSuchUser');
    if (organizationId && !(await manager.existsBy(OrganizationEntity, { id: organizationId }))) {
      throw invalidFieldIn('ownerOrganizationId', 'errors.engagement.noSuchOrganisation');
    }
  }

  private async checkInterests(
    manager: EntityManager,
    input: Prioritisation,
    items: Map<string, ActionPlanItemEntity>,
  ): Promise<void> {
    const providerIds = [...new Set(input.interests.map((x) => x.providerOrganizationId))];
    const providers = providerIds.length
      ? await manager.findBy(OrganizationEntity, { id: In(providerIds), kind: 'provider' })
      : [];
    const offerIds = input.interests.map((x) => x.offerId).filter((x): x is string => Boolean(x));
    const offers = offerIds.length ? await manager.findBy(AssistanceOfferEntity, { id: In(offerIds) }) : [];
    const known = new Set(providers.map((p) => p.id));
    const offerOf = new Map(offers.map((o) => [o.id, o.organizationId]));
    input.interests.forEach((x, n) => {
      if (!items.has(x.itemId)) throw invalidFieldIn(`interests.${n}.itemId`, 'errors.engagement.notAnItemOfPlan');
      if (!known.has(x.providerOrganizationId))
        throw invalidFieldIn(`interests.${n}.providerOrganizationId`, 'errors.engagement.notAProvider');
      if (x.offerId && offerOf.get(x.offerId) !== x.providerOrganizationId)
        throw invalidFieldIn(`interests.${n}.offerId`, 'errors.engagement.notProvidersOffer');
    });
  }

  private async views(user: AuthUser, rows: EngagementEntity[]): Promise<EngagementView[]> {
    const full = rows.filter((r) => takesPartIn(user, r)).map((r) => r.id);
    const actions = full.length
      ? await this.dataSource.manager.find(EngagementFollowUpEntity, {
          where: { engagementId: In(full) },
          order: { dueDate: 'ASC', createdAt: 'ASC' },
        })
      : [];
    const runs = full.length
      ? await this.dataSource.manager.find(EngagementPrioritisationEntity, {
          where: { engagementId: In(full) },
          order: { decidedAt: 'ASC' },
        })
      : [];
    const userIds = [
      ...new Set(
        [...actions.map((a) => a.ownerUserId), ...runs.map((p) => p.decidedById)].filter((x): x is string =>
          Boolean(x),
        ),
      ),
    ];
    const orgIds = [...new Set(actions.map((a) => a.ownerOrganizationId).filter((x): x is string => Boolean(x)))];
    const users = userIds.length ? await this.dataSource.manager.findBy(UserEntity, { id: In(userIds) }) : [];
    const orgs = orgIds.length ? await this.dataSource.manager.findBy(OrganizationEntity, { id: In(orgIds) }) : [];
    const userName = new Map(users.map((u) => [u.id, u.displayName]));
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    return rows.map((row) => {
      const { notePublishedAt, createdById: _c, seedKey: _s, ...rest } = row;
      return {
        ...rest,
        // Who sees an engagement only through its published note reads the note's fields; the outcomes (what was
        // agreed among those present) are not among them (docs/engagements.md).
        outcomes: takesPartIn(user, row) ? row.outcomes : '',
        notePublished: notePublishedAt !== null,
        notePublishedAt,
        followUps: actions
          .filter((a) => a.engagementId === row.id)
          .map((a) => ({
            ...a,
            ownerName: (a.ownerUserId ? userName.get(a.ownerUserId) : orgName.get(a.ownerOrganizationId ?? '')) ?? null,
          })),
        prioritisations: runs
          .filter((p) => p.engagementId === row.id)
          .map(({ engagementId: _e, bodyHash: _h, createdAt: _ca, updatedAt: _ua, ...p }) => ({
            ...p,
            decidedByName: p.decidedById ? (userName.get(p.decidedById) ?? null) : null,
          })),
        canEdit: isCommittee(user.role),
        canPrioritise: row.kind === 'roundtable' && this.mayPrioritise(user, row),
      };
    });
  }
}

/** The items whose priorities changed. */
function changed(items: ActionPlanItemEntity[], changes: { itemId: string }[]): ActionPlanItemEntity[] {
  const ids = new Set(changes.map((c) => c.itemId));
  return items.filter((i) => ids.has(i.id));
}

/** A prioritisation's identity: the same plan, order, levels, interests and note (interests in any order). */
export function hashOf(input: Prioritisation): string {
  const interests = input.interests
    .map((x) => [x.itemId, x.providerOrganizationId, x.offerId ?? null, x.programme ?? null, x.note ?? null])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const levels = [...input.levels].sort((a, b) => a.itemId.localeCompare(b.itemId)).map((l) => [l.itemId, l.level]);
  return createHash('sha256')
    .update(JSON.stringify([input.actionPlanId, input.order, levels, interests, input.note ?? null]))
    .digest('hex');
}
