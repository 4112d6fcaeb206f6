import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { circulatedRequest } from '../factories';
import { ApiClient } from '../support/http';
import { multipart, SAMPLES } from '../support/multipart';
import { startApiInProcess } from '../support/platform';

// Issue 12: one State's plan versions, requests, matches, engagements and documents on one timeline.
describe('a State’s timeline', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let expert: ApiClient, coordinator: ApiClient, bafa: ApiClient, exbs: ApiClient, kaz: ApiClient;

  beforeAll(async () => {
    api = await startApiInProcess();
    [expert, coordinator, bafa, exbs] = await Promise.all((['expert', 'coordinator', 'bafa', 'exbs'] as const).map((k) => ApiClient.as(api.baseUrl, k)));
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    const org = await admin.post('/api/v1/organizations', { name: `Kazakhstan 1540 Commission ${randomUUID().slice(0, 6)}`, shortName: 'KZ', kind: 'state_agency', state: 'KAZ' });
    const email = `coordinator.${randomUUID().slice(0, 6)}@kz.example`;
    await admin.post('/api/v1/users', { email, displayName: 'Dana', role: 'agency_coordinator', organizationId: org.body.id, password: 'long-enough-pass' });
    kaz = await ApiClient.as(api.baseUrl, email, 'long-enough-pass');
  });
  afterAll(() => api.close());

  const all = async (client: ApiClient, query = '') => {
    const items: any[] = [];
    for (let page = 1; ; page++) {
      const res = await client.get(`/api/v1/states/MNG/timeline?pageSize=100&page=${page}${query}`);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      if (items.length >= res.body.total) return items;
    }
  };

  it('puts Mongolia’s seeded plan versions, requests, matches and engagements on one timeline, newest first', async () => {
    const items = await all(expert);
    const times = items.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const plan = items.filter((e) => e.kind === 'action_plan');
    // Other files submit plans for Mongolia too; the seeded one was submitted on 25 April 2022.
    expect(plan.filter((e) => e.milestone === 'plan_submitted')).toContainEqual(
      expect.objectContaining({ at: expect.stringMatching(/^2022-04-25/), reference: '1', record: expect.objectContaining({ type: 'action_plan' }) }),
    );
    expect(plan.some((e) => e.milestone === 'plan_prioritised' && e.at.startsWith('2022-12'))).toBe(true);
    expect(items.some((e) => e.kind === 'request' && e.milestone === 'submitted' && /^MNG-2020-/.test(e.reference))).toBe(true);
    expect(items.some((e) => e.kind === 'engagement' && e.milestone === 'held' && e.at.startsWith('2022-12-06'))).toBe(true);
    expect(items.some((e) => e.kind === 'match')).toBe(true);

    // Paginated: the pages are slices of the same order. Other test files add to Mongolia's timeline at the same
    // time, so the pages are compared with a full reading taken just before and unchanged just after them.
    for (let attempt = 1; ; attempt++) {
      const before = await all(expert);
      const first = await expert.get('/api/v1/states/MNG/timeline?pageSize=3');
      const second = await expert.get('/api/v1/states/MNG/timeline?pageSize=3&page=2');
      const after = await all(expert);
      if (JSON.stringify(before) !== JSON.stringify(after) && attempt < 10) continue;
      expect([...first.body.items, ...second.body.items]).toEqual(before.slice(0, 6));
      expect(first.body).toMatchObject({ state: 'MNG', total: before.length, page: 1, pageSize: 3, truncated: false });
      break;
    }
    const engagements = await all(expert, '&kind=engagement');
    expect(engagements.length).toBeGreaterThan(0);
    expect(engagements.every((e) => e.kind === 'engagement')).toBe(true);
  });

  it('shows each caller what it may see elsewhere: 404 for another State’s agency, no confidential request for providers', async () => {
    const confidential = await circulatedRequest(api.baseUrl, { visibility: 'committee', title: `Confidential need ${randomUUID().slice(0, 6)}` });
    const shared = await circulatedRequest(api.baseUrl, { visibility: 'providers' });
    const { body, contentType } = multipart({ kind: 'letter', title: `Letter on the confidential need ${randomUUID().slice(0, 6)}` }, { name: 'letter.pdf', data: SAMPLES.pdf });
    const doc = await coordinator.request('POST', `/api/v1/requests/${confidential.id}/documents`, body, { 'content-type': contentType });
    expect(doc.status).toBe(201);

    const ids = (items: any[]) => new Set(items.map((e) => e.id));
    const committee = await all(expert);
    const state = await all(coordinator);
    const provider = await all(bafa);
    for (const seen of [committee, state]) {
      expect(ids(seen).has(confidential.id)).toBe(true);
      expect(seen.find((e) => e.kind === 'document' && e.id === doc.body.id)).toMatchObject({ reference: confidential.reference, record: { type: 'request', id: confidential.id } });
    }
    expect(ids(provider).has(shared.id)).toBe(true);
    expect(ids(provider).has(confidential.id)).toBe(false);
    expect(ids(provider).has(doc.body.id)).toBe(false);
    expect(JSON.stringify(provider)).not.toContain(confidential.title);

    expect((await kaz.get('/api/v1/states/MNG/timeline')).status).toBe(404);
    expect((await kaz.get('/api/v1/states/KAZ/timeline')).status).toBe(200);
    expect((await expert.get('/api/v1/states/XXX/timeline')).status).toBe(400);
    expect((await expert.get('/api/v1/states/MNG/timeline?pageSize=500')).status).toBe(400);
    expect((await expert.get('/api/v1/states/MNG/timeline?kind=letters')).status).toBe(400);
    expect((await new ApiClient(api.baseUrl).get('/api/v1/states/MNG/timeline')).status).toBe(401);
  });

  it('lists the documents on the State’s plans, their items and its engagements to those who see their parents', async () => {
    const upload = async (client: ApiClient, path: string, title: string) => {
      const { body, contentType } = multipart({ kind: 'letter', title }, { name: 'letter.pdf', data: SAMPLES.pdf });
      const res = await client.request('POST', path, body, { 'content-type': contentType });
      expect(res.status).toBe(201);
      return res.body;
    };
    const tag = randomUUID().slice(0, 6);
    // A draft plan: its State's agencies see it, the Committee and providers do not.
    const plan = (await coordinator.post('/api/v1/action-plans', { title: `Draft plan ${tag}` })).body;
    const item = (await coordinator.post(`/api/v1/action-plans/${plan.id}/items`, { title: 'Adopt a national control list', provisions: ['OP3d'], assistanceNeeded: true })).body;
    const planDoc = await upload(coordinator, `/api/v1/action-plans/${plan.id}/documents`, `Draft plan letter ${tag}`);
    const itemDoc = await upload(coordinator, `/api/v1/action-plan-items/${item.id}/documents`, `Item letter ${tag}`);
    // An engagement in Mongolia with BAFA taking part: EXBS neither takes part nor sees it.
    const [bafaOrg] = await api.app.get(DataSource).query(`SELECT id FROM organizations WHERE short_name = 'BAFA'`);
    const engagement = (
      await expert.post('/api/v1/engagements', { kind: 'roundtable', title: `Roundtable ${tag}`, startDate: '2022-12-06', endDate: '2022-12-08', states: ['MNG'], participants: [{ organizationId: bafaOrg.id }] })
    ).body;
    const engagementDoc = await upload(bafa, `/api/v1/engagements/${engagement.id}/documents`, `Roundtable report ${tag}`);

    const docs = async (client: ApiClient) => new Map((await all(client, '&kind=document')).map((e) => [e.id, e]));
    const state = await docs(coordinator);
    expect(state.get(planDoc.id)).toMatchObject({ kind: 'document', milestone: 'uploaded', title: `Draft plan letter ${tag}`, reference: null, record: { type: 'action_plan', id: plan.id } });
    expect(state.get(itemDoc.id)).toMatchObject({ title: `Item letter ${tag}`, record: { type: 'action_plan', id: plan.id } });
    expect(state.get(engagementDoc.id)).toMatchObject({ title: `Roundtable report ${tag}`, reference: null, record: { type: 'engagement', id: engagement.id } });

    for (const outsider of [await docs(expert), await docs(bafa)]) {
      expect(outsider.has(planDoc.id)).toBe(false);
      expect(outsider.has(itemDoc.id)).toBe(false);
    }
    expect((await docs(expert)).has(engagementDoc.id)).toBe(true);
    expect((await docs(bafa)).has(engagementDoc.id)).toBe(true);
    expect((await docs(exbs)).has(engagementDoc.id)).toBe(false);
    // The whole timeline carries them too, not only the `document` filter.
    expect((await all(coordinator)).some((e) => e.id === itemDoc.id)).toBe(true);
  });
});
