import { DataSource, EntityManager, In, type QueryDeepPartialEntity } from 'typeorm';
import {
  canCirculate,
  decideTransition,
  formatRequestReference,
  OFFER_TERMINAL_STATUSES,
  OFFER_WORKFLOW,
  REQUEST_EDITABLE_STATUSES,
  REQUEST_WORKFLOW,
  SYSTEM_ROLE,
  type ActorRole,
  type CloseReason,
  type OfferAction,
  type OfferStatus,
  type RequestAction,
  type RequestStatus,
  type TransitionTable,
} from '@app/domain';
import { AssistanceOfferEntity } from '../entities/assistance-offer.entity';
import { AssistanceRequestEntity } from '../entities/assistance-request.entity';
import { HistoryEntryEntity } from '../entities/history-entry.entity';
import { RequestFirstSuggestionEntity } from '../entities/request-first-suggestion.entity';
import { UserEntity } from '../entities/user.entity';
import { DEMO_OFFERS, type DemoOffer } from './demo-offers.data';
import { DEMO_USERS } from './demo-organizations.data';
import { DEMO_REQUESTS, type DemoDate, type DemoRequest, type DemoStep, type DemoTime } from './demo-requests.data';

export interface DemoWorldReport {
  requests: number;
  offers: number;
  historyEntries: number;
}

const DEMO_STATE = 'MNG';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
// How long after circulation the engine's first suggestions are dated (it scores a circulated request at once).
const ENGINE_DELAY_MS = 2 * 60_000;

const COORDINATOR = 'coordinator@nctc.mn.example';
const EXPERT = 'expert@committee.example';

type Actor = { id: string; role: ActorRole } | null;
type ActorLookup = (email: string) => Actor;

/** One history row as planned, before it has a subject id. */
interface PlannedEntry {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: Actor;
  comment: string | null;
  reason: CloseReason | null;
  details: Record<string, unknown> | null;
  at: Date;
}

interface Plan<S extends string> {
  status: S;
  createdAt: Date;
  updatedAt: Date;
  entries: PlannedEntry[];
  /** Latest time each action was taken: milestones are the last submit, the last acknowledge, and so on. */
  lastAt: Map<string, Date>;
  closeReason: CloseReason | null;
  /** Edits and transitions after creation: what the workflow services would have done to `version`. */
  changes: number;
}

// ── Time ──────────────────────────────────────────────────────────────────────────────────────────────────

function isWeekend(time: Date): boolean {
  return time.getUTCDay() === 0 || time.getUTCDay() === 6;
}

/** Moves `days` working days (Monday to Friday, UTC) forwards or backwards, keeping the time of day. */
function addWorkingDays(from: Date, days: number): Date {
  const step = days < 0 ? -DAY_MS : DAY_MS;
  let time = from.getTime();
  for (let counted = 0; counted < Math.abs(days);) {
    time += step;
    if (!isWeekend(new Date(time))) counted++;
  }
  return new Date(time);
}

export function resolveDemoTime(time: DemoTime, now: Date): Date {
  if (typeof time === 'string') return new Date(time);
  const hours = (time.hoursFromNow ?? 0) * HOUR_MS;
  if ('workingDaysFromNow' in time) return new Date(addWorkingDays(now, time.workingDaysFromNow).getTime() + hours);
  return new Date(now.getTime() + time.daysFromNow * DAY_MS + hours);
}

export function resolveDemoDate(date: DemoDate | undefined, now: Date): string | null {
  if (date === undefined) return null;
  if (typeof date === 'string') return date;
  return new Date(now.getTime() + date.daysFromNow * DAY_MS).toISOString().slice(0, 10);
}

// ── Planning: replay a record's steps through its workflow table ──────────────────────────────────────────

/**
 * Replays the steps through the workflow table, as the API would take them, and returns the history rows and
 * the resulting status. Throws when the demo data asks for something the workflow would refuse: a wrong status
 * or role, a missing reason, times out of order or in the future, or circulation inside the objection window.
 */
