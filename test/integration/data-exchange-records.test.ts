// A database of this file's own: it exports the whole database, which other files write to at the same time.
import '../support/own-world';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '@app/common';
import { createDataSource, dropDatabase, ensureDatabase } from '@app/database';
import { parseCsv } from '../../apps/api/src/data-exchange/csv';
import { activeOffer, requestInput } from '../factories';
import { ApiClient, DEMO } from '../support/http';
import { startApiInProcess } from '../support/platform';

type Api = Awaited<ReturnType<typeof startApiInProcess>>;

const tag = () => randomUUID().slice(0, 8);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

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

// The records that came after requests, offers and matches: action plans (versions, items, notes, interests, a
// request's link to its item), engagements (follow-up actions, prioritisations, the published note), documents
// with their bytes, threads, contact lists and a request's objection. Each is written with every field set to
// something other than its default, exported, imported into an empty database and compared field by field.
describe('data exchange of plans, engagements, documents, threads and contacts', () => {
  let api: Api;
  let ds: DataSource;
  let admin: ApiClient;
  const w: Record<string, any> = {};

  const targetUrl = (() => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `${url.pathname}_import_records_${tag()}`;
    return url.toString();
  })();
  let target: Api;
  let targetDs: DataSource;
  let targetAdmin: ApiClient;
  const targetOrgId = randomUUID();
  const targetAdminEmail = 'records-admin@committee.example';
  const targetAdminPassword = 'records-admin-password';

  let source: any;
  let again: any;

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    admin = await ApiClient.as(api.baseUrl, 'admin');
    const userId = async (email: string) => (await ds.query('SELECT id, organization_id FROM users WHERE email = $1', [email]))[0];
    const coordinator = await userId(DEMO.coordinator);
    const customs = await userId(DEMO.customs);
    const expert = await userId(DEMO.expert);
    const bafa = await userId(DEMO.bafa);
    w.agencyId = customs.organization_id;
    w.coordinatorAgencyId = coordinator.organization_id;
    w.providerId = bafa.organization_id;
    w.offer = await activeOffer(api.baseUrl, 'bafa');

    // An engagement with its organisers and participants, a published information note and two follow-ups.
    w.engagementId = randomUUID();
    await ds.query(
      `INSERT INTO engagements (id, kind, title, start_date, end_date, venue, online, organisers, participants, states, background,
                                highlights, outcomes, additional_comments, note_published_at, created_by_id, seed_key, version, created_at)
       VALUES ($1, 'roundtable', $2, '2026-03-02', '2026-03-03', 'Ulaanbaatar', true, $3, $4, '{MNG}', 'Why we met',
               'What stood out', 'What was agreed', 'And more', '2026-03-10T09:00:00.123456Z', $5, $6, 3, '2026-03-01T08:00:00.654321Z')`,
      [
        w.engagementId,
        `Roundtable on the action plan ${tag()}`,
        JSON.stringify([{ organizationId: expert.organization_id, name: 'The Committee', note: 'host' }]),
        JSON.stringify([
          { organizationId: w.providerId, name: 'BAFA', note: null },
          { organizationId: null, name: 'A ministry not on the platform', note: 'two officials' },
        ]),
        expert.id,
        `exchange-test-${tag()}`,
      ],
    );
    w.followUpId = randomUUID();
    await ds.query(
      `INSERT INTO engagement_follow_ups (id, engagement_id, description, owner_user_id, owner_organization_id, due_date, status, done_at, version)
       VALUES ($1, $2, 'Send the draft ToR', $3, $4, '2026-04-01', 'done', '2026-03-20T10:00:00Z', 2)`,
      [w.followUpId, w.engagementId, coordinator.id, w.coordinatorAgencyId],
    );

    // A submitted plan with two versions, ranked items (one prioritised at the roundtable), a note, an interest.
    w.planId = randomUUID();
    await ds.query(
      `INSERT INTO action_plans (id, state, organization_id, title, description, status, submitted_on, revision, shared_with_providers,
                                 public_summary, created_by_id, version)
       VALUES ($1, 'MNG', $2, $3, 'The plan', 'submitted', '2026-01-15', 2, true, 'A summary for the register', $4, 4)`,
      [w.planId, w.coordinatorAgencyId, `National action plan ${tag()}`, coordinator.id],
    );
    w.itemIds = [randomUUID(), randomUUID()];
    for (const [n, id] of w.itemIds.entries()) {
      await ds.query(
        `INSERT INTO action_plan_items (id, plan_id, code, title, description, provisions, domains, lead_agency_id, partner_agency_ids,
                                        priority_rank, priority_level, prioritised_at, prioritised_by_id, prioritised_in_engagement_id,
                                        target_date, status, assistance_needed, proposed, created_by_id, version)
         VALUES ($1, $2, $3, $4, 'An item', '{OP3c,OP3d}', '{NUCLEAR}', $5, $6, $7, $8, '2026-03-03T15:00:00.000001Z', $9, $10,
                 '2027-06-30', $11, true, $12, $13, 2)`,
        [
          id,
          w.planId,
          `1.${n + 1}`,
          `Item ${n + 1}`,
          w.coordinatorAgencyId,
          [w.agencyId],
          n + 1,
          n ? 'low' : 'high',
          expert.id,
          w.engagementId,
          n ? 'in_progress' : 'planned',
          n === 1,
          coordinator.id,
        ],
      );
    }
    w.versionIds = [randomUUID(), randomUUID()];
    for (const [n, id] of w.versionIds.entries()) {
      await ds.query(
        `INSERT INTO action_plan_versions (id, plan_id, revision, changes, snapshot, note, engagement_id, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          w.planId,
          n + 1,
          JSON.stringify(n ? [{ subject: 'item', itemId: w.itemIds[0], title: 'Item 1', action: 'reprioritised', fields: ['priorityRank'] }] : []),
          JSON.stringify({ plan: { title: 'The plan', revision: n + 1 }, items: [{ id: w.itemIds[0], priorityRank: n + 1 }] }),
          n ? 'Priorities of the roundtable' : null,
          n ? w.engagementId : null,
          coordinator.id,
        ],
      );
    }
    w.noteId = randomUUID();
    await ds.query(
      `INSERT INTO action_plan_item_notes (id, item_id, kind, text, author_id, author_organization_id) VALUES ($1, $2, 'comment', 'Well done', $3, $4)`,
      [w.noteId, w.itemIds[0], expert.id, expert.organization_id],
    );
    w.interestId = randomUUID();
    await ds.query(
      `INSERT INTO action_plan_item_interests (id, item_id, provider_organization_id, offer_id, programme, note, engagement_id, created_by_id)
       VALUES ($1, $2, $3, $4, 'EU P2P', 'We could help', $5, $6)`,
      [w.interestId, w.itemIds[0], w.providerId, w.offer.id, w.engagementId, bafa.id],
    );
    w.prioritisationId = randomUUID();
    await ds.query(
      `INSERT INTO engagement_prioritisations (id, engagement_id, action_plan_id, plan_version, ranking, interests, decided_by_id, decided_at, body_hash)
       VALUES ($1, $2, $3, 2, $4, $5, $6, '2026-03-03T15:00:00Z', $7)`,
      [
        w.prioritisationId,
        w.engagementId,
        w.planId,
        JSON.stringify(w.itemIds.map((itemId: string, i: number) => ({ itemId, rank: i + 1, level: i ? 'low' : 'high' }))),
        JSON.stringify([{ itemId: w.itemIds[0], providerId: w.providerId, offerId: w.offer.id, note: null }]),
        expert.id,
        sha256(randomBytes(8)),
      ],
    );

    // A request made from the first item, with an objection recorded from a letter kept as a document.
    const customsClient = await ApiClient.as(api.baseUrl, 'customs');
    w.request = (await customsClient.post('/api/v1/requests', requestInput({ title: `From the plan ${tag()}` }))).body;
    expect(w.request.id).toBeDefined();

    // Documents: one of several store chunks (and base64 pieces), one small, one removed (metadata only).
    w.documents = [
      { id: randomUUID(), bytes: randomBytes(700_001), parentType: 'request', parentId: w.request.id, kind: 'letter' },
      { id: randomUUID(), bytes: Buffer.from('Minutes of the roundtable\n', 'utf8'), parentType: 'engagement', parentId: w.engagementId, kind: 'other' },
      { id: randomUUID(), bytes: null, parentType: 'action_plan', parentId: w.planId, kind: 'action_plan' },
    ];
    for (const d of w.documents) {
      const key = `documents/${randomUUID()}`;
      const removed = d.bytes === null;
      const bytes: Buffer = d.bytes ?? randomBytes(10);
      await ds.query(
        `INSERT INTO documents (id, parent_type, parent_id, kind, title, language, document_date, file_name, content_type, size, sha256,
                                storage, storage_key, uploaded_by_id, organization_id, removed_at, removed_by_id, for_correspondence)
         VALUES ($1, $2, $3, $4, 'A document', 'en', '2026-02-01', 'file.bin', 'application/pdf', $5, $6, 'postgres', $7, $8, $9, $10, $11, $12)`,
        [d.id, d.parentType, d.parentId, d.kind, bytes.length, sha256(bytes), key, customs.id, w.agencyId, removed ? '2026-02-02T00:00:00Z' : null, removed ? customs.id : null, d.parentType === 'request'],
      );
      for (let seq = 0; !removed && seq * 256 * 1024 < bytes.length; seq++) {
        await ds.query('INSERT INTO document_contents (storage_key, seq, data) VALUES ($1, $2, $3)', [key, seq, bytes.subarray(seq * 256 * 1024, (seq + 1) * 256 * 1024)]);
      }
    }
    await ds.query(
      `UPDATE assistance_requests SET action_plan_item_id = $2, objected_at = '2026-02-05T11:00:00Z', objection_source = 'letter',
              objection_letter_date = '2026-02-04', objection_document_id = $3, waiver_letter_date = '2026-02-06', waiver_document_id = $3
        WHERE id = $1`,
      [w.request.id, w.itemIds[0], w.documents[0].id],
    );

    // A thread message with an attachment, and a State's points of contact.
    w.messageId = randomUUID();
    await ds.query(
      `INSERT INTO thread_messages (id, thread_type, thread_id, author_id, author_role, author_organization_id, author_side, kind, body, document_id)
       VALUES ($1, 'request', $2, $3, 'agency_member', $4, 'state', 'clarification_answer', 'Here is the letter', $5)`,
      [w.messageId, w.request.id, customs.id, w.agencyId, w.documents[0].id],
    );
    w.contactListId = randomUUID();
    await ds.query(
      `INSERT INTO contact_lists (id, owner, owner_key, contacts, updated_by_id, version) VALUES ($1, 'organization', $2, $3, $4, 2)
       ON CONFLICT (owner, owner_key) DO NOTHING`,
      [
        w.contactListId,
        w.agencyId,
        JSON.stringify([{ name: 'B. Bat', title: 'Head', agency: 'Customs', email: 'bat@customs.mn.example', phone: null, languages: ['mn', 'en'] }]),
        customs.id,
      ],
    );
    w.contactListId = (await ds.query(`SELECT id FROM contact_lists WHERE owner = 'organization' AND owner_key = $1`, [w.agencyId]))[0].id;

    await ensureDatabase(targetUrl);
    targetDs = await createDataSource(targetUrl).initialize();
    await targetDs.runMigrations({ transaction: 'each' });
    await targetDs.query(`INSERT INTO organizations (id, name, short_name, kind, version) VALUES ($1, 'Records target committee', 'Target', 'committee', 1)`, [targetOrgId]);
    await targetDs.query(
      `INSERT INTO users (id, email, display_name, role, organization_id, password_hash, version) VALUES ($1, $2, 'Records Admin', 'committee_admin', $3, $4, 1)`,
      [randomUUID(), targetAdminEmail, targetOrgId, await hashPassword(targetAdminPassword)],
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

  const byId = (collection: string, id: string, doc = source) => doc[collection].find((r: any) => r.id === id);

  it('exports every field of the new records, documents with their bytes as base64', async () => {
    const res = await admin.get('/api/v1/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    // Written as it is read, documents one at a time: no length is known up front.
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    source = res.body;
    expect(byId('requests', w.request.id)).toMatchObject({
      actionPlanItemId: w.itemIds[0],
      objectionSource: 'letter',
      objectionLetterDate: '2026-02-04',
      objectionDocumentId: w.documents[0].id,
      waiverLetterDate: '2026-02-06',
      objectedAt: '2026-02-05T11:00:00.000000Z',
    });
    expect(byId('actionPlanItems', w.itemIds[0])).toMatchObject({
      priorityRank: 1,
      priorityLevel: 'high',
      leadAgencyId: w.coordinatorAgencyId,
      partnerAgencyIds: [w.agencyId],
      prioritisedAt: '2026-03-03T15:00:00.000001Z',
      prioritisedInEngagementId: w.engagementId,
      proposed: false,
    });
    expect(byId('engagements', w.engagementId)).toMatchObject({
      notePublishedAt: '2026-03-10T09:00:00.123456Z',
      participants: [
        { organizationId: w.providerId, name: 'BAFA', note: null },
        { organizationId: null, name: 'A ministry not on the platform', note: 'two officials' },
      ],
    });
    expect(byId('engagementFollowUps', w.followUpId)).toMatchObject({ status: 'done', dueDate: '2026-04-01', ownerUserId: expect.any(String) });
    const [big, small, removed] = w.documents.map((d: any) => byId('documents', d.id));
    expect(Buffer.from(big.contentBase64, 'base64').equals(w.documents[0].bytes)).toBe(true);
    expect(big).toMatchObject({ size: 700_001, sha256: sha256(w.documents[0].bytes), forCorrespondence: true });
    expect(small.forCorrespondence).toBe(false);
    expect(Object.keys(big)).not.toContain('storageKey');
    expect(Buffer.from(small.contentBase64, 'base64').toString('utf8')).toBe('Minutes of the roundtable\n');
    expect(removed).toMatchObject({ contentBase64: null, removedAt: '2026-02-02T00:00:00.000000Z' });
  });

  it('imports them into an empty database and exports them again exactly, bytes identical by SHA-256', async () => {
    const res = await targetAdmin.post('/api/v1/import', source);
    expect({ status: res.status, problems: res.status === 201 ? null : res.body }).toEqual({ status: 201, problems: null });
    expect(res.body.imported).toMatchObject({
      actionPlans: source.actionPlans.length,
      actionPlanItems: source.actionPlanItems.length,
      documents: source.documents.length,
      threadMessages: source.threadMessages.length,
      contactLists: source.contactLists.length,
    });
    again = (await targetAdmin.get('/api/v1/export')).body;
    const records: [string, string[]][] = [
      ['actionPlans', [w.planId]],
      ['actionPlanVersions', w.versionIds],
      ['actionPlanItems', w.itemIds],
      ['actionPlanItemNotes', [w.noteId]],
      ['actionPlanItemInterests', [w.interestId]],
      ['engagements', [w.engagementId]],
      ['engagementFollowUps', [w.followUpId]],
      ['engagementPrioritisations', [w.prioritisationId]],
      ['documents', w.documents.map((d: any) => d.id)],
      ['threadMessages', [w.messageId]],
      ['contactLists', [w.contactListId]],
      ['requests', [w.request.id]],
    ];
    for (const [collection, ids] of records) {
      for (const id of ids) {
        expect({ collection, record: byId(collection, id, again) }).toEqual({ collection, record: byId(collection, id) });
        expect(byId(collection, id)).toBeDefined();
      }
    }
    // Every record of the new collections, in the same order with the same keys.
    for (const collection of ['actionPlans', 'actionPlanVersions', 'actionPlanItems', 'actionPlanItemNotes', 'actionPlanItemInterests', 'engagements', 'engagementFollowUps', 'engagementPrioritisations', 'documents', 'threadMessages', 'contactLists']) {
      expect(JSON.stringify(again[collection])).toBe(JSON.stringify(source[collection]));
    }

    // The request keeps its item (the link used to be lost), and the bytes in the target's store are the same.
    const [row] = await targetDs.query('SELECT action_plan_item_id::text AS item FROM assistance_requests WHERE id = $1', [w.request.id]);
    expect(row.item).toBe(w.itemIds[0]);
    // (A draft's documents are its agency's to download; the store's chunks are read directly.)
    const chunks: { data: Buffer }[] = await targetDs.query(
      'SELECT c.data FROM documents d JOIN document_contents c ON c.storage_key = d.storage_key WHERE d.id = $1 ORDER BY c.seq',
      [w.documents[0].id],
    );
    expect(chunks.length).toBeGreaterThan(1);
    expect(sha256(Buffer.concat(chunks.map((c) => c.data)))).toBe(sha256(w.documents[0].bytes));
    const [stored] = await targetDs.query(`SELECT storage, sha256, size::int AS size FROM documents WHERE id = $1`, [w.documents[1].id]);
    expect(stored).toEqual({ storage: 'postgres', sha256: sha256(w.documents[1].bytes), size: w.documents[1].bytes.length });
  });

  const envelope = (parts: Record<string, unknown[]>) => ({ format: 'a1540-exchange', formatVersion: 1, ...parts });

  it('refuses a document whose content does not match its SHA-256, naming it, and stores nothing', async () => {
    const bytesBefore = await targetDs.query('SELECT count(*)::int AS n FROM document_contents');
    const original = byId('documents', w.documents[1].id);
    const content = Buffer.from(original.contentBase64, 'base64');
    content[0] ^= 1;
    const tampered = { ...original, id: randomUUID(), contentBase64: content.toString('base64') };
    const res = await targetAdmin.post('/api/v1/import', envelope({ documents: [{ ...original, id: randomUUID() }, tampered] }));
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'documents[1].sha256', message: expect.stringMatching(/does not match the content/) },
    ]);
    const badBase64 = await targetAdmin.post('/api/v1/import', envelope({ documents: [{ ...original, id: randomUUID(), contentBase64: 'not base64!' }] }));
    expect(badBase64.status).toBe(400);
    expect(badBase64.body.details).toEqual([{ field: 'documents[0].contentBase64', message: expect.any(String) }]);
    expect(await targetDs.query('SELECT count(*)::int AS n FROM document_contents')).toEqual(bytesBefore);
    expect(await targetDs.query('SELECT id FROM documents WHERE id = $1', [tampered.id])).toEqual([]);
  });

  it('refuses references to records that exist nowhere, naming the record and field', async () => {
    const request = byId('requests', w.request.id);
    const item = byId('actionPlanItems', w.itemIds[1]);
    const res = await targetAdmin.post(
      '/api/v1/import',
      envelope({
        actionPlanItems: [{ ...item, id: randomUUID(), planId: randomUUID() }],
        requests: [{ ...request, id: randomUUID(), reference: 'MNG-2039-001', actionPlanItemId: randomUUID() }],
        actionPlanItemInterests: [{ ...byId('actionPlanItemInterests', w.interestId), id: randomUUID(), itemId: randomUUID() }],
        threadMessages: [{ ...byId('threadMessages', w.messageId), id: randomUUID(), documentId: randomUUID() }],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'actionPlanItems[0].planId', message: 'names no action plan of the document or the database' },
      { field: 'requests[0].actionPlanItemId', message: 'names no action plan item of the document or the database' },
      { field: 'actionPlanItemInterests[0].itemId', message: 'names no action plan item of the document or the database' },
      { field: 'threadMessages[0].documentId', message: 'names no document of the document or the database' },
    ]);
    expect(await targetDs.query('SELECT count(*)::int AS n FROM assistance_requests WHERE reference = $1', ['MNG-2039-001'])).toEqual([{ n: 0 }]);
  });

  describe('CSV exports', () => {
    const csvRows = (text: string) => {
      const [header, ...rows] = parseCsv(text);
      return { header, rows: rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))) };
    };

    it('writes one row per action plan with its progress counts, as the other CSV exports', async () => {
      const res = await fetch(`${api.baseUrl}/api/v1/export/action-plans.csv?state=MNG`, { headers: admin.authHeaders() });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="a1540-action-plans-\d{4}-\d\d-\d\d\.csv"$/);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).toContain('\r\n');
      const { header, rows } = csvRows(text);
      expect(header).toEqual([
        'state', 'id', 'title', 'organization', 'status', 'submittedOn', 'revision', 'sharedWithProviders', 'items', 'itemsPlanned',
        'itemsInProgress', 'itemsDone', 'itemsDropped', 'itemsAssistanceNeeded', 'itemsWithRequest', 'createdAt', 'updatedAt',
        'publicSummary', 'description',
      ]);
      expect(rows.find((r) => r.id === w.planId)).toMatchObject({
        state: 'MNG',
        status: 'submitted',
        submittedOn: '2026-01-15',
        revision: '2',
        // The proposed item is not yet part of the plan, so it is not counted (as on the plan's page).
        items: '1',
        itemsPlanned: '1',
        itemsInProgress: '0',
        itemsDone: '0',
        itemsAssistanceNeeded: '1',
        // The request made from the item is still the State's draft: counted for the State, not for the Committee.
        itemsWithRequest: '0',
        publicSummary: 'A summary for the register',
      });
      expect(rows.every((r) => r.state === 'MNG')).toBe(true);
      const asState = await fetch(`${api.baseUrl}/api/v1/export/action-plans.csv?state=MNG`, { headers: (await ApiClient.as(api.baseUrl, 'customs')).authHeaders() });
      expect(csvRows(await asState.text()).rows.find((r) => r.id === w.planId)?.itemsWithRequest).toBe('1');
    });

    it('writes one row per engagement with its follow-up actions counted, and needs a signed-in caller', async () => {
      const res = await fetch(`${api.baseUrl}/api/v1/export/engagements.csv?kind=roundtable`, { headers: admin.authHeaders() });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/filename="a1540-engagements-/);
      const { header, rows } = csvRows(await res.text());
      expect(header.slice(0, 5)).toEqual(['id', 'kind', 'title', 'startDate', 'endDate']);
      expect(rows.find((r) => r.id === w.engagementId)).toMatchObject({
        kind: 'roundtable',
        online: 'true',
        states: 'MNG',
        participants: 'BAFA; A ministry not on the platform',
        notePublishedAt: expect.stringMatching(/^2026-03-10T09:00:00\.123/),
        followUps: '1',
        followUpsOpen: '0',
        followUpsDone: '1',
        prioritisations: '1',
        outcomes: 'What was agreed',
      });
      expect(rows.every((r) => r.kind === 'roundtable')).toBe(true);
      expect((await fetch(`${api.baseUrl}/api/v1/export/engagements.csv`)).status).toBe(401);
      expect((await fetch(`${api.baseUrl}/api/v1/export/action-plans.csv?state=XX`, { headers: admin.authHeaders() })).status).toBe(400);
    });
  });
});
