import { type FieldIssue, localizedIssue } from '@app/common';
import type { MessageParams } from '@app/i18n';
import { type OrganizationKind, roleAllowedForKind } from '@app/domain';
import type { ExchangeCollection } from '@app/contracts';
import type { ReadDocument, ReadRecords, RecordFacts } from './import-document';

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
  /** `${owner}|${ownerKey}` of existing contact lists. */
  contactOwners: ReadonlySet<string>;
  engagementSeedKeys: ReadonlySet<string>;
  /** `${planId}|${revision}` of existing plan versions. */
  planRevisions: ReadonlySet<string>;
}

export interface DatabaseLookups {
  ids: Record<ExchangeCollection, string[]>;
  organizationNames: string[];
  emails: string[];
  references: string[];
  matchRequestIds: string[];
  contactOwners: string[];
  engagementSeedKeys: string[];
  versionPlanIds: string[];
}

// History subjects the import can check; other subject types (e.g. a weights profile, an import) are kept as they are.
const SUBJECT_TABLES: Record<string, Exclude<ExchangeCollection, 'history'>> = {
  organization: 'organizations',
  user: 'users',
  request: 'requests',
  offer: 'offers',
  match: 'matches',
  action_plan: 'actionPlans',
  action_plan_item: 'actionPlanItems',
  engagement: 'engagements',
  contact_list: 'contactLists',
};

// What a document hangs on (DOCUMENT_PARENT_TYPES) and a thread belongs to.
const PARENT_TABLES: Record<string, Exclude<ExchangeCollection, 'history'>> = {
  request: 'requests',
  offer: 'offers',
  match: 'matches',
  action_plan: 'actionPlans',
  action_plan_item: 'actionPlanItems',
  engagement: 'engagements',
};

// A record of each collection by name, in the catalogues (`errors.import.records.*`).
const NOUN: Record<ExchangeCollection, string> = {
  organizations: 'errors.import.records.organizations',
  users: 'errors.import.records.users',
  contactLists: 'errors.import.records.contactLists',
  engagements: 'errors.import.records.engagements',
  engagementFollowUps: 'errors.import.records.engagementFollowUps',
  actionPlans: 'errors.import.records.actionPlans',
  actionPlanVersions: 'errors.import.records.actionPlanVersions',
  actionPlanItems: 'errors.import.records.actionPlanItems',
  requests: 'errors.import.records.requests',
  offers: 'errors.import.records.offers',
  matches: 'errors.import.records.matches',
  actionPlanItemNotes: 'errors.import.records.actionPlanItemNotes',
  actionPlanItemInterests: 'errors.import.records.actionPlanItemInterests',
  engagementPrioritisations: 'errors.import.records.engagementPrioritisations',
  documents: 'errors.import.records.documents',
  threadMessages: 'errors.import.records.threadMessages',
  history: 'errors.import.records.history',
};
const COLLECTIONS = Object.keys(NOUN) as ExchangeCollection[];

const valid = <T>(records: (T | null)[]): T[] => records.filter((r): r is T => r !== null);

type ValidRecords = { [C in ExchangeCollection]: RecordFacts[C][] };
function validRecords(records: ReadRecords): ValidRecords {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, valid(records[c] as unknown[])])) as ValidRecords;
}

type Reference = [table: ExchangeCollection, field: string, id: string | null | undefined];
const parties = (list: readonly { organizationId: string | null }[], field: string): Reference[] =>
  list.map((p, j) => ['organizations', `${field}[${j}].organizationId`, p.organizationId]);
const each = (table: ExchangeCollection, field: string, ids: readonly string[]): Reference[] =>
  ids.map((id, j) => [table, `${field}[${j}]`, id]);

