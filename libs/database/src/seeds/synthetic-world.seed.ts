import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '@app/common';
import { formatRequestReference, SYSTEM_ROLE } from '@app/domain';
import {
  generateRegistryWorld,
  SYNTHETIC_EMAIL_DOMAIN,
  SYNTHETIC_NAME_PREFIX,
  type RegistryWorldOptions,
  type SyntheticActor,
  type SyntheticOffer,
  type SyntheticOrganisation,
  type SyntheticRequest,
  type SyntheticStep,
} from '@app/synthetic';
import { DEMO_PASSWORD } from './demo-organizations.data';

// Inserts the registry world of @app/synthetic (organisations, requests, offers and their histories) for benchmarks
// and load tests. The records carry no ids: they are given here, with request references taken from the counters
// as the API takes them. Rows go in with multi-row INSERTs in chunks, so 20,000 requests take seconds, not minutes.

export interface SyntheticWorldReport {
  organizations: number;
  users: number;
  requests: number;
  offers: number;
  historyEntries: number;
  elapsedMs: number;
}

// The GIN search indexes of the requests-and-offers migration.
const SEARCH_INDEXES = [
  'ix_assistance_requests_fts',
  'ix_assistance_requests_trgm',
  'ix_assistance_offers_fts',
  'ix_assistance_offers_trgm',
] as const;

// PostgreSQL's limit on bind parameters in one statement.
const MAX_PARAMETERS = 65_535;