function planLife<S extends string, A extends string>(input: {
  subject: string;
  table: TransitionTable<S, A>;
  editable: readonly S[];
  createdAt: Date;
  author: Actor;
  steps: readonly DemoStep<A>[];
  defaultActor: (action: A | 'update') => Actor;
  lookup: ActorLookup;
  now: Date;
  objectionWindowWaived?: boolean;
  createDetails?: Record<string, unknown>;
  stepDetails?: (step: DemoStep<A>) => Record<string, unknown> | null;
}): Plan<S> {
  const { subject, table, now } = input;
  const fail = (message: string): never => {
    throw new Error(`demo data for ${subject}: ${message}`);
  };
  let status = 'draft' as S;
  let previous = input.createdAt;
  if (previous > now) fail('created in the future');
  const entries: PlannedEntry[] = [
    {
      action: 'create',
      fromStatus: null,
      toStatus: status,
      actor: input.author,
      comment: null,
      reason: null,
      details: input.createDetails ?? null,
      at: previous,
    },
  ];
  const lastAt = new Map<string, Date>();
  let closeReason: CloseReason | null = null;

  for (const step of input.steps) {
    const at = resolveDemoTime(step.at, now);
    if (at < previous) fail(`${step.action} at ${at.toISOString()} comes before the step before it`);
    if (at > now) fail(`${step.action} at ${at.toISOString()} lies in the future`);
    const actor = step.by ? input.lookup(step.by) : input.defaultActor(step.action);
    let to = status;
    if (step.action === 'update') {
      if (!input.editable.includes(status)) fail(`cannot edit while ${status}`);
    } else {
      const decision = decideTransition(table, {
        status,
        action: step.action,
        role: actor?.role ?? SYSTEM_ROLE,
        reason: step.reason,
        comment: step.comment,
      });
      if (!decision.ok) fail(`${step.action} from ${status} refused (${decision.reason})`);
      else to = decision.to;
      if (step.action === 'circulate') {
        const acknowledgedAt = lastAt.get('acknowledge') ?? fail('circulated before it was acknowledged');
        const check = canCirculate({ acknowledgedAt, waived: input.objectionWindowWaived ?? false, now: at });
        if (!check.ok)
          fail(
            `circulated at ${at.toISOString()}, inside the objection window (${check.why === 'objection' ? 'objected' : `closes ${check.closesAt.toISOString()}`})`,
          );
      }
      if (step.reason) closeReason = step.reason;
    }
    entries.push({
      action: step.action,
      fromStatus: step.action === 'update' ? null : status,
      toStatus: step.action === 'update' ? null : to,
      actor,
      comment: step.comment ?? null,
      reason: step.reason ?? null,
      details: input.stepDetails?.(step) ?? null,
      at,
    });
    lastAt.set(step.action, at);
    status = to;
    previous = at;
  }
  return {
    status,
    createdAt: input.createdAt,
    updatedAt: previous,
    entries,
    lastAt,
    closeReason,
    changes: input.steps.length,
  };
}

// Every milestone column and the workflow action whose (last) history entry carries the same time.
const REQUEST_MILESTONES = {
  submittedAt: 'submit',
  acknowledgedAt: 'acknowledge',
  circulatedAt: 'circulate',
  matchedAt: 'match_agreed',
  deliveryStartedAt: 'start_delivery',
  deliveredAt: 'mark_delivered',
  closedAt: 'close',
  withdrawnAt: 'withdraw',
} as const satisfies Record<string, RequestAction>;

const OFFER_MILESTONES = {
  submittedAt: 'submit',
  verifiedAt: 'verify',
  closedAt: 'close',
} as const satisfies Record<string, OfferAction>;

/**
 * When the engine first suggested offers for the request: it scores a request as soon as it is circulated, so
 * in the story that is minutes after the first circulation (the worker's rescore after seeding keeps the stamp).
 * Without it the reports would date every demo request's first suggestion to the day the seed ran.
 */
function firstSuggestionAt(plan: Plan<string>): Date | null {
  const circulated = plan.entries.find((entry) => entry.action === 'circulate');
  return circulated ? new Date(circulated.at.getTime() + ENGINE_DELAY_MS) : null;
}

