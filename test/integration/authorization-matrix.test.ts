import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AssistanceRequestEntity, RequestRepository } from '@app/database';
import { MatchingDataService, toMatchableRequest } from '../../apps/worker/src/matching/matching-data.service';
import { activeOffer, circulatedRequest, offerInput, requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { multipart, SAMPLES } from '../support/multipart';
import { startApiInProcess } from '../support/platform';

/**
 * Every role against every request and offer route (DESIGN §8). Each row sets up the records it needs, so a
 * successful write in one column cannot change what the next column sees.
 */
type Who = 'admin' | 'expert' | 'coordinator' | 'customs' | 'nec' | 'kaz' | 'bafa' | 'exbs' | 'anonymous';
const WHO: Who[] = ['admin', 'expert', 'coordinator', 'customs', 'nec', 'kaz', 'bafa', 'exbs', 'anonymous'];

interface Row {
  name: string;
  setup: () => Promise<any>;
  call: (client: ApiClient, subject: any) => Promise<{ status: number }>;
  expect: Record<Who, number>;
}

describe('authorisation matrix', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  const clients = {} as Record<Who, ApiClient>;

  beforeAll(async () => {
    api = await startApiInProcess();
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    // Another State's coordinator, to try reading Mongolia's drafts.
    const org = await admin.post('/api/v1/organizations', { name: `Kazakhstan 1540 Commission ${randomUUID().slice(0, 6)}`, shortName: 'KZ', kind: 'state_agency', state: 'KAZ' });
    const email = `coordinator.${randomUUID().slice(0, 6)}@kz.example`;
    await admin.post('/api/v1/users', { email, displayName: 'Dana', role: 'agency_coordinator', organizationId: org.body.id, password: 'long-enough-pass' });
    for (const who of WHO) {
      clients[who] =
        who === 'anonymous' ? new ApiClient(api.baseUrl) : who === 'kaz' ? await ApiClient.as(api.baseUrl, email, 'long-enough-pass') : await ApiClient.as(api.baseUrl, who);
    }
  });
  afterAll(() => api.close());

  const draftRequest = async () => (await ApiClient.as(api.baseUrl, 'customs')).post('/api/v1/requests', requestInput()).then((r) => r.body);
  const confidentialRequest = () => circulatedRequest(api.baseUrl, { visibility: 'committee' });
  const draftOffer = async () => (await ApiClient.as(api.baseUrl, 'bafa')).post('/api/v1/offers', offerInput()).then((r) => r.body);

  /** One subject for every column: for rows whose calls do not change who may see it. */
  const once = <T,>(make: () => Promise<T>) => {
    let made: Promise<T> | null = null;
    return () => (made ??= make());
  };
  const act = (client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) => client.post(`/api/v1/requests/${id}/transitions`, { action, ...extra });
  const acknowledgedRequest = async () => {
    const r = await draftRequest();
    await act(await ApiClient.as(api.baseUrl, 'coordinator'), r.id, 'submit');
    await act(await ApiClient.as(api.baseUrl, 'expert'), r.id, 'acknowledge');
    return r;
  };
  const threadRequest = once(() => circulatedRequest(api.baseUrl, { visibility: 'providers' }));
  const endorsedMatch = once(async () => {
    const expert = await ApiClient.as(api.baseUrl, 'expert');
    const offer = await activeOffer(api.baseUrl, 'bafa', { eligibleRegions: ['ASIA_PACIFIC'] });
    const request = await circulatedRequest(api.baseUrl);
    const created = await expert.post('/api/v1/matches', { requestId: request.id, offerId: offer.id });
    const id = created.status === 201 ? created.body.id : (await expert.get(`/api/v1/matches?requestId=${request.id}&offerId=${offer.id}`)).body.items[0].id;
    await expert.post(`/api/v1/matches/${id}/transitions`, { action: 'endorse' });
    return { id };
  });
  const orgId = (shortName: string) => async () => (await api.app.get(DataSource).query(`SELECT id FROM organizations WHERE short_name = $1`, [shortName]))[0];
  const contact = { name: 'Bat-Erdene', email: 'poc@example.org' };

  const uploadTo = (c: ApiClient, path: string) => {
    const { body, contentType } = multipart({ kind: 'letter', title: 'Letter of 20 August 2020' }, { name: 'letter.pdf', data: SAMPLES.pdf });
    return c.request('POST', path, body, { 'content-type': contentType });
  };
  // A document on a draft request (uploaded by its agency, Customs) and on a confidential circulated one.
  const draftRequestDocument = async () => {
    const request = await draftRequest();
    return (await uploadTo(await ApiClient.as(api.baseUrl, 'customs'), `/api/v1/requests/${request.id}/documents`)).body;
  };
  const confidentialDocument = async () => {
    const request = await confidentialRequest();
    return (await uploadTo(await ApiClient.as(api.baseUrl, 'coordinator'), `/api/v1/requests/${request.id}/documents`)).body;
  };

  // Action plans (Mongolia's, drafted by its coordinator), their items and engagements carry documents too.
  const newPlan = async (extra: Record<string, unknown> = {}) =>
    (await (await ApiClient.as(api.baseUrl, 'coordinator')).post('/api/v1/action-plans', { title: `National action plan ${randomUUID().slice(0, 6)}`, ...extra })).body;
  const sharedPlanItem = async () => {
    const plan = await newPlan({ status: 'submitted', sharedWithProviders: true });
    const coordinator = await ApiClient.as(api.baseUrl, 'coordinator');
    return (await coordinator.post(`/api/v1/action-plans/${plan.id}/items`, { title: 'Adopt a national control list', provisions: ['OP3d'], assistanceNeeded: true })).body;
  };
  const draftPlanDocument = async () => {
    const plan = await newPlan();
    return (await uploadTo(await ApiClient.as(api.baseUrl, 'customs'), `/api/v1/action-plans/${plan.id}/documents`)).body;
  };
  const mongolianEngagement = async () => {
    const bafa = await orgId('BAFA')();
    const expert = await ApiClient.as(api.baseUrl, 'expert');
    return (
      await expert.post('/api/v1/engagements', {
        kind: 'roundtable',
        title: 'Roundtable on the national action plan',
        startDate: '2022-12-06',
        endDate: '2022-12-08',
        states: ['MNG'],
        participants: [{ organizationId: bafa.id }],
      })
    ).body;
  };
  const listThenUpload = (path: string) => async (c: ApiClient, subject: { id: string }) => {
    const list = await c.get(`/api/v1/${path}/${subject.id}/documents`);
    return list.status === 200 ? uploadTo(c, `/api/v1/${path}/${subject.id}/documents`) : list;
  };

  const rows: Row[] = [
    {
      name: 'list and upload documents of a Mongolian draft action plan',
      setup: () => newPlan(),
      call: listThenUpload('action-plans'),
      expect: { admin: 404, expert: 404, coordinator: 201, customs: 201, nec: 201, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'list and upload documents of a submitted action plan shared with providers',
      setup: () => newPlan({ status: 'submitted', sharedWithProviders: true }),
      call: listThenUpload('action-plans'),
      expect: { admin: 201, expert: 201, coordinator: 201, customs: 201, nec: 201, kaz: 404, bafa: 403, exbs: 403, anonymous: 401 },
    },
    {
      name: 'remove a draft action plan’s document',
      setup: draftPlanDocument,
      call: (c, d) => c.request('DELETE', `/api/v1/documents/${d.id}`),
      expect: { admin: 404, expert: 404, coordinator: 403, customs: 204, nec: 403, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'list and upload documents of a shared action plan’s item',
      setup: sharedPlanItem,
      call: listThenUpload('action-plan-items'),
      expect: { admin: 201, expert: 201, coordinator: 201, customs: 201, nec: 201, kaz: 404, bafa: 403, exbs: 403, anonymous: 401 },
    },
    {
      name: 'list and upload documents of an engagement in Mongolia with BAFA taking part',
      setup: mongolianEngagement,
      call: listThenUpload('engagements'),
      expect: { admin: 201, expert: 201, coordinator: 201, customs: 201, nec: 201, kaz: 404, bafa: 201, exbs: 404, anonymous: 401 },
    },
    {
      name: 'remove an engagement’s document (no draft stage: the Committee only)',
      setup: async () => {
        const engagement = await mongolianEngagement();
        return (await uploadTo(await ApiClient.as(api.baseUrl, 'bafa'), `/api/v1/engagements/${engagement.id}/documents`)).body;
      },
      call: (c, d) => c.request('DELETE', `/api/v1/documents/${d.id}`),
      expect: { admin: 204, expert: 204, coordinator: 403, customs: 403, nec: 403, kaz: 404, bafa: 403, exbs: 404, anonymous: 401 },
    },
    {
      name: 'read a request’s thread',
      setup: threadRequest,
      call: (c, r) => c.get(`/api/v1/requests/${r.id}/messages`),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'write in a request’s thread',
      setup: threadRequest,
      call: (c, r) => c.post(`/api/v1/requests/${r.id}/messages`, { body: 'A question about the scope.' }),
      expect: { admin: 201, expert: 201, coordinator: 201, customs: 201, nec: 201, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'mark a request’s thread read',
      setup: threadRequest,
      call: (c, r) => c.post(`/api/v1/requests/${r.id}/messages/read`),
      expect: { admin: 204, expert: 204, coordinator: 204, customs: 204, nec: 204, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'read an endorsed match’s thread',
      setup: endorsedMatch,
      call: (c, m) => c.get(`/api/v1/matches/${m.id}/messages`),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 200, exbs: 404, anonymous: 401 },
    },
    {
      name: 'write in an endorsed match’s thread',
      setup: endorsedMatch,
      call: (c, m) => c.post(`/api/v1/matches/${m.id}/messages`, { body: 'When could the training start?' }),
      expect: { admin: 201, expert: 201, coordinator: 201, customs: 201, nec: 201, kaz: 404, bafa: 201, exbs: 404, anonymous: 401 },
    },
    {
      name: 'mark an endorsed match’s thread read',
      setup: endorsedMatch,
      call: (c, m) => c.post(`/api/v1/matches/${m.id}/messages/read`),
      expect: { admin: 204, expert: 204, coordinator: 204, customs: 204, nec: 204, kaz: 404, bafa: 204, exbs: 404, anonymous: 401 },
    },
    {
      name: 'read the unread counts of one’s threads',
      setup: async () => null,
      call: (c) => c.get('/api/v1/threads/unread'),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 200, bafa: 200, exbs: 200, anonymous: 401 },
    },
    {
      name: 'record an objection by letter',
      setup: acknowledgedRequest,
      call: (c, r) => act(c, r.id, 'record_objection', { letterDate: '2026-01-05' }),
      expect: { admin: 200, expert: 200, coordinator: 403, customs: 403, nec: 403, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'withdraw an objection',
      setup: async () => {
        const r = await acknowledgedRequest();
        await act(await ApiClient.as(api.baseUrl, 'coordinator'), r.id, 'object');
        return r;
      },
      call: (c, r) => act(c, r.id, 'withdraw_objection'),
      expect: { admin: 200, expert: 200, coordinator: 403, customs: 403, nec: 403, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'record a waiver by letter',
      setup: acknowledgedRequest,
      call: (c, r) => act(c, r.id, 'record_waiver', { letterDate: '2026-01-05' }),
      expect: { admin: 200, expert: 200, coordinator: 403, customs: 403, nec: 403, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'object in the app while the window is open',
      setup: acknowledgedRequest,
      call: (c, r) => act(c, r.id, 'object'),
      expect: { admin: 403, expert: 403, coordinator: 200, customs: 403, nec: 403, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'read Mongolia’s points of contact (BAFA and EXBS have agreed matches there)',
      setup: async () => null,
      call: (c) => c.get('/api/v1/states/MNG/contacts'),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 200, exbs: 200, anonymous: 401 },
    },
    {
      name: 'replace Kazakhstan’s points of contact',
      setup: async () => null,
      call: (c) => c.put('/api/v1/states/KAZ/contacts', { contacts: [contact] }),
      expect: { admin: 200, expert: 200, coordinator: 404, customs: 404, nec: 404, kaz: 200, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'read BAFA’s contact persons (agreed with Mongolia)',
      setup: orgId('BAFA'),
      call: (c, o) => c.get(`/api/v1/organizations/${o.id}/contacts`),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 200, exbs: 404, anonymous: 401 },
    },
    {
      name: 'replace a Mongolian agency’s contact persons',
      setup: orgId('GASI'),
      call: (c, o) => c.put(`/api/v1/organizations/${o.id}/contacts`, { contacts: [contact] }),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 403, nec: 403, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'read the contacts of an endorsed match',
      setup: endorsedMatch,
      call: (c, m) => c.get(`/api/v1/matches/${m.id}/contacts`),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 200, exbs: 404, anonymous: 401 },
    },
    {
      name: 'read the Committee’s public contact address',
      setup: async () => null,
      call: (c) => c.get('/api/v1/public/contact'),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 200, bafa: 200, exbs: 200, anonymous: 200 },
    },
    {
      name: 'list the documents of a Mongolian draft request',
      setup: draftRequest,
      call: (c, r) => c.get(`/api/v1/requests/${r.id}/documents`),
      expect: { admin: 404, expert: 404, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'upload a document to a Mongolian draft request',
      setup: draftRequest,
      call: (c, r) => uploadTo(c, `/api/v1/requests/${r.id}/documents`),
      expect: { admin: 404, expert: 404, coordinator: 201, customs: 201, nec: 403, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'read a confidential request’s document',
      setup: confidentialDocument,
      call: (c, d) => c.get(`/api/v1/documents/${d.id}`),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'download a confidential request’s document',
      setup: confidentialDocument,
      call: (c, d) => c.bytes(`/api/v1/documents/${d.id}/content`),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'remove a draft request’s document',
      setup: draftRequestDocument,
      call: (c, d) => c.request('DELETE', `/api/v1/documents/${d.id}`),
      expect: { admin: 404, expert: 404, coordinator: 403, customs: 204, nec: 403, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'remove a confidential submitted request’s document',
      setup: confidentialDocument,
      call: (c, d) => c.request('DELETE', `/api/v1/documents/${d.id}`),
      expect: { admin: 204, expert: 204, coordinator: 403, customs: 403, nec: 403, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'list and upload documents of a draft offer',
      setup: draftOffer,
      call: async (c, o) => {
        const list = await c.get(`/api/v1/offers/${o.id}/documents`);
        return list.status === 200 ? uploadTo(c, `/api/v1/offers/${o.id}/documents`) : list;
      },
      expect: { admin: 404, expert: 404, coordinator: 404, customs: 404, nec: 404, kaz: 404, bafa: 201, exbs: 404, anonymous: 401 },
    },
    {
      name: 'read a Mongolian draft request',
      setup: draftRequest,
      call: (c, r) => c.get(`/api/v1/requests/${r.id}`),
      expect: { admin: 404, expert: 404, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'read a confidential circulated request',
      setup: confidentialRequest,
      call: (c, r) => c.get(`/api/v1/requests/${r.id}`),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'read a circulated request',
      setup: () => circulatedRequest(api.baseUrl, { visibility: 'providers' }),
      call: (c, r) => c.get(`/api/v1/requests/${r.id}`),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 200, exbs: 200, anonymous: 401 },
    },
    {
      name: 'read the history of a draft request',
      setup: draftRequest,
      call: (c, r) => c.get(`/api/v1/requests/${r.id}/history`),
      expect: { admin: 404, expert: 404, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'edit a draft request',
      setup: draftRequest,
      call: (c, r) => c.patch(`/api/v1/requests/${r.id}`, { title: 'A clearer title for the draft', version: r.version }),
      expect: { admin: 403, expert: 403, coordinator: 200, customs: 200, nec: 403, kaz: 404, bafa: 403, exbs: 403, anonymous: 401 },
    },
    {
      name: 'submit a draft request',
      setup: draftRequest,
      call: (c, r) => c.post(`/api/v1/requests/${r.id}/transitions`, { action: 'submit' }),
      expect: { admin: 404, expert: 404, coordinator: 200, customs: 403, nec: 403, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'withdraw a confidential circulated request',
      setup: confidentialRequest,
      call: (c, r) => c.post(`/api/v1/requests/${r.id}/transitions`, { action: 'withdraw' }),
      expect: { admin: 403, expert: 403, coordinator: 200, customs: 200, nec: 403, kaz: 404, bafa: 404, exbs: 404, anonymous: 401 },
    },
    {
      name: 'create a request',
      setup: async () => null,
      call: (c) => c.post('/api/v1/requests', requestInput()),
      expect: { admin: 403, expert: 403, coordinator: 201, customs: 201, nec: 201, kaz: 201, bafa: 403, exbs: 403, anonymous: 401 },
    },
    {
      name: 'read a draft offer',
      setup: draftOffer,
      call: (c, o) => c.get(`/api/v1/offers/${o.id}`),
      expect: { admin: 404, expert: 404, coordinator: 404, customs: 404, nec: 404, kaz: 404, bafa: 200, exbs: 404, anonymous: 401 },
    },
    {
      name: 'read an active offer',
      setup: () => activeOffer(api.baseUrl, 'bafa'),
      call: (c, o) => c.get(`/api/v1/offers/${o.id}`),
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 200, bafa: 200, exbs: 200, anonymous: 401 },
    },
    {
      name: 'read an active offer’s history',
      setup: () => activeOffer(api.baseUrl, 'bafa'),
      call: (c, o) => c.get(`/api/v1/offers/${o.id}/history`),
      expect: { admin: 200, expert: 200, coordinator: 403, customs: 403, nec: 403, kaz: 403, bafa: 200, exbs: 403, anonymous: 401 },
    },
    {
      name: 'edit another organisation’s offer',
      setup: () => activeOffer(api.baseUrl, 'bafa'),
      call: (c, o) => c.patch(`/api/v1/offers/${o.id}`, { title: 'Taken over by someone else', version: o.version }),
      expect: { admin: 403, expert: 403, coordinator: 403, customs: 403, nec: 403, kaz: 403, bafa: 200, exbs: 403, anonymous: 401 },
    },
    {
      name: 'pause an offer',
      setup: () => activeOffer(api.baseUrl, 'bafa'),
      call: (c, o) => c.post(`/api/v1/offers/${o.id}/transitions`, { action: 'pause' }),
      expect: { admin: 200, expert: 200, coordinator: 403, customs: 403, nec: 403, kaz: 403, bafa: 200, exbs: 403, anonymous: 401 },
    },
    {
      name: 'verify a submitted offer',
      setup: async () => {
        const o = await draftOffer();
        await (await ApiClient.as(api.baseUrl, 'bafa')).post(`/api/v1/offers/${o.id}/transitions`, { action: 'submit' });
        return o;
      },
      call: (c, o) => c.post(`/api/v1/offers/${o.id}/transitions`, { action: 'verify' }),
      // An offer awaiting verification is not published: only its provider and the committee know of it.
      expect: { admin: 200, expert: 200, coordinator: 404, customs: 404, nec: 404, kaz: 404, bafa: 403, exbs: 404, anonymous: 401 },
    },
    {
      name: 'create an offer',
      setup: async () => null,
      call: (c) => c.post('/api/v1/offers', offerInput()),
      expect: { admin: 403, expert: 403, coordinator: 403, customs: 403, nec: 403, kaz: 403, bafa: 201, exbs: 201, anonymous: 401 },
    },
    {
      name: 'read Mongolia’s timeline (issue 12)',
      setup: async () => null,
      call: (c) => c.get('/api/v1/states/MNG/timeline'),
      // Providers read a timeline filtered to what they may see; another State's agency gets 404.
      expect: { admin: 200, expert: 200, coordinator: 200, customs: 200, nec: 200, kaz: 404, bafa: 200, exbs: 200, anonymous: 401 },
    },
    {
      name: 'list users',
      setup: async () => null,
      call: (c) => c.get('/api/v1/users'),
      expect: { admin: 200, expert: 403, coordinator: 403, customs: 403, nec: 403, kaz: 403, bafa: 403, exbs: 403, anonymous: 401 },
    },
    {
      name: 'create an organisation',
      setup: async () => null,
      call: (c) => c.post('/api/v1/organizations', { name: `Org ${randomUUID()}`, shortName: 'O', kind: 'provider' }),
      expect: { admin: 201, expert: 403, coordinator: 403, customs: 403, nec: 403, kaz: 403, bafa: 403, exbs: 403, anonymous: 401 },
    },
  ];

  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const actual = {} as Record<Who, number>;
    for (const who of WHO) {
      const subject = await row.setup();
      actual[who] = (await row.call(clients[who], subject)).status;
    }
    expect(actual).toEqual(row.expect);
  });

  it('hides an offer’s capacity from everyone but its provider and the committee', async () => {
    const offer = await activeOffer(api.baseUrl, 'bafa');
    for (const who of ['bafa', 'expert'] as const) expect((await clients[who].get(`/api/v1/offers/${offer.id}`)).body.capacity).toEqual({ engagements: 3, budget: null, engagementsUsed: 0 });
    for (const who of ['exbs', 'coordinator'] as const) expect((await clients[who].get(`/api/v1/offers/${offer.id}`)).body).not.toHaveProperty('capacity');
  });

  it('never shows a State the provider’s hidden budget, not even through a match’s score, components or reason', async () => {
    const budget = 3137;
    const request = await circulatedRequest(api.baseUrl, { estimatedCost: { amount: 271_000, currency: 'USD' } });
    const offer = await activeOffer(api.baseUrl, 'bafa', { capacity: { engagements: 3, budget: { amount: budget, currency: 'USD' } } });
    const match = (await clients.expert.post('/api/v1/matches', { requestId: request.id, offerId: offer.id })).body;
    // Score the pair as the worker's engine does and store it as the match writer would.
    const ds = api.app.get(DataSource);
    const engine = await new MatchingDataService(ds, new RequestRepository(ds)).engine();
    const pair = engine.scorePair(toMatchableRequest((await ds.getRepository(AssistanceRequestEntity).findOneBy({ id: request.id }))!), offer.id);
    if (!pair?.eligible) throw new Error(`pair not eligible: ${JSON.stringify(pair)}`);
    const { score, components, reason } = pair.result;
    await ds.query('UPDATE matches SET score = $2, components = $3, reason = $4 WHERE id = $1', [match.id, score, JSON.stringify(components), reason]);
    // Endorsed, the match is put to the requesting State.
    const endorsed = await clients.expert.post(`/api/v1/matches/${match.id}/transitions`, { action: 'endorse' });
    expect(endorsed.status).toBe(200);
    const ratio = budget / 271_000;
    // What the provider's capacity would reveal: the amount, the covered share (as a value or a percentage).
    const hidden = [String(budget), String(ratio).slice(0, 6), `${Math.round(ratio * 100)}%`, 'budget'];

    const committeeView = (await clients.expert.get(`/api/v1/matches/${match.id}`)).body;
    expect(committeeView.reason).toMatch(/budget covers 1% of the estimate/);
    expect(committeeView.components.map((c: any) => c.key)).toContain('budgetFit');

    const routes = [
      `/api/v1/matches/${match.id}`,
      `/api/v1/matches/${match.id}/history`,
      `/api/v1/matches?pageSize=100`,
      `/api/v1/requests/${request.id}`,
      `/api/v1/requests/${request.id}/matches`,
      `/api/v1/requests/${request.id}/history`,
      `/api/v1/offers/${offer.id}`,
      `/api/v1/offers/${offer.id}/matches`,
      `/api/v1/offers?pageSize=100`,
      `/api/v1/notifications?pageSize=100`,
    ];
    for (const who of ['coordinator', 'customs', 'nec'] as const) {
      const seen: string[] = [];
      for (const route of routes) {
        const res = await clients[who].get(route);
        if (res.status === 200) seen.push(`${route} ${JSON.stringify(res.body)}`);
      }
      expect(seen.filter((text) => text.includes(match.id)).length).toBeGreaterThanOrEqual(3);
      for (const text of seen) for (const figure of hidden) expect(`${who}: ${text}`).not.toContain(figure);
      const view = (await clients[who].get(`/api/v1/matches/${match.id}`)).body;
      // The score a State sees is the weighted mean of the components it is shown.
      const shownWeight = view.components.reduce((sum: number, c: any) => sum + c.weight, 0);
      expect(view.score).toBeCloseTo(view.components.reduce((sum: number, c: any) => sum + c.weight * c.value, 0) / shownWeight, 3);
    }
  });

  it('scopes lists the same way as reads', async () => {
    const confidential = await confidentialRequest();
    const draft = await draftRequest();
    const ids = async (who: Who) => (await clients[who].get('/api/v1/requests?pageSize=100&sort=-createdAt')).body.items.map((r: any) => r.id);
    expect(await ids('kaz')).not.toEqual(expect.arrayContaining([confidential.id]));
    expect(await ids('bafa')).not.toContain(confidential.id);
    expect(await ids('bafa')).not.toContain(draft.id);
    expect(await ids('expert')).not.toContain(draft.id);
    expect(await ids('expert')).toContain(confidential.id);
    expect(await ids('nec')).toEqual(expect.arrayContaining([confidential.id, draft.id]));
  });
});
