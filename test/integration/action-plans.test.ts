import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { activeOffer, offerInput } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

describe('national action plans', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let coordinator: ApiClient, customs: ApiClient, expert: ApiClient, bafa: ApiClient, exbs: ApiClient, kaz: ApiClient;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    [coordinator, customs, expert, bafa, exbs] = await Promise.all(
      (['coordinator', 'customs', 'expert', 'bafa', 'exbs'] as const).map((k) => ApiClient.as(api.baseUrl, k)),
    );
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    const org = await admin.post('/api/v1/organizations', {
      name: `Kazakhstan 1540 Commission ${randomUUID().slice(0, 6)}`,
      shortName: 'KZ',
      kind: 'state_agency',
      state: 'KAZ',
    });
    const email = `coordinator.${randomUUID().slice(0, 6)}@kz.example`;
    await admin.post('/api/v1/users', {
      email,
      displayName: 'Dana',
      role: 'agency_coordinator',
      organizationId: org.body.id,
      password: 'long-enough-pass',
    });
    kaz = await ApiClient.as(api.baseUrl, email, 'long-enough-pass');
  });
  afterAll(() => api.close());

  const newPlan = async (extra: Record<string, unknown> = {}) => {
    const res = await coordinator.post('/api/v1/action-plans', {
      title: `National action plan ${randomUUID().slice(0, 6)}`,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const addItem = async (planId: string, extra: Record<string, unknown> = {}) => {
    const res = await coordinator.post(`/api/v1/action-plans/${planId}/items`, {
      title: 'Adopt a national control list of dual-use goods',
      provisions: ['OP3d'],
      domains: ['CHEMICAL'],
      assistanceNeeded: true,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('keeps drafts to the State, shows submitted plans to the Committee and shared ones to providers (404 otherwise)', async () => {
    const plan = await newPlan();
    expect(plan).toMatchObject({ status: 'draft', revision: 0, canEdit: true, state: 'MNG' });
    expect((await expert.get(`/api/v1/action-plans/${plan.id}`)).status).toBe(404);
    expect((await customs.get(`/api/v1/action-plans/${plan.id}`)).status).toBe(200);
    expect((await kaz.get(`/api/v1/action-plans/${plan.id}`)).status).toBe(404);

    const submitted = await coordinator.patch(`/api/v1/action-plans/${plan.id}`, {
      status: 'submitted',
      submittedOn: '2022-04-25',
      version: plan.version,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', revision: 1, submittedOn: '2022-04-25' });
    expect((await expert.get(`/api/v1/action-plans/${plan.id}`)).body).toMatchObject({
      canEdit: false,
      canAddItems: false,
    });
    expect((await kaz.get(`/api/v1/action-plans/${plan.id}`)).status).toBe(404);
    expect((await bafa.get(`/api/v1/action-plans/${plan.id}`)).status).toBe(404);
    expect((await bafa.get(`/api/v1/action-plans/${plan.id}/items`)).status).toBe(404);
    expect((await kaz.get(`/api/v1/action-plans/${plan.id}/versions`)).status).toBe(404);
    const listed = await kaz.get('/api/v1/action-plans?state=MNG');
    expect(listed.body.items.map((p: any) => p.id)).not.toContain(plan.id);

    const stale = await coordinator.patch(`/api/v1/action-plans/${plan.id}`, {
      sharedWithProviders: true,
      version: plan.version,
    });
    expect(stale.status).toBe(409);
    const shared = await coordinator.patch(`/api/v1/action-plans/${plan.id}`, {
      sharedWithProviders: true,
      version: submitted.body.version,
    });
    expect(shared.body).toMatchObject({ sharedWithProviders: true, revision: 2 });
    expect((await bafa.get(`/api/v1/action-plans/${plan.id}`)).status).toBe(200);

    expect(
      (
        await kaz.patch(`/api/v1/action-plans/${plan.id}`, {
          title: 'Not theirs to edit',
          version: shared.body.version,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await customs.patch(`/api/v1/action-plans/${plan.id}`, {
          title: 'Members propose only',
          version: shared.body.version,
        })
      ).status,
    ).toBe(403);
    expect((await bafa.post('/api/v1/action-plans', { title: 'A provider’s plan' })).status).toBe(403);

    const history = await coordinator.get(`/api/v1/action-plans/${plan.id}/history`);
    expect(history.body.map((h: any) => h.action)).toEqual(['create', 'update', 'update']);
    const events = await ds.query(`SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY created_at`, [
      plan.id,
    ]);
    expect(events.map((e: any) => e.type)).toEqual([
      'action_plan.created',
      'action_plan.submitted',
      'action_plan.updated',
    ]);
  });

  it('answers bad input with 400 naming the field', async () => {
    const noTitle = await coordinator.post('/api/v1/action-plans', { title: '' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.message).toMatch(/title/);
    const plan = await newPlan();
    const badCode = await coordinator.post(`/api/v1/action-plans/${plan.id}/items`, {
      title: 'An item',
      provisions: ['OP99'],
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.message).toMatch(/provisions/);
    const unknown = await coordinator.post(`/api/v1/action-plans/${plan.id}/items`, {
      title: 'An item',
      colour: 'blue',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/colour/);
    const item = await addItem(plan.id);
    const badStatus = await coordinator.patch(`/api/v1/action-plan-items/${item.id}`, {
      status: 'finished',
      version: item.version,
    });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.message).toMatch(/status/);
    const badLead = await coordinator.patch(`/api/v1/action-plan-items/${item.id}`, {
      leadAgencyId: randomUUID(),
      version: item.version,
    });
    expect(badLead.status).toBe(400);
    expect(badLead.body.message).toMatch(/leadAgencyId/);
  });

  it('ranks items, takes agencies’ proposals and notes, the Committee’s comments, and versions each change', async () => {
    const plan = await newPlan({ status: 'submitted', submittedOn: '2022-04-25' });
    const a = await addItem(plan.id, { title: 'Dual-use control list' });
    const b = await addItem(plan.id, { title: 'BSL-3 laboratory', provisions: ['OP3a'], domains: ['BIOLOGICAL'] });
    const c = await addItem(plan.id, {
      title: 'National report to the Committee',
      provisions: ['REPORTING'],
      domains: ['NUCLEAR'],
      assistanceNeeded: false,
    });
    expect([a.priorityRank, b.priorityRank, c.priorityRank]).toEqual([1, 2, 3]);

    const moved = await coordinator.patch(`/api/v1/action-plan-items/${c.id}`, { priorityRank: 1, version: c.version });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ priorityRank: 1, prioritisedBy: { displayName: 'Bat-Erdene Dorj' } });
    const items = (await coordinator.get(`/api/v1/action-plans/${plan.id}/items`)).body;
    expect(items.map((i: any) => [i.title, i.priorityRank])).toEqual([
      ['National report to the Committee', 1],
      ['Dual-use control list', 2],
      ['BSL-3 laboratory', 3],
    ]);

    const proposal = await customs.post(`/api/v1/action-plans/${plan.id}/items`, {
      title: 'Train customs officers on commodity identification',
    });
    expect(proposal.body).toMatchObject({ proposed: true, priorityRank: null, canEdit: false });
    expect((await expert.get(`/api/v1/action-plan-items/${proposal.body.id}`)).status).toBe(404);
    expect(
      (
        await customs.patch(`/api/v1/action-plan-items/${a.id}`, {
          title: 'Members cannot retitle',
          version: items[1].version,
        })
      ).status,
    ).toBe(403);
    const noted = await customs.patch(`/api/v1/action-plan-items/${a.id}`, {
      progressNote: 'Draft list sent to the ministries',
      version: items[1].version,
    });
    expect(noted.status).toBe(200);
    const commented = await expert.patch(`/api/v1/action-plan-items/${a.id}`, {
      progressNote: 'Consider the EU list as a basis',
      version: noted.body.version,
    });
    expect(commented.body.notes.map((n: any) => n.kind)).toEqual(['progress', 'comment']);
    expect(
      (await bafa.patch(`/api/v1/action-plan-items/${a.id}`, { progressNote: 'x', version: commented.body.version }))
        .status,
    ).toBe(403);
    const accepted = await coordinator.patch(`/api/v1/action-plan-items/${proposal.body.id}`, {
      proposed: false,
      version: proposal.body.version,
    });
    expect(accepted.body).toMatchObject({ proposed: false, priorityRank: 4 });

    const versions = (await expert.get(`/api/v1/action-plans/${plan.id}/versions`)).body;
    expect(versions.map((v: any) => v.revision)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(versions[4].changes).toEqual([
      {
        subject: 'item',
        action: 'update',
        itemId: c.id,
        title: 'National report to the Committee',
        fields: ['priorityRank'],
      },
    ]);
    expect(versions[5].changes[0]).toMatchObject({ action: 'add', itemId: proposal.body.id });
    expect((versions[5].snapshot.items as any[]).map((i) => i.title)).toHaveLength(4);
    const history = (await coordinator.get(`/api/v1/action-plan-items/${a.id}/history`)).body;
    expect(history.map((h: any) => h.action)).toEqual(['create', 'progress_note', 'comment']);
    const needs = await ds.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'action_plan_item.assistance_needed' AND subject_id = ANY($1)`,
      [[a.id, b.id, c.id]],
    );
    expect(needs[0].n).toBe(2);

    const needing = (await expert.get('/api/v1/action-plan-items?needsRequest=true&state=MNG')).body.map(
      (i: any) => i.id,
    );
    expect(needing).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(needing).not.toContain(c.id);
    expect((await bafa.get('/api/v1/action-plan-items?needsRequest=true')).status).toBe(403);
  });

  it('turns a provider’s interest into one provider-interest match once the item’s request is circulated', async () => {
    const offer = await activeOffer(api.baseUrl, 'bafa');
    const plan = await newPlan({ status: 'submitted', sharedWithProviders: true });
    const item = await addItem(plan.id, { code: '1.1' });
    const hidden = await newPlan({ status: 'submitted' });
    const hiddenItem = await addItem(hidden.id);
    expect((await bafa.post(`/api/v1/action-plan-items/${hiddenItem.id}/interest`, { offerId: offer.id })).status).toBe(
      404,
    );
    expect((await exbs.post(`/api/v1/action-plan-items/${item.id}/interest`, { offerId: offer.id })).status).toBe(400);
    expect((await coordinator.post(`/api/v1/action-plan-items/${item.id}/interest`, {})).status).toBe(403);

    const declared = await bafa.post(`/api/v1/action-plan-items/${item.id}/interest`, {
      offerId: offer.id,
      note: 'Our licensing programme fits',
    });
    expect(declared.status).toBe(201);
    await bafa.post(`/api/v1/action-plan-items/${item.id}/interest`, { offerId: offer.id, note: 'Said twice' });
    expect((await coordinator.get(`/api/v1/action-plan-items/${item.id}`)).body.interests).toEqual([
      expect.objectContaining({
        provider: expect.objectContaining({ shortName: 'BAFA' }),
        offer: { id: offer.id, title: offer.title },
        matchId: null,
      }),
    ]);
    expect((await bafa.get('/api/v1/action-plan-items?interested=true')).body.map((i: any) => i.id)).toContain(item.id);

    // An interest naming the provider's draft offer: the State reads the interest, not the draft's title.
    const draftOffer = (await bafa.post('/api/v1/offers', offerInput())).body;
    expect(draftOffer.status).toBe('draft');
    const draftItem = await addItem(plan.id, { code: '1.2' });
    expect((await bafa.post(`/api/v1/action-plan-items/${draftItem.id}/interest`, { offerId: draftOffer.id })).status).toBe(201);
    const offerNamedTo = async (client: ApiClient) => (await client.get(`/api/v1/action-plan-items/${draftItem.id}`)).body.interests[0].offer;
    expect(await offerNamedTo(coordinator)).toBeNull();
    expect(await offerNamedTo(expert)).toBeNull();
    expect(await offerNamedTo(bafa)).toEqual({ id: draftOffer.id, title: draftOffer.title });

    expect((await kaz.post(`/api/v1/action-plan-items/${item.id}/request`)).status).toBe(404);
    expect((await expert.post(`/api/v1/action-plan-items/${item.id}/request`)).status).toBe(403);
    const drafted = await coordinator.post(`/api/v1/action-plan-items/${item.id}/request`);
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({
      status: 'draft',
      actionPlanItemId: item.id,
      title: item.title,
      provisions: ['OP3d'],
      domains: ['CHEMICAL'],
      napReference: `1.1 ${item.title}`,
    });
    const itemNow = (await coordinator.get(`/api/v1/action-plan-items/${item.id}`)).body;
    expect(itemNow.requests).toEqual([{ id: drafted.body.id, reference: drafted.body.reference, status: 'draft' }]);
    expect((await bafa.get(`/api/v1/action-plan-items/${item.id}`)).body.requests).toEqual([]);
    // The plan's count of items with a request is the caller's too: the State's draft is not one for a provider,
    // neither in the plan view nor in the CSV.
    const withRequestAs = async (client: ApiClient) => (await client.get(`/api/v1/action-plans/${plan.id}`)).body.progress.withRequest;
    const csvWithRequestAs = async (client: ApiClient) => {
      const [header, ...lines] = String((await client.get('/api/v1/export/action-plans.csv')).body).replace(/^\uFEFF/, '').split(/\r?\n/);
      const row = lines.find((l) => l.includes(plan.id))?.split(',');
      return row?.[header.split(',').indexOf('itemsWithRequest')];
    };
    expect(await withRequestAs(coordinator)).toBe(1);
    expect(await csvWithRequestAs(coordinator)).toBe('1');
    expect(await withRequestAs(bafa)).toBe(0);
    expect(await csvWithRequestAs(bafa)).toBe('0');
    // The item's history: the coordinator reads every step with its note and the draft behind it; another provider
    // reads the steps only, not BAFA's interest or the draft request; BAFA reads its own interest in full.
    const historyAs = async (client: ApiClient) =>
      (await client.get(`/api/v1/action-plan-items/${item.id}/history`)).body as any[];
    const full = await historyAs(coordinator);
    expect(full.find((h) => h.action === 'interest')).toMatchObject({ comment: 'Our licensing programme fits' });
    expect(full.find((h) => h.action === 'request')?.details).toMatchObject({ requestId: drafted.body.id });
    const asExbs = await historyAs(exbs);
    expect(asExbs.map((h) => h.action)).toEqual(full.map((h) => h.action));
    expect(asExbs.filter((h) => h.comment !== null || h.details !== null)).toEqual([]);
    expect((await historyAs(bafa)).find((h) => h.action === 'interest')).toMatchObject({
      comment: 'Our licensing programme fits',
    });
    expect(
      (await expert.get('/api/v1/action-plan-items?needsRequest=true&state=MNG')).body.map((i: any) => i.id),
    ).not.toContain(item.id);

    const ready = await coordinator.patch(`/api/v1/requests/${drafted.body.id}`, {
      assistanceTypes: ['LEGISLATIVE'],
      objectionWindowWaived: true,
      visibility: 'providers',
      version: drafted.body.version,
    });
    expect(ready.status).toBe(200);
    for (const [client, action] of [
      [coordinator, 'submit'],
      [expert, 'acknowledge'],
    ] as const) {
      expect((await client.post(`/api/v1/requests/${drafted.body.id}/transitions`, { action })).status).toBe(200);
    }
    const countMatches = async () =>
      (
        await ds.query(
          `SELECT count(*)::int AS n FROM matches WHERE request_id = $1 AND offer_id = $2 AND origin = 'provider_interest'`,
          [drafted.body.id, offer.id],
        )
      )[0].n;
    expect(await countMatches()).toBe(0);
    expect((await expert.post(`/api/v1/requests/${drafted.body.id}/transitions`, { action: 'circulate' })).status).toBe(
      200,
    );
    expect(await countMatches()).toBe(1);
    expect(await withRequestAs(bafa)).toBe(1);
    // Declared again, or a second circulation path: still one match.
    await bafa.post(`/api/v1/action-plan-items/${item.id}/interest`, { offerId: offer.id });
    expect(await countMatches()).toBe(1);
    const linked = (await coordinator.get(`/api/v1/action-plan-items/${item.id}`)).body;
    expect(linked.interests[0].matchId).toEqual(expect.any(String));
    expect(linked.requests[0].status).toBe('circulated');

    // A second provider's interest after circulation is a match at once.
    const japanOffer = await activeOffer(api.baseUrl, 'japan');
    const japan = await ApiClient.as(api.baseUrl, 'japan');
    await japan.post(`/api/v1/action-plan-items/${item.id}/interest`, { offerId: japanOffer.id });
    const matches = await ds.query(
      `SELECT offer_id FROM matches WHERE request_id = $1 AND origin = 'provider_interest'`,
      [drafted.body.id],
    );
    expect(matches.map((m: any) => m.offer_id).sort()).toEqual([offer.id, japanOffer.id].sort());
  });

  it('holds Mongolia’s seeded plan: submitted 25 April 2022, re-prioritised at the December 2022 roundtable, linked to its requests', async () => {
    const list = (await expert.get('/api/v1/action-plans?state=MNG')).body.items;
    const seeded = list.find((p: any) =>
      p.title.startsWith('National Action Plan on the implementation of resolution 1540'),
    );
    expect(seeded).toMatchObject({ submittedOn: '2022-04-25', revision: 2, sharedWithProviders: true });
    const plan = (await expert.get(`/api/v1/action-plans/${seeded.id}`)).body;
    expect(plan.items[0]).toMatchObject({ code: '3.1', priorityRank: 1, priorityLevel: 'high' });
    expect(plan.items[0].requests.length).toBe(2);
    expect(plan.items.find((i: any) => i.code === '5.1').requests).toHaveLength(1);
    const versions = (await expert.get(`/api/v1/action-plans/${seeded.id}/versions`)).body;
    expect(versions.map((v: any) => [v.revision, v.createdAt.slice(0, 10)])).toEqual([
      [1, '2022-04-25'],
      [2, '2022-12-08'],
    ]);
    expect(versions[1].changes.length).toBeGreaterThan(5);
    const request = (await expert.get(`/api/v1/requests/${plan.items[0].requests[0].id}`)).body;
    expect(request.actionPlanItemId).toBe(plan.items[0].id);
    expect((await bafa.get(`/api/v1/action-plans/${seeded.id}`)).status).toBe(200);

    const csv = await expert.get('/api/v1/export/action-plan-items.csv?state=MNG');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(String(csv.body)).toContain('Adopt and maintain a national control list of dual-use goods and technologies');
  });
  it('publishes on the public register only the summaries States chose to make public (no sign-in)', async () => {
    const anonymous = new ApiClient(api.baseUrl);
    const secret = `confidential description ${randomUUID().slice(0, 6)}`;
    const published = await newPlan({
      status: 'submitted',
      submittedOn: '2022-04-25',
      description: secret,
      publicSummary: '  Mongolia’s plan in brief.  ',
    });
    await addItem(published.id, { title: `Item not for the public ${randomUUID().slice(0, 6)}` });
    const noSummary = await newPlan({ status: 'submitted', submittedOn: '2022-05-01' });
    const blank = await newPlan({ status: 'submitted', submittedOn: '2022-05-02', publicSummary: '   ' });
    const draft = await newPlan({ publicSummary: 'A draft is not public yet.' });

    const res = await anonymous.get('/api/v1/public/action-plans?state=MNG&pageSize=100');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((p: any) => p.id);
    expect(ids).toContain(published.id);
    for (const hidden of [noSummary, blank, draft]) expect(ids).not.toContain(hidden.id);
    const row = res.body.items.find((p: any) => p.id === published.id);
    expect(row).toEqual({
      id: published.id,
      state: 'MNG',
      title: published.title,
      submittedOn: '2022-04-25',
      summary: 'Mongolia’s plan in brief.',
    });
    expect(JSON.stringify(res.body)).not.toContain(secret);
    expect(JSON.stringify(res.body)).not.toContain('Item not for the public');

    expect((await anonymous.get('/api/v1/public/action-plans?state=KAZ')).body).toMatchObject({ items: [], total: 0 });
    expect((await anonymous.get('/api/v1/public/action-plans?state=mongolia')).status).toBe(400);
    expect((await anonymous.get('/api/v1/public/action-plans?pageSize=1000')).status).toBe(400);
    // The private routes stay closed to anonymous callers.
    expect((await anonymous.get(`/api/v1/action-plans/${published.id}`)).status).toBe(401);
  });
});
