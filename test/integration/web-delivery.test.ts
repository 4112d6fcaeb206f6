import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import * as path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants, gunzipSync, gzipSync } from 'node:zlib';
import { DEMO_PASSWORD } from '@app/database';
import { parseCsv } from '../../apps/api/src/data-exchange/csv';
import { DEMO } from '../support/http';
import { startApiInProcess } from '../support/platform';
import { entryKey, firstLoad, readWebManifest, staticClosure, WEB_DIST, type Manifest } from '../support/web-build';

/**
 * First-load budget, JavaScript only, gzip as served (docs/performance.md). Issue 16 asks for 150 KiB. Route-level
 * splitting reached sign-in 184 and a role home 202 (from 292 for every page); the ICU runtime and the features of
 * issue 14 took them to 241 and 264. A native language picker, the catalogue in two parts (the sign-in page's
 * sections, and the rest the frame waits for, counted here for English) and the web's own ICU formatter brought them
 * to 174 and 219; TanStack Query loaded by the frames only, not the entry, and the web's own translator in place of
 * i18next to 144 and 201; the app's own router in place of React Router to 116 and 174; the catalogue's frame part
 * (the frame and home pages no longer wait for every page's words) took a home page to 155; the frame's own layout in
 * place of Mantine's AppShell (which brought react-remove-scroll) to 145, within issue 16's 150. The budget holds that
 * figure and fails when it grows.
 */
const FIRST_LOAD_BUDGET_KIB = { signIn: 116, roleHome: 145 };

// Built before the API starts: AppModule serves dist/web only if the build is there when the module loads.
const manifest: Manifest = readWebManifest();

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, still compressed. */
  body: Buffer;
}

/**
 * One GET with the raw bytes: fetch would decompress and hide what the server sent. Each on a connection of its own:
 * a kept-alive one can be closed by the server's idle timeout just as the next request goes out (ECONNRESET).
 */
