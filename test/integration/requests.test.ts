import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { offerInput, requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

describe('assistance requests', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  /** The same API ten days on: its clock runs ten days ahead. */
  let later: Awaited<ReturnType<typeof startApiInProcess>>;
  let customs: ApiClient, nec: ApiClient, coordinator: ApiClient, expert: ApiClient, bafa: ApiClient;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApiInProcess();
    later = await startApiInProcess({ TEST_CLOCK_OFFSET_MS: String(10 * 86_400_000) });
    ds = api.app.get(DataSource);
    [customs, nec, coordinator, expert, bafa] = await Promise.all(
      (['customs', 'nec', 'coordinator', 'expert', 'bafa'] as const).map((k) => ApiClient.as(api.baseUrl, k)),
    );
  });
  afterAll(() => Promise.all([api.close(), later.close()]));

  const act = (client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) =>
    client.post(`/api/v1/requests/${id}/transitions`, { action, ...extra });

  it('walks the Mongolia path draft → submit → acknowledge → circulate, each step in the history', async () => {
    const created = await customs.post('/api/v1/requests', requestInput({ letterDate: '2020-05-12' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', state: 'MNG', version: 1, organization: { shortName: 'Customs' } });
    expect(created.body.reference).toMatch(/^MNG-2020-\d{3}$/);
    expect(created.body.availableActions).toEqual(['mark_ready', 'withdraw']);
    const id = created.body.id;

    expect((await act(customs, id, 'submit')).status).toBe(403); // members draft; the coordinator submits
    const submitted = await act(coordinator, id, 'submit', { version: 1 });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    const acknowledged = await act(expert, id, 'acknowledge', { comment: 'Received by letter of 12 May 2020' });
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', objectionWindowClosesAt: expect.any(String) });

    const early = await act(expert, id, 'circulate');
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/objection window closes on \d{4}-\d\d-\d\d/);
    // Ten calendar days later the five working days are over, whatever weekday it is today.
    const circulated = await act(await ApiClient.as(later.baseUrl, 'expert'), id, 'circulate');
    expect(circulated.body).toMatchObject({ status: 'circulated' });
    expect(circulated.body.circulatedAt).toBeTruthy();

    const history = await customs.get(`/api/v1/requests/${id}/history`);
    expect(history.body.map((h: any) => [h.action, h.toStatus, h.actor.role])).toEqual([
      ['create', 'draft', 'agency_member'],
      ['submit', 'submitted', 'agency_coordinator'],
      ['acknowledge', 'acknowledged', 'committee_member'],
      ['circulate', 'circulated', 'committee_member'],
    ]);
    expect(history.body[2]).toMatchObject({ comment: 'Received by letter of 12 May 2020', actor: { displayName: 'Lukas Berger', organization: '1540 GoE' } });
    expect(new Date(history.body[3].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const events = await ds.query(`SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY created_at`, [id]);
    expect(events.map((e: any) => e.type)).toEqual(['request.created', 'request.submitted', 'request.acknowledged', 'request.circulated']);
  });

  it('circulates at once when the State waived the objection window', async () => {
    const { body } = await customs.post('/api/v1/requests', requestInput({ objectionWindowWaived: true }));
    await act(coordinator, body.id, 'submit');
    await act(expert, body.id, 'acknowledge');
    expect((await act(expert, body.id, 'circulate')).body.status).toBe('circulated');
  });

  it('asks for clarification with a comment; the agency edits and the coordinator resubmits', async () => {
    const { body } = await customs.post('/api/v1/requests', requestInput());
    await act(coordinator, body.id, 'submit');
    expect((await act(expert, body.id, 'request_clarification')).status).toBe(400);
    const asked = await act(expert, body.id, 'request_clarification', { comment: 'Which agencies issue licences today?' });
    expect(asked.body.status).toBe('clarification_requested');
    const edited = await customs.patch(`/api/v1/requests/${body.id}`, { description: 'Licences are issued by the Ministry; customs checks them at the border.', version: asked.body.version });
    expect(edited.status).toBe(200);
    const stale = await customs.patch(`/api/v1/requests/${body.id}`, { title: 'Stale edit of the title', version: asked.body.version });
    expect(stale.status).toBe(409);
    expect((await act(coordinator, body.id, 'submit', { comment: 'Answered' })).body.status).toBe('submitted');
  });

  it('records an edit as the fields whose values changed, and an edit that changes nothing not at all', async () => {
    const created = (await customs.post('/api/v1/requests', requestInput())).body;
    // A form sends every field back; only the title is new.
    const { id, version } = created;
    const editable = Object.fromEntries(Object.keys(requestInput()).map((key) => [key, created[key]]));
    const edited = await customs.patch(`/api/v1/requests/${id}`, { ...editable, title: 'Drafting the control list, second edition', version });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(version + 1);
    const history = (await customs.get(`/api/v1/requests/${id}/history`)).body;
    const updates = (history.items ?? history).filter((h: any) => h.action === 'update');
    expect(updates.map((h: any) => h.details.fields)).toEqual([['title']]);

    const again = await customs.patch(`/api/v1/requests/${id}`, { ...editable, title: 'Drafting the control list, second edition', version: edited.body.version });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(edited.body.version);
    const after = (await customs.get(`/api/v1/requests/${id}/history`)).body;
    expect((after.items ?? after).filter((h: any) => h.action === 'update')).toHaveLength(1);
  });

  it('refuses wrong statuses with 409, wrong roles with 403 and unknown actions with 400', async () => {
    const { body } = await customs.post('/api/v1/requests', requestInput());
    expect((await act(expert, body.id, 'circulate')).status).toBe(404); // the committee does not see drafts
    await act(coordinator, body.id, 'submit');
    expect((await act(expert, body.id, 'circulate')).status).toBe(409);
    expect((await act(coordinator, body.id, 'acknowledge')).status).toBe(403);
    const unknown = await act(expert, body.id, 'approve');
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('action');
    expect((await act(expert, body.id, 'acknowledge', { version: 99 })).status).toBe(409);
    const close = await act(expert, body.id, 'close', { reason: 'fulfilled' });
    expect(close.status).toBe(409);
  });

  it('withdraws before delivery, by the drafting agency or the coordinator only', async () => {
    const { body } = await customs.post('/api/v1/requests', requestInput());
    expect((await act(nec, body.id, 'withdraw')).status).toBe(403); // another agency of the same State
    const withdrawn = await act(customs, body.id, 'withdraw', { comment: 'Superseded by the NAP' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String), availableActions: [] });
  });

  it('validates input and names the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [requestInput({ provisions: ['OP9'] }), 'provisions.0'],
      [requestInput({ domains: [] }), 'domains'],
      [requestInput({ title: 'x'.repeat(201) }), 'title'],
      [requestInput({ priority: 'urgent' }), 'priority'],
      [requestInput({ estimatedCost: { amount: 12.5, currency: 'USD' } }), 'estimatedCost.amount'],
      [requestInput({ estimatedCost: { amount: 1000, currency: 'XYZ' } }), 'estimatedCost.currency'],
      [requestInput({ desiredStart: '2027-02-30' }), 'desiredStart'],
      [requestInput({ desiredStart: '2027-05-01', desiredEnd: '2027-01-01' }), 'desiredEnd'],
      [requestInput({ desiredEnd: '9999-12-31' }), 'desiredEnd'],
      [requestInput({ letterDate: '0001-01-01' }), 'letterDate'],
      [requestInput({ letterDate: '2003-12-31' }), 'letterDate'],
      [requestInput({ letterDate: `${new Date().getUTCFullYear() + 1}-01-01` }), 'letterDate'],
      [requestInput({ languages: 'en' }), 'languages'],
      [requestInput({ secret: 1 }), ''],
      [requestInput({ preferredProviderIds: ['nope'] }), 'preferredProviderIds.0'],
    ];
    for (const [input, field] of cases) {
      const res = await customs.post('/api/v1/requests', input);
      expect(res.status).toBe(400);
      if (field) expect(res.body.details.map((d: any) => d.field)).toContain(field);
      else expect(res.body.message).toMatch(/secret/);
    }
    // A value that is no date gets one message, not a range complaint besides.
    const notADate = await customs.post('/api/v1/requests', requestInput({ letterDate: '2026-13-01' }));
    expect(notADate.body.details).toEqual([{ field: 'letterDate', message: expect.stringMatching(/date like/) }]);
    const notProvider = await customs.post('/api/v1/requests', requestInput({ preferredProviderIds: [randomUUID()] }));
    expect(notProvider.status).toBe(400);
    expect(notProvider.body.details[0].field).toBe('preferredProviderIds');
    expect((await customs.post('/api/v1/requests', requestInput({ state: 'KAZ' }))).status).toBe(403);
  });

  it('refuses a title over the limit, a negative or absurd cost and a future letter in the words the forms use, storing nothing', async () => {
    const title = `${'Paste '.repeat(40)}${randomUUID()}`; // 276 characters
    const refused = async (client: ApiClient, path: string, input: Record<string, unknown>) => {
      const res = await client.post(path, input);
      expect(res.status).toBe(400);
      return res.body.details;
    };
    expect(await refused(customs, '/api/v1/requests', requestInput({ title }))).toEqual([{ field: 'title', message: 'must be at most 200 characters' }]);
    expect(await refused(customs, '/api/v1/requests', requestInput({ title: `Negative ${title.slice(-36)}`, estimatedCost: { amount: -500_000, currency: 'USD' } }))).toEqual([
      { field: 'estimatedCost.amount', message: 'must not be negative' },
    ]);
    expect(await refused(customs, '/api/v1/requests', requestInput({ estimatedCost: { amount: 5e14, currency: 'USD' } }))).toEqual([
      { field: 'estimatedCost.amount', message: 'must be at most 100,000,000,000 USD' },
    ]);
    expect(await refused(customs, '/api/v1/requests', requestInput({ letterDate: '2099-01-01' }))).toEqual([{ field: 'letterDate', message: 'must not be in the future' }]);
    expect(await refused(bafa, '/api/v1/offers', offerInput({ capacity: { budget: { amount: -1, currency: 'EUR' } } }))).toEqual([
      { field: 'capacity.budget.amount', message: 'must not be negative' },
    ]);
    // Nothing was stored in a shortened or sign-flipped form.
    const stored = await ds.query(`SELECT count(*)::int AS n FROM assistance_requests WHERE title LIKE $1`, [`%${title.slice(-36)}%`]);
    expect(stored[0].n).toBe(0);
  });

  it('continues the reference sequence per State and year', async () => {
    const a = await customs.post('/api/v1/requests', requestInput({ letterDate: '2024-03-01' }));
    const b = await nec.post('/api/v1/requests', requestInput({ letterDate: '2024-06-01' }));
    const seq = (ref: string) => Number(ref.split('-')[2]);
    expect(seq(b.body.reference)).toBe(seq(a.body.reference) + 1);
  });

  it('searches title and description, Mongolian Cyrillic included', async () => {
    const title = 'Хос зориулалттай бараа, технологийн үндэсний жагсаалт боловсруулах';
    const { body } = await customs.post('/api/v1/requests', requestInput({ title, description: 'Гаалийн байгууллагын хяналтыг бэхжүүлэх, экспортын хяналтын хууль тогтоомжийг шинэчлэх.' }));
    for (const q of ['жагсаалт', 'ЭКСПОРТЫН хяналтын', 'зориулалт']) {
      const res = await customs.get(`/api/v1/requests?q=${encodeURIComponent(q)}`);
      expect(res.body.items.map((r: any) => r.id)).toContain(body.id);
    }
    const none = await customs.get(`/api/v1/requests?q=${encodeURIComponent('биологийн лаборатори zzz')}`);
    expect(none.body.items.map((r: any) => r.id)).not.toContain(body.id);
  });

  it('filters, sorts and paginates', async () => {
    await customs.post('/api/v1/requests', requestInput({ provisions: ['REPORTING'], domains: ['BIOLOGICAL'], assistanceTypes: ['EXPERTISE'], priority: 'low' }));
    const reporting = await customs.get('/api/v1/requests?provision=REPORTING&domain=BIOLOGICAL&type=EXPERTISE&priority=low');
    expect(reporting.body.total).toBeGreaterThan(0);
    for (const r of reporting.body.items) expect(r).toMatchObject({ priority: 'low', provisions: expect.arrayContaining(['REPORTING']) });
    const drafts = await customs.get('/api/v1/requests?status=draft,withdrawn&sort=-createdAt&pageSize=2');
    expect(drafts.body.items).toHaveLength(2);
    expect(drafts.body.items.every((r: any) => ['draft', 'withdrawn'].includes(r.status))).toBe(true);
    expect(drafts.body.items[0].createdAt >= drafts.body.items[1].createdAt).toBe(true);
    const bad = await customs.get('/api/v1/requests?sort=password&status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.field).sort()).toEqual(['sort', 'status.0']);
  });

  it('warns about a likely duplicate while drafting', async () => {
    const title = `Establishing a BSL-3 biosafety laboratory ${randomUUID().slice(0, 4)}`;
    await customs.post('/api/v1/requests', requestInput({ title, provisions: ['OP3a'], domains: ['BIOLOGICAL'] }));
    const check = await nec.post('/api/v1/requests/duplicate-check', { title: title.replace('Establishing', 'Establish') });
    expect(check.status).toBe(200);
    expect(check.body[0]).toMatchObject({ title, similarity: expect.any(Number) });
    const unrelated = await nec.post('/api/v1/requests/duplicate-check', { title: 'Radiation portal monitors at the Zamiin-Uud crossing' });
    expect(unrelated.body.map((d: any) => d.title)).not.toContain(title);
    const created = await nec.post('/api/v1/requests', requestInput({ title }));
    expect(created.body.possibleDuplicates.length).toBeGreaterThan(0);
  });

  it('serves the taxonomy and the public register', async () => {
    const taxonomy = await new ApiClient(api.baseUrl).get('/api/v1/taxonomy');
    expect(taxonomy.body.provisions.map((p: any) => p.code)).toEqual(expect.arrayContaining(['OP1', 'OP2', 'OP3a', 'OP3d', 'REPORTING']));
    expect(taxonomy.body.provisions[0]).toEqual({ code: expect.any(String), label: expect.any(String), help: expect.any(String) });
    const hidden = await customs.post('/api/v1/requests', requestInput({ visibility: 'providers', objectionWindowWaived: true }));
    const shown = await customs.post('/api/v1/requests', requestInput({ visibility: 'public', objectionWindowWaived: true }));
    for (const r of [hidden.body, shown.body]) {
      await act(coordinator, r.id, 'submit');
      await act(expert, r.id, 'acknowledge');
      await act(expert, r.id, 'circulate');
    }
    const register = await new ApiClient(api.baseUrl).get('/api/v1/public/requests?pageSize=100');
    const refs = register.body.items.map((r: any) => r.reference);
    expect(refs).toContain(shown.body.reference);
    expect(refs).not.toContain(hidden.body.reference);
    expect(Object.keys(register.body.items[0]).sort()).toEqual(['assistanceTypes', 'circulatedAt', 'domains', 'provisions', 'reference', 'state', 'status', 'title']);
    void bafa;
  });
});
