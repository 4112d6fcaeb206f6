import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { offerInput, requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess, waitFor } from '../support/platform';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

type Api = Awaited<ReturnType<typeof startApiInProcess>>;

const key = () => randomUUID();

describe('Idempotency-Key on creates', () => {
  let api: Api;
  let ds: DataSource;
  let bafa: ApiClient;
  const offersTitled = async (title: string) => Number((await ds.query(`SELECT count(*) AS n FROM assistance_offers WHERE title = $1`, [title]))[0].n);

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    bafa = await ApiClient.as(api.baseUrl, 'bafa');
  });
  afterAll(() => api.close());

  it('answers a retried create with the first answer and makes one offer', async () => {
    const body = offerInput();
    const k = key();
    const first = await bafa.post('/api/v1/offers', body, { 'idempotency-key': k });
    const retry = await bafa.post('/api/v1/offers', body, { 'idempotency-key': k });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await offersTitled(body.title as string)).toBe(1);
  });

  it('refuses the same key with another body (409), and keys are per user', async () => {
    const k = key();
    expect((await bafa.post('/api/v1/offers', offerInput(), { 'idempotency-key': k })).status).toBe(201);
    const other = await bafa.post('/api/v1/offers', offerInput(), { 'idempotency-key': k });
    expect(other.status).toBe(409);
    expect(other.body.message).toMatch(/Idempotency-Key/);
    const exbs = await ApiClient.as(api.baseUrl, 'exbs');
    expect((await exbs.post('/api/v1/offers', offerInput(), { 'idempotency-key': k })).status).toBe(201);
  });

  it('lets concurrent duplicates make one record: the others wait (409) or replay it', async () => {
    const body = offerInput();
    const k = key();
    const answers = await Promise.all(Array.from({ length: 6 }, () => bafa.post('/api/v1/offers', body, { 'idempotency-key': k })));
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    for (const a of answers.filter((x) => x.status !== 201)) {
      expect(a.status).toBe(409);
      expect(Number(a.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(await offersTitled(body.title as string)).toBe(1);
  });

  it('runs a create again after a failed attempt with the same key (the failure committed nothing)', async () => {
    const k = key();
    const customs = await ApiClient.as(api.baseUrl, 'customs');
    const bad = await customs.post('/api/v1/requests', requestInput({ title: '' }), { 'idempotency-key': k });
    expect(bad.status).toBe(400);
    const fixed = requestInput();
    // A corrected body is a new request: a new key. The old key stayed free since nothing was stored.
    expect((await customs.post('/api/v1/requests', fixed, { 'idempotency-key': key() })).status).toBe(201);
    expect((await customs.post('/api/v1/requests', requestInput({ title: '' }), { 'idempotency-key': k })).status).toBe(400);
  });

  it('names the header when the key is malformed', async () => {
    const res = await bafa.post('/api/v1/offers', offerInput(), { 'idempotency-key': 'x'.repeat(201) });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });
});

describe('a PostgreSQL outage', () => {
  let proxy: TcpProxy;
  let api: Api;
  let ds: DataSource;

  beforeAll(async () => {
    const db = new URL(process.env.DATABASE_URL!);
    proxy = await startTcpProxy(db.hostname, Number(db.port || 5432));
    db.hostname = '127.0.0.1';
    db.port = String(proxy.port);
    api = await startApiInProcess({ DATABASE_URL: db.toString() });
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api.close();
    await proxy.close();
  });

  it('answers 503 with Retry-After, and a create retried with its key afterwards is made once', async () => {
    const bafa = await ApiClient.as(api.baseUrl, 'bafa');
    const body = offerInput();
    const k = key();
    proxy.cut();
    const list = await bafa.get('/api/v1/offers');
    expect(list.status).toBe(503);
    expect(Number(list.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(list.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/database is unavailable/) });
    const write = await bafa.post('/api/v1/offers', body, { 'idempotency-key': k });
    expect(write.status).toBe(503);
    expect(JSON.stringify(write.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Connection terminated/);

    proxy.restore();
    const retry = await waitFor(async () => {
      const res = await bafa.post('/api/v1/offers', body, { 'idempotency-key': k });
      return res.status === 503 ? null : res;
    }, 30_000, 'the API to reach PostgreSQL again');
    // The attempt during the outage either never reached PostgreSQL or its lease has to lapse first.
    const final =
      retry.status === 409
        ? await waitFor(async () => {
            const res = await bafa.post('/api/v1/offers', body, { 'idempotency-key': k });
            return res.status === 409 ? null : res;
          }, 30_000, 'the key to be free')
        : retry;
    expect(final.status).toBe(201);
    const again = await bafa.post('/api/v1/offers', body, { 'idempotency-key': k });
    expect(again.body.id).toBe(final.body.id);
    expect(Number((await ds.query(`SELECT count(*) AS n FROM assistance_offers WHERE title = $1`, [body.title]))[0].n)).toBe(1);
  });
});