/** Multi-row INSERTs, as many rows per statement as PostgreSQL's bind-parameter limit allows. */
async function insertRows(
  m: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  suffix = '',
): Promise<unknown[]> {
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  const returned: unknown[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const result = await m.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`,
      params,
    );
    if (Array.isArray(result)) returned.push(...result);
  }
  return returned;
}

const HISTORY_COLUMNS = [
  'subject_type',
  'subject_id',
  'action',
  'from_status',
  'to_status',
  'actor_id',
  'actor_role',
  'comment',
  'reason',
  'details',
  'created_at',
] as const;

interface Actor {
  id: string | null;
  role: string;
}

/** The synthetic organisations and their users, by e-mail, as ids. */
interface CastIds {
  organization: Map<string, string>;
  user: Map<string, string>;
}

/** Creates (or finds) the synthetic organisations and one user for each. Counts what it created. */
async function ensureCast(
  m: EntityManager,
  members: readonly SyntheticOrganisation[],
): Promise<CastIds & { organizations: number; users: number }> {
  const orgRows = await insertRows(
    m,
    'organizations',
    ['name', 'short_name', 'kind', 'state', 'contact_email', 'version'],
    members.map((c) => [c.name, c.shortName, c.kind, c.state, c.email, 1]),
    'ON CONFLICT (name) DO NOTHING RETURNING id',
  );
  const orgs: { id: string; name: string }[] = await m.query(`SELECT id, name FROM organizations WHERE name LIKE $1`, [
    `${SYNTHETIC_NAME_PREFIX}%`,
  ]);
  const orgIdByName = new Map(orgs.map((o) => [o.name, o.id]));
  const organization = new Map<string, string>();
  for (const c of members) {
    const id = orgIdByName.get(c.name);
    if (id) organization.set(c.email, id);
  }

  const existingUsers: { email: string }[] = await m.query(`SELECT email FROM users WHERE email LIKE $1`, [
    `%@${SYNTHETIC_EMAIL_DOMAIN}`,
  ]);
  const known = new Set(existingUsers.map((u) => u.email));
  const missing = members.filter((c) => !known.has(c.email));
  if (missing.length > 0) {
    // One hash for every synthetic user: scrypt is slow on purpose.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await insertRows(
      m,
      'users',
      ['email', 'display_name', 'role', 'organization_id', 'password_hash', 'version'],
      missing.map((c) => [c.email, `${c.shortName} officer`, c.role, organization.get(c.email), passwordHash, 1]),
      'ON CONFLICT (email) DO NOTHING',
    );
  }
  const users: { id: string; email: string }[] = await m.query(`SELECT id, email FROM users WHERE email LIKE $1`, [
    `%@${SYNTHETIC_EMAIL_DOMAIN}`,
  ]);
  const user = new Map(users.map((u) => [u.email, u.id]));
  return { organization, user, organizations: orgRows.length, users: missing.length };
}

/** The committee member who acknowledges and circulates: an existing one, or a synthetic committee. */
async function committeeActor(m: EntityManager, report: SyntheticWorldReport): Promise<Actor> {
  const rows: { id: string; role: string }[] = await m.query(
    `SELECT u.id, u.role FROM users u JOIN organizations o ON o.id = u.organization_id
     WHERE o.kind = 'committee' AND u.active ORDER BY (u.role = 'committee_member') DESC, u.created_at LIMIT 1`,
  );
  if (rows[0]) return rows[0];
  const [org]: { id: string }[] = await m.query(
    `INSERT INTO organizations (name, short_name, kind, contact_email, version) VALUES ($1, 'SYN GoE', 'committee', $2, 1)
     RETURNING id`,
    [`${SYNTHETIC_NAME_PREFIX}1540 Committee Experts`, `committee@${SYNTHETIC_EMAIL_DOMAIN}`],
  );
  const [user]: { id: string }[] = await m.query(
    `INSERT INTO users (email, display_name, role, organization_id, password_hash, version)
     VALUES ($1, 'Synthetic expert', 'committee_member', $2, $3, 1) RETURNING id`,
    [`expert@${SYNTHETIC_EMAIL_DOMAIN}`, org.id, await hashPassword(DEMO_PASSWORD)],
  );
  report.organizations++;
  report.users++;
  return { id: user.id, role: 'committee_member' };
}

/** A step's actor as a user id and role: a synthetic user, the committee member found above, or the system. */
function actorOf(actor: SyntheticActor, ids: CastIds, committee: Actor): Actor {
  if (actor === 'committee') return committee;
  if (actor === 'system') return { id: null, role: SYSTEM_ROLE };
  return { id: ids.user.get(actor.email) ?? null, role: actor.role };
}

function historyRows(
  subjectType: 'request' | 'offer',
  subjectId: string,
  steps: readonly SyntheticStep[],
  actor: (step: SyntheticStep) => Actor,
  details: (step: SyntheticStep) => unknown = () => null,
): unknown[][] {
  return steps.map((step) => {
    const { id, role } = actor(step);
    const detail = details(step);
    return [
      subjectType,
      subjectId,
      step.action,
      step.from,
      step.to,
      id,
      role,
      step.comment,
      step.reason,
      detail === null ? null : JSON.stringify(detail),
      step.at,
    ];
  });
}

/** When the last step of this kind was taken (a request can be submitted twice), or null. */
function lastStepAt(steps: readonly SyntheticStep[], action: string): Date | null {
  return steps.findLast((step) => step.action === action)?.at ?? null;
}

/** The columns requests and offers share: text and taxonomy codes. */
const SUBJECT_COLUMNS = [
  'title',
  'description',
  'provisions',
  'domains',
  'assistance_types',
  'target_institutions',
] as const;

function subjectValues(s: SyntheticRequest | SyntheticOffer): unknown[] {
  return [s.title, s.description, s.provisions, s.domains, s.assistanceTypes, s.targetInstitutions];
}

/** The columns both lists end with: the version (one per step taken), the times of the first and the last step. */
const STAMP_COLUMNS = ['version', 'created_at', 'updated_at'] as const;

function stampValues(history: readonly SyntheticStep[]): unknown[] {
  return [history.length, history[0].at, history[history.length - 1].at];
}

// ── Requests ──────────────────────────────────────────────────────────────────────────────────────────────

const REQUEST_MILESTONE_COLUMNS: Record<string, string> = {
  submit: 'submitted_at',
  acknowledge: 'acknowledged_at',
  circulate: 'circulated_at',
  match_agreed: 'matched_at',
  start_delivery: 'delivery_started_at',
  mark_delivered: 'delivered_at',
  close: 'closed_at',
  withdraw: 'withdrawn_at',
};

const REQUEST_COLUMNS = [
  'id',
  'reference',
  'state',
  'organization_id',
  'created_by_id',
  ...SUBJECT_COLUMNS,
  'priority',
  'estimated_cost_amount',
  'estimated_cost_currency',
  'desired_start',
  'desired_end',
  'languages',
  'preferred_provider_ids',
  'assistance_received',
  'nap_reference',
  'letter_date',
  'visibility',
  'objection_window_waived',
  'status',
  'close_reason',
  ...Object.values(REQUEST_MILESTONE_COLUMNS),
  ...STAMP_COLUMNS,
];

/** A request with its id, waiting for its reference. */
interface PendingRequest {
  id: string;
  record: SyntheticRequest;
  state: string;
  year: number;
  createdAt: Date;
  reference?: string;
}

/** Takes the next reference numbers per (State, year) from the counters in one statement, as the API would. */
async function allocateReferences(m: EntityManager, pending: readonly PendingRequest[]): Promise<void> {
  const counts = new Map<string, { state: string; year: number; count: number }>();
  for (const p of pending) {
    const key = `${p.state}-${p.year}`;
    const entry = counts.get(key) ?? { state: p.state, year: p.year, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const returned = (await insertRows(
    m,
    'request_reference_counters',
    ['state', 'year', 'last'],
    [...counts.values()].map((c) => [c.state, c.year, c.count]),
    'ON CONFLICT (state, year) DO UPDATE SET last = request_reference_counters.last + EXCLUDED.last RETURNING state, year, last',
  )) as { state: string; year: number; last: number }[];
  const next = new Map<string, number>();
  for (const r of returned) next.set(`${r.state}-${r.year}`, r.last - counts.get(`${r.state}-${r.year}`)!.count + 1);
  // Numbered in the order they were created, as they would have been.
  for (const p of [...pending].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const key = `${p.state}-${p.year}`;
    const seq = next.get(key)!;
    next.set(key, seq + 1);
    p.reference = formatRequestReference(p.state, p.year, seq);
  }
}

function requestRow(p: PendingRequest, ids: CastIds): unknown[] {
  const r = p.record;
  const history = r.history;
  return [
    p.id,
    p.reference,
    r.state,
    ids.organization.get(r.author),
    ids.user.get(r.author),
    ...subjectValues(r),
    r.priority,
    r.estimatedCost?.amount ?? null,
    r.estimatedCost?.currency ?? null,
    r.desiredStart,
    r.desiredEnd,
    r.languages,
    r.preferredProviders.map((email) => ids.organization.get(email)),
    r.assistanceReceived,
    r.napReference,
    r.letterDate,
    r.visibility,
    r.objectionWindowWaived,
    r.status,
    r.closeReason,
    ...Object.keys(REQUEST_MILESTONE_COLUMNS).map((action) => lastStepAt(history, action)),
    ...stampValues(history),
  ];
}

// ── Offers ────────────────────────────────────────────────────────────────────────────────────────────────

const OFFER_COLUMNS = [
  'id',
  'organization_id',
  'created_by_id',
  ...SUBJECT_COLUMNS,
  'programme',
  'eligible_regions',
  'eligible_states',
  'delivery_modes',
  'languages',
  'capacity_engagements',
  'capacity_budget_amount',
  'capacity_budget_currency',
  'engagements_used',
  'available_from',
  'available_until',
  'status',
  'submitted_at',
  'verified_at',
  'closed_at',
  ...STAMP_COLUMNS,
];

function offerRow(id: string, o: SyntheticOffer, ids: CastIds): unknown[] {
  const history = o.history;
  return [
    id,
    ids.organization.get(o.provider),
    ids.user.get(o.provider),
    ...subjectValues(o),
    o.programme,
    o.eligibleRegions,
    o.eligibleStates,
    o.deliveryModes,
    o.languages,
    o.capacityEngagements,
    o.budget?.amount ?? null,
    o.budget?.currency ?? null,
    o.engagementsUsed,
    o.availableFrom,
    o.availableUntil,
    o.status,
    lastStepAt(history, 'submit'),
    lastStepAt(history, 'verify'),
    lastStepAt(history, 'close'),
    ...stampValues(history),
  ];
}

// ── Entry point ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * Adds `requests` synthetic requests and `offers` synthetic offers, with their history, to whatever the database
 * holds, creating the synthetic organisations and users on first use. One transaction: all or nothing.
 */
export async function seedSyntheticWorld(ds: DataSource, options: RegistryWorldOptions): Promise<SyntheticWorldReport> {
  const started = Date.now();
  const { requests, offers } = options;
  for (const [name, value] of Object.entries({ requests, offers })) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  }
  const world = generateRegistryWorld(options);
  const report: SyntheticWorldReport = {
    organizations: 0,
    users: 0,
    requests: 0,
    offers: 0,
    historyEntries: 0,
    elapsedMs: 0,
  };

  await ds.transaction(async (m) => {
    // Search indexes (GIN) take the new rows into their pending list and merge them in bulk.
    await m.query(`SET LOCAL gin_pending_list_limit = '64MB'`);
    await m.query(`SET LOCAL work_mem = '256MB'`);
    const ids = await ensureCast(m, world.organisations);
    report.organizations += ids.organizations;
    report.users += ids.users;
    const committee = await committeeActor(m, report);
    const actor = (step: SyntheticStep) => actorOf(step.actor, ids, committee);

    const pending: PendingRequest[] = world.requests.map((record) => ({
      id: randomUUID(),
      record,
      state: record.state,
      year: record.history[0].at.getUTCFullYear(),
      createdAt: record.history[0].at,
    }));
    await allocateReferences(m, pending);
    await insertRows(
      m,
      'assistance_requests',
      REQUEST_COLUMNS,
      pending.map((p) => requestRow(p, ids)),
    );
    const requestHistory = pending.flatMap((p) =>
      historyRows('request', p.id, p.record.history, actor, (step) =>
        step.action === 'create' ? { reference: p.reference } : null,
      ),
    );
    await insertRows(m, 'history_entries', HISTORY_COLUMNS, requestHistory);
    report.requests = pending.length;
    report.historyEntries += requestHistory.length;

    const offerRows: unknown[][] = [];
    const offerHistory: unknown[][] = [];
    for (const offer of world.offers) {
      const id = randomUUID();
      offerRows.push(offerRow(id, offer, ids));
      offerHistory.push(...historyRows('offer', id, offer.history, actor));
    }
    await insertRows(m, 'assistance_offers', OFFER_COLUMNS, offerRows);
    await insertRows(m, 'history_entries', HISTORY_COLUMNS, offerHistory);
    report.offers = offerRows.length;
    report.historyEntries += offerHistory.length;
    // Merge the pending lists now rather than leave searches to scan them until the next vacuum.
    for (const index of SEARCH_INDEXES) await m.query(`SELECT gin_clean_pending_list($1::regclass)`, [index]);
  });
  report.elapsedMs = Date.now() - started;
  return report;
}
