import { ApiClient } from '../support/http';
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
});
