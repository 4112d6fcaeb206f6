import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { EventType } from '@app/contracts';
import { cjkFonts } from '../../apps/api/src/engagements/information-note';
import { messageOf, NOTIFICATION_RULES, type EventFacts, type NotifyRule } from '../../apps/worker/src/notifications/notification-rules';
import { ApiClient, DEMO } from '../support/http';
import { pdfText } from '../support/pdf-text';
import { startApiInProcess } from '../support/platform';

// The API's words follow the reader: the signed-in person's preferred language, else Accept-Language. Codes,
// reasons and field paths do not change. French is used when its catalogue exists; until then English answers.
describe('languages of the API', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  beforeAll(async () => {
    api = await startApiInProcess();
  });
  afterAll(() => api.close());

  it('saves a person’s own preferred language with PATCH /auth/me and refuses an unknown one by field', async () => {
    const client = await ApiClient.as(api.baseUrl, 'bafa');
    const saved = await client.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'ar' });
    expect(saved.status).toBe(200);
    expect(saved.body.preferredLanguage).toBe('ar');
    expect((await client.get('/api/v1/auth/me')).body.preferredLanguage).toBe('ar');
    const wrong = await client.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'de' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0].field).toBe('preferredLanguage');
    const anon = new ApiClient(api.baseUrl);
    expect((await anon.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'fr' })).status).toBe(401);
    await client.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'en' });
  });

  it('answers the taxonomy with States’ names from CLDR in the asked language, codes unchanged', async () => {
    const anon = new ApiClient(api.baseUrl);
    const ru = await anon.request('GET', '/api/v1/taxonomy', undefined, { 'accept-language': 'ru-RU, en;q=0.5' });
    expect(ru.headers.get('vary')).toMatch(/Accept-Language/i);
    const mongolia = ru.body.states.find((s: { code: string }) => s.code === 'MNG');
    expect(mongolia.name).toBe('Монголия');
    const en = await anon.get('/api/v1/taxonomy');
    expect(en.body.states.find((s: { code: string }) => s.code === 'MNG').name).toBe('Mongolia');
    expect(ru.body.provisions.map((p: { code: string }) => p.code)).toEqual(en.body.provisions.map((p: { code: string }) => p.code));
  });

  it('answers in the pseudo-locale en-XA when asked for it first, a signed-in person’s preference notwithstanding', async () => {
    const client = await ApiClient.as(api.baseUrl, 'bafa');
    const pseudo = await client.request('GET', '/api/v1/taxonomy', undefined, { 'accept-language': 'en-XA' });
    const en = await client.request('GET', '/api/v1/taxonomy', undefined, { 'accept-language': 'en' });
    const nuclear = (body: { domains: { code: string; label: string }[] }) => body.domains.find((d) => d.code === 'NUCLEAR')!.label;
    expect(nuclear(pseudo.body)).toMatch(/^⟦.*⟧$/);
    expect(nuclear(pseudo.body)).not.toBe(nuclear(en.body));
    expect(pseudo.body.states.find((s: { code: string }) => s.code === 'MNG').name).toBe('Mongolia');
    const refused = await new ApiClient(api.baseUrl).request('GET', '/api/v1/requests', undefined, { 'accept-language': 'en-XA' });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/^⟦.*⟧$/);
  });

  it('keeps the error shape and field paths whatever the language', async () => {
    const anon = new ApiClient(api.baseUrl);
    const en = await anon.request('GET', '/api/v1/requests', undefined, { 'accept-language': 'en' });
    const fr = await anon.request('GET', '/api/v1/requests', undefined, { 'accept-language': 'fr' });
    expect(fr.status).toBe(401);
    expect(fr.body.error).toBe(en.body.error);
    expect(Object.keys(fr.body).sort()).toEqual(Object.keys(en.body).sort());
  });

  it('words a pattern check, an unsupported import encoding and a path no route serves in the reader’s language', async () => {
    const ds = api.app.get(DataSource);
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    const [{ org }] = await ds.query(`SELECT organization_id AS "org" FROM users WHERE email = $1`, [DEMO.admin]);
    // Committee people of their own with a saved language (the demo users keep English).
    const person = async (role: string, language: string) => {
      const email = `words-${language}-${randomUUID().slice(0, 8)}@committee.example`;
      expect((await admin.post('/api/v1/users', { email, displayName: `Reader (${language})`, role, organizationId: org, password: 'languages-password' })).status).toBe(201);
      const client = await ApiClient.as(api.baseUrl, email, 'languages-password');
      expect((await client.request('PATCH', '/api/v1/auth/me', { preferredLanguage: language })).status).toBe(200);
      return client;
    };
    const expert = await person('committee_member', 'fr');
    // A regex check of the contracts (the offers' sort); the field and the English stay.
    const sort = await expert.get('/api/v1/offers?sort=price');
    expect(sort.status).toBe(400);
    expect(sort.body.details).toEqual([{ field: 'sort', message: expect.stringMatching(/^doit être l’une des valeurs suivantes, précédée au besoin de -\s: .*updatedAt/) }]);
    const sortEn = await admin.get('/api/v1/offers?sort=price');
    expect(sortEn.body.details[0].message).toMatch(/^must be one of .*, optionally prefixed with -$/);

    // The import's stream refuses a content encoding it cannot read (415), before reading a byte.
    const russianAdmin = await person('committee_admin', 'ru');
    const zstd = await russianAdmin.request('POST', '/api/v1/import', '{}', { 'content-type': 'application/json', 'content-encoding': 'zstd' });
    expect(zstd.status).toBe(415);
    expect(zstd.body).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'Кодирование содержимого «zstd» не поддерживается: отправьте документ без сжатия или сжатым с помощью gzip, deflate или br',
    });

    // The demo mailbox, off in tests, answers as a path no route serves, in every language alike.
    const anon = new ApiClient(api.baseUrl);
    for (const path of ['/api/v1/dev/mailbox', '/api/v1/nowhere']) {
      const es = await anon.request('GET', path, undefined, { 'accept-language': 'es' });
      expect(es.body).toEqual({ statusCode: 404, error: 'Not Found', message: `La ruta GET ${path} no existe` });
      expect((await anon.get(path)).body.message).toBe(`Cannot GET ${path}`);
    }
  });

  it('words the inbox in the reader’s language when it is read: Mongolian, then French after a switch', async () => {
    const ds = api.app.get(DataSource);
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    const [org] = await ds.query(`SELECT id FROM organizations WHERE short_name = 'WCO'`);
    const email = `inbox-${randomUUID().slice(0, 8)}@wco.example`;
    const created = await admin.post('/api/v1/users', { email, displayName: 'Inbox reader', role: 'provider_member', organizationId: org.id, password: 'inbox-test-password' });
    expect(created.status).toBe(201);
    const reader = await ApiClient.as(api.baseUrl, email, 'inbox-test-password');
    expect((await reader.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'mn' })).status).toBe(200);

    // The row as the worker writes it for match.endorsed (keys and raw parameters), and one from before keys.
    const type: EventType = 'match.endorsed';
    const rule = NOTIFICATION_RULES[type] as NotifyRule;
    const f = {
      type,
      payload: { from: 'suggested', to: 'endorsed' },
      actorId: null,
      comment: null,
      reason: null,
      request: { id: randomUUID(), reference: 'MNG-2026-0042', title: 'Customs laboratory', state: 'MNG', stateName: 'Mongolia', organizationName: 'GCA' },
      offer: { id: randomUUID(), title: 'Commodity identification training', providerName: 'WCO' },
      match: { id: randomUUID(), status: 'endorsed', origin: 'engine', declineReason: null },
    } as unknown as EventFacts;
    const message = messageOf(type, rule, rule.recipients[0], f);
    const facts = [{ label: 'Match status', value: 'Endorsed', labelKey: 'notifications.facts.matchStatus', valueKey: 'status.match.endorsed' }];
    await ds.query(
      `INSERT INTO notifications (user_id, category, event_id, event_type, subject_type, subject_id, title, body, title_key, body_key, params, link_path, facts, email_mode)
       VALUES ($1, 'matches', $2, $3, 'match', $4, 'Match endorsed: your offer for MNG-2026-0042', 'English body', $5, $6, $7::jsonb, '/provider/requests/x', $8::jsonb, 'immediate'),
              ($1, 'matches', $9, $3, 'match', $4, 'Written before keys', 'Old English body', NULL, NULL, NULL, '/provider/requests/x', '[]'::jsonb, 'immediate')`,
      [created.body.id, randomUUID(), type, randomUUID(), message.titleKey, message.bodyKey, JSON.stringify(message.params), JSON.stringify(facts), randomUUID()],
    );

    const mn = await reader.get('/api/v1/notifications');
    expect(mn.status).toBe(200);
    const keyed = (page: typeof mn) => page.body.items.find((n: { title: string }) => n.title.includes('MNG-2026-0042'));
    expect(keyed(mn).title).toBe('Тохироог баталлаа: MNG-2026-0042 хүсэлтэд өгсөн таны санал');
    expect(keyed(mn).body).toContain('Монгол улсын MNG-2026-0042 «Customs laboratory»');
    expect(keyed(mn).body).toContain('«Commodity identification training»');
    expect(keyed(mn).facts).toEqual([{ label: 'Тохироогийн төлөв', value: expect.not.stringMatching(/Endorsed/) }]);
    // A row written before the texts were keys stays readable, in its English.
    expect(mn.body.items.find((n: { title: string }) => n.title === 'Written before keys').body).toBe('Old English body');

    expect((await reader.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'fr' })).status).toBe(200);
    const fr = await reader.get('/api/v1/notifications');
    expect(keyed(fr).title).toBe('Mise en relation approuvée\u00a0: votre offre pour MNG-2026-0042');
    expect(keyed(fr).body).toContain('(Mongolie)');
    expect(keyed(fr).facts[0].label).toBe('Statut de la mise en relation');
  });

  it('words domain errors in the reader’s language, keeping status, error and machine-readable details', async () => {
    const ds = api.app.get(DataSource);
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    const [me] = await ds.query(`SELECT organization_id AS "org" FROM users WHERE role = 'committee_admin' LIMIT 1`);
    const email = `polyglot-${randomUUID().slice(0, 8)}@un.example`;
    const created = await admin.post('/api/v1/users', { email, displayName: 'Polyglot', role: 'committee_admin', organizationId: me.org, password: 'polyglot-password' });
    expect(created.status).toBe(201);
    const reader = await ApiClient.as(api.baseUrl, email, 'polyglot-password');
    const [circulated] = await ds.query(`SELECT id FROM assistance_requests WHERE status = 'circulated' LIMIT 1`);

    // French (the person's preference): 404, a taken e-mail (409 with its field), a workflow step not allowed (409).
    expect((await reader.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'fr' })).status).toBe(200);
    const missing = await reader.get(`/api/v1/requests/${randomUUID()}`);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Demande introuvable' });
    const taken = await reader.post('/api/v1/users', { email, displayName: 'Again', role: 'committee_member', organizationId: me.org, password: 'polyglot-password' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('Conflict');
    expect(taken.body.message).toBe(`Un utilisateur ayant l’adresse ${email} existe déjà`);
    expect(taken.body.details).toEqual([{ field: 'email', message: 'est déjà utilisée' }]);
    const step = await reader.post(`/api/v1/requests/${circulated.id}/transitions`, { action: 'acknowledge' });
    expect(step.status).toBe(409);
    expect(step.body.message).toMatch(/^Action «\sacknowledge\s» impossible \(objet\s: demande, statut\s: circulated/);
    expect(step.body.details).toMatchObject({ status: 'circulated' });

    // Russian: a stale version (409, the current version kept for programs).
    expect((await reader.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'ru' })).status).toBe(200);
    const stale = await reader.request('PATCH', `/api/v1/users/${created.body.id}`, { displayName: 'Polyglot 2', version: 999 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/^Объект \(пользователь\) изменён другим пользователем \(теперь версия \d+\)/);
    expect(stale.body.details).toEqual({ currentVersion: expect.any(Number) });
    expect((await reader.get(`/api/v1/requests/${randomUUID()}`)).body.message).toBe('Запрос не найден');

    // Signed out, Accept-Language decides.
    const anon = new ApiClient(api.baseUrl);
    const ru = await anon.request('GET', `/api/v1/public/engagements/${randomUUID()}/information-note`, undefined, { 'accept-language': 'ru' });
    expect(ru.status).toBe(404);
    expect(ru.body.message).toBe('Мероприятие не найдено');
    const fr = await anon.request('GET', `/api/v1/public/engagements/${randomUUID()}/information-note`, undefined, { 'accept-language': 'fr-CH, fr;q=0.9' });
    expect(fr.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Engagement introuvable' });
    const en = await anon.get(`/api/v1/public/engagements/${randomUUID()}/information-note`);
    expect(en.body.message).toBe('Engagement not found');
  });

  it('words the refusals of action plans, engagements and contacts, and a weights profile’s problems, in the reader’s language', async () => {
    const ds = api.app.get(DataSource);
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    // People of their own, so the demo users keep the languages other tests expect.
    const person = async (colleague: 'customs' | 'wco' | 'admin', role: string, language: string) => {
      const [{ org }] = await ds.query(`SELECT organization_id AS "org" FROM users WHERE email = $1`, [DEMO[colleague]]);
      const email = `${language}-${randomUUID().slice(0, 8)}@${colleague}.example`;
      const created = await admin.post('/api/v1/users', { email, displayName: `Reader (${language})`, role, organizationId: org, password: 'languages-password' });
      expect(created.status).toBe(201);
      const client = await ApiClient.as(api.baseUrl, email, 'languages-password');
      expect((await client.request('PATCH', '/api/v1/auth/me', { preferredLanguage: language })).status).toBe(200);
      return { client, org: org as string };
    };
    const agency = await person('customs', 'agency_member', 'fr');

    // Action plans: an agency proposes and notes progress; the State's coordinator edits the items.
    const [item] = await ds.query(
      `SELECT i.id, i.version FROM action_plan_items i JOIN action_plans p ON p.id = i.plan_id WHERE p.state = 'MNG' ORDER BY i.created_at LIMIT 1`,
    );
    const edit = await agency.client.patch(`/api/v1/action-plan-items/${item.id}`, { title: 'Renamed by an agency', version: item.version });
    expect(edit.status).toBe(403);
    expect(edit.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Seul le coordonnateur de l’État modifie les éléments du plan\u00a0; les organismes y ajoutent des notes d’avancement',
    });
    const provider = await person('wco', 'provider_member', 'ru');
    const needing = await provider.client.get('/api/v1/action-plan-items?needsRequest=true');
    expect(needing.status).toBe(403);
    expect(needing.body.message).toBe('Список пунктов, по которым нужен запрос, доступен только государству и Комитету');

    // Contacts: only the State's coordinator and the Committee keep the State's points of contact.
    const contacts = await agency.client.put('/api/v1/states/MNG/contacts', { contacts: [] });
    expect(contacts.status).toBe(403);
    expect(contacts.body.message).toBe('Seuls le coordonnateur de l’État et le Comité tiennent à jour ses points de contact');

    // Engagements: the owner of a follow-up action changes its status only; the fields refused keep their names.
    const engagement = await admin.post('/api/v1/engagements', {
      kind: 'workshop',
      title: 'Workshop on export control lists',
      startDate: '2023-05-02',
      endDate: '2023-05-03',
      organisers: [{ name: 'UNODA Regional Centre' }],
      participants: [{ organizationId: agency.org }],
      states: ['MNG'],
    });
    expect(engagement.status).toBe(201);
    const action = await admin.post(`/api/v1/engagements/${engagement.body.id}/follow-ups`, {
      description: 'Publish the updated control list',
      ownerOrganizationId: agency.org,
      dueDate: '2023-09-30',
    });
    expect(action.status).toBe(201);
    const followUp = action.body.followUps[0];
    const owner = await agency.client.patch(`/api/v1/engagements/${engagement.body.id}/follow-ups/${followUp.id}`, { description: 'Changed by its owner', version: followUp.version });
    expect(owner.status).toBe(403);
    expect(owner.body.message).toBe('Le responsable de l’action ne peut en changer que le statut, pas description');
    expect(owner.body.error).toBe('Forbidden');

    // The weights profile: each problem under its field, in Russian; English stays the default.
    const committee = await person('admin', 'committee_admin', 'ru');
    const profile = (await committee.client.get('/api/v1/matching/profile')).body;
    const zero = Object.fromEntries(Object.keys(profile.weights).map((k) => [k, 0]));
    const weights = await committee.client.put('/api/v1/matching/profile', { weights: zero, threshold: profile.threshold, topK: profile.topK });
    expect(weights.status).toBe(400);
    expect(weights.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'weights: не могут все быть равны нулю',
      details: [{ field: 'weights', message: 'не могут все быть равны нулю' }],
    });
    expect((await admin.request('PUT', '/api/v1/matching/profile', { weights: zero, threshold: profile.threshold, topK: profile.topK }, { 'accept-language': 'en' })).body.details).toEqual([
      { field: 'weights', message: 'must not all be zero' },
    ]);
  });

  it('gives the information note in the reader’s language: HTML to a French reader, the PDF to a Russian and a Chinese one, the public note by Accept-Language', async () => {
    const ds = api.app.get(DataSource);
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    const [{ org }] = await ds.query(`SELECT organization_id AS "org" FROM users WHERE email = $1`, [DEMO.admin]);
    const reader = async (language: string) => {
      const email = `note-${language}-${randomUUID().slice(0, 8)}@committee.example`;
      const created = await admin.post('/api/v1/users', { email, displayName: `Note reader (${language})`, role: 'committee_member', organizationId: org, password: 'languages-password' });
      expect(created.status).toBe(201);
      const client = await ApiClient.as(api.baseUrl, email, 'languages-password');
      expect((await client.request('PATCH', '/api/v1/auth/me', { preferredLanguage: language })).status).toBe(200);
      return client;
    };
    const title = 'National Roundtable on the 1540 Action Plan';
    const created = await admin.post('/api/v1/engagements', {
      kind: 'roundtable',
      title,
      startDate: '2022-12-06',
      endDate: '2022-12-08',
      venue: 'Ulaanbaatar',
      organisers: [{ name: 'UNODA Regional Centre' }],
      participants: [{ name: 'Customs General Authority' }],
      states: ['MNG'],
      highlights: 'Every item of the plan was reviewed.',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    // French, by the saved preference (the browser's Accept-Language says English): HTML.
    const fr = await (await reader('fr')).request('GET', `/api/v1/engagements/${id}/information-note?format=html`, undefined, { 'accept-language': 'en' });
    expect(fr.status).toBe(200);
    expect(fr.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(fr.body).toContain('<html lang="fr" dir="ltr">');
    for (const text of ['Note d’information', `Table ronde : ${title}`, '6–8 décembre 2022', 'Mongolie', 'Faits saillants', 'Every item of the plan was reviewed.', 'Pour information – ceci n’est pas un rapport officiel']) {
      expect(fr.body).toContain(text);
    }
    for (const english of ['Information note', 'Roundtable:', 'December', 'Highlights', 'For information']) expect(fr.body).not.toContain(english);

    // Russian: the PDF (read as bytes, with the same bearer token).
    const ru = await reader('ru');
    const token = (ru as unknown as { token: string }).token;
    const res = await fetch(`${api.baseUrl}/api/v1/engagements/${id}/information-note?format=pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const pdf = pdfText(Buffer.from(await res.arrayBuffer())).replace(/\n/g, ' ');
    for (const text of ['Информационная записка', `Круглый стол: ${title}`, '6–8 декабря 2022\u202fг.', 'Монголия', 'Основные итоги', 'Для информации – не является официальным докладом']) {
      expect(pdf).toContain(text);
    }
    for (const english of ['Information note', 'December', 'Highlights', 'For information']) expect(pdf).not.toContain(english);

    // Chinese: the PDF in Chinese where the machine has a CJK font (the unit test insists on one under CI), else
    // with English fixed words. pdfText gives a line per font run, and Chinese has no spaces.
    const zh = (await reader('zh')) as unknown as { token: string };
    const zhRes = await fetch(`${api.baseUrl}/api/v1/engagements/${id}/information-note?format=pdf`, { headers: { authorization: `Bearer ${zh.token}` } });
    expect(zhRes.status).toBe(200);
    const zhPdf = pdfText(Buffer.from(await zhRes.arrayBuffer())).replace(/\n/g, '');
    const chinese = ['情况说明', `圆桌会议：${title}`, '2022年12月6日 – 2022年12月8日', '蒙古', '要点', '仅供参考 – 非正式报告'];
    const english = ['Information note', `Roundtable: ${title}`, 'December 2022', 'Mongolia', 'Highlights', 'For information – not an official report'];
    const [expected, absent] = cjkFonts() ? [chinese, english] : [english, chinese];
    for (const text of expected) expect(zhPdf).toContain(text);
    for (const text of absent) expect(zhPdf).not.toContain(text);

    // The public register's note, signed out: Arabic right to left by Accept-Language, English without it.
    const version = created.body.version as number;
    expect((await admin.patch(`/api/v1/engagements/${id}`, { notePublished: true, version })).status).toBe(200);
    const anon = new ApiClient(api.baseUrl);
    const ar = await anon.request('GET', `/api/v1/public/engagements/${id}/information-note?format=html`, undefined, { 'accept-language': 'ar' });
    expect(ar.status).toBe(200);
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('مذكرة إعلامية');
    expect(ar.body).toContain(title);
    const en = await anon.get(`/api/v1/public/engagements/${id}/information-note?format=html`);
    expect(en.body).toContain('<html lang="en" dir="ltr">');
    expect(en.body).toContain('For information – not an official report');
    // The language a visitor picked in the app (the link's `lang`) wins over the browser's; an unknown one is a 400.
    const es = await anon.request('GET', `/api/v1/public/engagements/${id}/information-note?format=html&lang=es`, undefined, { 'accept-language': 'ar' });
    expect(es.body).toContain('<html lang="es" dir="ltr">');
    expect(es.body).toContain('Nota informativa');
    const unknown = await anon.get(`/api/v1/public/engagements/${id}/information-note?format=html&lang=xx`);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('lang');
  });
});