function milestones<K extends string>(spec: Record<K, string>, plan: Plan<string>): Record<K, Date | null> {
  const out = {} as Record<K, Date | null>;
  for (const [column, action] of Object.entries(spec) as [K, string][]) out[column] = plan.lastAt.get(action) ?? null;
  return out;
}

export function planDemoRequest(
  def: DemoRequest,
  lookup: ActorLookup,
  orgIds: Map<string, string>,
  offerIds: Map<string, string>,
  now: Date,
): Plan<RequestStatus> {
  const author = lookup(def.author);
  const plan = planLife<RequestStatus, RequestAction>({
    subject: `request "${def.title}"`,
    table: REQUEST_WORKFLOW,
    editable: REQUEST_EDITABLE_STATUSES,
    createdAt: resolveDemoTime(def.createdAt, now),
    author,
    steps: def.steps,
    lookup,
    now,
    objectionWindowWaived: def.objectionWindowWaived,
    defaultActor: (action) => {
      switch (action) {
        case 'update':
          return author;
        case 'submit':
        case 'withdraw':
          return lookup(COORDINATOR);
        // Delivery follows the agreed matches: the system takes these steps (request.workflow.ts).
        case 'match_agreed':
        case 'start_delivery':
        case 'mark_delivered':
          return null;
        default:
          return lookup(EXPERT);
      }
    },
    stepDetails: (step) => {
      if (!step.offer) return null;
      const offerId = offerIds.get(step.offer);
      const offer = DEMO_OFFERS.find((o) => o.key === step.offer);
      if (!offerId || !offer) throw new Error(`demo data for request "${def.title}": no demo offer ${step.offer}`);
      // The match itself is not stored by the seed; these let it be linked later.
      return { offerId, offerKey: step.offer, providerOrganizationId: orgIds.get(offer.provider) ?? null };
    },
  });
  return plan;
}

export function planDemoOffer(
  def: DemoOffer,
  lookup: ActorLookup,
  providerEmail: string,
  now: Date,
): Plan<OfferStatus> {
  const provider = lookup(providerEmail);
  const plan = planLife<OfferStatus, OfferAction>({
    subject: `offer "${def.title}"`,
    table: OFFER_WORKFLOW,
    editable: OFFER_WORKFLOW.statuses.filter((s) => !OFFER_TERMINAL_STATUSES.includes(s)),
    createdAt: resolveDemoTime(def.createdAt, now),
    author: provider,
    steps: def.steps,
    lookup,
    now,
    defaultActor: (action) => {
      if (action === 'verify' || action === 'return_to_draft') return lookup(EXPERT);
      if (action === 'exhaust' || action === 'replenish' || action === 'expire') return null;
      return provider;
    },
  });
  const until = resolveDemoDate(def.availableUntil, now);
  if (until && until < now.toISOString().slice(0, 10) && !OFFER_TERMINAL_STATUSES.includes(plan.status)) {
    throw new Error(`demo data for offer "${def.title}": available until ${until} but still ${plan.status}`);
  }
  return plan;
}

// ── Writing ───────────────────────────────────────────────────────────────────────────────────────────────

function historyRows(
  subjectType: string,
  subjectId: string,
  plan: Plan<string>,
): QueryDeepPartialEntity<HistoryEntryEntity>[] {
  return plan.entries.map((entry) => ({
    subjectType,
    subjectId,
    action: entry.action,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? SYSTEM_ROLE,
    comment: entry.comment,
    reason: entry.reason,
    // jsonb: the partial-entity type cannot see that a plain object is a whole value here.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the rule is wrong here: tsc needs it
    details: entry.details as QueryDeepPartialEntity<Record<string, unknown>> | null,
    createdAt: entry.at,
  }));
}

async function actorLookup(m: EntityManager): Promise<ActorLookup> {
  const users = await m.find(UserEntity, {
    where: { email: In(DEMO_USERS.map((u) => u.email)) },
    select: { id: true, email: true, role: true },
  });
  const byEmail = new Map(users.map((u) => [u.email, { id: u.id, role: u.role }]));
  return (email) => {
    const actor = byEmail.get(email);
    if (!actor) throw new Error(`demo user ${email} is missing: seed the demo organisations first`);
    return actor;
  };
}