const REFERENCES: { [C in ExchangeCollection]: (record: RecordFacts[C]) => Reference[] } = {
  organizations: () => [],
  users: (u) => [['organizations', 'organizationId', u.organizationId]],
  contactLists: (c) => [
    ['users', 'updatedById', c.updatedById],
    ...(c.owner === 'organization' ? ([['organizations', 'ownerKey', c.ownerKey]] as Reference[]) : []),
  ],
  engagements: (e) => [['users', 'createdById', e.createdById], ...parties(e.organisers, 'organisers'), ...parties(e.participants, 'participants')],
  engagementFollowUps: (f) => [
    ['engagements', 'engagementId', f.engagementId],
    ['users', 'ownerUserId', f.ownerUserId],
    ['organizations', 'ownerOrganizationId', f.ownerOrganizationId],
  ],
  actionPlans: (p) => [
    ['organizations', 'organizationId', p.organizationId],
    ['users', 'createdById', p.createdById],
  ],
  actionPlanVersions: (v) => [
    ['actionPlans', 'planId', v.planId],
    ['engagements', 'engagementId', v.engagementId],
    ['users', 'createdById', v.createdById],
  ],
  actionPlanItems: (i) => [
    ['actionPlans', 'planId', i.planId],
    ['organizations', 'leadAgencyId', i.leadAgencyId],
    ...each('organizations', 'partnerAgencyIds', i.partnerAgencyIds),
    ['users', 'prioritisedById', i.prioritisedById],
    ['engagements', 'prioritisedInEngagementId', i.prioritisedInEngagementId],
    ['users', 'createdById', i.createdById],
  ],
  requests: (r) => [
    ['organizations', 'organizationId', r.organizationId],
    ['users', 'createdById', r.createdById],
    ...each('organizations', 'preferredProviderIds', r.preferredProviderIds),
    ['actionPlanItems', 'actionPlanItemId', r.actionPlanItemId],
    ['documents', 'objectionDocumentId', r.objectionDocumentId],
    ['documents', 'waiverDocumentId', r.waiverDocumentId],
  ],
  offers: (o) => [
    ['organizations', 'organizationId', o.organizationId],
    ['users', 'createdById', o.createdById],
  ],
  matches: (m) => [
    ['requests', 'requestId', m.requestId],
    ['offers', 'offerId', m.offerId],
    ['users', 'createdById', m.createdById],
  ],
  actionPlanItemNotes: (n) => [
    ['actionPlanItems', 'itemId', n.itemId],
    ['users', 'authorId', n.authorId],
    ['organizations', 'authorOrganizationId', n.authorOrganizationId],
  ],
  actionPlanItemInterests: (x) => [
    ['actionPlanItems', 'itemId', x.itemId],
    ['organizations', 'providerOrganizationId', x.providerOrganizationId],
    ['offers', 'offerId', x.offerId],
    ['engagements', 'engagementId', x.engagementId],
    ['matches', 'matchId', x.matchId],
    ['users', 'createdById', x.createdById],
  ],
  engagementPrioritisations: (p) => [
    ['engagements', 'engagementId', p.engagementId],
    ['actionPlans', 'actionPlanId', p.actionPlanId],
    ['users', 'decidedById', p.decidedById],
  ],
  documents: (d) => [
    [PARENT_TABLES[d.parentType], 'parentId', d.parentId],
    ['users', 'uploadedById', d.uploadedById],
    ['organizations', 'organizationId', d.organizationId],
    ['users', 'removedById', d.removedById],
  ],
  threadMessages: (m) => [
    [PARENT_TABLES[m.threadType], 'threadId', m.threadId],
    ['users', 'authorId', m.authorId],
    ['organizations', 'authorOrganizationId', m.authorOrganizationId],
    ['documents', 'documentId', m.documentId],
  ],
  history: (h) => {
    const table = SUBJECT_TABLES[h.subjectType];
    return [['users', 'actorId', h.actorId], ...(table ? ([[table, 'subjectId', h.subjectId]] as Reference[]) : [])];
  },
};

