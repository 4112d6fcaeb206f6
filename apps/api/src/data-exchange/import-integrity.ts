import type { FieldIssue } from '@app/common';
import { type OrganizationKind, roleAllowedForKind } from '@app/domain';
import type { ExchangeCollection } from './dto/exchange-document.schemas';
import type { ReadDocument, ReadRecords } from './import-document';

/**
 * The rules between records of an import (each record was validated on its own before): ids are new and
 * distinct, unique keys stay unique, and every reference names a record of the document or of the database.
 * Records that failed their own schema are null here and skipped (they are reported already), but their ids
 * still count as declared. Pure: the service looks up what the database already has and passes it in.
 */

export interface OrganizationFacts {
  kind: OrganizationKind;
  state: string | null;
}

/** What the database holds, restricted to the ids and keys the document mentions. */
export interface DatabaseFacts {
  /** Ids of each table that exist already. */
  ids: Record<ExchangeCollection, ReadonlySet<string>>;
  /** Kind and State of the existing organisations the document mentions. */
  organizations: ReadonlyMap<string, OrganizationFacts>;
  organizationNames: ReadonlySet<string>;
  emails: ReadonlySet<string>;
  references: ReadonlySet<string>;
  /** `${requestId}|${offerId}` of existing matches. */
  matchPairs: ReadonlySet<string>;
}

export interface DatabaseLookups {
  ids: Record<ExchangeCollection, string[]>;
  organizationNames: string[];
  emails: string[];
  references: string[];
  matchRequestIds: string[];
}

// History subjects the import can check; other subject types (e.g. a weights profile, an import) are kept as they are.
const SUBJECT_TABLES: Record<string, Exclude<ExchangeCollection, 'history'>> = {
  organization: 'organizations',
  user: 'users',
  request: 'requests',
  offer: 'offers',
  match: 'matches',
};

const NOUN: Record<ExchangeCollection, string> = {
  organizations: 'organisation',
  users: 'user',
  requests: 'request',
  offers: 'offer',
  matches: 'match',
  history: 'history entry',
};

const valid = <T>(records: (T | null)[]): T[] => records.filter((r): r is T => r !== null);

function validRecords(records: ReadRecords) {
  return {
    organizations: valid(records.organizations),
    users: valid(records.users),
    requests: valid(records.requests),
    offers: valid(records.offers),
    matches: valid(records.matches),
    history: valid(records.history),
  };
}

/** Every id and key the database must be asked about to check the document. */
export function lookupsFor(records: ReadRecords): DatabaseLookups {
  const doc = validRecords(records);
  const ids: Record<ExchangeCollection, Set<string>> = {
    organizations: new Set(doc.organizations.map((o) => o.id)),
    users: new Set(doc.users.map((u) => u.id)),
    requests: new Set(doc.requests.map((r) => r.id)),
    offers: new Set(doc.offers.map((o) => o.id)),
    matches: new Set(doc.matches.map((m) => m.id)),
    history: new Set(doc.history.map((h) => h.id)),
  };
  const add = (table: ExchangeCollection, id: string | null) => id && ids[table].add(id);
  for (const u of doc.users) add('organizations', u.organizationId);
  for (const r of doc.requests) {
    add('organizations', r.organizationId);
    add('users', r.createdById);
    r.preferredProviderIds.forEach((p) => add('organizations', p));
  }
  for (const o of doc.offers) {
    add('organizations', o.organizationId);
    add('users', o.createdById);
  }
  for (const m of doc.matches) {
    add('requests', m.requestId);
    add('offers', m.offerId);
    add('users', m.createdById);
  }
  for (const h of doc.history) {
    add('users', h.actorId);
    const table = SUBJECT_TABLES[h.subjectType];
    if (table) add(table, h.subjectId);
  }
  return {
    ids: Object.fromEntries(Object.entries(ids).map(([t, s]) => [t, [...s]])) as Record<ExchangeCollection, string[]>,
    organizationNames: doc.organizations.map((o) => o.name),
    emails: doc.users.map((u) => u.email),
    references: doc.requests.map((r) => r.reference),
    matchRequestIds: [...new Set(doc.matches.map((m) => m.requestId))],
  };
}