function providerEmailOf(orgKey: string): string {
  const user = DEMO_USERS.find((u) => u.organization === orgKey && u.role === 'provider_member');
  if (!user) throw new Error(`no demo provider user for organisation ${orgKey}`);
  return user.email;
}

function orgId(orgIds: Map<string, string>, key: string): string {
  const id = orgIds.get(key);
  if (!id) throw new Error(`demo organisation ${key} is missing`);
  return id;
}

async function seedOffers(
  m: EntityManager,
  orgIds: Map<string, string>,
  lookup: ActorLookup,
  now: Date,
  report: DemoWorldReport,
): Promise<Map<string, string>> {
  const offerIds = new Map<string, string>();
  // An agreed match uses one engagement of the offer's capacity (DESIGN §5).
  const agreed = new Map<string, number>();
  for (const def of DEMO_REQUESTS) {
    for (const step of def.steps) if (step.offer) agreed.set(step.offer, (agreed.get(step.offer) ?? 0) + 1);
  }
  for (const def of DEMO_OFFERS) {
    const organizationId = orgId(orgIds, def.provider);
    const existing = await m.findOne(AssistanceOfferEntity, {
      where: { organizationId, title: def.title },
      select: { id: true },
    });
    if (existing) {
      offerIds.set(def.key, existing.id);
      continue;
    }
    const providerEmail = providerEmailOf(def.provider);
    const plan = planDemoOffer(def, lookup, providerEmail, now);
    const result = await m.insert(AssistanceOfferEntity, {
      organizationId,
      createdById: lookup(providerEmail)!.id,
      title: def.title,
      description: def.description,
      programme: def.programme ?? null,
      provisions: [...def.provisions],
      domains: [...def.domains],
      assistanceTypes: [...def.assistanceTypes],
      targetInstitutions: [...def.targetInstitutions],
      eligibleRegions: [...def.eligibleRegions],
      eligibleStates: [...(def.eligibleStates ?? [])],
      deliveryModes: [...def.deliveryModes],
      languages: [...def.languages],
      capacityEngagements: def.capacityEngagements ?? null,
      capacityBudgetAmount: def.capacityBudget?.amount ?? null,
      capacityBudgetCurrency: def.capacityBudget?.currency ?? null,
      engagementsUsed: agreed.get(def.key) ?? 0,
      availableFrom: resolveDemoDate(def.availableFrom, now),
      availableUntil: resolveDemoDate(def.availableUntil, now),
      status: plan.status,
      ...milestones(OFFER_MILESTONES, plan),
      version: 1 + plan.changes,
      createdAt: plan.createdAt,
      updatedAt: plan.updatedAt,
    });
    const id = result.identifiers[0].id as string;
    offerIds.set(def.key, id);
    await m.insert(HistoryEntryEntity, historyRows('offer', id, plan));
    report.offers++;
    report.historyEntries += plan.entries.length;
  }
  return offerIds;
}

async function allocateSeq(m: EntityManager, state: string, year: number): Promise<number> {
  for (;;) {
    const rows: { last: number }[] = await m.query(
      `INSERT INTO request_reference_counters (state, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (state, year) DO UPDATE SET last = request_reference_counters.last + 1 RETURNING last`,
      [state, year],
    );
    const seq = rows[0].last;
    // A counter behind the references in use (rows written without it) must not hand out a taken number.
    if (!(await m.existsBy(AssistanceRequestEntity, { reference: formatRequestReference(state, year, seq) })))
      return seq;
  }
}

