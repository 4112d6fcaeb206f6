import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EntityManager } from 'typeorm';
import { DomainError, FieldIssue, hashPassword, invalidInput } from '@app/common';
import { parseRequestReference } from '@app/domain';
import { UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import {
  exchangeEnvelopeSchema,
  MAX_RECORDS,
  type ExchangeCollection,
  type ExchangeHistoryEntry,
  type ExchangeMatch,
  type ExchangeOffer,
  type ExchangeOrganization,
  type ExchangeRequest,
  type ExchangeUser,
} from './dto/exchange-document.schemas';
import { DocumentReader, ImportRecord, inDocumentOrder } from './import-document';
import { checkIntegrity, DatabaseFacts, DatabaseLookups, lookupsFor, OrganizationFacts } from './import-integrity';
import { ImportStaging } from './import-staging';
import { readExchangeStream } from './import-stream';

export interface ImportResult {
  /** Subject id of the import's own history entry. */
  importId: string;
  imported: Record<ExchangeCollection, number>;
  /** Users imported without a password: inactive until an administrator sets one (PATCH /users/:id). */
  inactiveUsers: number;
  /** (State, year) reference counters raised so new requests continue after the imported references. */
  referenceCounters: number;
}

/** The most problems one answer lists; the message says how many there are in all. */
export const MAX_LISTED_ISSUES = 200;

/** `POST /api/v1/import` takes a whole register, read as it arrives; every other route keeps BODY_LIMIT (1mb). */
export const IMPORT_BODY_LIMIT_BYTES = 50 * 1024 * 1024;

/** Not a hash of any password: `verifyPassword` refuses it, so nobody can sign in until a password is set. */
export const UNUSABLE_PASSWORD_HASH = '!imported-without-password';

// PostgreSQL takes at most 65,535 parameters per statement.
const MAX_PARAMS = 60_000;
const MAX_ROWS_PER_INSERT = 1_000;

type StagedRecords = { [C in ExchangeCollection]: C extends 'users' ? UserRow : ImportRecord<C> };

type Columns<T> = readonly (readonly [column: string, value: (record: T) => unknown])[];
const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

const ORGANIZATION_COLUMNS: Columns<ExchangeOrganization> = [
  ['id', (o) => o.id],
  ['name', (o) => o.name],
  ['short_name', (o) => o.shortName],
  ['kind', (o) => o.kind],
  ['state', (o) => o.state],
  ['contact_email', (o) => o.contactEmail],
  ['active', (o) => o.active],
  ['version', (o) => o.version],
  ['created_at', (o) => o.createdAt],
  ['updated_at', (o) => o.updatedAt],
];

/** A user as staged: the password hashed on arrival, never stored as sent. */
type UserRow = Omit<ExchangeUser, 'password'> & { passwordHash: string };
const USER_COLUMNS: Columns<UserRow> = [
  ['id', (u) => u.id],
  ['email', (u) => u.email],
  ['display_name', (u) => u.displayName],
  ['role', (u) => u.role],
  ['organization_id', (u) => u.organizationId],
  ['password_hash', (u) => u.passwordHash],
  // Without a password nobody could sign in anyway; inactive says so in the user list.
  ['active', (u) => u.active && u.passwordHash !== UNUSABLE_PASSWORD_HASH],
  ['preferred_language', (u) => u.preferredLanguage],
  ['last_login_at', (u) => u.lastLoginAt],
  ['version', (u) => u.version],
  ['created_at', (u) => u.createdAt],
  ['updated_at', (u) => u.updatedAt],
];

const REQUEST_COLUMNS: Columns<ExchangeRequest> = [
  ['id', (r) => r.id],
  ['reference', (r) => r.reference],
  ['state', (r) => r.state],
  ['organization_id', (r) => r.organizationId],
  ['created_by_id', (r) => r.createdById],
  ['title', (r) => r.title],
  ['description', (r) => r.description],
  ['provisions', (r) => r.provisions],
  ['domains', (r) => r.domains],
  ['assistance_types', (r) => r.assistanceTypes],
  ['target_institutions', (r) => r.targetInstitutions],
  ['priority', (r) => r.priority],
  ['estimated_cost_amount', (r) => r.estimatedCost?.amount ?? null],
  ['estimated_cost_currency', (r) => r.estimatedCost?.currency ?? null],
  ['desired_start', (r) => r.desiredStart],
  ['desired_end', (r) => r.desiredEnd],
  ['languages', (r) => r.languages],
  ['preferred_provider_ids', (r) => r.preferredProviderIds],
  ['assistance_received', (r) => r.assistanceReceived],
  ['nap_reference', (r) => r.napReference],
  ['letter_date', (r) => r.letterDate],
  ['visibility', (r) => r.visibility],
  ['objection_window_waived', (r) => r.objectionWindowWaived],
  ['status', (r) => r.status],
  ['close_reason', (r) => r.closeReason],
  ['submitted_at', (r) => r.submittedAt],
  ['acknowledged_at', (r) => r.acknowledgedAt],
  ['circulated_at', (r) => r.circulatedAt],
  ['matched_at', (r) => r.matchedAt],
  ['delivery_started_at', (r) => r.deliveryStartedAt],
  ['delivered_at', (r) => r.deliveredAt],
  ['closed_at', (r) => r.closedAt],
  ['withdrawn_at', (r) => r.withdrawnAt],
  ['ready_for_coordinator_at', (r) => r.readyForCoordinatorAt],
  ['version', (r) => r.version],
  ['created_at', (r) => r.createdAt],
  ['updated_at', (r) => r.updatedAt],
];

const OFFER_COLUMNS: Columns<ExchangeOffer> = [
  ['id', (o) => o.id],
  ['organization_id', (o) => o.organizationId],
  ['created_by_id', (o) => o.createdById],
  ['title', (o) => o.title],
  ['description', (o) => o.description],
  ['programme', (o) => o.programme],
  ['provisions', (o) => o.provisions],
  ['domains', (o) => o.domains],
  ['assistance_types', (o) => o.assistanceTypes],
  ['target_institutions', (o) => o.targetInstitutions],
  ['eligible_regions', (o) => o.eligibleRegions],
  ['eligible_states', (o) => o.eligibleStates],
  ['delivery_modes', (o) => o.deliveryModes],
  ['languages', (o) => o.languages],
  ['capacity_engagements', (o) => o.capacity.engagements],
  ['capacity_budget_amount', (o) => o.capacity.budget?.amount ?? null],
  ['capacity_budget_currency', (o) => o.capacity.budget?.currency ?? null],
  ['engagements_used', (o) => o.capacity.engagementsUsed],
  ['available_from', (o) => o.availableFrom],
  ['available_until', (o) => o.availableUntil],
  ['status', (o) => o.status],
  ['submitted_at', (o) => o.submittedAt],
  ['verified_at', (o) => o.verifiedAt],
  ['closed_at', (o) => o.closedAt],
  ['version', (o) => o.version],
  ['created_at', (o) => o.createdAt],
  ['updated_at', (o) => o.updatedAt],
];

const MATCH_COLUMNS: Columns<ExchangeMatch> = [
  ['id', (m) => m.id],
  ['request_id', (m) => m.requestId],
  ['offer_id', (m) => m.offerId],
  ['score', (m) => m.score],
  ['components', (m) => json(m.components)],
  ['reason', (m) => m.reason],
  ['engine_version', (m) => m.engineVersion],
  ['weights_version', (m) => m.weightsVersion],
  ['scored_at', (m) => m.scoredAt],
  ['origin', (m) => m.origin],
  ['status', (m) => m.status],
  ['notes', (m) => m.notes],
  ['created_by_id', (m) => m.createdById],
  ['endorsed_at', (m) => m.endorsedAt],
  ['answered_at', (m) => m.answeredAt],
  ['agreed_at', (m) => m.agreedAt],
  ['completed_at', (m) => m.completedAt],
  ['decline_reason', (m) => m.declineReason],
  ['requester_rating', (m) => m.requesterRating],
  ['requester_comment', (m) => m.requesterComment],
  ['provider_rating', (m) => m.providerRating],
  ['provider_comment', (m) => m.providerComment],
  ['retired_reason', (m) => m.retiredReason],
  ['delivered_from', (m) => m.deliveredFrom],
  ['delivered_until', (m) => m.deliveredUntil],
  ['participants', (m) => m.participants],
  ['deliverables', (m) => m.deliverables],
  ['version', (m) => m.version],
  ['created_at', (m) => m.createdAt],
  ['updated_at', (m) => m.updatedAt],
];

const HISTORY_COLUMNS: Columns<ExchangeHistoryEntry> = [
  ['id', (h) => h.id],
  ['subject_type', (h) => h.subjectType],
  ['subject_id', (h) => h.subjectId],
  ['action', (h) => h.action],
  ['from_status', (h) => h.fromStatus],
  ['to_status', (h) => h.toStatus],
  ['actor_id', (h) => h.actorId],
  ['actor_role', (h) => h.actorRole],
  ['comment', (h) => h.comment],
  ['reason', (h) => h.reason],
  ['details', (h) => json(h.details)],
  ['created_at', (h) => h.createdAt],
];

@Injectable()
export class ExchangeImportService {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Reads the document from the request as it arrives and checks every record, then inserts the whole
   * document in one transaction, or nothing. Ids and times are kept; a record whose id exists already is
   * refused (import fills an empty or different database, it does not merge). Memory holds one record and the
   * few facts the checks between records need; the records wait in a staging table of the transaction.
   */
  async importDocument(user: AuthUser, body: IncomingMessage): Promise<ImportResult> {
    return this.uow.run(user, async (tx) => {
      const staging = await ImportStaging.create(tx.manager);
      const reader = new DocumentReader(MAX_LISTED_ISSUES);
      let inactiveUsers = 0;
      const top = await readExchangeStream(body, IMPORT_BODY_LIMIT_BYTES, async (collection, index, raw) => {
        if (index >= MAX_RECORDS) throw invalidInput([{ path: [collection], message: `must have at most ${MAX_RECORDS} records` }]);
        const record = reader.read(collection, index, raw);
        // After the first problem nothing will be inserted: the rest is only checked.
        if (!record || reader.issueCount) return;
        if (collection !== 'users') return staging.add(collection, record);
        const { password, ...rest } = record as ExchangeUser;
        if (password === undefined) inactiveUsers++;
        await staging.add('users', { ...rest, passwordHash: password === undefined ? UNUSABLE_PASSWORD_HASH : await hashPassword(password) });
      });
      // The outer shape first, as the route's schema checked it when the body was parsed whole.
      const envelope = exchangeEnvelopeSchema.safeParse(top);
      if (!envelope.success) throw invalidInput(envelope.error.issues);

      // Each record's own problems and those between records, all of them, so one answer lists everything to fix.
      const facts = await databaseFacts(tx.manager, lookupsFor(reader.records));
      const between = checkIntegrity(reader, facts);
      if (reader.issueCount || between.length) {
        throw invalidDocument(inDocumentOrder([...reader.issues, ...between]), reader.issueCount + between.length);
      }

      const insert = async <C extends ExchangeCollection>(collection: C, table: string, columns: Columns<StagedRecords[C]>) => {
        for await (const batch of staging.batches<StagedRecords[C]>(collection)) await insertRows(tx.manager, table, columns, batch);
      };
      await insert('organizations', 'organizations', ORGANIZATION_COLUMNS);
      await insert('users', 'users', USER_COLUMNS);
      await insert('requests', 'assistance_requests', REQUEST_COLUMNS);
      await insert('offers', 'assistance_offers', OFFER_COLUMNS);
      await insert('matches', 'matches', MATCH_COLUMNS);
      await insert('history', 'history_entries', HISTORY_COLUMNS);
      const referenceCounters = await raiseReferenceCounters(tx.manager, reader.records.requests.filter((r) => r !== null));

      const imported = Object.fromEntries(
        Object.entries(reader.records).map(([collection, records]) => [collection, records.length]),
      ) as Record<ExchangeCollection, number>;
      const importId = randomUUID();
      const { format, formatVersion, exportedAt } = envelope.data;
      await tx.audit({
        subjectType: 'import',
        subjectId: importId,
        action: 'import',
        details: { format, formatVersion, exportedAt: exportedAt ?? null, imported, inactiveUsers, referenceCounters },
      });
      return { importId, imported, inactiveUsers, referenceCounters };
    });
  }
}

/** Record problems beyond the listed ones are counted, not kept: `total` is how many there are in all. */
function invalidDocument(issues: FieldIssue[], total: number): DomainError {
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  const count = total === 1 ? 'one problem' : `${total} problems`;
  const more = total > listed.length ? ` The first ${listed.length} are listed.` : '';
  return new DomainError(
    'invalid',
    `The document has ${count}; nothing was imported.${more} First: ${listed[0].field}: ${listed[0].message}`,
    listed,
  );
}
/** What the database already holds of the ids and keys the document mentions: a few set queries, not one per record. */
async function databaseFacts(manager: EntityManager, look: DatabaseLookups): Promise<DatabaseFacts> {
  const column = async (sql: string, values: string[]): Promise<Set<string>> =>
    new Set(values.length ? (await manager.query<{ v: string }[]>(sql, [values])).map((r) => r.v) : []);
  const ids = (table: string, values: string[]) =>
    column(`SELECT id::text AS v FROM ${table} WHERE id = ANY($1::uuid[])`, values);

  const orgRows: ({ id: string } & OrganizationFacts)[] = look.ids.organizations.length
    ? await manager.query('SELECT id::text AS id, kind, state FROM organizations WHERE id = ANY($1::uuid[])', [
        look.ids.organizations,
      ])
    : [];
  return {
    ids: {
      organizations: new Set(orgRows.map((o) => o.id)),
      users: await ids('users', look.ids.users),
      requests: await ids('assistance_requests', look.ids.requests),
      offers: await ids('assistance_offers', look.ids.offers),
      matches: await ids('matches', look.ids.matches),
      history: await ids('history_entries', look.ids.history),
    },
    organizations: new Map(orgRows.map(({ id, kind, state }) => [id, { kind, state }])),
    organizationNames: await column(
      'SELECT name AS v FROM organizations WHERE name = ANY($1::text[])',
      look.organizationNames,
    ),
    emails: await column('SELECT email AS v FROM users WHERE email = ANY($1::text[])', look.emails),
    references: await column(
      'SELECT reference AS v FROM assistance_requests WHERE reference = ANY($1::text[])',
      look.references,
    ),
    matchPairs: await column(
      `SELECT request_id::text || '|' || offer_id::text AS v FROM matches WHERE request_id = ANY($1::uuid[])`,
      look.matchRequestIds,
    ),
  };
}

/** Multi-row INSERTs in chunks that stay under PostgreSQL's parameter limit. */
async function insertRows<T>(
  manager: EntityManager,
  table: string,
  columns: Columns<T>,
  records: readonly T[],
): Promise<void> {
  const perInsert = Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS / columns.length));
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  for (let start = 0; start < records.length; start += perInsert) {
    const params: unknown[] = [];
    const tuples = records.slice(start, start + perInsert).map((record) => {
      const placeholders = columns.map(([, value]) => {
        params.push(value(record));
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}`, params);
  }
}

/** New requests must continue after the imported references: each (State, year) counter goes to its highest sequence. */
async function raiseReferenceCounters(manager: EntityManager, requests: readonly Pick<ExchangeRequest, 'reference'>[]): Promise<number> {
  const highest = new Map<string, { state: string; year: number; last: number }>();
  for (const r of requests) {
    const ref = parseRequestReference(r.reference)!;
    const key = `${ref.state}-${ref.year}`;
    if ((highest.get(key)?.last ?? 0) < ref.seq) highest.set(key, { state: ref.state, year: ref.year, last: ref.seq });
  }
  const rows = [...highest.values()];
  if (!rows.length) return 0;
  await manager.query(
    `INSERT INTO request_reference_counters (state, year, last)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
     ON CONFLICT (state, year) DO UPDATE SET last = GREATEST(request_reference_counters.last, EXCLUDED.last)`,
    [rows.map((r) => r.state), rows.map((r) => r.year), rows.map((r) => r.last)],
  );
  return rows.length;
}
