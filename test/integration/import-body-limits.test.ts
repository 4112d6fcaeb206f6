import { request as httpRequest, type ClientRequest } from 'node:http';
import { ApiClient } from '../support/http';
import { startApiInProcess, waitFor } from '../support/platform';

type Api = Awaited<ReturnType<typeof startApiInProcess>>;
const DECLARED = 45 * 1024 * 1024;

/**
 * Starts a POST /api/v1/import that declares a 45 MB body but sends only its first kilobyte, and resolves with
 * the status as soon as the server answers: an answer before the body is complete shows it read no more.
 */
function partialImport(api: Api, headers: Record<string, string>): { status: Promise<number>; req: ClientRequest } {
  const url = new URL('/api/v1/import', api.baseUrl);
  const req = httpRequest({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(DECLARED), ...headers },
  });
  const status = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
  });
  req.write(`{"format":"a1540-exchange","formatVersion":1,"requests":[${' '.repeat(1024)}`);
  return { status, req };
}

describe('the import route reads no body before it knows the caller is an administrator', () => {
  let api: Api;
  let tokens: Record<'admin' | 'expert', string>;

  beforeAll(async () => {
    api = await startApiInProcess();
    const login = async (who: 'admin' | 'expert') =>
      ((await new ApiClient(api.baseUrl).post('/api/v1/auth/login', { email: `${who}@committee.example`, password: 'demo-1540-pass' })).body as { token: string }).token;
    tokens = { admin: await login('admin'), expert: await login('expert') };
  });
  afterAll(() => api.close());

  it.each([
    ['a forged bearer token', 'Bearer not-a-session', 401],
    ['a forged session cookie', 'cookie', 401],
    ['a signed-in expert (not an administrator)', 'expert', 403],
  ])('answers %s before the 45 MB body is sent', async (_what, who, expected) => {
    const headers: Record<string, string> =
      who === 'cookie' ? { cookie: 'a1540_session=forged' } : who === 'expert' ? { authorization: `Bearer ${tokens.expert}` } : { authorization: who };
    const { status, req } = partialImport(api, headers);
    try {
      expect(await status).toBe(expected);
    } finally {
      req.destroy();
    }
  });

  it('reads one administrator import at a time; another waits with 429 and Retry-After', async () => {
    const first = partialImport(api, { authorization: `Bearer ${tokens.admin}` });
    // It never gets an answer: its connection is dropped below.
    first.status.catch(() => undefined);
    try {
      // The first is being read (its body never completes here), so a second is refused at once.
      const second = partialImport(api, { authorization: `Bearer ${tokens.admin}` });
      try {
        expect(await second.status).toBe(429);
      } finally {
        second.req.destroy();
      }
    } finally {
      first.req.destroy();
    }
    // Once the first connection is gone the route takes the next import.
    const admin = new ApiClient(api.baseUrl, tokens.admin);
    const next = await waitFor(async () => {
      const { status } = await admin.post('/api/v1/import', { format: 'other', formatVersion: 1 });
      return status === 429 ? null : status;
    }, 5_000, 'the import route to take the next import');
    expect(next).toBe(400);
  });
});