async function seedRequests(
  m: EntityManager,
  orgIds: Map<string, string>,
  lookup: ActorLookup,
  offerIds: Map<string, string>,
  now: Date,
  report: DemoWorldReport,
): Promise<void> {
  // Story items keep their fixed references; make sure the counters never hand those numbers out again.
  const highest = new Map<number, number>();
  for (const def of DEMO_REQUESTS) {
    if (def.seq === undefined) continue;
    const year = resolveDemoTime(def.createdAt, now).getUTCFullYear();
    highest.set(year, Math.max(highest.get(year) ?? 0, def.seq));
  }
  for (const [year, seq] of highest) {
    await m.query(
      `INSERT INTO request_reference_counters (state, year, last) VALUES ($1, $2, $3)
       ON CONFLICT (state, year) DO UPDATE SET last = EXCLUDED.last WHERE request_reference_counters.last < EXCLUDED.last`,
      [DEMO_STATE, year, seq],
    );
  }

  for (const def of DEMO_REQUESTS) {
    const organizationId = orgId(orgIds, def.organization);
    const createdAt = resolveDemoTime(def.createdAt, now);
    const year = createdAt.getUTCFullYear();
    if (def.seq !== undefined) {
      if (await m.existsBy(AssistanceRequestEntity, { reference: formatRequestReference(DEMO_STATE, year, def.seq) }))
        continue;
    } else if (await m.existsBy(AssistanceRequestEntity, { organizationId, title: def.title })) {
      // Recent items are dated from the day of the first run, so they are recognised by what they say.
      continue;
    }
    const plan = planDemoRequest(def, lookup, orgIds, offerIds, now);
    const seq = def.seq ?? (await allocateSeq(m, DEMO_STATE, year));
    const reference = formatRequestReference(DEMO_STATE, year, seq);
    plan.entries[0].details = { reference };
    const result = await m.insert(AssistanceRequestEntity, {
      reference,
      state: DEMO_STATE,
      organizationId,
      createdById: lookup(def.author)!.id,
      title: def.title,
      description: def.description,
      provisions: [...def.provisions],
      domains: [...def.domains],
      assistanceTypes: [...def.assistanceTypes],
      targetInstitutions: [...def.targetInstitutions],
      priority: def.priority,
      estimatedCostAmount: def.estimatedCost?.amount ?? null,
      estimatedCostCurrency: def.estimatedCost?.currency ?? null,
      desiredStart: resolveDemoDate(def.desiredStart, now),
      desiredEnd: resolveDemoDate(def.desiredEnd, now),
      languages: [...def.languages],
      preferredProviderIds: (def.preferredProviders ?? []).map((key) => orgId(orgIds, key)),
      assistanceReceived: def.assistanceReceived ?? null,
      napReference: def.napReference ?? null,
      letterDate: resolveDemoDate(def.letterDate, now),
      visibility: def.visibility,
      objectionWindowWaived: def.objectionWindowWaived ?? false,
      status: plan.status,
      closeReason: plan.closeReason,
      ...milestones(REQUEST_MILESTONES, plan),
      version: 1 + plan.changes,
      createdAt: plan.createdAt,
      updatedAt: plan.updatedAt,
    });
    const id = result.identifiers[0].id as string;
    const suggestedAt = firstSuggestionAt(plan);
    if (suggestedAt) await m.insert(RequestFirstSuggestionEntity, { requestId: id, suggestedAt });
    await m.insert(HistoryEntryEntity, historyRows('request', id, plan));
    report.requests++;
    report.historyEntries += plan.entries.length;
  }
}

/**
 * Seeds Mongolia's requests and the providers' offers (DESIGN §1) with their full, dated history. Run after
 * `seedDemoOrganizations`. Idempotent: requests are recognised by reference (recent ones by organisation and
 * title), offers by organisation and title; a second run creates and changes nothing.
 */
export async function seedDemoWorld(
  ds: DataSource,
  orgIds: Map<string, string>,
  now: Date = new Date(),
): Promise<DemoWorldReport> {
  const report: DemoWorldReport = { requests: 0, offers: 0, historyEntries: 0 };
  await ds.transaction(async (m) => {
    const lookup = await actorLookup(m);
    const offerIds = await seedOffers(m, orgIds, lookup, now, report);
    await seedRequests(m, orgIds, lookup, offerIds, now, report);
  });
  return report;
}