/**
 * Every reference of a record: the collection it must name a record of, and the field naming it. One table for
 * the database look-ups and the checks, so a reference cannot be looked up and left unchecked.
 */
const referencesOf = <C extends ExchangeCollection>(collection: C, record: RecordFacts[C]): Reference[] =>
  REFERENCES[collection](record);

/** Every id and key the database must be asked about to check the document. */
export function lookupsFor(records: ReadRecords): DatabaseLookups {
  const doc = validRecords(records);
  const ids = Object.fromEntries(
    COLLECTIONS.map((c) => [c, new Set((doc[c] as { id: string }[]).map((r) => r.id))]),
  ) as Record<ExchangeCollection, Set<string>>;
  for (const collection of COLLECTIONS) {
    for (const record of doc[collection]) {
      for (const [table, , id] of referencesOf(collection, record)) if (id) ids[table].add(id);
    }
  }
  return {
    ids: Object.fromEntries(Object.entries(ids).map(([t, s]) => [t, [...s]])) as Record<ExchangeCollection, string[]>,
    organizationNames: doc.organizations.map((o) => o.name),
    emails: doc.users.map((u) => u.email),
    references: doc.requests.map((r) => r.reference),
    matchRequestIds: [...new Set(doc.matches.map((m) => m.requestId))],
    contactOwners: doc.contactLists.map((c) => `${c.owner}|${c.ownerKey}`),
    engagementSeedKeys: doc.engagements.flatMap((e) => (e.seedKey ? [e.seedKey] : [])),
    versionPlanIds: [...new Set(doc.actionPlanVersions.map((v) => v.planId))],
  };
}

