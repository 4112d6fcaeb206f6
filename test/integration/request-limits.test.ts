import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '@app/database';
import { requestInput } from '../factories';
import { DEMO } from '../support/http';
import { freePort, startApiInProcess } from '../support/platform';

type Api = Awaited<ReturnType<typeof startApiInProcess>>;

/** One call with exactly these headers (no client state), so each can claim an address of its own. */
async function call(api: Api, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

const signIn = (api: Api, email: string, password: string, headers: Record<string, string> = {}) =>
  call(api, 'POST', '/api/v1/auth/login', { email, password }, headers);
const from = (address: string) => ({ 'x-forwarded-for': address });
const ownPrefix = () => `limits${randomUUID().slice(0, 8)}`;

describe('sign-in throttling without trusted proxies', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApiInProcess({ QUEUE_PREFIX: ownPrefix(), TRUSTED_PROXIES: '', LOGIN_ADDRESS_MAX_FAILURES: '20' });
  });
  afterAll(() => api.close());

  it('counts guesses per account whatever X-Forwarded-For claims, and refuses the right password while locked', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await signIn(api, DEMO.osce, `guess-${i}`, from(`203.0.113.${i + 1}`))).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    const locked = await signIn(api, DEMO.osce, DEMO_PASSWORD, from('198.51.100.77'));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('locks an unknown e-mail exactly like a real account, so the answer does not tell which exists', async () => {
    const unknown = `nobody.${randomUUID().slice(0, 8)}@nowhere.example`;
    for (let i = 0; i < 5; i++) expect((await signIn(api, unknown, `guess-${i}`)).status).toBe(401);
    const real = await signIn(api, DEMO.osce, 'another-guess');
    const fake = await signIn(api, unknown, 'another-guess');
    expect(fake.status).toBe(429);
    // Same answer; only the seconds left differ, as they would between two real accounts.
    expect({ ...fake.body, details: null }).toEqual({ ...real.body, details: null });
    expect(fake.body.message).toMatch(/Too many failed sign-ins/);
  });
});

describe('sign-in throttling behind a trusted proxy', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApiInProcess({
      QUEUE_PREFIX: ownPrefix(),
      TRUSTED_PROXIES: 'loopback',
      LOGIN_ADDRESS_MAX_FAILURES: '20',
      LOGIN_GLOBAL_MAX_FAILURES: '40',
    });
  });
  afterAll(() => api.close());

  it('limits one address trying many accounts, and only that address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const email = i % 3 === 0 ? Object.values(DEMO)[i % 12] : `guess.${i}.${randomUUID().slice(0, 6)}@example.org`;
      statuses.push((await signIn(api, email, 'wrong-password', from('203.0.113.50'))).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(new Set(statuses.slice(20))).toEqual(new Set([429]));
    expect((await signIn(api, DEMO.expert, DEMO_PASSWORD, from('203.0.113.50'))).status).toBe(429);
    expect((await signIn(api, DEMO.expert, DEMO_PASSWORD, from('203.0.113.51'))).status).toBe(200);
  });

  it('stops a spray from many addresses once failures across all clients pass the global limit', async () => {
    // 20 failures were counted by the test above; 20 more from 20 addresses reach the limit of 40.
    for (let i = 0; i < 20; i++) {
      const res = await signIn(api, `spray.${i}.${randomUUID().slice(0, 6)}@example.org`, 'wrong-password', from(`192.0.2.${i + 1}`));
      expect(res.status).toBe(401);
    }
    const next = await signIn(api, DEMO.exbs, DEMO_PASSWORD, from('192.0.2.200'));
    expect(next.status).toBe(429);
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('API-wide rate limit', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApiInProcess({
      QUEUE_PREFIX: ownPrefix(),
      TRUSTED_PROXIES: 'loopback',
      RATE_LIMIT_SESSION_PER_MINUTE: '5',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '8',
    });
  });
  afterAll(() => api.close());

  it('limits each session, says so in RateLimit headers and answers 429 with Retry-After past the limit', async () => {
    const login = await signIn(api, DEMO.bafa, DEMO_PASSWORD, from('198.51.100.1'));
    expect(login.status).toBe(200);
    const remaining: string[] = [];
    // Each call from another address, so only the session limit applies.
    for (let i = 0; i < 5; i++) {
      const res = await call(api, 'GET', '/api/v1/auth/me', undefined, { authorization: `Bearer ${login.body.token}`, ...from(`198.51.100.${i + 10}`) });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit-session')).toBe('5');
      remaining.push(res.headers.get('ratelimit-remaining-session')!);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const over = await call(api, 'GET', '/api/v1/auth/me', undefined, { authorization: `Bearer ${login.body.token}`, ...from('198.51.100.30') });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    // Refused again before any round trip for the rest of the window, in the reader's language: those calls are
    // not even counted against the address they come from.
    for (let i = 0; i < 3; i++) {
      const again = await call(api, 'GET', '/api/v1/auth/me', undefined, { authorization: `Bearer ${login.body.token}`, ...from('198.51.100.40'), 'accept-language': 'fr' });
      expect(again.status).toBe(429);
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(again.body.message).toMatch(/^Trop de requêtes ; réessayez dans \d+ secondes?$/);
    }
    const sameAddress = await call(api, 'GET', '/api/v1/taxonomy', undefined, from('198.51.100.40'));
    expect(sameAddress.status).toBe(200);
    expect(sameAddress.headers.get('ratelimit-remaining-address')).toBe('7');
    // Another session is not affected.
    const other = await signIn(api, DEMO.exbs, DEMO_PASSWORD, from('198.51.100.31'));
    expect((await call(api, 'GET', '/api/v1/auth/me', undefined, { authorization: `Bearer ${other.body.token}`, ...from('198.51.100.31') })).status).toBe(200);
  });

  it('limits each address, signed in or not, but never the health probes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await call(api, 'GET', '/api/v1/taxonomy', undefined, from('203.0.113.99'))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    expect((await call(api, 'GET', '/api/v1/taxonomy', undefined, from('203.0.113.98'))).status).toBe(200);
    const live = await call(api, 'GET', '/health/live', undefined, from('203.0.113.99'));
    expect(live.status).toBe(200);
    expect(live.headers.get('ratelimit-limit-address')).toBeNull();
  });
});

