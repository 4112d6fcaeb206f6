import type { FieldIssue } from '@app/common';
import { type OrganizationKind, roleAllowedForKind } from '@app/domain';
import type { ImportDocument } from './dto/exchange-document.schemas';

/**
 * The rules between records of an import (each record was validated on its own before): ids are new and
 * distinct, unique keys stay unique, and every reference names a record of the document or of the database.
 * Pure: the service looks up what the database already has (`lookups`) and passes it in.
 */

export type ExchangeTable = 'organizations' | 'users' | 'requests' | 'offers' | 'matches' | 'history';

export interface OrganizationFacts {
  kind: OrganizationKind;
  state: string | null;
}

/** What the database holds, restricted to the ids and keys the document mentions. */
export interface DatabaseFacts {
  /** Ids of each table that exist already. */
  ids: Record<ExchangeTable, ReadonlySet<string>>;
  /** Kind and State of the existing organisations the document mentions. */
  organizations: ReadonlyMap<string, OrganizationFacts>;
  organizationNames: ReadonlySet<string>;
  emails: ReadonlySet<string>;
  references: ReadonlySet<string>;
  /** `${requestId}|${offerId}` of existing matches. */
  matchPairs: ReadonlySet<string>;
}

export interface DatabaseLookups {
  ids: Record<ExchangeTable, string[]>;
  organizationNames: string[];
  emails: string[];
  references: string[];
  matchRequestIds: string[];
}

// History subjects the import can check; other subject types (e.g. a weights profile, an import) are kept as they are.
const SUBJECT_TABLES: Record<string, Exclude<ExchangeTable, 'history'>> = {
  organization: 'organizations',
  user: 'users',
  request: 'requests',
  offer: 'offers',
  match: 'matches',
};

const NOUN: Record<ExchangeTable, string> = {
  organizations: 'organisation',
  users: 'user',
  requests: 'request',
  offers: 'offer',
  matches: 'match',
  history: 'history entry',
};

/** Every id and key the database must be asked about to check `doc`. */
export function lookupsFor(doc: ImportDocument): DatabaseLookups {
  const ids: Record<ExchangeTable, Set<string>> = {
    organizations: new Set(doc.organizations.map((o) => o.id)),
    users: new Set(doc.users.map((u) => u.id)),
    requests: new Set(doc.requests.map((r) => r.id)),
    offers: new Set(doc.offers.map((o) => o.id)),
    matches: new Set(doc.matches.map((m) => m.id)),
    history: new Set(doc.history.map((h) => h.id)),
  };
  const add = (table: ExchangeTable, id: string | null) => id && ids[table].add(id);
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
    ids: Object.fromEntries(Object.entries(ids).map(([t, s]) => [t, [...s]])) as Record<ExchangeTable, string[]>,
    organizationNames: doc.organizations.map((o) => o.name),
    emails: doc.users.map((u) => u.email),
    references: doc.requests.map((r) => r.reference),
    matchRequestIds: [...new Set(doc.matches.map((m) => m.requestId))],
  };
}