/** Every cross-record problem, each naming the record's index and field. Empty when the document may be imported. */
export function checkIntegrity(
  { records: doc, declaredIds }: Pick<ReadDocument, 'records' | 'declaredIds'>,
  db: DatabaseFacts,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // Each problem in the catalogues' words (`errors.import.*`); `keys` names catalogue words, such as a record's noun.
  const issue = (table: ExchangeCollection, index: number, field: string, key: string, params: MessageParams = {}, keys?: Record<string, string>) =>
    issues.push(localizedIssue(`${table}[${index}].${field}`, key, params, keys));

  // Ids: new, and distinct within their collection. Index of the first record with each id, per collection.
  const firstIndex = {} as Record<ExchangeCollection, Map<string, number>>;
  for (const table of COLLECTIONS) {
    firstIndex[table] = new Map();
    (doc[table] as ({ id: string } | null)[]).forEach((record, i) => {
      if (!record) return;
      const first = firstIndex[table].get(record.id);
      if (first !== undefined) issue(table, i, 'id', 'errors.import.repeatsId', { record: `${table}[${first}]` });
      else firstIndex[table].set(record.id, i);
      if (db.ids[table].has(record.id)) {
        issue(table, i, 'id', 'errors.import.idExists', {}, { noun: NOUN[table] });
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
      if (first !== undefined) issue(table, i, field, 'errors.import.repeatsKey', { record: `${table}[${first}]` }, { what });
      else seen.set(key, i);
      if (taken.has(key)) issue(table, i, field, 'errors.import.keyExists', {}, { noun: NOUN[table], what });
    });
  };
  unique(
    'organizations',
    'name',
    doc.organizations.map((o) => o?.name ?? null),
    db.organizationNames,
    'errors.import.keys.name',
  );
  unique(
    'users',
    'email',
    doc.users.map((u) => u?.email ?? null),
    db.emails,
    'errors.import.keys.email',
  );
  unique(
    'requests',
    'reference',
    doc.requests.map((r) => r?.reference ?? null),
    db.references,
    'errors.import.keys.reference',
  );
  unique(
    'matches',
    'offerId',
    doc.matches.map((m) => (m ? `${m.requestId}|${m.offerId}` : null)),
    db.matchPairs,
    'errors.import.keys.requestAndOffer',
  );
  unique(
    'contactLists',
    'ownerKey',
    doc.contactLists.map((c) => (c ? `${c.owner}|${c.ownerKey}` : null)),
    db.contactOwners,
    'errors.import.keys.owner',
  );
  unique(
    'engagements',
    'seedKey',
    doc.engagements.map((e) => e?.seedKey ?? null),
    db.engagementSeedKeys,
    'errors.import.keys.seedKey',
  );
  unique(
    'actionPlanVersions',
    'revision',
    doc.actionPlanVersions.map((v) => (v ? `${v.planId}|${v.revision}` : null)),
    db.planRevisions,
    'errors.import.keys.planAndRevision',
  );
  unique(
    'actionPlanItemInterests',
    'offerId',
    doc.actionPlanItemInterests.map((x) => (x ? `${x.itemId}|${x.providerOrganizationId}|${x.offerId}` : null)),
    new Set(),
    'errors.import.keys.itemProviderAndOffer',
  );
  unique(
    'engagementPrioritisations',
    'bodyHash',
    doc.engagementPrioritisations.map((p) => (p ? `${p.engagementId}|${p.actionPlanId}|${p.bodyHash}` : null)),
    new Set(),
    'errors.import.keys.engagementPlanAndBody',
  );

  const docOrgs = new Map(valid(doc.organizations).map((o) => [o.id, { kind: o.kind, state: o.state }]));
  const exists = (table: ExchangeCollection, id: string) => declaredIds[table].has(id) || db.ids[table].has(id);
  // Facts of a valid organisation; null for one that exists but whose record is invalid (no rule can be checked).
  const organization = (id: string): OrganizationFacts | null | undefined =>
    docOrgs.get(id) ?? db.organizations.get(id) ?? (exists('organizations', id) ? null : undefined);

  // Every reference names a record of the document or of the database.
  for (const collection of COLLECTIONS) {
    (doc[collection] as (RecordFacts[typeof collection] | null)[]).forEach((record, i) => {
      if (!record) return;
      for (const [table, field, id] of referencesOf(collection, record)) {
        if (id && !exists(table, id)) issue(collection, i, field, 'errors.import.namesNo', {}, { noun: NOUN[table] });
      }
    });
  }

  // And of the right kind.
  doc.users.forEach((u, i) => {
    const org = u && organization(u.organizationId);
    if (u && org && !roleAllowedForKind(u.role, org.kind))
      issue('users', i, 'role', 'errors.import.roleNotForKind', { role: u.role, kind: org.kind }, { roleLabel: `labels.role.${u.role}`, kindLabel: `labels.organisationKind.${org.kind}` });
  });
  const stateAgency = (table: 'requests' | 'actionPlans', i: number, organizationId: string, state: string) => {
    const org = organization(organizationId);
    if (org && (org.kind !== 'state_agency' || org.state !== state)) {
      issue(table, i, 'organizationId', 'errors.import.stateAgencyOf', { state });
    }
  };
  const provider = (table: ExchangeCollection, i: number, field: string, id: string) => {
    const org = organization(id);
    if (org && org.kind !== 'provider') issue(table, i, field, 'errors.import.notAProvider', { kind: org.kind }, { kindLabel: `labels.organisationKind.${org.kind}` });
  };
  doc.requests.forEach((r, i) => {
    if (!r) return;
    stateAgency('requests', i, r.organizationId, r.state);
    r.preferredProviderIds.forEach((p, j) => provider('requests', i, `preferredProviderIds[${j}]`, p));
  });
  doc.actionPlans.forEach((p, i) => p && stateAgency('actionPlans', i, p.organizationId, p.state));
  doc.offers.forEach((o, i) => o && provider('offers', i, 'organizationId', o.organizationId));
  doc.actionPlanItemInterests.forEach(
    (x, i) => x && provider('actionPlanItemInterests', i, 'providerOrganizationId', x.providerOrganizationId),
  );

  return issues;
}
