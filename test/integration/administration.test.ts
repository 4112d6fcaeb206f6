import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

describe('organisations and users administration', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let admin: ApiClient;

  beforeAll(async () => {
    api = await startApiInProcess();
    admin = await ApiClient.as(api.baseUrl, 'admin');
  });
  afterAll(() => api.close());

  const uniq = () => randomUUID().slice(0, 8);

  it('creates an organisation and a user who can then sign in', async () => {
    const org = await admin.post('/api/v1/organizations', { name: `Export Control Agency ${uniq()}`, shortName: 'ECA', kind: 'state_agency', state: 'KAZ' });
    expect(org.status).toBe(201);
    const email = `Officer.${uniq()}@eca.kz.example`;
    const user = await admin.post('/api/v1/users', { email, displayName: 'Aigerim', role: 'agency_member', organizationId: org.body.id, password: 'long-enough-pass' });
    expect(user.status).toBe(201);
    expect(user.body.email).toBe(email.toLowerCase());
    expect(user.body).not.toHaveProperty('passwordHash');
    const signedIn = await ApiClient.as(api.baseUrl, email.toUpperCase(), 'long-enough-pass');
    expect((await signedIn.get('/api/v1/auth/me')).body.organization).toMatchObject({ id: org.body.id, kind: 'state_agency', state: 'KAZ' });
  });

  it('records administrative actions in the history', async () => {
    const org = await admin.post('/api/v1/organizations', { name: `Audit Org ${uniq()}`, shortName: 'AO', kind: 'provider' });
    await admin.patch(`/api/v1/organizations/${org.body.id}`, { contactEmail: 'x@audit.example' });
    const { app } = api;
    const rows = await app.get(require('typeorm').DataSource).query(
      'SELECT action, actor_role FROM history_entries WHERE subject_id = $1 ORDER BY created_at',
      [org.body.id],
    );
    expect(rows).toEqual([
      { action: 'create', actor_role: 'committee_admin' },
      { action: 'update', actor_role: 'committee_admin' },
    ]);
  });

  it('refuses a role the organisation kind does not allow, and a taken e-mail', async () => {
    const orgs = await admin.get('/api/v1/organizations?kind=provider&pageSize=1');
    const bad = await admin.post('/api/v1/users', { email: `x${uniq()}@p.example`, displayName: 'X', role: 'agency_coordinator', organizationId: orgs.body.items[0].id, password: 'long-enough-pass' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('role');
    const taken = await admin.post('/api/v1/users', { email: 'donor@bafa.example', displayName: 'X', role: 'provider_member', organizationId: orgs.body.items[0].id, password: 'long-enough-pass' });
    expect(taken.status).toBe(409);
  });

  it('deactivating a user ends their sessions and their sign-ins', async () => {
    const orgs = await admin.get('/api/v1/organizations?kind=provider&pageSize=1');
    const email = `temp${uniq()}@p.example`;
    const created = await admin.post('/api/v1/users', { email, displayName: 'Temp', role: 'provider_member', organizationId: orgs.body.items[0].id, password: 'long-enough-pass' });
    const temp = await ApiClient.as(api.baseUrl, email, 'long-enough-pass');
    expect((await admin.patch(`/api/v1/users/${created.body.id}`, { active: false })).body.active).toBe(false);
    expect((await temp.get('/api/v1/auth/me')).status).toBe(401);
    expect((await new ApiClient(api.baseUrl).post('/api/v1/auth/login', { email, password: 'long-enough-pass' })).status).toBe(401);
  });

  it('keeps administration to the committee admin', async () => {
    for (const who of ['expert', 'coordinator', 'bafa'] as const) {
      const client = await ApiClient.as(api.baseUrl, who);
      expect((await client.get('/api/v1/users')).status).toBe(403);
      expect((await client.post('/api/v1/organizations', { name: 'Nope', shortName: 'N', kind: 'provider' })).status).toBe(403);
    }
  });

  it('validates ids, codes and unknown fields with 400 naming the field', async () => {
    expect((await admin.get('/api/v1/users/not-a-uuid')).status).toBe(400);
    expect((await admin.get(`/api/v1/users/${randomUUID()}`)).status).toBe(404);
    const badState = await admin.post('/api/v1/organizations', { name: 'X Org', shortName: 'X', kind: 'state_agency', state: 'XXX' });
    expect(badState.status).toBe(400);
    expect(badState.body.details).toEqual([{ field: 'state', message: 'is not a known State code' }]);
    const extra = await admin.post('/api/v1/organizations', { name: 'Y Org', shortName: 'Y', kind: 'provider', colour: 'red' });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toMatch(/colour/);
    const page = await admin.get('/api/v1/users?pageSize=500');
    expect(page.status).toBe(400);
    expect(page.body.details[0].field).toBe('pageSize');
  });

  it('paginates lists', async () => {
    const page = await admin.get('/api/v1/users?pageSize=5&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 5, total: expect.any(Number) });
    expect(page.body.items.length).toBeLessThanOrEqual(5);
  });
});
