import { DataSource, EntityManager, In } from 'typeorm';
import { ActionPlanEntity, ActionPlanItemEntity, ActionPlanItemNoteEntity } from '../entities/action-plan.entity';
import { AssistanceRequestEntity } from '../entities/assistance-request.entity';
import { HistoryEntryEntity } from '../entities/history-entry.entity';
import { UserEntity } from '../entities/user.entity';
import { ActionPlanRepository } from '../repositories/action-plan.repository';
import { DEMO_PLAN, DEMO_PLAN_ITEMS } from './demo-action-plan.data';

const COORDINATOR = 'coordinator@nctc.mn.example';

/**
 * Mongolia's action plan (DESIGN §4a): version 1 as submitted on 25 April 2022, version 2 with the priorities of
 * the December 2022 roundtable, and the seeded requests linked to their items. Idempotent and keyed: the plan by
 * (state, title), its items by code; a second run changes nothing. The engagements' seed (the roundtable and its
 * prioritisation record) finds the plan by `DEMO_PLAN.title` and the version by revision 2.
 */
export async function seedDemoActionPlan(ds: DataSource, orgIds: Map<string, string>): Promise<{ actionPlans: number; actionPlanItems: number }> {
  return ds.transaction(async (m) => {
    if (await m.existsBy(ActionPlanEntity, { state: DEMO_PLAN.state, title: DEMO_PLAN.title })) return { actionPlans: 0, actionPlanItems: 0 };
    const coordinator = await m.findOneBy(UserEntity, { email: COORDINATOR });
    const by = coordinator?.id ?? null;
    const submittedAt = new Date(`${DEMO_PLAN.submittedOn}T09:00:00Z`);
    const decidedAt = new Date(`${DEMO_PLAN.roundtableDecidedOn}T15:00:00Z`);
    const org = (key: string) => orgIds.get(key) ?? null;
    const repository = new ActionPlanRepository(ds);

    const plan = await m.save(
      m.create(ActionPlanEntity, {
        state: DEMO_PLAN.state,
        organizationId: org('nctc')!,
        title: DEMO_PLAN.title,
        description: DEMO_PLAN.description,
        status: 'submitted',
        submittedOn: DEMO_PLAN.submittedOn,
        revision: 0,
        sharedWithProviders: true,
        publicSummary: DEMO_PLAN.publicSummary,
        createdById: by,
        createdAt: submittedAt,
      }),
    );
    await history(m, plan.id, 'action_plan', 'create', by, submittedAt, { toStatus: 'submitted' });

    // Version 1: the plan as submitted, ranked in its own numbering order, every item still planned.
    const items: ActionPlanItemEntity[] = [];
    for (const [index, def] of DEMO_PLAN_ITEMS.entries()) {
      const item = await m.save(
        m.create(ActionPlanItemEntity, {
          planId: plan.id,
          code: def.code,
          title: def.title,
          description: def.description,
          provisions: def.provisions,
          domains: def.domains,
          leadAgencyId: org(def.lead),
          partnerAgencyIds: def.partners.map(org).filter((id): id is string => !!id),
          priorityRank: index + 1,
          priorityLevel: def.level,
          prioritisedAt: submittedAt,
          prioritisedById: by,
          targetDate: def.targetDate,
          status: 'planned',
          assistanceNeeded: def.assistanceNeeded,
          createdById: by,
          createdAt: submittedAt,
        }),
      );
      await history(m, item.id, 'action_plan_item', 'create', by, submittedAt, { toStatus: 'planned' });
      items.push(item);
    }
    await repository.recordVersion(m, plan, [{ subject: 'plan', action: 'submit', fields: [] }], { createdById: by, note: 'Submitted to the Committee', at: submittedAt });

    // Version 2: the roundtable's priorities and the progress reported there.
    const changes = [];
    for (const [index, def] of DEMO_PLAN_ITEMS.entries()) {
      const item = items[index];
      const fields = [
        ...(item.priorityRank !== def.roundtableRank ? ['priorityRank'] : []),
        ...(item.priorityLevel !== def.roundtableLevel ? ['priorityLevel'] : []),
        ...(item.status !== def.status ? ['status'] : []),
      ];
      await m.update(
        ActionPlanItemEntity,
        { id: item.id },
        { priorityRank: def.roundtableRank, priorityLevel: def.roundtableLevel, status: def.status, prioritisedAt: decidedAt, prioritisedById: by, updatedAt: decidedAt, version: item.version + 1 },
      );
      if (fields.length) {
        changes.push({ subject: 'item' as const, action: 'update', itemId: item.id, title: item.title, fields });
        await history(m, item.id, 'action_plan_item', 'update', by, decidedAt, { details: { fields } });
      }
      if (def.progressNote) {
        await m.save(m.create(ActionPlanItemNoteEntity, { itemId: item.id, kind: 'progress', text: def.progressNote, authorId: by, authorOrganizationId: org('nctc'), createdAt: decidedAt }));
      }
    }
    await repository.recordVersion(m, plan, changes, {
      createdById: by,
      note: 'Priorities agreed at the national roundtable in Ulaanbaatar, 6–8 December 2022',
      at: decidedAt,
    });
    await m.update(ActionPlanEntity, { id: plan.id }, { updatedAt: decidedAt });
    await history(m, plan.id, 'action_plan', 'update', by, decidedAt, { details: { fields: ['items:priorities'] } });

    // The seeded requests made for the items.
    for (const [index, def] of DEMO_PLAN_ITEMS.entries()) {
      if (!def.requests.length) continue;
      await m.update(AssistanceRequestEntity, { state: DEMO_PLAN.state, title: In(def.requests) }, { actionPlanItemId: items[index].id });
    }
    return { actionPlans: 1, actionPlanItems: items.length };
  });
}

async function history(
  m: EntityManager,
  subjectId: string,
  subjectType: string,
  action: string,
  actorId: string | null,
  at: Date,
  extra: { toStatus?: string; details?: Record<string, unknown> } = {},
): Promise<void> {
  await m.save(
    m.create(HistoryEntryEntity, {
      subjectType,
      subjectId,
      action,
      toStatus: extra.toStatus ?? null,
      actorId,
      actorRole: actorId ? 'agency_coordinator' : 'system',
      details: extra.details ?? null,
      createdAt: at,
    }),
  );
}
