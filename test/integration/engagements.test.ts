import { DataSource } from 'typeorm';
import {
  ActionPlanEntity,
  ActionPlanItemEntity,
  DEMO_ROUNDTABLE,
  DEMO_WEBINARS,
  seedDemoEngagements,
} from '@app/database';
import { engagementPageSchema, engagementViewSchema } from '@app/contracts';
import { activeOffer } from '../factories';
import { ApiClient } from '../support/http';
import { pdfText } from '../support/pdf-text';
import { startApiInProcess } from '../support/platform';

describe('engagements', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  let expert: ApiClient,
    coordinator: ApiClient,
    customs: ApiClient,
    bafa: ApiClient,
    wco: ApiClient,
    anonymous: ApiClient;
  const org: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    [expert, coordinator, customs, bafa, wco] = await Promise.all(
      (['expert', 'coordinator', 'customs', 'bafa', 'wco'] as const).map((k) => ApiClient.as(api.baseUrl, k)),
    );
    anonymous = new ApiClient(api.baseUrl);
    for (const row of await ds.query(`SELECT id, short_name FROM organizations`)) org[row.short_name] = row.id;
  });
  afterAll(() => api.close());

  const roundtable = (over: Record<string, unknown> = {}) => ({
    kind: 'roundtable',
    title: 'National Roundtable on Prioritizing Items of the 1540 National Action Plan',
    startDate: '2022-12-06',
    endDate: '2022-12-08',
    venue: 'Ulaanbaatar, Mongolia',
    organisers: [{ organizationId: org.NCTC }, { name: 'UNODA Regional Centre', note: 'with the Committee’s experts' }],
    participants: [
      { organizationId: org.NCTC },
      { organizationId: org.Customs },
      { organizationId: org.BAFA, note: 'provider' },
      { name: 'Ministry of Foreign Affairs of Mongolia' },
    ],
    states: ['MNG'],
    background: 'Mongolia submitted its national action plan on 25 April 2022.',
    highlights: 'The participants went through every item of the plan.',
    outcomes: 'Agreed priorities; actions to update the plan.',
    additionalComments: 'Hosted in person.',
    ...over,
  });

  it('records an engagement with history and events; 400 names the field, 403 for others, 409 when stale', async () => {
    const created = await expert.post('/api/v1/engagements', roundtable());
    expect(created.status).toBe(201);
    expect(engagementViewSchema.safeParse(created.body).success).toBe(true);
    expect(created.body.participants.map((p: any) => p.name)).toEqual([
      'National Counter-Terrorism Council (MNG)',
      'Customs General Authority (MNG)',
      expect.stringMatching(/^BAFA/),
      'Ministry of Foreign Affairs of Mongolia',
    ]);
    const id = created.body.id;

    const bad = await expert.post('/api/v1/engagements', roundtable({ kind: 'party', endDate: '2022-12-01' }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/kind/);
    const unknownOrg = await expert.post(
      '/api/v1/engagements',
      roundtable({ participants: [{ organizationId: '00000000-0000-4000-8000-000000000000' }] }),
    );
    expect(unknownOrg.status).toBe(400);
    expect(JSON.stringify(unknownOrg.body)).toMatch(/participants\.0\.organizationId/);
    expect((await coordinator.post('/api/v1/engagements', roundtable())).status).toBe(403);
    expect((await bafa.patch(`/api/v1/engagements/${id}`, { title: 'Changed by a provider', version: 1 })).status).toBe(
      403,
    );

    const edited = await expert.patch(`/api/v1/engagements/${id}`, {
      highlights: 'Items ranked, programmes heard.',
      version: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    const stale = await expert.patch(`/api/v1/engagements/${id}`, { highlights: 'Stale edit', version: 1 });
    expect(stale.status).toBe(409);

    const action = await expert.post(`/api/v1/engagements/${id}/follow-ups`, {
      description: 'Update the national action plan with the agreed priorities',
      ownerOrganizationId: org.NCTC,
      dueDate: '2023-03-31',
    });
    expect(action.status).toBe(201);
    const followUp = action.body.followUps[0];
    expect(followUp).toMatchObject({
      status: 'open',
      ownerName: 'National Counter-Terrorism Council (MNG)',
      dueDate: '2023-03-31',
    });
    const twoOwners = await expert.post(`/api/v1/engagements/${id}/follow-ups`, {
      description: 'Two owners',
      ownerOrganizationId: org.NCTC,
      ownerUserId: followUp.id,
      dueDate: '2023-03-31',
    });
    expect(twoOwners.status).toBe(400);
    // The owner (a member of the owning organisation) may close it; others may not.
    expect(
      (await bafa.patch(`/api/v1/engagements/${id}/follow-ups/${followUp.id}`, { status: 'done', version: 1 })).status,
    ).toBe(403);
    const done = await coordinator.patch(`/api/v1/engagements/${id}/follow-ups/${followUp.id}`, {
      status: 'done',
      version: 1,
    });
    expect(done.status).toBe(200);
    expect(done.body.followUps[0]).toMatchObject({ status: 'done', doneAt: expect.any(String) });

    const history = await expert.get(`/api/v1/engagements/${id}/history`);
    expect(history.body.map((h: any) => h.action)).toEqual([
      'create',
      'update',
      'follow_up_added',
      'follow_up_updated',
    ]);
    const events = await ds.query(`SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY created_at`, [id]);
    expect(events.map((e: any) => e.type)).toEqual([
      'engagement.created',
      'engagement.updated',
      'engagement.follow_up_added',
      'engagement.follow_up_updated',
    ]);
  });

  it('shows each engagement to whom it concerns (visibility matrix), and published notes to everyone', async () => {
    const mng = (await expert.post('/api/v1/engagements', roundtable({ title: 'Matrix roundtable in Ulaanbaatar' })))
      .body;
    const kaz = (
      await expert.post('/api/v1/engagements', {
        kind: 'workshop',
        title: 'Matrix workshop in Astana',
        startDate: '2023-05-02',
        endDate: '2023-05-03',
        online: true,
        states: ['KAZ'],
        participants: [{ organizationId: org.WCO }],
      })
    ).body;
    const sees = async (client: ApiClient, id: string) => (await client.get(`/api/v1/engagements/${id}`)).status;
    const matrix = {
      expert: [await sees(expert, mng.id), await sees(expert, kaz.id)],
      coordinator: [await sees(coordinator, mng.id), await sees(coordinator, kaz.id)],
      customs: [await sees(customs, mng.id), await sees(customs, kaz.id)],
      bafa: [await sees(bafa, mng.id), await sees(bafa, kaz.id)],
      wco: [await sees(wco, mng.id), await sees(wco, kaz.id)],
    };
    expect(matrix).toEqual({
      expert: [200, 200],
      coordinator: [200, 404],
      customs: [200, 404],
      bafa: [200, 404],
      wco: [404, 200],
    });
    expect((await wco.get(`/api/v1/engagements/${mng.id}/information-note`)).status).toBe(404);
    expect((await anonymous.get(`/api/v1/public/engagements/${mng.id}/information-note`)).status).toBe(404);

    const list = await coordinator.get('/api/v1/engagements?state=MNG&kind=roundtable&pageSize=100');
    expect(engagementPageSchema.safeParse(list.body).success).toBe(true);
    expect(list.body.items.map((e: any) => e.id)).toContain(mng.id);
    expect(list.body.items.every((e: any) => e.kind === 'roundtable' && e.states.includes('MNG'))).toBe(true);
    expect((await coordinator.get('/api/v1/engagements?kind=meeting')).status).toBe(400);

    // Publishing the note puts it on the public register; a provider that was not there reads the note, not the follow-ups.
    expect((await bafa.patch(`/api/v1/engagements/${mng.id}`, { notePublished: true, version: 1 })).status).toBe(403);
    const published = await expert.patch(`/api/v1/engagements/${mng.id}`, { notePublished: true, version: 1 });
    expect(published.body).toMatchObject({ notePublished: true, notePublishedAt: expect.any(String) });
    const asWco = await wco.get(`/api/v1/engagements/${mng.id}`);
    expect(asWco.status).toBe(200);
    expect(asWco.body.followUps).toEqual([]);
    expect(asWco.body.outcomes).toBe('');
    expect((await expert.get(`/api/v1/engagements/${mng.id}`)).body.outcomes).toBe(
      'Agreed priorities; actions to update the plan.',
    );
    const register = await anonymous.get('/api/v1/public/engagements?state=MNG&pageSize=100');
    expect(register.body.items.map((e: any) => e.id)).toContain(mng.id);
    expect(register.body.items.map((e: any) => e.id)).not.toContain(kaz.id);
    const html = await anonymous.get(`/api/v1/public/engagements/${mng.id}/information-note?format=html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.body).toContain('For information – not an official report');
    const events = await ds.query(
      `SELECT type, payload FROM outbox_events WHERE subject_id = $1 AND type = 'engagement.note_published'`,
      [mng.id],
    );
    expect(events).toEqual([{ type: 'engagement.note_published', payload: { published: true } }]);
  });

  it('renders the information note as HTML and as a PDF naming the venue and the participants', async () => {
    const e = (
      await expert.post(
        '/api/v1/engagements',
        roundtable({ title: 'Note roundtable', venue: 'Chinggis Khaan Hotel, Ulaanbaatar' }),
      )
    ).body;
    const html = await coordinator.get(`/api/v1/engagements/${e.id}/information-note`);
    expect(html.status).toBe(200);
    for (const text of [
      'Note roundtable',
      'Chinggis Khaan Hotel, Ulaanbaatar',
      '6\u2009–\u20098 December 2022',
      'Customs General Authority (MNG)',
      'Mongolia submitted its national action plan',
      'Hosted in person.',
    ]) {
      expect(html.body).toContain(text);
    }
    // ApiClient reads bodies as text; a PDF is read as bytes, with the same bearer token.
    const token = (expert as unknown as { token: string }).token;
    const res = await fetch(`${api.baseUrl}/api/v1/engagements/${e.id}/information-note?format=pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const s of [
      'Information note',
      'Chinggis Khaan Hotel, Ulaanbaatar',
      'Customs General Authority (MNG)',
      'Ministry of Foreign Affairs of Mongolia',
      'For information – not an official report',
    ]) {
      expect(text.replace(/\n/g, ' ')).toContain(s);
    }
    expect((await expert.get(`/api/v1/engagements/${e.id}/information-note?format=docx`)).status).toBe(400);
  });

  it('runs the roundtable story: prioritisation gives the plan a new version with the priorities, interests once on replay', async () => {
    const plan = await ds.manager.save(
      ds.manager.create(ActionPlanEntity, {
        state: 'MNG',
        organizationId: org.NCTC,
        title: 'Story plan',
        status: 'submitted',
        submittedOn: '2022-04-25',
        revision: 1,
      }),
    );
    const items = [];
    for (const [n, title] of [
      'National control list of dual-use goods',
      'BSL-3 laboratory biosafety',
      'Customs targeting of strategic goods',
    ].entries()) {
      items.push(
        await ds.manager.save(
          ds.manager.create(ActionPlanItemEntity, {
            planId: plan.id,
            title,
            priorityRank: n + 1,
            priorityLevel: 'medium',
            assistanceNeeded: true,
          }),
        ),
      );
    }
    const offer = await activeOffer(api.baseUrl, 'bafa');
    const e = (await expert.post('/api/v1/engagements', roundtable({ title: 'Story roundtable' }))).body;
    const workshop = (
      await expert.post('/api/v1/engagements', roundtable({ kind: 'workshop', title: 'Story workshop' }))
    ).body;
    const body = {
      actionPlanId: plan.id,
      order: [items[2].id, items[0].id],
      levels: [
        { itemId: items[2].id, level: 'high' },
        { itemId: items[1].id, level: 'low' },
      ],
      interests: [
        { itemId: items[0].id, providerOrganizationId: org.BAFA, offerId: offer.id, note: 'Control list workshop' },
        { itemId: items[2].id, providerOrganizationId: org.WCO, note: 'Risk management training' },
      ],
    };

    expect((await bafa.post(`/api/v1/engagements/${e.id}/prioritisation`, body)).status).toBe(403);
    expect((await customs.post(`/api/v1/engagements/${e.id}/prioritisation`, body)).status).toBe(403);
    expect((await expert.post(`/api/v1/engagements/${workshop.id}/prioritisation`, body)).status).toBe(409);
    const foreign = await expert.post(`/api/v1/engagements/${e.id}/prioritisation`, { ...body, order: [e.id] });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toMatch(/order\.0/);
    const wrongOffer = await expert.post(`/api/v1/engagements/${e.id}/prioritisation`, {
      ...body,
      interests: [{ ...body.interests[0], providerOrganizationId: org.WCO }],
    });
    expect(wrongOffer.status).toBe(400);
    expect(JSON.stringify(wrongOffer.body)).toMatch(/interests\.0\.offerId/);

    const recorded = await coordinator.post(`/api/v1/engagements/${e.id}/prioritisation`, body);
    expect(recorded.status).toBe(200);
    expect(recorded.body.prioritisations).toHaveLength(1);
    expect(recorded.body.prioritisations[0]).toMatchObject({
      actionPlanId: plan.id,
      planVersion: 2,
      decidedByName: 'Bat-Erdene Dorj',
    });

    const after = await ds.query(
      `SELECT id, priority_rank, priority_level, prioritised_in_engagement_id FROM action_plan_items WHERE plan_id = $1 ORDER BY priority_rank`,
      [plan.id],
    );
    expect(after.map((i: any) => [i.id, i.priority_rank, i.priority_level, i.prioritised_in_engagement_id])).toEqual([
      [items[2].id, 1, 'high', e.id],
      [items[0].id, 2, 'medium', e.id],
      [items[1].id, 3, 'low', e.id],
    ]);
    const versions = await ds.query(`SELECT revision, engagement_id FROM action_plan_versions WHERE plan_id = $1`, [
      plan.id,
    ]);
    expect(versions).toEqual([{ revision: 2, engagement_id: e.id }]);
    const [{ revision }] = await ds.query(`SELECT revision FROM action_plans WHERE id = $1`, [plan.id]);
    expect(revision).toBe(2);

    // The same body again changes nothing: no new version, no second interest, no second event.
    const replay = await coordinator.post(`/api/v1/engagements/${e.id}/prioritisation`, {
      ...body,
      interests: [...body.interests].reverse(),
    });
    expect(replay.status).toBe(200);
    expect(replay.body.prioritisations).toHaveLength(1);
    const interests = await ds.query(
      `SELECT provider_organization_id, offer_id, engagement_id FROM action_plan_item_interests WHERE item_id = ANY($1) ORDER BY note`,
      [items.map((i) => i.id)],
    );
    expect(interests).toEqual([
      { provider_organization_id: org.BAFA, offer_id: offer.id, engagement_id: e.id },
      { provider_organization_id: org.WCO, offer_id: null, engagement_id: e.id },
    ]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM action_plan_versions WHERE plan_id = $1`, [plan.id])).toEqual(
      [{ n: 1 }],
    );
    const events = await ds.query(`SELECT type FROM outbox_events WHERE subject_id = ANY($1) ORDER BY type`, [
      [e.id, plan.id, ...items.map((i) => i.id)],
    ]);
    expect(events.map((x: any) => x.type)).toEqual([
      'action_plan.updated',
      'action_plan_item.interest_declared',
      'action_plan_item.interest_declared',
      'engagement.created',
      'engagement.prioritisation_recorded',
    ]);
  });

  it('seeds Mongolia’s webinars and roundtable, its prioritisation on plan version 2, once', async () => {
    const list = await coordinator.get('/api/v1/engagements?state=MNG&pageSize=100');
    const titles = list.body.items.map((e: any) => e.title);
    expect(titles).toEqual(expect.arrayContaining([DEMO_WEBINARS.title, DEMO_ROUNDTABLE.title]));
    const [{ id: seededId }] = await ds.query(`SELECT id FROM engagements WHERE seed_key = $1`, [
      DEMO_ROUNDTABLE.seedKey,
    ]);
    const seeded = list.body.items.find((e: any) => e.id === seededId);
    expect(seeded).toMatchObject({ kind: 'roundtable', venue: 'Ulaanbaatar, Mongolia', endDate: '2022-12-08' });
    expect(seeded.participants.map((p: any) => p.name)).toEqual(
      expect.arrayContaining([
        'National Emergency Management Agency (NEMA)',
        expect.stringMatching(/^BAFA/),
        'World Customs Organization',
      ]),
    );
    expect(seeded.prioritisations).toHaveLength(1);
    expect(seeded.prioritisations[0].planVersion).toBe(2);
    expect(seeded.followUps).toHaveLength(3);
    const [version] = await ds.query(
      `SELECT v.engagement_id FROM action_plan_versions v WHERE v.plan_id = $1 AND v.revision = 2`,
      [seeded.prioritisations[0].actionPlanId],
    );
    expect(version.engagement_id).toBe(seeded.id);
    const orgIds = new Map<string, string>(
      Object.entries({
        nctc: org.NCTC,
        customs: org.Customs,
        nec: org.NEC,
        gasi: org.GASI,
        bafa: org.BAFA,
        exbs: org.EXBS,
        wco: org.WCO,
        osce: org.OSCE,
        unoda: org.UNODA,
        japan: org['MOFA Japan'],
        committee: org['1540 GoE'],
      }),
    );
    expect(await seedDemoEngagements(ds, orgIds)).toEqual({ engagements: 0 });
    // Other files may write engagements with keys of their own; the demo's two are there once each.
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM engagements WHERE seed_key = ANY($1::text[])`, [
      [DEMO_WEBINARS.seedKey, DEMO_ROUNDTABLE.seedKey],
    ]);
    expect(n).toBe(2);
  });
});