describe('API-wide rate limit across API processes', () => {
  let first: Api, second: Api;
  beforeAll(async () => {
    // Two API processes of one deployment (same Redis and prefix), as behind a load balancer.
    const env = { QUEUE_PREFIX: ownPrefix(), TRUSTED_PROXIES: 'loopback', RATE_LIMIT_SESSION_PER_MINUTE: '4', RATE_LIMIT_ADDRESS_PER_MINUTE: '6' };
    first = await startApiInProcess(env);
    second = await startApiInProcess(env);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('counts a session and an address in the Redis every process shares, both limits answered on each call', async () => {
    const login = await signIn(first, DEMO.customs, DEMO_PASSWORD, from('198.51.100.60'));
    expect(login.status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(i % 2 ? second : first, 'GET', '/api/v1/auth/me', undefined, {
        authorization: `Bearer ${login.body.token}`,
        ...from(`198.51.100.${61 + i}`),
      });
      statuses.push(res.status);
      if (res.status === 200) {
        expect(res.headers.get('ratelimit-remaining-session')).toBe(String(3 - i));
        expect(res.headers.get('ratelimit-remaining-address')).toBe('5');
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);

    const byAddress: number[] = [];
    for (let i = 0; i < 7; i++) byAddress.push((await call(i % 2 ? second : first, 'GET', '/api/v1/taxonomy', undefined, from('203.0.113.77'))).status);
    expect(byAddress).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });
});

describe('sign-in while Redis is down', () => {
  let api: Api;
  beforeAll(async () => {
    // Nothing listens on this port: the API's Redis never answers.
    api = await startApiInProcess({ QUEUE_PREFIX: ownPrefix(), REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
  });
  afterAll(() => api.close());

  it('signs in, and still locks an account after repeated failures (counted in this process)', async () => {
    const ok = await signIn(api, DEMO.wco, DEMO_PASSWORD);
    expect(ok.status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(api, DEMO.japan, `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('still creates records: nothing a request needs waits on Redis (events reach the queue later)', async () => {
    const customs = await signIn(api, DEMO.customs, DEMO_PASSWORD);
    expect(customs.status).toBe(200);
    const created = await call(api, 'POST', '/api/v1/requests', requestInput(), { authorization: `Bearer ${customs.body.token}`, 'idempotency-key': randomUUID() });
    expect(created.status).toBe(201);
  });

  it('keeps writing past the size of its connection pool: no event waits on Redis with a connection held', async () => {
    const customs = await signIn(api, DEMO.customs, DEMO_PASSWORD);
    // Three times the pool (DATABASE_POOL_SIZE, 10 by default), one after the other.
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await call(api, 'POST', '/api/v1/requests', requestInput(), { authorization: `Bearer ${customs.body.token}`, 'idempotency-key': randomUUID() });
      statuses.push(res.status);
    }
    expect(new Set(statuses)).toEqual(new Set([201]));
  });
});
