// The engagements of Mongolia's story (DESIGN §4a), written from public facts in our words: the webinar series of
// May 2021 with two of the Committee's experts, and the national roundtable of 6–8 December 2022 in Ulaanbaatar
// that prioritised the items of the action plan submitted on 25 April 2022.
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ActionPlanEntity, ActionPlanItemEntity, ActionPlanVersionEntity } from '../entities/action-plan.entity';
import { EngagementEntity, EngagementFollowUpEntity, EngagementPrioritisationEntity, type EngagementParty } from '../entities/engagement.entity';
import { HistoryEntryEntity } from '../entities/history-entry.entity';
import { UserEntity } from '../entities/user.entity';
import { ActionPlanRepository } from '../repositories/action-plan.repository';
import { DEMO_PLAN } from './demo-action-plan.data';

const EXPERT = 'expert@committee.example';
const on = (org: string, note: string | null = null) => ({ org, note });
const named = (name: string, note: string | null = null) => ({ name, note });
type Party = { org: string; note: string | null } | { name: string; note: string | null };

export const DEMO_WEBINARS = {
  seedKey: 'demo:mng-webinars-2021-05',
  kind: 'webinar' as const,
  title: 'Webinar series on implementing resolution 1540 in Mongolia',
  startDate: '2021-05-01',
  endDate: '2021-05-31',
  venue: null,
  online: true,
  states: ['MNG'],
  organisers: [on('nctc'), on('committee', 'two of the Committee’s experts')] as Party[],
  participants: [on('nctc'), on('customs'), on('nec'), on('gasi'), named('Ministry of Foreign Affairs of Mongolia'), on('committee', 'two experts')] as Party[],
  background:
    'In its letters of May and August 2020 Mongolia asked for help with a national list of dual-use goods and its monitoring, ' +
    'a BSL-3 laboratory and its national report. While travel was not possible, the National Counter-Terrorism Council and the ' +
    'Committee agreed to meet online.',
  highlights:
    'Over several sessions during May 2021, two of the Committee’s experts and the Mongolian agencies went through the ' +
    'obligations of resolution 1540, the Committee’s matrix for Mongolia and how other States organised their national action plans.',
  outcomes: 'Mongolia decided to prepare a national action plan, coordinated by the National Counter-Terrorism Council.',
  additionalComments: 'Held online because of the pandemic.',
  followUps: [] as DemoFollowUp[],
};

interface DemoFollowUp {
  description: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'done';
}

export const DEMO_ROUNDTABLE = {
  seedKey: 'demo:mng-roundtable-2022-12',
  kind: 'roundtable' as const,
  title: 'National Roundtable on Prioritizing Items of the 1540 National Action Plan',
  startDate: '2022-12-06',
  endDate: '2022-12-08',
  venue: 'Ulaanbaatar, Mongolia',
  online: false,
  states: ['MNG'],
  organisers: [on('nctc'), on('unoda', 'with the support of the Committee’s experts')] as Party[],
  participants: [
    on('nctc'),
    named('Ministry of Foreign Affairs of Mongolia'),
    named('Ministry of Justice and Home Affairs of Mongolia'),
    named('Ministry of Environment and Tourism of Mongolia'),
    on('customs'),
    named('National Emergency Management Agency (NEMA)'),
    on('nec'),
    on('gasi'),
    on('bafa'),
    on('japan'),
    on('exbs'),
    on('wco'),
    on('osce'),
    on('unoda'),
    on('committee', 'the Committee’s experts'),
  ] as Party[],
  background:
    'Mongolia submitted its national action plan for resolution 1540 to the Committee on 25 April 2022. The plan lists what ' +
    'the agencies mean to do until 2026 but did not yet say which items come first or where outside help is needed.',
  highlights:
    'For three days the Mongolian agencies and the providers of assistance went through the plan item by item. The agencies ' +
    'explained where each item stood; the providers described the programmes that could support them (export control and ' +
    'control lists, customs risk management, border detection, biosafety and outreach).\n\n' +
    'The participants agreed an order of priority: the control list of dual-use goods, the BSL-3 laboratory, customs ' +
    'monitoring of dual-use goods and the inter-agency coordination mechanism came first.',
  outcomes:
    'A ranked list of the plan’s items with a level for each; interests from providers on the items they could support; ' +
    'specific actions to update the plan and to turn the items needing assistance into requests.',
  additionalComments: 'The Committee’s experts attended at the invitation of Mongolia.',
  followUps: [
    { description: 'Update the national action plan with the agreed priorities and send it to the Committee', owner: 'nctc', dueDate: '2023-02-28', status: 'done' },
    { description: 'Prepare assistance requests for the high-priority items that need outside help', owner: 'nctc', dueDate: '2023-06-30', status: 'done' },
    { description: 'Share with NCTC the programmes and contacts of the providers present', owner: 'committee', dueDate: '2023-01-31', status: 'done' },
  ] as DemoFollowUp[],
};

/** Providers' interests heard at the roundtable, by item code. */
export const DEMO_ROUNDTABLE_INTERESTS: { item: string; provider: string; note: string }[] = [
  { item: '3.1', provider: 'bafa', note: 'Legal and technical advice on a national control list aligned with the export control regimes' },
  { item: '3.1', provider: 'exbs', note: 'Licensing and control list workshops' },
  { item: '3.3', provider: 'wco', note: 'Customs risk management and strategic trade control enforcement training' },
  { item: '3.3', provider: 'japan', note: 'Commodity identification training for customs officers' },
  { item: '3.2', provider: 'exbs', note: 'Radiation detection equipment and training at border crossings' },
  { item: '5.1', provider: 'japan', note: 'Expertise on the design and operation of a BSL-3 laboratory' },
  { item: '4.1', provider: 'osce', note: 'Outreach events with industry and importers' },
  { item: '1.1', provider: 'unoda', note: 'Support to the national coordination mechanism and to the update of the plan' },
];

