import { randomUUID } from 'node:crypto';
import { MESSAGE_SOURCE, sayIn } from '@app/common';
import { EXCHANGE_COLLECTIONS, type ExchangeCollection } from '@app/contracts';
import { translator } from '@app/i18n';
import { actionPlan, actionPlanItem, envelope, historyEntry, match, offer, organization, readDocument, request, user } from './import-fixtures.helper';
import { inDocumentOrder } from './import-document';
import { checkIntegrity, DatabaseFacts, lookupsFor, OrganizationFacts } from './import-integrity';

const emptyDatabase = (overrides: Partial<DatabaseFacts> = {}): DatabaseFacts => ({
  ids: Object.fromEntries(Object.keys(EXCHANGE_COLLECTIONS).map((c) => [c, new Set()])) as unknown as DatabaseFacts['ids'],
  organizations: new Map<string, OrganizationFacts>(),
  organizationNames: new Set(),
  emails: new Set(),
  references: new Set(),
  matchPairs: new Set(),
  contactOwners: new Set(),
  engagementSeedKeys: new Set(),
  planRevisions: new Set(),
  ...overrides,
});

const ids = (overrides: Partial<Record<ExchangeCollection, string[]>>): DatabaseFacts['ids'] => ({
  ...emptyDatabase().ids,
  ...Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, new Set(v)])),
});

function check(parts: Record<string, unknown[]>, db = emptyDatabase()) {
  const read = readDocument(envelope(parts));
  // What a reader is shown (the catalogue source each issue carries is compared in the i18n tests).
  return inDocumentOrder(checkIntegrity(read, db)).map(({ field, message }) => ({ field, message }));
}