/** Every cross-record problem, each naming the record's index and field. Empty when the document may be imported. */
export function checkIntegrity(
  { records: doc, declaredIds }: Pick<ReadDocument, 'records' | 'declaredIds'>,
  db: DatabaseFacts,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (table: ExchangeCollection, index: number, field: string, message: string) =>
    issues.push({ field: `${table}[${index}].${field}`, message });

  // Ids: new, and distinct within their collection. Index of the first record with each id, per collection.
  const firstIndex = {} as Record<ExchangeCollection, Map<string, number>>;
  for (const table of Object.keys(NOUN) as ExchangeCollection[]) {
    firstIndex[table] = new Map();
    (doc[table] as ({ id: string } | null)[]).forEach((record, i) => {
      if (!record) return;
      const first = firstIndex[table].get(record.id);
      if (first !== undefined) issue(table, i, 'id', `repeats the id of ${table}[${first}]`);
      else firstIndex[table].set(record.id, i);
      if (db.ids[table].has(record.id)) {
        issue(
          table,
          i,
          'id',
          `a ${NOUN[table]} with this id exists in the database already; import adds records to an empty or different database, it does not update or merge`,
        );
      }
    });
  }

  const unique = (
    table: ExchangeCollection,
    field: string,
    keys: (string | null)[],
    taken: ReadonlySet<string>,
    what: string,
  ) => {
    const seen = new Map<string, number>();
    keys.forEach((key, i) => {
      if (key === null) return;
      const first = seen.get(key);
      if (first !== undefined) issue(table, i, field, `repeats the ${what} of ${table}[${first}]`);
      else seen.set(key, i);
      if (taken.has(key)) issue(table, i, field, `a ${NOUN[table]} with this ${what} exists in the database already`);
    });
  };
  unique(
    'organizations',
    'name',
    doc.organizations.map((o) => o?.name ?? null),
    db.organizationNames,
    'name',
  );
  unique(
    'users',
    'email',
    doc.users.map((u) => u?.email ?? null),
    db.emails,
    'e-mail address',
  );
  unique(
    'requests',
    'reference',
    doc.requests.map((r) => r?.reference ?? null),
    db.references,
    'reference',
  );
  unique(
    'matches',
    'offerId',
    doc.matches.map((m) => (m ? `${m.requestId}|${m.offerId}` : null)),
    db.matchPairs,
    'request and offer',
  );

  const docOrgs = new Map(valid(doc.organizations).map((o) => [o.id, { kind: o.kind, state: o.state }]));
  const exists = (table: ExchangeCollection, id: string) => declaredIds[table].has(id) || db.ids[table].has(id);
  // Facts of a valid organisation; null for one that exists but whose record is invalid (no rule can be checked).
  const organization = (id: string): OrganizationFacts | null | undefined =>
    docOrgs.get(id) ?? db.organizations.get(id) ?? (exists('organizations', id) ? null : undefined);
  const missing = (table: ExchangeCollection) => `names no ${NOUN[table]} of the document or the database`;

  doc.users.forEach((u, i) => {
    if (!u) return;
    const org = organization(u.organizationId);
    if (org === undefined) issue('users', i, 'organizationId', missing('organizations'));
    else if (org && !roleAllowedForKind(u.role, org.kind))
      issue('users', i, 'role', `a ${u.role} cannot belong to a ${org.kind} organisation`);
  });

  doc.requests.forEach((r, i) => {
    if (!r) return;
    const org = organization(r.organizationId);
    if (org === undefined) issue('requests', i, 'organizationId', missing('organizations'));
    else if (org && (org.kind !== 'state_agency' || org.state !== r.state)) {
      issue('requests', i, 'organizationId', `must name a State agency of ${r.state}`);
    }
    if (r.createdById && !exists('users', r.createdById)) issue('requests', i, 'createdById', missing('users'));
    r.preferredProviderIds.forEach((p, j) => {
      const provider = organization(p);
      if (provider === undefined) issue('requests', i, `preferredProviderIds[${j}]`, missing('organizations'));
      else if (provider && provider.kind !== 'provider')
        issue('requests', i, `preferredProviderIds[${j}]`, `must name a provider organisation, not a ${provider.kind}`);
    });
  });

  doc.offers.forEach((o, i) => {
    if (!o) return;
    const org = organization(o.organizationId);
    if (org === undefined) issue('offers', i, 'organizationId', missing('organizations'));
    else if (org && org.kind !== 'provider')
      issue('offers', i, 'organizationId', `must name a provider organisation, not a ${org.kind}`);
    if (o.createdById && !exists('users', o.createdById)) issue('offers', i, 'createdById', missing('users'));
  });

  doc.matches.forEach((m, i) => {
    if (!m) return;
    if (!exists('requests', m.requestId)) issue('matches', i, 'requestId', missing('requests'));
    if (!exists('offers', m.offerId)) issue('matches', i, 'offerId', missing('offers'));
    if (m.createdById && !exists('users', m.createdById)) issue('matches', i, 'createdById', missing('users'));
  });

  doc.history.forEach((h, i) => {
    if (!h) return;
    if (h.actorId && !exists('users', h.actorId)) issue('history', i, 'actorId', missing('users'));
    const table = SUBJECT_TABLES[h.subjectType];
    if (table && !exists(table, h.subjectId)) issue('history', i, 'subjectId', missing(table));
  });

  return issues;
}
