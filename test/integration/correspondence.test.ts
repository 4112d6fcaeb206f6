import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  contactListViewSchema,
  matchContactsViewSchema,
  requestViewSchema,
  threadPageSchema,
  unreadThreadsSchema,
} from '@app/contracts';
import { activeOffer, circulatedRequest, requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { multipart, SAMPLES } from '../support/multipart';
import { startApiInProcess } from '../support/platform';

const DAY_MS = 86_400_000;

describe('correspondence: threads, objections and waivers, points of contact', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  /** The same API ten days on: every objection window opened today has closed for it. */
  let later: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  let customs: ApiClient, nec: ApiClient, coordinator: ApiClient, expert: ApiClient, bafa: ApiClient, exbs: ApiClient;
  let expertLater: ApiClient, coordinatorLater: ApiClient;
  /** A provider with no match anywhere. */
  let outsider: ApiClient;

  beforeAll(async () => {
    api = await startApiInProcess();
    later = await startApiInProcess({ TEST_CLOCK_OFFSET_MS: String(10 * DAY_MS) });
    ds = api.app.get(DataSource);
    [customs, nec, coordinator, expert, bafa, exbs] = await Promise.all(
      (['customs', 'nec', 'coordinator', 'expert', 'bafa', 'exbs'] as const).map((k) => ApiClient.as(api.baseUrl, k)),
    );
    [expertLater, coordinatorLater] = await Promise.all([
      ApiClient.as(later.baseUrl, 'expert'),
      ApiClient.as(later.baseUrl, 'coordinator'),
    ]);
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    const tag = randomUUID().slice(0, 6);
    const org = await admin.post('/api/v1/organizations', {
      name: `Outsider Institute ${tag}`,
      shortName: 'OI',
      kind: 'provider',
    });
    await admin.post('/api/v1/users', {
      email: `member.${tag}@outsider.example`,
      displayName: 'Olga',
      role: 'provider_member',
      organizationId: org.body.id,
      password: 'long-enough-pass',
    });
    outsider = await ApiClient.as(api.baseUrl, `member.${tag}@outsider.example`, 'long-enough-pass');
  });
  afterAll(() => Promise.all([api.close(), later.close()]));

  const act = (client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) =>
    client.post(`/api/v1/requests/${id}/transitions`, { action, ...extra });

  /** A request of Mongolia's customs, submitted and acknowledged today: its objection window is open. */
  async function acknowledgedRequest(): Promise<any> {
    const created = await customs.post('/api/v1/requests', requestInput());
    expect((await act(coordinator, created.body.id, 'submit')).status).toBe(200);
    const acknowledged = await act(expert, created.body.id, 'acknowledge');
    expect(acknowledged.status).toBe(200);
    return acknowledged.body;
  }

  async function endorsedMatch(): Promise<{ request: any; offer: any; match: any }> {
    const offer = await activeOffer(api.baseUrl, 'bafa', { eligibleRegions: ['ASIA_PACIFIC'] });
    const request = await circulatedRequest(api.baseUrl);
    const created = await expert.post('/api/v1/matches', { requestId: request.id, offerId: offer.id });
    const matchId =
      created.status === 201
        ? created.body.id
        : (await expert.get(`/api/v1/matches?requestId=${request.id}&offerId=${offer.id}`)).body.items[0].id;
    const endorsed = await expert.post(`/api/v1/matches/${matchId}/transitions`, { action: 'endorse' });
    expect(endorsed.status).toBe(200);
    return { request, offer, match: endorsed.body };
  }

  const unreadFor = async (client: ApiClient, threadId: string) => {
    const res = await client.get('/api/v1/threads/unread');
    expect(res.status).toBe(200);
    unreadThreadsSchema.parse(res.body);
    return res.body.threads.find((t: any) => t.threadId === threadId)?.unread ?? 0;
  };

  describe('threads', () => {
    it('a request’s thread is the State’s and the Committee’s: posting, unread counts, read markers; providers get 404', async () => {
      const request = await circulatedRequest(api.baseUrl);
      const posted = await expert.post(`/api/v1/requests/${request.id}/messages`, {
        body: 'Could you share the draft list of controlled items?',
      });
      expect(posted.status).toBe(201);
      expect(posted.body).toMatchObject({
        kind: 'message',
        side: 'committee',
        author: { displayName: 'Lukas Berger' },
        unread: false,
      });

      // The other side has it unread; the author does not.
      expect(await unreadFor(customs, request.id)).toBe(1);
      expect(await unreadFor(coordinator, request.id)).toBe(1);
      expect(await unreadFor(expert, request.id)).toBe(0);

      // Reading without marking leaves it unread; reading marks it.
      const peek = await customs.get(`/api/v1/requests/${request.id}/messages?markRead=false`);
      expect(peek.body).toMatchObject({ total: 1, unread: 1, canPost: true });
      expect(threadPageSchema.safeParse(peek.body).success).toBe(true);
      expect(peek.body.items[0].unread).toBe(true);
      expect(await unreadFor(customs, request.id)).toBe(1);
      const read = await customs.get(`/api/v1/requests/${request.id}/messages`);
      expect(read.body.unread).toBe(1);
      expect(await unreadFor(customs, request.id)).toBe(0);
      // One reader's marker is theirs alone.
      expect(await unreadFor(coordinator, request.id)).toBe(1);
      expect((await coordinator.post(`/api/v1/requests/${request.id}/messages/read`, {})).status).toBe(204);
      expect(await unreadFor(coordinator, request.id)).toBe(0);

      const answer = await customs.post(`/api/v1/requests/${request.id}/messages`, {
        body: 'Attached to our letter; the list follows the EU annex.',
      });
      expect(answer.body).toMatchObject({ side: 'state', kind: 'message' });
      expect(await unreadFor(expert, request.id)).toBe(1);
      expect(await unreadFor(customs, request.id)).toBe(0);

      // A provider sees the circulated request but never its thread.
      expect((await bafa.get(`/api/v1/requests/${request.id}`)).status).toBe(200);
      expect((await bafa.get(`/api/v1/requests/${request.id}/messages`)).status).toBe(404);
      expect((await bafa.post(`/api/v1/requests/${request.id}/messages`, { body: 'hello' })).status).toBe(404);
      expect(await unreadFor(bafa, request.id)).toBe(0);

      // Newest first, paginated.
      const page = await expert.get(`/api/v1/requests/${request.id}/messages?pageSize=1`);
      expect(page.body).toMatchObject({ total: 2, pageSize: 1 });
      expect(page.body.items[0].body).toMatch(/EU annex/);

      const events = await ds.query(
        `SELECT type, payload FROM outbox_events WHERE subject_id = $1 AND type = 'request.message_posted' ORDER BY created_at`,
        [request.id],
      );
      expect(events.map((e: any) => e.payload.side)).toEqual(['committee', 'state']);
      const history = await ds.query(
        `SELECT action FROM history_entries WHERE subject_type = 'message' AND subject_id = $1`,
        [answer.body.id],
      );
      expect(history).toEqual([{ action: 'message_posted' }]);
    });

    it('refuses an empty or unknown message with 400 naming the field, and unknown threads with 404', async () => {
      const request = await circulatedRequest(api.baseUrl);
      const empty = await expert.post(`/api/v1/requests/${request.id}/messages`, { body: '   ' });
      expect(empty.status).toBe(400);
      expect(empty.body.message).toMatch(/body/);
      const extra = await expert.post(`/api/v1/requests/${request.id}/messages`, { body: 'ok', urgent: true });
      expect(extra.status).toBe(400);
      expect(extra.body.message).toMatch(/urgent/);
      const long = await expert.post(`/api/v1/requests/${request.id}/messages`, { body: 'x'.repeat(10_001) });
      expect(long.status).toBe(400);
      expect((await expert.get('/api/v1/requests/00000000-0000-4000-8000-000000000000/messages')).status).toBe(404);
      expect((await expert.get('/api/v1/requests/not-a-uuid/messages')).status).toBe(400);
      expect((await expert.get(`/api/v1/requests/${request.id}/messages?markRead=maybe`)).status).toBe(400);
    });

    it('a clarification is asked, answered and resubmitted in the thread', async () => {
      const created = await customs.post('/api/v1/requests', requestInput());
      const id = created.body.id;
      await act(coordinator, id, 'submit');
      expect(
        (await act(expert, id, 'request_clarification', { comment: 'Which laboratories does the request cover?' }))
          .status,
      ).toBe(200);

      const question = (await customs.get(`/api/v1/requests/${id}/messages?markRead=false`)).body;
      expect(question.items).toEqual([
        expect.objectContaining({
          kind: 'clarification_question',
          side: 'committee',
          body: 'Which laboratories does the request cover?',
          unread: true,
        }),
      ]);
      expect(await unreadFor(coordinator, id)).toBe(1);

      const answered = await coordinator.post(`/api/v1/requests/${id}/messages`, {
        body: 'The two BSL-3 laboratories in Ulaanbaatar.',
      });
      expect(answered.body.kind).toBe('clarification_answer');
      expect(
        (await act(coordinator, id, 'submit', { comment: 'Scope narrowed to the two laboratories.' })).status,
      ).toBe(200);

      const thread = (await expert.get(`/api/v1/requests/${id}/messages`)).body;
      expect(thread.items.map((m: any) => [m.kind, m.side])).toEqual([
        ['resubmission', 'state'],
        ['clarification_answer', 'state'],
        ['clarification_question', 'committee'],
      ]);
      expect(thread.unread).toBe(2);
      const [answerEvent] = await ds.query(
        `SELECT payload FROM outbox_events WHERE subject_id = $1 AND type = 'request.message_posted'`,
        [id],
      );
      expect(answerEvent.payload).toMatchObject({
        side: 'state',
        kind: 'clarification_answer',
        excerpt: 'The two BSL-3 laboratories in Ulaanbaatar.',
      });
    });

    it('a match’s thread is visible as the match is: the Committee, its provider and the requesting State', async () => {
      const { request, match } = await endorsedMatch();
      const posted = await bafa.post(`/api/v1/matches/${match.id}/messages`, {
        body: 'We can start in March with two trainers.',
      });
      expect(posted.status).toBe(201);
      expect(posted.body.side).toBe('provider');
      expect(await unreadFor(expert, match.id)).toBe(1);
      expect(await unreadFor(coordinator, match.id)).toBe(1);
      expect(await unreadFor(customs, match.id)).toBe(1);
      expect(await unreadFor(bafa, match.id)).toBe(0);
      const unread = (await coordinator.get('/api/v1/threads/unread')).body.threads.find(
        (t: any) => t.threadId === match.id,
      );
      expect(unread).toMatchObject({ threadType: 'match', requestId: request.id, reference: request.reference });

      expect((await exbs.get(`/api/v1/matches/${match.id}/messages`)).status).toBe(404);
      expect((await exbs.post(`/api/v1/matches/${match.id}/messages`, { body: 'hello' })).status).toBe(404);
      expect(await unreadFor(exbs, match.id)).toBe(0);
      expect(
        (await coordinator.post(`/api/v1/matches/${match.id}/messages`, { body: 'March suits us.' })).body.side,
      ).toBe('state');
      expect((await expert.get(`/api/v1/matches/${match.id}/messages`)).body.total).toBe(2);
      const [event] = await ds.query(
        `SELECT subject_type FROM outbox_events WHERE subject_id = $1 AND type = 'match.message_posted' LIMIT 1`,
        [match.id],
      );
      expect(event.subject_type).toBe('match');
    });

    it('a suggestion’s thread is the Committee’s alone until endorsed', async () => {
      const offer = await activeOffer(api.baseUrl, 'bafa', { eligibleRegions: ['ASIA_PACIFIC'] });
      const request = await circulatedRequest(api.baseUrl);
      const created = await expert.post('/api/v1/matches', { requestId: request.id, offerId: offer.id });
      const matchId =
        created.status === 201
          ? created.body.id
          : (await expert.get(`/api/v1/matches?requestId=${request.id}&offerId=${offer.id}`)).body.items[0].id;
      expect(
        (await expert.post(`/api/v1/matches/${matchId}/messages`, { body: 'Note for the experts: strong fit.' }))
          .status,
      ).toBe(201);
      expect((await bafa.get(`/api/v1/matches/${matchId}/messages`)).status).toBe(404);
      expect((await coordinator.get(`/api/v1/matches/${matchId}/messages`)).status).toBe(404);
      expect(await unreadFor(coordinator, matchId)).toBe(0);
    });
  });

  describe('objections and waivers', () => {
    it('an objection by letter stops circulation until withdrawn; both are in the history', async () => {
      const r = await acknowledgedRequest();
      const missing = await act(expert, r.id, 'record_objection');
      expect(missing.status).toBe(400);
      expect(missing.body.message).toMatch(/letterDate/);
      const future = await act(expert, r.id, 'record_objection', { letterDate: '2999-01-01' });
      expect(future.status).toBe(400);
      // The letter is one of the request's documents, uploaded first; an id of nothing on it is refused.
      const stranger = await act(expert, r.id, 'record_objection', { letterDate: '2026-03-02', documentId: '11111111-1111-4111-8111-111111111111' });
      expect(stranger.status).toBe(400);
      expect(stranger.body.details[0].field).toBe('documentId');
      const form = multipart({ kind: 'note_verbale', title: 'Note verbale of 2 March' }, { name: 'objection.pdf', data: SAMPLES.pdf });
      const letter = (await expert.request('POST', `/api/v1/requests/${r.id}/documents`, form.body, { 'content-type': form.contentType })).body;

      const objected = await act(expert, r.id, 'record_objection', {
        letterDate: '2026-03-02',
        documentId: letter.id,
        comment: 'Note verbale of 2 March',
      });
      expect(objected.status).toBe(200);
      expect(requestViewSchema.safeParse(objected.body).success).toBe(true);
      expect(objected.body).toMatchObject({
        status: 'acknowledged',
        objectionSource: 'letter',
        objectionLetterDate: '2026-03-02',
        objectionDocumentId: letter.id,
        objectionWindowClosesAt: null,
      });
      expect(objected.body.availableActions).toContain('withdraw_objection');
      expect(objected.body.availableActions).not.toContain('circulate');
      expect((await act(expert, r.id, 'record_objection', { letterDate: '2026-03-02' })).status).toBe(409);

      // Even after the window, the objection stands.
      const refused = await act(expertLater, r.id, 'circulate');
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/objected to circulation \(by letter of 2026-03-02\).*withdrawn/);
      expect((await act(expert, r.id, 'record_waiver', { letterDate: '2026-03-03' })).status).toBe(409);

      const withdrawn = await act(expert, r.id, 'withdraw_objection', { comment: 'Letter of 9 March withdraws it' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ objectedAt: null, objectionSource: null });
      expect((await act(expert, r.id, 'withdraw_objection')).status).toBe(409);
      expect((await act(expertLater, r.id, 'circulate')).body.status).toBe('circulated');

      const history = (await customs.get(`/api/v1/requests/${r.id}/history`)).body;
      expect(history.map((h: any) => h.action)).toEqual([
        'create',
        'submit',
        'acknowledge',
        'document_uploaded',
        'record_objection',
        'withdraw_objection',
        'circulate',
      ]);
      expect(history[4]).toMatchObject({
        comment: 'Note verbale of 2 March',
        details: { letterDate: '2026-03-02', documentId: letter.id },
      });
      expect(history[5].details.withdrawn).toMatchObject({ source: 'letter', letterDate: '2026-03-02' });
      const events = await ds.query(`SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY created_at`, [r.id]);
      expect(events.map((e: any) => e.type)).toContain('request.objection_recorded');
      expect(events.map((e: any) => e.type)).toContain('request.objection_withdrawn');
    });

    it('a waiver by letter lifts the window: circulation at once', async () => {
      const r = await acknowledgedRequest();
      expect((await act(expert, r.id, 'circulate')).status).toBe(409);
      const waived = await act(expert, r.id, 'record_waiver', { letterDate: '2026-03-04' });
      expect(waived.status).toBe(200);
      expect(waived.body).toMatchObject({
        objectionWindowWaived: true,
        waiverLetterDate: '2026-03-04',
        objectionWindowClosesAt: null,
      });
      expect(waived.body.availableActions).not.toContain('record_waiver');
      expect((await act(expert, r.id, 'record_waiver', { letterDate: '2026-03-04' })).status).toBe(409);
      expect((await act(expert, r.id, 'circulate')).body.status).toBe('circulated');
      const actions = (await expert.get(`/api/v1/requests/${r.id}/history`)).body.map((h: any) => h.action);
      expect(actions).toEqual(['create', 'submit', 'acknowledge', 'record_waiver', 'circulate']);
    });

    it('the letters and thread attachments of a request stay with the State and the Committee: a provider neither lists, reads nor sees them on the timeline', async () => {
      const upload = async (client: ApiClient, id: string, title: string) => {
        const form = multipart({ kind: 'letter', title }, { name: 'letter.pdf', data: SAMPLES.pdf });
        const res = await client.request('POST', `/api/v1/requests/${id}/documents`, form.body, { 'content-type': form.contentType });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      const r = await acknowledgedRequest();
      // An objection by letter, withdrawn (its letter stays correspondence), then a waiver by letter.
      const objection = await upload(expert, r.id, 'Objection');
      expect((await act(expert, r.id, 'record_objection', { letterDate: '2026-03-02', documentId: objection })).status).toBe(200);
      expect((await act(expert, r.id, 'withdraw_objection')).status).toBe(200);
      const waiver = await upload(expert, r.id, 'Waiver');
      expect((await act(expert, r.id, 'record_waiver', { letterDate: '2026-03-03', documentId: waiver })).status).toBe(200);
      expect((await act(expert, r.id, 'circulate')).body.status).toBe('circulated');
      const attachment = await upload(customs, r.id, 'Clarification answer');
      expect((await customs.post(`/api/v1/requests/${r.id}/messages`, { body: 'Our answer, attached.', documentId: attachment })).status).toBe(201);
      const published = await upload(expert, r.id, 'Circulated annex');
      const correspondence = [objection, waiver, attachment];

      const listed = async (client: ApiClient) => (await client.get(`/api/v1/requests/${r.id}/documents`)).body.items.map((d: any) => d.id).sort();
      const onTimeline = async (client: ApiClient) =>
        (await client.get('/api/v1/states/MNG/timeline?kind=document&pageSize=100')).body.items.map((e: any) => e.id).filter((id: string) => [...correspondence, published].includes(id)).sort();
      expect(await listed(expert)).toEqual([...correspondence, published].sort());
      expect(await listed(customs)).toEqual([...correspondence, published].sort());
      expect(await onTimeline(customs)).toEqual([...correspondence, published].sort());

      expect(await listed(bafa)).toEqual([published]);
      expect(await onTimeline(bafa)).toEqual([published]);
      expect((await bafa.get(`/api/v1/documents/${published}/content`)).status).toBe(200);
      for (const id of correspondence) {
        expect((await bafa.get(`/api/v1/documents/${id}`)).status).toBe(404);
        expect((await bafa.get(`/api/v1/documents/${id}/content`)).status).toBe(404);
        expect((await expert.get(`/api/v1/documents/${id}/content`)).status).toBe(200);
      }
    });

    it('an attachment uploaded for the thread is correspondence from the upload on: before any message names it, a provider neither lists, reads nor downloads it', async () => {
      const upload = async (client: ApiClient, path: string, fields: Record<string, string>) => {
        const form = multipart({ kind: 'other', title: 'Draft answer', ...fields }, { name: 'answer.pdf', data: SAMPLES.pdf });
        return client.request('POST', path, form.body, { 'content-type': form.contentType });
      };
      const r = await circulatedRequest(api.baseUrl);
      const pending = await upload(customs, `/api/v1/requests/${r.id}/documents`, { purpose: 'correspondence' });
      expect(pending.status).toBe(201);
      const attachment = pending.body.id as string;
      const ordinary = (await upload(customs, `/api/v1/requests/${r.id}/documents`, {})).body.id as string;
      const listed = async (client: ApiClient) => (await client.get(`/api/v1/requests/${r.id}/documents`)).body.items.map((d: any) => d.id).sort();
      const onTimeline = async (client: ApiClient) =>
        (await client.get('/api/v1/states/MNG/timeline?kind=document&pageSize=100')).body.items.map((e: any) => e.id).filter((id: string) => [attachment, ordinary].includes(id)).sort();

      // No message names it yet (the composer uploads first, and its post may fail or never come).
      const mayNotSee = async () => {
        expect(await listed(bafa)).toEqual([ordinary]);
        expect(await onTimeline(bafa)).toEqual([ordinary]);
        expect((await bafa.get(`/api/v1/documents/${attachment}`)).status).toBe(404);
        expect((await bafa.get(`/api/v1/documents/${attachment}/content`)).status).toBe(404);
        // Nor learns it exists by trying to remove it (a document it may read but not remove answers 403).
        expect((await bafa.request('DELETE', `/api/v1/documents/${attachment}`)).status).toBe(404);
        expect((await bafa.request('DELETE', `/api/v1/documents/${ordinary}`)).status).toBe(403);
        expect((await bafa.get(`/api/v1/documents/${ordinary}/content`)).status).toBe(200);
      };
      await mayNotSee();
      for (const client of [customs, coordinator, expert]) {
        expect(await listed(client)).toEqual([attachment, ordinary].sort());
        expect((await client.get(`/api/v1/documents/${attachment}/content`)).status).toBe(200);
      }
      expect(await onTimeline(customs)).toEqual([attachment, ordinary].sort());

      // The message then names it, as before; it stays the State's and the Committee's.
      const posted = await customs.post(`/api/v1/requests/${r.id}/messages`, { body: 'Our answer, attached.', documentId: attachment });
      expect(posted.status).toBe(201);
      expect(posted.body.documentId).toBe(attachment);
      await mayNotSee();

      // A match's thread is the provider's too: nothing there to hide from it.
      const { match } = await endorsedMatch();
      const onMatch = await upload(expert, `/api/v1/matches/${match.id}/documents`, { purpose: 'correspondence' });
      expect(onMatch.status).toBe(400);
      expect(onMatch.body.details).toEqual([{ field: 'purpose', message: expect.stringContaining('request') }]);
      const unknown = await upload(customs, `/api/v1/requests/${r.id}/documents`, { purpose: 'secret' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details[0].field).toBe('purpose');
    });

    it('the coordinator objects in the app while the window is open, not after; nobody else of the State may', async () => {
      const r = await acknowledgedRequest();
      expect((await coordinator.get(`/api/v1/requests/${r.id}`)).body.availableActions).toContain('object');
      expect((await act(customs, r.id, 'object')).status).toBe(403);
      expect((await act(bafa, r.id, 'object')).status).toBe(404);
      expect((await act(expert, r.id, 'object')).status).toBe(403);
      const objected = await act(coordinator, r.id, 'object', { comment: 'Our ministry must review it first' });
      expect(objected.status).toBe(200);
      expect(objected.body).toMatchObject({ objectionSource: 'app', objectionLetterDate: null });
      expect((await act(expertLater, r.id, 'circulate')).status).toBe(409);
      expect((await act(expert, r.id, 'withdraw_objection')).status).toBe(200);

      const late = await acknowledgedRequest();
      const tooLate = await act(coordinatorLater, late.id, 'object');
      expect(tooLate.status).toBe(409);
      expect(tooLate.body.message).toMatch(/window is closed/);
      expect((await coordinatorLater.get(`/api/v1/requests/${late.id}`)).body.availableActions).not.toContain('object');
    });
  });

  describe('points of contact', () => {
    const poc = (name: string) => ({
      name,
      title: 'Head of export control',
      agency: 'NCTC',
      email: `${name.toLowerCase()}@nctc.mn.example`,
      phone: '+976 11 123 456',
      languages: ['mn', 'en'],
    });

    it('a State’s coordinator and the Committee keep its points of contact; its agencies read them; others get 404', async () => {
      const current = (await coordinator.get('/api/v1/states/MNG/contacts')).body;
      expect(contactListViewSchema.safeParse(current).success).toBe(true);
      expect(current.canEdit).toBe(true);
      const put = await coordinator.put('/api/v1/states/MNG/contacts', {
        contacts: [poc('Bat')],
        version: current.version,
      });
      expect(put.status).toBe(200);
      expect(put.body.contacts).toEqual([poc('Bat')]);
      expect(
        (await coordinator.put('/api/v1/states/MNG/contacts', { contacts: [], version: current.version })).status,
      ).toBe(409);

      const read = await nec.get('/api/v1/states/MNG/contacts');
      expect(read.body).toMatchObject({ canEdit: false, contacts: [poc('Bat')] });
      expect((await nec.put('/api/v1/states/MNG/contacts', { contacts: [] })).status).toBe(403);
      expect((await expert.put('/api/v1/states/MNG/contacts', { contacts: [poc('Bat'), poc('Saran')] })).status).toBe(
        200,
      );
      expect((await outsider.get('/api/v1/states/MNG/contacts')).status).toBe(404);
      expect((await outsider.put('/api/v1/states/MNG/contacts', { contacts: [] })).status).toBe(404);
      expect((await coordinator.get('/api/v1/states/KAZ/contacts')).status).toBe(404);

      const bad = await coordinator.put('/api/v1/states/MNG/contacts', {
        contacts: [{ ...poc('Bat'), email: 'not-an-address' }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/contacts\.0\.email/);
      expect(
        (await coordinator.put('/api/v1/states/MNG/contacts', { contacts: [{ ...poc('Bat'), languages: ['xx'] }] }))
          .status,
      ).toBe(400);
      expect((await coordinator.get('/api/v1/states/XYZ/contacts')).status).toBe(400);

      const [entry] = await ds.query(
        `SELECT h.details FROM history_entries h JOIN contact_lists c ON c.id = h.subject_id WHERE c.owner = 'state' AND c.owner_key = 'MNG' ORDER BY h.created_at DESC LIMIT 1`,
      );
      expect(entry.details.after).toHaveLength(2);
    });

    it('once a match is agreed, each side sees the other’s contacts on the match', async () => {
      const bafaOrg = (await bafa.get('/api/v1/auth/me')).body.organization.id;
      const customsOrg = (await customs.get('/api/v1/auth/me')).body.organization.id;
      expect(
        (
          await bafa.put(`/api/v1/organizations/${bafaOrg}/contacts`, {
            contacts: [{ name: 'Anna Keller', email: 'anna@bafa.example' }],
          })
        ).status,
      ).toBe(200);
      expect((await customs.put(`/api/v1/organizations/${customsOrg}/contacts`, { contacts: [] })).status).toBe(403);
      expect(
        (
          await coordinator.put(`/api/v1/organizations/${customsOrg}/contacts`, {
            contacts: [{ name: 'Ganbold', email: 'g@customs.mn.example' }],
          })
        ).status,
      ).toBe(200);
      expect((await exbs.get(`/api/v1/organizations/${bafaOrg}/contacts`)).status).toBe(404);

      const { match } = await endorsedMatch();
      const before = await coordinator.get(`/api/v1/matches/${match.id}/contacts`);
      expect(before.body).toEqual({ agreed: false, state: null, requester: null, provider: null });

      expect((await bafa.post(`/api/v1/matches/${match.id}/transitions`, { action: 'accept' })).status).toBe(200);
      expect((await coordinator.post(`/api/v1/matches/${match.id}/transitions`, { action: 'confirm' })).status).toBe(
        200,
      );

      for (const client of [bafa, coordinator, customs, expert]) {
        const res = await client.get(`/api/v1/matches/${match.id}/contacts`);
        expect(res.status).toBe(200);
        expect(matchContactsViewSchema.safeParse(res.body).success).toBe(true);
        expect(res.body).toMatchObject({
          agreed: true,
          state: { code: 'MNG', contacts: expect.arrayContaining([expect.objectContaining({ name: 'Bat' })]) },
          requester: { id: customsOrg, contacts: [expect.objectContaining({ name: 'Ganbold' })] },
          provider: {
            id: bafaOrg,
            contacts: [expect.objectContaining({ name: 'Anna Keller', title: null, languages: [] })],
          },
        });
      }
      expect((await exbs.get(`/api/v1/matches/${match.id}/contacts`)).status).toBe(404);
      // The agreement opens the other side's lists too.
      expect((await bafa.get('/api/v1/states/MNG/contacts')).status).toBe(200);
      expect((await bafa.get(`/api/v1/organizations/${customsOrg}/contacts`)).status).toBe(200);
      expect((await coordinator.get(`/api/v1/organizations/${bafaOrg}/contacts`)).status).toBe(200);
      expect((await bafa.put('/api/v1/states/MNG/contacts', { contacts: [] })).status).toBe(403);
    });

    it('the public register shows the Committee’s contact address', async () => {
      const res = await new ApiClient(api.baseUrl).get('/api/v1/public/contact');
      expect(res).toMatchObject({ status: 200, body: { committeeContact: '1540committee@un.org' } });
    });
  });
});