function rawGet(baseUrl: string, url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${url}`, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(res: RawResponse): Buffer {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'gzip') return gunzipSync(res.body);
  if (encoding === 'br') return brotliDecompressSync(res.body);
  return res.body;
}

const sourceKey = (suffix: string) => {
  const key = Object.keys(manifest).find((k) => k.endsWith(suffix));
  if (!key) throw new Error(`${suffix} is not in the web manifest: is it still loaded lazily?`);
  return key;
};
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

describe('web app first load', () => {
  it('loads no page the visitor did not open: every page is its own chunk, none in the entry', () => {
    const entry = entryKey(manifest);
    for (const page of ['sign-in', 'committee-home', 'agency-home', 'provider-home', 'reports', 'request-detail']) {
      expect(manifest[entry].dynamicImports).toContain(sourceKey(`src/pages/${page}.page.tsx`));
    }
  });

  it('loads the catalogue’s first part alone with the sign-in page, and each other part only in its language', () => {
    // What the entry's code (src/i18n, in whichever of its chunks rolldown put it) fetches when it is needed.
    const onDemand = staticClosure(manifest, [entryKey(manifest)]).flatMap((key) => manifest[key].dynamicImports ?? []);
    const signIn = firstLoad(manifest, [sourceKey('src/pages/sign-in.page.tsx')]).files;
    for (const locale of ['en', 'mn', 'ru', 'fr', 'es', 'ar', 'zh']) {
      for (const part of ['frame', 'rest']) {
        const later = sourceKey(`src/i18n/${locale}.json?part=${part}`);
        expect(onDemand).toContain(later);
        expect(signIn).not.toContain(manifest[later].file);
      }
      if (locale === 'en') continue;
      const first = sourceKey(`src/i18n/${locale}.json?part=first`);
      expect(onDemand).toContain(first);
      expect(signIn).not.toContain(manifest[first].file);
    }
  });

  it('loads ECharts only with the reports dashboard', () => {
    // ECharts' renderer names itself in its code: the string marks the chunks that carry the library.
    const carriesCharts = (file: string) => readFileSync(path.join(WEB_DIST, file), 'utf8').includes('zrender');
    const reports = firstLoad(manifest, [sourceKey('src/pages/reports.page.tsx')]);
    expect(reports.files.some(carriesCharts)).toBe(true);
    for (const page of ['sign-in', 'committee-home', 'request-detail']) {
      const load = firstLoad(manifest, [
        sourceKey('src/layout/app.layout.tsx'),
        sourceKey(`src/pages/${page}.page.tsx`),
      ]);
      expect(load.files.filter(carriesCharts)).toEqual([]);
    }
  });

  it(`keeps the sign-in page within ${FIRST_LOAD_BUDGET_KIB.signIn} KiB of gzipped JavaScript`, () => {
    const load = firstLoad(manifest, [sourceKey('src/pages/sign-in.page.tsx')]);
    expect(kib(load.jsGzipBytes)).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_KIB.signIn);
  });

  it.each(['committee', 'agency', 'provider'])(
    `keeps the %s home page, with its frame, within ${FIRST_LOAD_BUDGET_KIB.roleHome} KiB of gzipped JavaScript`,
    (role) => {
      // The frame and the home pages wait for the catalogue's frame part (routes.tsx): English's is in the first load.
      const load = firstLoad(manifest, [
        sourceKey('src/layout/app.layout.tsx'),
        sourceKey(`src/pages/${role}-home.page.tsx`),
        sourceKey('src/i18n/en.json?part=frame'),
      ]);
      expect(kib(load.jsGzipBytes)).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_KIB.roleHome);
    },
  );
});

/** One-shot compression of the decoded body, at the given level, with the encoding the server used. */
function compressedSize(res: RawResponse, level: number): number {
  const body = decoded(res);
  if (res.headers['content-encoding'] === 'gzip') return gzipSync(body, { level }).length;
  return brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: level } }).length;
}

/** Which of the levels, compressing the whole body at once, comes nearest in size to the bytes sent. */
function nearestLevel(res: RawResponse, levels: number[]): number {
  const distance = (level: number) => Math.abs(res.body.length - compressedSize(res, level));
  return levels.reduce((best, level) => (distance(level) < distance(best) ? level : best));
}

describe('web app delivery over HTTP', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  const entryFile = () => manifest[entryKey(manifest)].file; // assets/index-<hash>.js

  beforeAll(async () => {
    api = await startApiInProcess();
  });
  afterAll(async () => {
    await api?.close();
  });

  it.each(['gzip', 'br'])('compresses the app’s JavaScript with %s when the browser accepts it', async (encoding) => {
    const res = await rawGet(api.baseUrl, `/${entryFile()}`, { 'accept-encoding': encoding });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    const original = readFileSync(path.join(WEB_DIST, entryFile()));
    expect(res.body.length).toBeLessThan(original.length / 2);
    expect(decoded(res).equals(original)).toBe(true);
  });

  it.each([
    ['gzip', 6],
    ['br', 4],
  ])(
    'compresses the app’s files with %s at the default level (%d): they are fetched once, then cached',
    async (encoding, level) => {
      const file = await rawGet(api.baseUrl, `/${entryFile()}`, { 'accept-encoding': encoding });
      expect(file.headers['content-encoding']).toBe(encoding);
      expect(nearestLevel(file, [1, level])).toBe(level);
    },
  );

  it('sends the uncompressed file to a client that accepts no encoding', async () => {
    const res = await rawGet(api.baseUrl, `/${entryFile()}`, { 'accept-encoding': 'identity' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(readFileSync(path.join(WEB_DIST, entryFile())))).toBe(true);
  });

  it('lets browsers keep hashed files for a year without asking again', async () => {
    const css = Object.values(manifest).flatMap((chunk) => chunk.css ?? [])[0];
    for (const file of [entryFile(), css]) {
      const res = await rawGet(api.baseUrl, `/${file}`);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('has browsers ask again for the page itself, at / and at a deep link', async () => {
    for (const url of ['/', '/index.html', '/committee/requests']) {
      const res = await rawGet(api.baseUrl, url, { 'accept-encoding': 'gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(decoded(res).toString('utf8')).toContain(`src="/${entryFile()}"`);
    }
  });

  it('never serves source maps, though the build keeps them, and the code does not point at them', async () => {
    const map = `${entryFile()}.map`;
    expect(existsSync(path.join(WEB_DIST, map))).toBe(true);
    const res = await rawGet(api.baseUrl, `/${map}`);
    expect(res.status).toBe(404);
    expect(res.body.toString('utf8')).not.toContain('sourcesContent');
    expect(readFileSync(path.join(WEB_DIST, entryFile()), 'utf8')).not.toMatch(/sourceMappingURL/);
  });

  it('gives the page for a page address with a malformed percent-escape, as for any unknown address; the API keeps its 400', async () => {
    for (const url of ['/agency/requests/%E0%A4%A', '/committee/%zz?tab=1']) {
      const res = await rawGet(api.baseUrl, url, { 'accept-encoding': 'gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(decoded(res).toString('utf8')).toContain(`src="/${entryFile()}"`);
    }
    for (const url of ['/api/v1/requests/%E0%A4%A', '/API/v1/requests/%E0%A4%A']) {
      const apiAnswer = await rawGet(api.baseUrl, url);
      expect(apiAnswer.status).toBe(400);
      expect(apiAnswer.headers['content-type']).toMatch(/application\/json/);
    }
    expect((await rawGet(api.baseUrl, '/assets/%E0%A4%A.js')).status).toBe(400);
  });

  it('answers a missing asset with 404, not with the page', async () => {
    const res = await rawGet(api.baseUrl, '/assets/index-missing.js');
    expect(res.status).toBe(404);
    expect(res.body.toString('utf8')).not.toContain('<div id="root">');
  });
});

describe('API responses under compression', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let token: string;

  beforeAll(async () => {
    api = await startApiInProcess();
    const res = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.admin, password: DEMO_PASSWORD }),
    });
    token = ((await res.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('compresses JSON, which still parses as the whole document', async () => {
    const res = await rawGet(api.baseUrl, '/api/v1/export', {
      authorization: `Bearer ${token}`,
      'accept-encoding': 'gzip, br',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const document = JSON.parse(decoded(res).toString('utf8'));
    expect(document.format).toBeTruthy();
    expect(document.requests.length).toBeGreaterThan(0);
    expect(document.organizations.length).toBeGreaterThan(0);
  });

  it('compresses answers with gzip at the fastest level: they are made per call', async () => {
    const answer = await rawGet(api.baseUrl, '/api/v1/export', {
      authorization: `Bearer ${token}`,
      'accept-encoding': 'gzip',
    });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(nearestLevel(answer, [1, 6])).toBe(1);
  });

  it.each([
    ['br', 2, 6],
    ['gzip', 1, 6],
  ])(
    'sends an answer made in one piece with %s at the answers’ level (%d), with its length, not chunked',
    async (encoding, level, other) => {
      // A few requests: over the 1 KiB below which nothing is compressed, under the 64 KiB above which the stream
      // compresses (web-delivery.ts), however many the other tests have added.
      const res = await rawGet(api.baseUrl, '/api/v1/requests?pageSize=5', {
        authorization: `Bearer ${token}`,
        'accept-encoding': encoding,
      });
      expect(res.status).toBe(200);
      expect(decoded(res).length).toBeGreaterThan(1024);
      expect(decoded(res).length).toBeLessThan(64 * 1024);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['transfer-encoding']).toBeUndefined();
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(nearestLevel(res, [level, other])).toBe(level);
      const page = JSON.parse(decoded(res).toString('utf8')) as { items: unknown[] };
      expect(page.items.length).toBeGreaterThan(1);
    },
  );

  it('sends an answer as it is to a client that accepts no compression, or when it is small', async () => {
    const plain = await rawGet(api.baseUrl, '/api/v1/requests?pageSize=5', {
      authorization: `Bearer ${token}`,
      'accept-encoding': 'identity',
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8')).items.length).toBeGreaterThan(1);
    const small = await rawGet(api.baseUrl, '/health/live', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('compresses a streamed answer with brotli as one document, not write by write', async () => {
    // The export is written a row at a time. Brotli's quality 1 compressed each write alone: several times larger.
    const answer = await rawGet(api.baseUrl, '/api/v1/export', {
      authorization: `Bearer ${token}`,
      'accept-encoding': 'br',
    });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.body.length).toBeLessThanOrEqual(1.1 * compressedSize(answer, 2));
  });

  it('compresses a CSV download, which stays a named attachment that spreadsheets read', async () => {
    const res = await rawGet(api.baseUrl, '/api/v1/export/requests.csv', {
      authorization: `Bearer ${token}`,
      'accept-encoding': 'gzip',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="a1540-requests-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = decoded(res).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header.length).toBeGreaterThan(3);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('leaves small answers uncompressed', async () => {
    const res = await rawGet(api.baseUrl, '/health/live', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