const partiesOf = (list: Party[], orgIds: Map<string, string>, names: Map<string, string>): EngagementParty[] =>
  list.map((p) => ('org' in p ? { organizationId: orgIds.get(p.org)!, name: names.get(p.org)!, note: p.note } : { organizationId: null, name: p.name, note: p.note }));

/**
 * Seeds the two engagements and the roundtable's prioritisation of the plan (after the action plan's seed). Keyed
 * and idempotent: engagements by `seed_key`; the prioritisation by its body; a second run changes nothing.
 */
export async function seedDemoEngagements(ds: DataSource, orgIds: Map<string, string>): Promise<{ engagements: number }> {
  return ds.transaction(async (m) => {
    const names = new Map<string, string>();
    for (const [key, id] of orgIds) {
      const [row]: { name: string }[] = await m.query('SELECT name FROM organizations WHERE id = $1', [id]);
      if (row) names.set(key, row.name);
    }
    const expert = await m.findOneBy(UserEntity, { email: EXPERT });
    let created = 0;
    for (const def of [DEMO_WEBINARS, DEMO_ROUNDTABLE]) {
      if (await m.existsBy(EngagementEntity, { seedKey: def.seedKey })) continue;
      const at = new Date(`${def.endDate}T16:00:00Z`);
      const { followUps, organisers, participants, ...fields } = def;
      const row = await m.save(
        m.create(EngagementEntity, {
          ...fields,
          organisers: partiesOf(organisers, orgIds, names),
          participants: partiesOf(participants, orgIds, names),
          createdById: expert?.id ?? null,
          createdAt: at,
          updatedAt: at,
        }),
      );
      await history(m, row.id, 'create', expert?.id ?? null, at);
      for (const f of followUps) {
        const doneAt = f.status === 'done' ? new Date(`${f.dueDate}T12:00:00Z`) : null;
        await m.save(
          m.create(EngagementFollowUpEntity, {
            engagementId: row.id,
            description: f.description,
            ownerUserId: null,
            ownerOrganizationId: orgIds.get(f.owner)!,
            dueDate: f.dueDate,
            status: f.status,
            doneAt,
          }),
        );
      }
      created++;
      if (def === DEMO_ROUNDTABLE) await prioritisation(m, row, orgIds, expert?.id ?? null, at);
    }
    return { engagements: created };
  });
}

/** The roundtable's prioritisation: it names plan version 2 (the action plan's seed wrote it) and records the interests. */
async function prioritisation(m: EntityManager, engagement: EngagementEntity, orgIds: Map<string, string>, by: string | null, at: Date): Promise<void> {
  const plan = await m.findOneBy(ActionPlanEntity, { state: DEMO_PLAN.state, title: DEMO_PLAN.title });
  if (!plan) return;
  const items = await m.find(ActionPlanItemEntity, { where: { planId: plan.id }, order: { priorityRank: 'ASC' } });
  const byCode = new Map(items.map((i) => [i.code, i]));
  const version = await m.findOneBy(ActionPlanVersionEntity, { planId: plan.id, revision: 2 });
  if (version) await m.update(ActionPlanVersionEntity, { id: version.id }, { engagementId: engagement.id });
  await m.update(ActionPlanItemEntity, { planId: plan.id }, { prioritisedInEngagementId: engagement.id });
  const repository = new ActionPlanRepository(m.connection);
  const interests = [];
  for (const x of DEMO_ROUNDTABLE_INTERESTS) {
    const item = byCode.get(x.item);
    if (!item) continue;
    const providerId = orgIds.get(x.provider)!;
    await repository.recordInterest(m, { itemId: item.id, providerOrganizationId: providerId, offerId: null, programme: null, note: x.note, engagementId: engagement.id, createdById: by });
    interests.push({ itemId: item.id, providerId, offerId: null, note: x.note });
  }
  const ranking = items.map((i) => ({ itemId: i.id, rank: i.priorityRank, level: i.priorityLevel }));
  await m.save(
    m.create(EngagementPrioritisationEntity, {
      engagementId: engagement.id,
      actionPlanId: plan.id,
      planVersion: version?.revision ?? plan.revision,
      ranking,
      interests,
      decidedById: by,
      decidedAt: new Date(`${DEMO_PLAN.roundtableDecidedOn}T15:00:00Z`),
      bodyHash: createHash('sha256').update(`seed:${engagement.id}:${plan.id}`).digest('hex'),
    }),
  );
  await history(m, engagement.id, 'prioritisation', by, at, { actionPlanId: plan.id, revision: version?.revision ?? plan.revision, interests: interests.length });
}

async function history(m: EntityManager, subjectId: string, action: string, actorId: string | null, at: Date, details: Record<string, unknown> | null = null): Promise<void> {
  await m.save(
    m.create(HistoryEntryEntity, { subjectType: 'engagement', subjectId, action, actorId, actorRole: actorId ? 'committee_member' : 'system', details, createdAt: at }),
  );
}
