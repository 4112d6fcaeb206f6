import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

/**
 * No input produces a 500 (DESIGN §8): every route of the OpenAPI document, called by every kind of user with
 * arbitrary JSON bodies, odd path parameters and odd query strings, answers below 500.
 */
describe('robustness against arbitrary input', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let routes: { method: string; path: string }[];
  let clients: ApiClient[];

  beforeAll(async () => {
    api = await startApiInProcess();
    const doc = await new ApiClient(api.baseUrl).get('/api/docs-json');
    routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
    );
    clients = [new ApiClient(api.baseUrl), ...(await Promise.all((['admin', 'expert', 'coordinator', 'customs', 'bafa'] as const).map((k) => ApiClient.as(api.baseUrl, k))))];
  });
  afterAll(() => api.close());

  const pathValue = fc.oneof(fc.constant(randomUUID()), fc.uuid(), fc.string({ maxLength: 40 }), fc.constantFrom('0', '-1', 'null', '%00', '..', 'ü'));
  const queryValue = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 10 }),
    fc.integer().map(String),
    fc.constantFrom('', 'true', '-createdAt', 'OP3d', 'MNG', '1e309', '\u0000', 'a\u0000b'),
  );
  const queryKey = fc.constantFrom('page', 'pageSize', 'status', 'q', 'sort', 'state', 'provision', 'domain', 'type', 'from', 'to', 'entity', 'provider', 'kind', 'x');

  it('answers every route below 500 whatever the body, path and query', async () => {
    expect(routes.length).toBeGreaterThan(30);
    // Logout would end the clients' sessions; it is covered by the auth tests.
    const callable = routes.filter((r) => !r.path.endsWith('/auth/logout'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...callable),
        fc.nat(clients.length - 1),
        fc.array(pathValue, { minLength: 3, maxLength: 3 }),
        fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 }),
        fc.jsonValue({ maxDepth: 3 }),
        async (route, who, params, query, body) => {
          let i = 0;
          const path = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++]));
          const qs = new URLSearchParams(query).toString();
          const url = `${path}${qs ? `?${qs}` : ''}`;
          const res = await clients[who].request(route.method, url, route.method === 'GET' ? undefined : body);
          if (res.status >= 500) throw new Error(`${route.method} ${url} with ${JSON.stringify(body).slice(0, 200)} → ${res.status} ${JSON.stringify(res.body)}`);
        },
      ),
      { numRuns: 400 },
    );
  }, 180_000);

  it('names the path parameter that is not an id', async () => {
    const res = await clients[1].get('/api/v1/requests/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'id', message: expect.stringMatching(/UUID/) }]);
  });

  it('refuses the NUL character, which PostgreSQL cannot store, naming the field', async () => {
    const [anonymous, admin, , coordinator, , bafa] = clients;
    const cases: [ApiClient, string, string, unknown, string][] = [
      [anonymous, 'POST', '/api/v1/auth/login', { email: 'admin@committee.example\u0000', password: 'x' }, 'email'],
      [anonymous, 'GET', '/api/v1/public/requests?q=%00', undefined, 'q'],
      [coordinator, 'GET', '/api/v1/requests?q=a%00b', undefined, 'q'],
      [coordinator, 'POST', '/api/v1/requests', { title: 'Control list\u0000', description: 'x' }, 'title'],
      [bafa, 'POST', '/api/v1/offers', { title: 'Licensing', programme: 'p', capacity: { budget: { amount: 1, currency: 'E\u0000' } } }, 'capacity.budget.currency'],
      [admin, 'POST', '/api/v1/organizations', { name: 'N\u0000', shortName: 'N', kind: 'provider' }, 'name'],
      [admin, 'GET', `/api/v1/requests/${encodeURIComponent('\u0000')}`, undefined, 'id'],
    ];
    for (const [client, method, url, body, field] of cases) {
      const res = await client.request(method, url, body);
      expect({ url, status: res.status, fields: res.body.details?.map((d: any) => d.field) }).toEqual({ url, status: 400, fields: [field] });
    }
  });
});