/** Every cross-record problem of `doc`, each naming the record's index and field. Empty when it may be imported. */
export function checkIntegrity(doc: ImportDocument, db: DatabaseFacts): FieldIssue[] {
  const found: { table: ExchangeTable; index: number; field: string; message: string }[] = [];
  const issue = (table: ExchangeTable, index: number, field: string, message: string) => found.push({ table, index, field, message });

  // Ids: new, and distinct within their collection. Index of the first record with each id, per collection.
  const firstIndex = {} as Record<ExchangeTable, Map<string, number>>;
  for (const table of Object.keys(NOUN) as ExchangeTable[]) {
    firstIndex[table] = new Map();
    (doc[table] as { id: string }[]).forEach((record, i) => {
      const first = firstIndex[table].get(record.id);
      if (first !== undefined) issue(table, i, 'id', `repeats the id of ${table}[${first}]`);
      else firstIndex[table].set(record.id, i);
      if (db.ids[table].has(record.id)) {
        issue(table, i, 'id', `a ${NOUN[table]} with this id exists in the database already; import adds records to an empty or different database, it does not update or merge`);
      }
    });
  }

  const unique = (table: ExchangeTable, field: string, keys: string[], taken: ReadonlySet<string>, what: string) => {
    const seen = new Map<string, number>();
    keys.forEach((key, i) => {
      const first = seen.get(key);
      if (first !== undefined) issue(table, i, field, `repeats the ${what} of ${table}[${first}]`);
      else seen.set(key, i);
      if (taken.has(key)) issue(table, i, field, `a ${NOUN[table]} with this ${what} exists in the database already`);
    });
  };
  unique('organizations', 'name', doc.organizations.map((o) => o.name), db.organizationNames, 'name');
  unique('users', 'email', doc.users.map((u) => u.email), db.emails, 'e-mail address');
  unique('requests', 'reference', doc.requests.map((r) => r.reference), db.references, 'reference');
  unique('matches', 'offerId', doc.matches.map((m) => `${m.requestId}|${m.offerId}`), db.matchPairs, 'request and offer');

  const docOrgs = new Map(doc.organizations.map((o) => [o.id, { kind: o.kind, state: o.state }]));
  const organization = (id: string): OrganizationFacts | undefined => docOrgs.get(id) ?? db.organizations.get(id);
  const exists = (table: ExchangeTable, id: string) => firstIndex[table].has(id) || db.ids[table].has(id);
  const missing = (table: ExchangeTable) => `names no ${NOUN[table]} of the document or the database`;

  doc.users.forEach((u, i) => {
    const org = organization(u.organizationId);
    if (!org) issue('users', i, 'organizationId', missing('organizations'));
    else if (!roleAllowedForKind(u.role, org.kind)) issue('users', i, 'role', `a ${u.role} cannot belong to a ${org.kind} organisation`);
  });

  doc.requests.forEach((r, i) => {
    const org = organization(r.organizationId);
    if (!org) issue('requests', i, 'organizationId', missing('organizations'));
    else if (org.kind !== 'state_agency' || org.state !== r.state) {
      issue('requests', i, 'organizationId', `must name a State agency of ${r.state}`);
    }
    if (r.createdById && !exists('users', r.createdById)) issue('requests', i, 'createdById', missing('users'));
    r.preferredProviderIds.forEach((p, j) => {
      const provider = organization(p);
      if (!provider) issue('requests', i, `preferredProviderIds[${j}]`, missing('organizations'));
      else if (provider.kind !== 'provider') issue('requests', i, `preferredProviderIds[${j}]`, `must name a provider organisation, not a ${provider.kind}`);
    });
  });

  doc.offers.forEach((o, i) => {
    const org = organization(o.organizationId);
    if (!org) issue('offers', i, 'organizationId', missing('organizations'));
    else if (org.kind !== 'provider') issue('offers', i, 'organizationId', `must name a provider organisation, not a ${org.kind}`);
    if (o.createdById && !exists('users', o.createdById)) issue('offers', i, 'createdById', missing('users'));
  });

  doc.matches.forEach((m, i) => {
    if (!exists('requests', m.requestId)) issue('matches', i, 'requestId', missing('requests'));
    if (!exists('offers', m.offerId)) issue('matches', i, 'offerId', missing('offers'));
    if (m.createdById && !exists('users', m.createdById)) issue('matches', i, 'createdById', missing('users'));
  });

  doc.history.forEach((h, i) => {
    if (h.actorId && !exists('users', h.actorId)) issue('history', i, 'actorId', missing('users'));
    const table = SUBJECT_TABLES[h.subjectType];
    if (table && !exists(table, h.subjectId)) issue('history', i, 'subjectId', missing(table));
  });

  // Record by record, in document order, as a person would fix them.
  const order = Object.keys(NOUN);
  return found
    .sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table) || a.index - b.index)
    .map((f) => ({ field: `${f.table}[${f.index}].${f.field}`, message: f.message }));
}