describe('import integrity', () => {
  const agency = organization();
  const provider = organization({ kind: 'provider', state: null, name: 'Outreach Institute' });

  it('accepts a consistent document', () => {
    const u = user(agency.id);
    const r = request(agency.id, 1, { createdById: u.id, preferredProviderIds: [provider.id] });
    const o = offer(provider.id);
    const m = match(r.id, o.id);
    expect(
      check({
        organizations: [agency, provider],
        users: [u],
        requests: [r],
        offers: [o],
        matches: [m],
        history: [
          historyEntry('request', r.id, { actorId: u.id, actorRole: 'agency_member' }),
          historyEntry('match', m.id),
          historyEntry('matching_profile', randomUUID()),
        ],
      }),
    ).toEqual([]);
  });

  it('checks the references of plans, items and the requests made from them', () => {
    const plan = actionPlan(agency.id);
    const item = actionPlanItem(plan.id, { partnerAgencyIds: [agency.id] });
    const linked = request(agency.id, 1, { actionPlanItemId: item.id });
    expect(check({ organizations: [agency], actionPlans: [plan], actionPlanItems: [item], requests: [linked] })).toEqual([]);
    expect(
      check({
        organizations: [agency, provider],
        actionPlans: [actionPlan(provider.id)],
        actionPlanItems: [actionPlanItem(randomUUID(), { leadAgencyId: randomUUID() })],
        requests: [request(agency.id, 1, { actionPlanItemId: randomUUID() })],
      }),
    ).toEqual([
      { field: 'actionPlans[0].organizationId', message: 'must name a State agency of KAZ' },
      { field: 'actionPlanItems[0].planId', message: 'names no action plan of the document or the database' },
      { field: 'actionPlanItems[0].leadAgencyId', message: 'names no organisation of the document or the database' },
      { field: 'requests[0].actionPlanItemId', message: 'names no action plan item of the document or the database' },
    ]);
  });

  it('resolves references against the database', () => {
    const r = request(agency.id, 1, { preferredProviderIds: [provider.id] });
    const db = emptyDatabase({
      ids: ids({ organizations: [agency.id, provider.id] }),
      organizations: new Map([
        [agency.id, { kind: 'state_agency', state: 'KAZ' }],
        [provider.id, { kind: 'provider', state: null }],
      ]),
    });
    expect(check({ requests: [r] }, db)).toEqual([]);
    expect(check({ requests: [r] })).toEqual([
      { field: 'requests[0].organizationId', message: 'names no organisation of the document or the database' },
      {
        field: 'requests[0].preferredProviderIds[0]',
        message: 'names no organisation of the document or the database',
      },
    ]);
  });

  it('refuses ids that exist in the database: import does not merge', () => {
    const issues = check({ organizations: [agency] }, emptyDatabase({ ids: ids({ organizations: [agency.id] }) }));
    expect(issues).toEqual([
      { field: 'organizations[0].id', message: expect.stringContaining('exists in the database already') },
    ]);
  });

  it('refuses repeated ids and unique keys, in the document and against the database', () => {
    const r1 = request(agency.id, 1);
    const o = offer(provider.id);
    const issues = check(
      {
        organizations: [agency, provider],
        users: [
          user(agency.id, { email: 'a@x.example' }),
          user(agency.id, { email: 'a@x.example' }),
          user(agency.id, { email: 'taken@x.example' }),
        ],
        requests: [r1, { ...request(agency.id, 2), id: r1.id }, request(agency.id, 3)],
        offers: [o],
        matches: [match(r1.id, o.id), match(r1.id, o.id)],
      },
      emptyDatabase({ emails: new Set(['taken@x.example']), references: new Set(['KAZ-2024-003']) }),
    );
    expect(issues).toEqual([
      { field: 'users[1].email', message: 'repeats the e-mail address of users[0]' },
      { field: 'users[2].email', message: 'a user with this e-mail address exists in the database already' },
      { field: 'requests[1].id', message: 'repeats the id of requests[0]' },
      { field: 'requests[2].reference', message: 'a request with this reference exists in the database already' },
      { field: 'matches[1].offerId', message: 'repeats the request and offer of matches[0]' },
    ]);
  });

  it('refuses references to records of the wrong kind', () => {
    const committee = organization({ kind: 'committee', state: null, name: 'Committee' });
    const mongolian = organization({ state: 'MNG', name: 'Mongolian agency' });
    const issues = check({
      organizations: [agency, provider, committee, mongolian],
      users: [user(committee.id, { role: 'provider_member' })],
      requests: [request(mongolian.id, 1), request(agency.id, 2, { preferredProviderIds: [committee.id] })],
      offers: [offer(agency.id)],
    });
    expect(issues).toEqual([
      { field: 'users[0].role', message: 'the role “Provider member” (provider_member) cannot belong to an organisation of the kind “Committee” (committee)' },
      { field: 'requests[0].organizationId', message: 'must name a State agency of KAZ' },
      { field: 'requests[1].preferredProviderIds[0]', message: 'must name a provider organisation, not an organisation of the kind “Committee” (committee)' },
      { field: 'offers[0].organizationId', message: 'must name a provider organisation, not an organisation of the kind “State agency” (state_agency)' },
    ]);
  });

  it('names roles and organisation kinds by their labels in the reader’s language, codes beside them', () => {
    const committee = organization({ kind: 'committee', state: null, name: 'Committee' });
    const read = readDocument(envelope({ organizations: [agency, committee], users: [user(committee.id, { role: 'provider_member' })], offers: [offer(agency.id)] }));
    const words = (language: string) => checkIntegrity(read, emptyDatabase()).map((i) => sayIn(translator(language), i[MESSAGE_SOURCE]!));
    expect(words('ru')).toEqual([
      'роль «Сотрудник поставщика помощи» (provider_member) не может принадлежать организации типа «Комитет» (committee)',
      'должно указывать на организацию — поставщика помощи, а не на организацию типа «Государственное ведомство» (state_agency)',
    ]);
    expect(words('zh')[0]).toBe('角色“提供方成员”（provider_member）不能属于类型为“委员会”（committee）的组织');
  });

  it('checks the subjects and actors of history entries it knows, and keeps other subject types as they are', () => {
    const issues = check({
      history: [
        historyEntry('offer', randomUUID()),
        historyEntry('request', randomUUID(), { actorId: randomUUID() }),
        historyEntry('import', randomUUID()),
      ],
    });
    expect(issues).toEqual([
      { field: 'history[0].subjectId', message: 'names no offer of the document or the database' },
      { field: 'history[1].actorId', message: 'names no user of the document or the database' },
      { field: 'history[1].subjectId', message: 'names no request of the document or the database' },
    ]);
  });

  it('does not report a reference to a record that is itself invalid a second time', () => {
    const badOrg = { ...organization(), kind: 'ministry' };
    const read = readDocument(envelope({ organizations: [badOrg], requests: [request(badOrg.id, 1)] }));
    expect(read.issues.map((i) => i.field)).toEqual(['organizations[0].kind']);
    expect(checkIntegrity(read, emptyDatabase())).toEqual([]);
  });

  it('asks the database only about the ids and keys the document mentions', () => {
    const r = request(agency.id, 1, { preferredProviderIds: [provider.id] });
    const o = offer(provider.id);
    const m = match(r.id, o.id);
    const look = lookupsFor(readDocument(envelope({ requests: [r], offers: [o], matches: [m] })).records);
    expect(new Set(look.ids.organizations)).toEqual(new Set([agency.id, provider.id]));
    expect(new Set(look.ids.requests)).toEqual(new Set([r.id]));
    expect(look.references).toEqual(['KAZ-2024-001']);
    expect(look.matchRequestIds).toEqual([r.id]);
  });
});
