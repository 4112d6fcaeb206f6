/// <reference types="jest" />
import { apiRequest } from './client';

/** What the page's fetch was asked, answered from a script of statuses (the network is not under test here). */
function scriptedFetch(answers: { status: number; body?: unknown; headers?: Record<string, string> }[]) {
  const calls: { method: string; key: string | undefined }[] = [];
  const fetchStub = async (_url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({ method: String(init.method), key: headers['Idempotency-Key'] });
    const next = answers.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return new Response(next.body === undefined ? null : JSON.stringify(next.body), { status: next.status, headers: next.headers });
  };
  return { calls, fetchStub };
}

describe('apiRequest', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('sends an Idempotency-Key with every POST and the same key on its automatic retry after a 503', async () => {
    const { calls, fetchStub } = scriptedFetch([
      { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'down' }, headers: { 'Retry-After': '0' } },
      { status: 201, body: { id: 'r1' } },
      { status: 201, body: { id: 'r2' } },
    ]);
    globalThis.fetch = fetchStub as typeof fetch;
    expect(await apiRequest('POST', '/requests', { body: { title: 't' } })).toEqual({ id: 'r1' });
    expect(await apiRequest('POST', '/requests', { body: { title: 't' } })).toEqual({ id: 'r2' });
    expect(calls).toHaveLength(3);
    expect(calls[0].key).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(calls[1].key).toBe(calls[0].key);
    // A new call (the user's new attempt) gets a new key.
    expect(calls[2].key).not.toBe(calls[0].key);
  });

  it('does not retry an answer that will not change (400)', async () => {
    const { calls, fetchStub } = scriptedFetch([{ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'title: is required' } }]);
    globalThis.fetch = fetchStub as typeof fetch;
    await expect(apiRequest('POST', '/requests', { body: {} })).rejects.toMatchObject({ statusCode: 400 });
    expect(calls).toHaveLength(1);
  });
});
