import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '@app/common';
import { createDataSource, DEMO_PASSWORD, dropDatabase, ensureDatabase } from '@app/database';
import { parseRequestReference } from '@app/domain';
import { parseCsv } from '../../apps/api/src/data-exchange/csv';
import { match as exchangeMatch } from '../../apps/api/src/data-exchange/import-fixtures.helper';
import { activeOffer, circulatedRequest, offerInput, requestInput } from '../factories';
import { ApiClient, DEMO } from '../support/http';
import { startApiInProcess } from '../support/platform';

type Api = Awaited<ReturnType<typeof startApiInProcess>>;

const tag = () => randomUUID().slice(0, 8);
const now = () => new Date().toISOString();

/** The API again, against another database: the app reads DATABASE_URL when its modules are built. */
async function startApiOn(databaseUrl: string): Promise<Api> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  try {
    return await startApiInProcess();
  } finally {
    process.env.DATABASE_URL = previous;
  }
}

/** Signs in and returns the bearer token, for reading a response's raw bytes. */
async function tokenFor(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function rawGet(
  baseUrl: string,
  token: string,
  url: string,
): Promise<{ status: number; bytes: Buffer; text: string; headers: Headers }> {
  const res = await fetch(`${baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes, text: bytes.toString('utf8'), headers: res.headers };
}

/** Every page of a JSON list, as the web app would read it. */
async function allItems(client: ApiClient, url: string): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page++) {
    const res = await client.get(`${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=100`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    if (items.length >= res.body.total || res.body.items.length === 0) return items;
  }
}

/** CSV text → one object per row, keyed by the header row. */
function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

// A stored suggestion's reason line as the engine's clauses, from which each reader gets it in their language.
const reasonParts = [
  { key: 'coversSome', provisions: ['OP3d'], count: 1 },
  { key: 'servesDirectly', state: 'MNG' },
];

// What the CSV writer makes of a text cell: text a spreadsheet would run as a formula gets a leading quote.
const guarded = (s: string | null) => (s === null ? '' : /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('data exchange', () => {
  let api: Api;
  let ds: DataSource;
  let admin: ApiClient, expert: ApiClient, customs: ApiClient, coordinator: ApiClient, bafa: ApiClient;
  const world: Record<string, any> = {};

  // A second, empty database with only an administrator, to import into.
  const targetUrl = (() => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `${url.pathname}_import_${tag()}`;
    return url.toString();
  })();
  let target: Api;
  let targetDs: DataSource;
  let targetAdmin: ApiClient;
  const targetAdminEmail = 'import-admin@committee.example';
  const targetAdminPassword = 'import-admin-password';
  const targetOrgId = randomUUID();
  const targetAdminId = randomUUID();

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    [admin, expert, customs, coordinator, bafa] = await Promise.all(
      (['admin', 'expert', 'customs', 'coordinator', 'bafa'] as const).map((k) => ApiClient.as(api.baseUrl, k)),
    );

    // A rich world in the source database: requests in several statuses with their history, offers, a match.
    const bafaOrg = (await bafa.get('/api/v1/auth/me')).body.organization;
    world.circulated = await circulatedRequest(api.baseUrl, {
      title: 'Хос зориулалттай бараа, технологийн "жагсаалт", хяналт',
      description: 'Line one of the need, with a comma, and "quotes".\nLine two: the gaps today.',
      estimatedCost: { amount: 15_000_000, currency: 'USD' },
      preferredProviderIds: [bafaOrg.id],
      letterDate: '2020-05-12',
    });
    world.draft = (
      await customs.post(
        '/api/v1/requests',
        requestInput({ title: '=SUM(1+2) formula-looking title', letterDate: '2020-08-03' }),
      )
    ).body;
    const withdrawn = (await customs.post('/api/v1/requests', requestInput())).body;
    world.withdrawn = (
      await customs.post(`/api/v1/requests/${withdrawn.id}/transitions`, {
        action: 'withdraw',
        comment: 'Superseded by the NAP',
      })
    ).body;
    const clarify = (await customs.post('/api/v1/requests', requestInput({ visibility: 'committee' }))).body;
    await coordinator.post(`/api/v1/requests/${clarify.id}/transitions`, { action: 'submit' });
    world.clarification = (
      await expert.post(`/api/v1/requests/${clarify.id}/transitions`, {
        action: 'request_clarification',
        comment: 'Which agencies issue licences?',
      })
    ).body;
    world.offer = await activeOffer(api.baseUrl, 'bafa', {
      capacity: { engagements: 3, budget: { amount: 250_000_00, currency: 'EUR' } },
    });
    world.exbsOffer = await activeOffer(api.baseUrl, 'exbs');
    const exbs = await ApiClient.as(api.baseUrl, 'exbs');
    world.draftOffer = (await exbs.post('/api/v1/offers', offerInput({ programme: null }))).body;
    // The matches API is someone else's; a row as the engine would store it, and its history entry.
    world.matchId = randomUUID();
    const [{ id: expertId }] = await ds.query('SELECT id FROM users WHERE email = $1', [DEMO.expert]);
    await ds.query(
      `INSERT INTO matches (id, request_id, offer_id, score, components, reason, reason_parts, engine_version, weights_version, scored_at, origin, status, notes, created_by_id, endorsed_at, version)
       VALUES ($1, $2, $3, 0.8125, $4, 'covers OP3d — 1 of 1 requested provisions; serves Mongolia directly', $5, 'v1', 1, now(), 'engine', 'endorsed', 'Good fit', $6, now(), 2)`,
      [
        world.matchId,
        world.circulated.id,
        world.offer.id,
        JSON.stringify([{ key: 'provisions', value: 1, weight: 3, contribution: 0.5 }]),
        JSON.stringify(reasonParts),
        expertId,
      ],
    );
    await ds.query(
      `INSERT INTO history_entries (subject_type, subject_id, action, from_status, to_status, actor_id, actor_role, details)
       VALUES ('match', $1, 'endorse', 'suggested', 'endorsed', $2, 'committee_member', '{"score": 0.8125}')`,
      [world.matchId, expertId],
    );

    // The empty target database: migrated, with one committee organisation and its administrator.
    await ensureDatabase(targetUrl);
    targetDs = await createDataSource(targetUrl).initialize();
    await targetDs.runMigrations({ transaction: 'each' });
    await targetDs.query(
      `INSERT INTO organizations (id, name, short_name, kind, version) VALUES ($1, 'Import target committee', 'Target', 'committee', 1)`,
      [targetOrgId],
    );
    await targetDs.query(
      `INSERT INTO users (id, email, display_name, role, organization_id, password_hash, version) VALUES ($1, $2, 'Import Admin', 'committee_admin', $3, $4, 1)`,
      [targetAdminId, targetAdminEmail, targetOrgId, await hashPassword(targetAdminPassword)],
    );
    target = await startApiOn(targetUrl);
    targetAdmin = await ApiClient.as(target.baseUrl, targetAdminEmail, targetAdminPassword);
  });

  afterAll(async () => {
    await target?.close();
    await targetDs?.destroy();
    await dropDatabase(targetUrl);
    await api?.close();
  });

  describe('JSON export and import', () => {
    let source: any;
    let imported: any;

    it('exports the whole register as one documented document, without password hashes', async () => {
      const res = await admin.get('/api/v1/export');
      expect(res.status).toBe(200);
      source = res.body;
      expect(source).toMatchObject({
        format: 'a1540-exchange',
        formatVersion: 1,
        exportedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(Object.keys(source)).toEqual([
        'format',
        'formatVersion',
        'exportedAt',
        'organizations',
        'users',
        'contactLists',
        'engagements',
        'engagementFollowUps',
        'actionPlans',
        'actionPlanVersions',
        'actionPlanItems',
        'requests',
        'offers',
        'matches',
        'actionPlanItemNotes',
        'actionPlanItemInterests',
        'engagementPrioritisations',
        'documents',
        'threadMessages',
        'history',
      ]);

      const request = source.requests.find((r: any) => r.id === world.circulated.id);
      expect(request).toMatchObject({
        reference: world.circulated.reference,
        status: 'circulated',
        title: world.circulated.title,
        estimatedCost: { amount: 15_000_000, currency: 'USD' },
        letterDate: '2020-05-12',
        preferredProviderIds: world.circulated.preferredProviderIds,
        circulatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      });
      expect(new Date(request.circulatedAt).getTime()).toBe(new Date(world.circulated.circulatedAt).getTime());
      expect(source.offers.find((o: any) => o.id === world.offer.id).capacity).toEqual({
        engagements: 3,
        budget: { amount: 250_000_00, currency: 'EUR' },
        engagementsUsed: 0,
      });
      expect(source.offers.map((o: any) => o.id)).toContain(world.draftOffer.id); // drafts too: it is the whole register
      expect(source.matches.find((m: any) => m.id === world.matchId)).toMatchObject({
        requestId: world.circulated.id,
        offerId: world.offer.id,
        score: 0.8125,
        status: 'endorsed',
        reason: 'covers OP3d — 1 of 1 requested provisions; serves Mongolia directly',
        reasonParts,
      });
      expect(
        source.history.filter((h: any) => h.subjectId === world.withdrawn.id).map((h: any) => [h.action, h.comment]),
      ).toEqual([
        ['create', null],
        ['withdraw', 'Superseded by the NAP'],
      ]);
      for (const user of source.users) {
        expect(Object.keys(user)).not.toContain('passwordHash');
        expect(JSON.stringify(user)).not.toMatch(/scrypt\$/);
      }
      // Sorted by creation time, then id.
      for (const collection of Object.keys(source).slice(3)) {
        const keys = source[collection].map((r: any) => `${r.createdAt} ${r.id}`);
        expect(keys).toEqual([...keys].sort());
      }
    });

    it('imports it into an empty database, keeping every id and time, and exports the same document again', async () => {
      const res = await targetAdmin.post('/api/v1/import', source);
      expect({ status: res.status, problems: res.status === 201 ? null : res.body }).toEqual({ status: 201, problems: null });
      imported = res.body;
      expect(imported.imported).toEqual(
        Object.fromEntries(Object.keys(source).slice(3).map((collection) => [collection, source[collection].length])),
      );
      expect(imported.inactiveUsers).toBe(source.users.length);

      const again = (await targetAdmin.get('/api/v1/export')).body;
      // Left out of the comparison, and why: the target's own administrator and organisation (created for this
      // test, not imported), the import's own history entry (checked below), exportedAt, and users' `active`
      // (imported users have no password and are inactive by rule; checked below). Everything else must match.
      const ownHistory = again.history.filter((h: any) => h.subjectType === 'import');
      expect(ownHistory).toEqual([
        expect.objectContaining({
          subjectId: imported.importId,
          action: 'import',
          actorId: targetAdminId,
          details: expect.objectContaining({ imported: imported.imported }),
        }),
      ]);
      const importedUsers = again.users.filter((u: any) => u.id !== targetAdminId);
      expect(importedUsers.every((u: any) => u.active === false)).toBe(true);
      const comparable = (doc: any) => ({
        ...doc,
        exportedAt: null,
        organizations: doc.organizations.filter((o: any) => o.id !== targetOrgId),
        users: doc.users.filter((u: any) => u.id !== targetAdminId).map(({ active: _active, ...u }: any) => u),
        history: doc.history.filter((h: any) => h.subjectType !== 'import'),
      });
      expect(comparable(again)).toEqual(comparable(source));
      // Same order and same keys in the same order, not only equal sets.
      expect(JSON.stringify(comparable(again))).toBe(JSON.stringify(comparable(source)));
    });

    it('keeps a match’s reason clauses, so a French reader of the new database reads its reason line in French', async () => {
      const [row] = await targetDs.query('SELECT reason_parts FROM matches WHERE id = $1', [world.matchId]);
      expect(row.reason_parts).toEqual(reasonParts);
      // A new Committee member of the imported Committee, reading in French.
      const committeeId = source.users.find((u: any) => u.email === DEMO.expert).organizationId;
      const email = `lecteur.${tag()}@committee.example`;
      const created = await targetAdmin.post('/api/v1/users', {
        email,
        displayName: 'Lecteur',
        role: 'committee_member',
        organizationId: committeeId,
        password: 'lecteur-password-1540',
      });
      expect(created.status).toBe(201);
      const reader = await ApiClient.as(target.baseUrl, email, 'lecteur-password-1540');
      expect((await reader.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'fr' })).status).toBe(200);
      const match = await reader.get(`/api/v1/matches/${world.matchId}`);
      expect(match.status).toBe(200);
      expect(match.body.reason).toMatch(/^couvre .+ — 1 sur 1 disposition demandée\u00a0; sert l’État \(Mongolie\) directement$/);
      // An English reader of the same match reads it in English.
      expect((await targetAdmin.get(`/api/v1/matches/${world.matchId}`)).body.reason).toMatch(
        /^covers .+ — 1 of 1 requested provision; serves Mongolia directly$/,
      );
    });

    it('exports byte-identical documents from unchanged data, apart from exportedAt', async () => {
      const first = await targetAdmin.get('/api/v1/export');
      const second = await targetAdmin.get('/api/v1/export');
      const text = (doc: any) => JSON.stringify({ ...doc, exportedAt: '' });
      expect(text(second.body)).toBe(text(first.body));
    });

    it('continues the reference counters after the imported references', async () => {
      const highest = new Map<string, number>();
      for (const r of source.requests) {
        const ref = parseRequestReference(r.reference)!;
        const key = `${ref.state}-${ref.year}`;
        highest.set(key, Math.max(highest.get(key) ?? 0, ref.seq));
      }
      const counters: { state: string; year: number; last: number }[] = await targetDs.query(
        'SELECT state, year, last FROM request_reference_counters',
      );
      expect(new Map(counters.map((c) => [`${c.state}-${c.year}`, c.last]))).toEqual(highest);
      expect(imported.referenceCounters).toBe(highest.size);
    });

    it('imports users inactive until an administrator sets a password', async () => {
      const login = await new ApiClient(target.baseUrl).post('/api/v1/auth/login', {
        email: DEMO.customs,
        password: DEMO_PASSWORD,
      });
      expect(login.status).toBe(401);
      const customsUser = source.users.find((u: any) => u.email === DEMO.customs);
      const activated = await targetAdmin.patch(`/api/v1/users/${customsUser.id}`, {
        password: 'a-new-password-1540',
        active: true,
      });
      expect(activated.status).toBe(200);
      const signedIn = await ApiClient.as(target.baseUrl, DEMO.customs, 'a-new-password-1540');
      // The agency sees its State's requests as they were, and a new one continues the 2020 sequence.
      expect((await signedIn.get(`/api/v1/requests/${world.circulated.id}`)).body).toMatchObject({
        reference: world.circulated.reference,
        status: 'circulated',
      });
      const created = await signedIn.post('/api/v1/requests', requestInput({ letterDate: '2020-11-30' }));
      expect(created.status).toBe(201);
      const seq = (ref: string) => parseRequestReference(ref)!.seq;
      const mng2020 = source.requests
        .filter((r: any) => r.reference.startsWith('MNG-2020-'))
        .map((r: any) => seq(r.reference));
      expect(seq(created.body.reference)).toBe(Math.max(...mng2020) + 1);
    });

    it('refuses a document whose ids exist already, naming them, and imports nothing', async () => {
      const before = await targetDs.query('SELECT count(*)::int AS n FROM history_entries');
      const res = await targetAdmin.post('/api/v1/import', source);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          {
            field: 'organizations[0].id',
            message: expect.stringMatching(/exists in the database already.*does not update or merge/),
          },
          { field: 'organizations[0].name', message: expect.stringMatching(/exists in the database already/) },
        ]),
      );
      expect(res.body.details).toHaveLength(200);
      expect(res.body.message).toMatch(
        /^The document has \d+ problems; nothing was imported\. The first 200 are listed\./,
      );
      // However large the run's database, a document of requests alone names the reference taken.
      const requestsOnly = await targetAdmin.post('/api/v1/import', { format: source.format, formatVersion: source.formatVersion, requests: source.requests.slice(0, 1) });
      expect(requestsOnly.body.details).toEqual(
        expect.arrayContaining([{ field: 'requests[0].reference', message: expect.stringMatching(/exists in the database already/) }]),
      );
      expect(await targetDs.query('SELECT count(*)::int AS n FROM history_entries')).toEqual(before);
    });
  });

  describe('validation', () => {
    const times = () => ({ version: 1, createdAt: now(), updatedAt: now() });
    const agency = () => ({
      id: randomUUID(),
      name: `Border Service ${tag()}`,
      shortName: 'BS',
      kind: 'state_agency',
      state: 'KAZ',
      contactEmail: null,
      active: true,
      ...times(),
    });
    const provider = () => ({
      id: randomUUID(),
      name: `Outreach Institute ${tag()}`,
      shortName: 'OI',
      kind: 'provider',
      state: null,
      contactEmail: 'oi@oi.example',
      active: true,
      ...times(),
    });
    const request = (organizationId: string, n: number, overrides: Record<string, unknown> = {}) => ({
      id: randomUUID(),
      reference: `KAZ-2031-${String(n).padStart(3, '0')}`,
      state: 'KAZ',
      organizationId,
      createdById: null,
      title: `Strengthening border controls ${n}`,
      description: 'Training for customs officers on detecting strategic goods at the border.',
      provisions: ['OP3c'],
      domains: ['NUCLEAR'],
      assistanceTypes: ['TRAINING'],
      targetInstitutions: [],
      priority: 'medium',
      estimatedCost: null,
      desiredStart: null,
      desiredEnd: null,
      languages: ['ru'],
      preferredProviderIds: [],
      assistanceReceived: null,
      napReference: null,
      letterDate: null,
      visibility: 'providers',
      objectionWindowWaived: false,
      status: 'submitted',
      closeReason: null,
      submittedAt: now(),
      acknowledgedAt: null,
      circulatedAt: null,
      matchedAt: null,
      deliveryStartedAt: null,
      deliveredAt: null,
      closedAt: null,
      withdrawnAt: null,
      ...times(),
      ...overrides,
    });
    const offer = (organizationId: string, overrides: Record<string, unknown> = {}) => ({
      id: randomUUID(),
      organizationId,
      createdById: null,
      title: 'Border control training',
      description: 'Courses for customs and border guards on strategic goods.',
      programme: null,
      provisions: ['OP3c'],
      domains: [],
      assistanceTypes: ['TRAINING'],
      targetInstitutions: ['CUSTOMS_BORDER'],
      eligibleRegions: ['CENTRAL_ASIA'],
      eligibleStates: [],
      deliveryModes: ['IN_COUNTRY'],
      languages: ['ru'],
      capacity: { engagements: 2, budget: null, engagementsUsed: 0 },
      availableFrom: null,
      availableUntil: null,
      status: 'active',
      submittedAt: now(),
      verifiedAt: now(),
      closedAt: null,
      ...times(),
      ...overrides,
    });
    const document = (parts: Record<string, unknown[]>) => ({
      format: 'a1540-exchange',
      formatVersion: 1,
      exportedAt: now(),
      ...parts,
    });

    it('lists every bad record with its index and field, and imports nothing', async () => {
      const org = agency();
      const prov = provider();
      const doc = document({
        organizations: [org, prov],
        requests: [request(org.id, 1), request(org.id, 2, { provisions: ['OP9'] }), request(randomUUID(), 3)],
        offers: [{ ...offer(prov.id), secret: 'x' }],
        history: [
          {
            id: randomUUID(),
            subjectType: 'request',
            subjectId: randomUUID(),
            action: 'submit',
            fromStatus: 'draft',
            toStatus: 'submitted',
            actorId: null,
            actorRole: 'system',
            comment: null,
            reason: null,
            details: null,
            createdAt: now(),
          },
        ],
      });
      const res = await targetAdmin.post('/api/v1/import', doc);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        { field: 'requests[1].provisions[0]', message: expect.stringContaining('"OP9" is not a known provision code') },
        { field: 'requests[2].organizationId', message: 'names no organisation of the document or the database' },
        { field: 'offers[0].secret', message: 'is not a field of the exchange format' },
        { field: 'history[0].subjectId', message: 'names no request of the document or the database' },
      ]);
      expect(res.body.message).toMatch(
        /^The document has 4 problems; nothing was imported\. First: requests\[1\]\.provisions\[0\]/,
      );
      expect(
        await targetDs.query('SELECT id FROM organizations WHERE id = ANY($1::uuid[])', [[org.id, prov.id]]),
      ).toEqual([]);
    });

    it('imports a match without reasonParts (a document from before them) with none, and refuses malformed clauses, naming each', async () => {
      const org = agency();
      const prov = provider();
      const req = request(org.id, 7);
      const [off, other] = [offer(prov.id), offer(prov.id)];
      const match = (offerId: string, overrides: Record<string, unknown> = {}) =>
        exchangeMatch(req.id, offerId, {
          components: [],
          reason: 'covers OP3c — 1 of 1 requested provision',
          scoredAt: now(),
          ...times(),
          ...overrides,
        });
      const older = match(off.id);
      const parts = [{ key: 'coversSome', provisions: ['OP3c'], count: 1 }, { key: 'servesVia', state: 'KAZ', region: 'CENTRAL_ASIA' }];
      const bad: Record<string, any> = document({
        organizations: [org, prov],
        requests: [req],
        offers: [off, other],
        matches: [older, match(other.id, { reasonParts: [{ key: 'servesVia', state: 'KAZ' }, { key: 'budget', percent: '40' }] })],
      });
      const refused = await targetAdmin.post('/api/v1/import', bad);
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([
        { field: 'matches[1].reasonParts[0].region', message: 'is required' },
        { field: 'matches[1].reasonParts[1].percent', message: expect.stringMatching(/number/) },
      ]);
      expect(await targetDs.query('SELECT id FROM matches WHERE request_id = $1', [req.id])).toEqual([]);

      const res = await targetAdmin.post('/api/v1/import', { ...bad, matches: [older, { ...bad.matches[1], reasonParts: parts }] });
      expect(res.status).toBe(201);
      const rows = await targetDs.query('SELECT offer_id, reason_parts FROM matches WHERE request_id = $1', [req.id]);
      expect(new Map(rows.map((r: any) => [r.offer_id, r.reason_parts]))).toEqual(
        new Map([
          [off.id, null],
          [other.id, parts],
        ]),
      );
    });

    it('refuses duplicate ids and keys within the document and references of the wrong kind', async () => {
      const org = agency();
      const prov = provider();
      const first = request(org.id, 4);
      const doc = document({
        organizations: [org, prov, { ...provider(), name: prov.name }],
        users: [
          {
            id: randomUUID(),
            email: 'officer@border.kz.example',
            displayName: 'Officer',
            role: 'provider_member',
            organizationId: org.id,
            active: true,
            preferredLanguage: 'ru',
            lastLoginAt: null,
            ...times(),
          },
        ],
        requests: [first, { ...request(org.id, 4), id: first.id }],
        offers: [offer(org.id)],
      });
      const res = await targetAdmin.post('/api/v1/import', doc);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        { field: 'organizations[2].name', message: 'repeats the name of organizations[1]' },
        { field: 'users[0].role', message: 'the role “Provider member” (provider_member) cannot belong to an organisation of the kind “State agency” (state_agency)' },
        { field: 'requests[1].id', message: 'repeats the id of requests[0]' },
        { field: 'requests[1].reference', message: 'repeats the reference of requests[0]' },
        { field: 'offers[0].organizationId', message: 'must name a provider organisation, not an organisation of the kind “State agency” (state_agency)' },
      ]);
    });

    it('imports a user who comes with a password active, able to sign in', async () => {
      const org = agency();
      const email = `officer.${tag()}@border.kz.example`;
      const doc = document({
        organizations: [org],
        users: [
          {
            id: randomUUID(),
            email,
            displayName: 'Officer',
            role: 'agency_coordinator',
            organizationId: org.id,
            active: true,
            preferredLanguage: 'ru',
            lastLoginAt: null,
            password: 'imported-password-1',
            ...times(),
          },
        ],
      });
      const res = await targetAdmin.post('/api/v1/import', doc);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ imported: { organizations: 1, users: 1 }, inactiveUsers: 0 });
      const me = await (await ApiClient.as(target.baseUrl, email, 'imported-password-1')).get('/api/v1/auth/me');
      expect(me.body).toMatchObject({ email, role: 'agency_coordinator', organization: { id: org.id, state: 'KAZ' } });
      const [row] = await targetDs.query('SELECT password_hash FROM users WHERE email = $1', [email]);
      expect(row.password_hash).toMatch(/^scrypt\$/);
    });

    it('refuses a document that is not in the exchange format', async () => {
      for (const [body, field] of [
        [{ format: 'other', formatVersion: 1 }, 'format'],
        [{ format: 'a1540-exchange', formatVersion: 2 }, 'formatVersion'],
        [{ format: 'a1540-exchange', formatVersion: 1, requests: {} }, 'requests'],
      ] as const) {
        const res = await targetAdmin.post('/api/v1/import', body);
        expect(res.status).toBe(400);
        expect(res.body.details.map((d: any) => d.field)).toContain(field);
      }
    });

    it('takes a document over the global 1mb body limit on the import route only', async () => {
      const org = agency();
      const requests = Array.from({ length: 120 }, (_, i) =>
        request(org.id, i + 1, {
          reference: `KAZ-2032-${String(i + 1).padStart(3, '0')}`,
          description: `${'Подробное описание потребности. '.repeat(300)}${i}`,
        }),
      );
      // Enough history rows for several multi-row INSERTs.
      const history = requests.flatMap((r) =>
        Array.from({ length: 20 }, (_, k) => ({
          id: randomUUID(),
          subjectType: 'request',
          subjectId: r.id,
          action: 'note',
          fromStatus: null,
          toStatus: null,
          actorId: null,
          actorRole: 'system',
          comment: `step ${k}`,
          reason: null,
          details: { k },
          createdAt: now(),
        })),
      );
      const doc = document({ organizations: [org], requests, history });
      const body = JSON.stringify(doc);
      expect(Buffer.byteLength(body)).toBeGreaterThan(1024 * 1024);

      // Anonymous callers keep the global limit.
      expect((await new ApiClient(target.baseUrl).post('/api/v1/import', body)).status).toBe(413);
      // Other routes keep it too.
      const big = await targetAdmin.post(
        '/api/v1/organizations',
        JSON.stringify({ name: 'x'.repeat(1_100_000), shortName: 'X', kind: 'provider' }),
      );
      expect(big.status).toBe(413);

      const res = await targetAdmin.post('/api/v1/import', body);
      expect(res.status).toBe(201);
      expect(res.body.imported).toMatchObject({ organizations: 1, requests: 120, history: 2400 });
      const [{ n }] = await targetDs.query(
        'SELECT count(*)::int AS n FROM history_entries WHERE subject_id = ANY($1::uuid[])',
        [requests.map((r) => r.id)],
      );
      expect(n).toBe(2400);
      const [{ last }] = await targetDs.query(
        `SELECT last FROM request_reference_counters WHERE state = 'KAZ' AND year = 2032`,
      );
      expect(last).toBe(120);
    });
  });

  describe('who may exchange data', () => {
    it('lets only an administrator export the whole register (drafts included) and import it', async () => {
      expect((await admin.get('/api/v1/export')).status).toBe(200);
      expect((await expert.get('/api/v1/export')).status).toBe(403);
      expect((await customs.get('/api/v1/export')).status).toBe(403);
      expect((await bafa.get('/api/v1/export')).status).toBe(403);
      expect((await new ApiClient(api.baseUrl).get('/api/v1/export')).status).toBe(401);
      const doc = { format: 'a1540-exchange', formatVersion: 1 };
      expect((await expert.post('/api/v1/import', doc)).status).toBe(403);
      expect((await customs.post('/api/v1/import', doc)).status).toBe(403);
      expect((await bafa.post('/api/v1/import', doc)).status).toBe(403);
    });
  });

  describe('CSV exports', () => {
    it('writes the requests list as Excel-friendly CSV: BOM, CRLF, a header row, a dated attachment', async () => {
      const token = await tokenFor(api.baseUrl, DEMO.customs);
      const res = await rawGet(api.baseUrl, token, '/api/v1/export/requests.csv?sort=reference');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="a1540-requests-\d{4}-\d\d-\d\d\.csv"$/,
      );
      expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(res.text.split('\r\n')[0]).toBe(
        '\uFEFFreference,id,state,organization,title,status,priority,visibility,provisions,domains,assistanceTypes,targetInstitutions,languages,estimatedCost,estimatedCostCurrency,desiredStart,desiredEnd,letterDate,napReference,objectionWindowWaived,closeReason,createdAt,updatedAt,submittedAt,acknowledgedAt,circulatedAt,matchedAt,deliveryStartedAt,deliveredAt,closedAt,withdrawnAt,description,assistanceReceived',
      );
      expect(res.text.endsWith('\r\n')).toBe(true);
    });

    it('holds the same requests as the JSON list with the same filters, cell for cell', async () => {
      const filters = 'provision=OP3d&sort=reference';
      const token = await tokenFor(api.baseUrl, DEMO.customs);
      const rows = csvObjects((await rawGet(api.baseUrl, token, `/api/v1/export/requests.csv?${filters}`)).text);
      const items = await allItems(customs, `/api/v1/requests?${filters}`);
      expect(rows.map((r) => r.id)).toEqual(items.map((i) => i.id));
      expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([world.circulated.id, world.draft.id]));
      for (const [row, item] of rows.map((r, i) => [r, items[i]] as const)) {
        expect(row).toMatchObject({
          reference: item.reference,
          state: item.state,
          organization: guarded(item.organization.name),
          title: guarded(item.title),
          status: item.status,
          provisions: item.provisions.join('; '),
          languages: item.languages.join('; '),
          estimatedCost: item.estimatedCost ? (item.estimatedCost.amount / 100).toFixed(2) : '',
          estimatedCostCurrency: item.estimatedCost?.currency ?? '',
          letterDate: item.letterDate ?? '',
          createdAt: item.createdAt,
          circulatedAt: item.circulatedAt ?? '',
          description: guarded(item.description),
        });
      }
      const circulated = rows.find((r) => r.id === world.circulated.id)!;
      expect(circulated).toMatchObject({
        title: world.circulated.title,
        estimatedCost: '150000.00',
        estimatedCostCurrency: 'USD',
        description: world.circulated.description,
      });
      expect(rows.find((r) => r.id === world.draft.id)!.title).toBe("'=SUM(1+2) formula-looking title");
    });

    it('shows a provider only what its JSON lists show, and offer capacity only for its own offers', async () => {
      const requestRows = csvObjects(
        (await rawGet(api.baseUrl, await tokenFor(api.baseUrl, DEMO.bafa), '/api/v1/export/requests.csv')).text,
      );
      const visible = await allItems(bafa, '/api/v1/requests');
      expect(requestRows.map((r) => r.id).sort()).toEqual(visible.map((i) => i.id).sort());
      expect(requestRows.map((r) => r.id)).not.toContain(world.draft.id);
      expect(requestRows.map((r) => r.id)).not.toContain(world.clarification.id);

      const offerRows = csvObjects(
        (
          await rawGet(
            api.baseUrl,
            await tokenFor(api.baseUrl, DEMO.bafa),
            '/api/v1/export/offers.csv?status=active&sort=createdAt',
          )
        ).text,
      );
      const offers = await allItems(bafa, '/api/v1/offers?status=active&sort=createdAt');
      expect(offerRows.map((r) => r.id)).toEqual(offers.map((o) => o.id));
      expect(offerRows.find((r) => r.id === world.offer.id)).toMatchObject({
        capacityEngagements: '3',
        engagementsUsed: '0',
        capacityBudget: '250000.00',
        capacityBudgetCurrency: 'EUR',
        eligibleRegions: 'ASIA_PACIFIC',
      });
      expect(offerRows.find((r) => r.id === world.exbsOffer.id)).toMatchObject({
        provider: guarded(world.exbsOffer.provider.name),
        capacityEngagements: '',
        capacityBudget: '',
      });
      expect(offerRows.map((r) => r.id)).not.toContain(world.draftOffer.id);
    });

    it('validates the filters as the lists do, and needs a signed-in caller', async () => {
      const res = await customs.get('/api/v1/export/requests.csv?provision=OP9');
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('provision');
      expect((await customs.get('/api/v1/export/offers.csv?servesState=XXX')).status).toBe(400);
      expect((await new ApiClient(api.baseUrl).get('/api/v1/export/requests.csv')).status).toBe(401);
    });
  });
});
