import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { documentListSchema, documentViewSchema } from '@app/contracts';
import type { AppConfig } from '@app/config';
import { createDataSource, dropDatabase, ensureDatabase, seedDemo } from '@app/database';
import { S3DocumentStore } from '../../apps/api/src/documents/s3-document.store';
import { requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { multipart, SAMPLES } from '../support/multipart';
import { freePort, startApiInProcess, waitFor } from '../support/platform';

/** s3rver has no type declarations; the little of it used here. */
interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  httpServer: Server;
}
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;

const BUCKET = 'a1540-documents';
const MB = 1024 * 1024;

/**
 * The S3 store (s3-document.store.ts) against s3rver, an S3-compatible server run in this process: SigV4, single
 * PUTs and multipart uploads, streamed GETs and deletes through the real routes. Not AWS or MinIO.
 */
describe('documents in the S3 store (s3rver)', () => {
  let s3: S3rverInstance;
  let s3Port: number;
  let directory: string;
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let customs: ApiClient, coordinator: ApiClient;
  /** Every request s3rver received, as "METHOD /path?query". */
  const seen: string[] = [];

  // A database of its own, with the demo's people: the shared one holds no document whose content is elsewhere, which
  // other suites that read every document (the data exchange's export) would find without content.
  const databaseUrl = (() => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `${url.pathname}_s3_${process.pid}`;
    return url.toString();
  })();

  beforeAll(async () => {
    await ensureDatabase(databaseUrl);
    const ds = await createDataSource(databaseUrl).initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      await seedDemo(ds);
    } finally {
      await ds.destroy();
    }
    directory = mkdtempSync(path.join(tmpdir(), 'a1540-s3rver-'));
    const port = (s3Port = await freePort());
    s3 = new S3rver({ address: '127.0.0.1', port, directory, silent: true, configureBuckets: [{ name: BUCKET }] });
    await s3.run();
    s3.httpServer.prependListener('request', (req: IncomingMessage) => seen.push(`${req.method} ${req.url}`));
    api = await startApiInProcess({
      DATABASE_URL: databaseUrl,
      DOCUMENT_STORE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_ADDRESSING: 'path',
      // Room for the 12 MB file, not for the 14 MB one.
      DOCUMENT_MAX_BYTES: String(13 * MB),
    });
    [customs, coordinator] = await Promise.all(
      (['customs', 'coordinator'] as const).map((k) => ApiClient.as(api.baseUrl, k)),
    );
  });
  afterAll(async () => {
    await api?.close();
    await s3?.close();
    rmSync(directory, { recursive: true, force: true });
    await dropDatabase(databaseUrl);
  });

  /** The keys of the objects in the bucket, read from s3rver's directory (`<key>._S3rver_object` files). */
  const objects = (): string[] => {
    const found: string[] = [];
    const walk = (dir: string, prefix: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) {
          if (entry.name !== '._S3rver_uploads') walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
        } else if (entry.name.endsWith('._S3rver_object')) {
          found.push(`${prefix}${entry.name.slice(0, -'._S3rver_object'.length)}`);
        }
      }
    };
    walk(path.join(directory, BUCKET), '');
    return found.sort();
  };
  /**
   * The multipart uploads started since `from`, their parts, and the ids the store completed or aborted. s3rver
   * does not implement AbortMultipartUpload (it answers 405 and keeps the parts under `._S3rver_uploads`), so an
   * abort is checked as sent, with the right id; that the parts are then dropped is AWS's and MinIO's part.
   */
  const multipartSince = (from: number) => {
    const requests = seen.slice(from);
    const ids = (re: RegExp) =>
      requests.flatMap((r) => (re.exec(r) ? [new URLSearchParams(r.split('?')[1]).get('uploadId')!] : []));
    return {
      initiated: requests.filter((r) => /^POST \S+\?uploads(=|$)/.test(r)).length,
      parts: requests.filter((r) => /^PUT \S+\?.*partNumber=/.test(r)).length,
      completed: ids(/^POST \S+\?.*uploadId=/),
      aborted: ids(/^DELETE \S+\?.*uploadId=/),
    };
  };

  const draft = async () => (await customs.post('/api/v1/requests', requestInput())).body;
  const upload = (c: ApiClient, url: string, file: { name: string; data: Buffer }) => {
    const { body, contentType } = multipart(
      { kind: 'note_verbale', title: 'Note verbale of 5 May 2020', language: 'en', date: '2020-05-05' },
      file,
    );
    return c.request('POST', url, body, { 'content-type': contentType });
  };
  const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
  /** A PDF's signature followed by `bytes` of varied filler, so a part out of order would show. */
  const bigPdf = (bytes: number) => {
    const filler = Buffer.alloc(bytes);
    for (let i = 0; i < bytes; i += 4) filler.writeUInt32LE(i, i);
    return Buffer.concat([SAMPLES.pdf, filler]);
  };

  it('stores a small PDF with one PUT and a 12 MB one in 3 parts, lists, serves and removes them', async () => {
    const request = await draft();
    const url = `/api/v1/requests/${request.id}/documents`;
    const before = objects();

    const small = await upload(customs, url, { name: 'note-verbale.pdf', data: SAMPLES.pdf });
    expect(small.status).toBe(201);
    const smallDoc = documentViewSchema.parse(small.body);

    const big = bigPdf(12 * MB);
    const from = seen.length;
    const large = await upload(customs, url, { name: 'annex.pdf', data: big });
    expect(large.status).toBe(201);
    const largeDoc = documentViewSchema.parse(large.body);
    const multipartUse = multipartSince(from);
    expect(multipartUse).toMatchObject({ initiated: 1, parts: 3, aborted: [] });
    expect(multipartUse.completed).toHaveLength(1);
    expect(objects()).toHaveLength(before.length + 2);

    const list = documentListSchema.parse((await coordinator.get(url)).body);
    const byId = new Map(list.items.map((d) => [d.id, d]));
    expect(byId.get(smallDoc.id)).toMatchObject({
      size: SAMPLES.pdf.length,
      sha256: sha256(SAMPLES.pdf),
      contentType: 'application/pdf',
    });
    expect(byId.get(largeDoc.id)).toMatchObject({
      size: big.length,
      sha256: sha256(big),
      contentType: 'application/pdf',
    });

    for (const [doc, data, name] of [
      [smallDoc, SAMPLES.pdf, 'note-verbale.pdf'],
      [largeDoc, big, 'annex.pdf'],
    ] as const) {
      const content = await coordinator.bytes(doc.contentUrl);
      expect(content.status).toBe(200);
      expect(content.bytes.length).toBe(data.length);
      expect(content.bytes.equals(data)).toBe(true);
      expect(content.headers.get('content-type')).toBe('application/pdf');
      expect(content.headers.get('content-length')).toBe(String(data.length));
      expect(content.headers.get('x-content-type-options')).toBe('nosniff');
      expect(content.headers.get('etag')).toBe(`"${sha256(data)}"`);
      expect(content.headers.get('content-disposition')).toBe(
        `attachment; filename="${name}"; filename*=UTF-8''${name}`,
      );
    }

    // Removal by the uploader's organisation on a draft deletes the object; the other stays.
    expect((await customs.request('DELETE', `/api/v1/documents/${largeDoc.id}`)).status).toBe(204);
    expect(objects()).toHaveLength(before.length + 1);
    expect((await coordinator.bytes(largeDoc.contentUrl)).status).toBe(404);
    expect((await coordinator.bytes(smallDoc.contentUrl)).bytes.equals(SAMPLES.pdf)).toBe(true);
    expect((await customs.request('DELETE', `/api/v1/documents/${smallDoc.id}`)).status).toBe(204);
    expect(objects()).toEqual(before);
  });

  it('leaves no object behind for an upload refused by its content or its size', async () => {
    const request = await draft();
    const url = `/api/v1/requests/${request.id}/documents`;
    const before = objects();

    const html = await upload(customs, url, { name: 'annex.pdf', data: SAMPLES.html });
    expect(html.status).toBe(415);
    expect(objects()).toEqual(before);

    // Announced too large: refused before a byte is read.
    const announced = await upload(customs, url, { name: 'big.pdf', data: bigPdf(14 * MB) });
    expect(announced.status).toBe(413);
    expect(objects()).toEqual(before);

    // Streamed with no Content-Length: two parts reach S3 before the limit is passed; the upload is aborted.
    const { body, contentType } = multipart(
      { kind: 'letter', title: 'Big' },
      { name: 'big.pdf', data: bigPdf(14 * MB) },
    );
    const from = seen.length;
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${api.baseUrl}${url}`,
        {
          method: 'POST',
          headers: { ...customs.authHeaders(), 'content-type': contentType, 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        },
      );
      req.on('error', reject);
      let at = 0;
      const pump = () => {
        while (at < body.length) {
          const chunk = body.subarray(at, at + 256 * 1024);
          at += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(streamed).toBe(413);
    const multipartUse = multipartSince(from);
    expect(multipartUse.initiated).toBe(1);
    expect(multipartUse.parts).toBeGreaterThanOrEqual(2);
    expect(multipartUse.completed).toEqual([]);
    expect(multipartUse.aborted).toHaveLength(1);
    expect(readdirSync(path.join(directory, BUCKET, '._S3rver_uploads'))).toContain(multipartUse.aborted[0]);
    expect(objects()).toEqual(before);
    expect((await customs.get(url)).body.items).toEqual([]);
  });

  it('leaves no object behind when the client cuts an upload off mid-body, single PUT or multipart', async () => {
    const request = await draft();
    const url = `/api/v1/requests/${request.id}/documents`;
    const before = objects();
    const cutOff = async (data: Buffer, sendBytes: number) => {
      const { body, contentType } = multipart({ kind: 'letter', title: 'Cut off' }, { name: 'long.pdf', data });
      await new Promise<void>((resolve) => {
        const req = httpRequest(`${api.baseUrl}${url}`, {
          method: 'POST',
          headers: { ...customs.authHeaders(), 'content-type': contentType, 'content-length': String(body.length) },
        });
        req.on('error', () => resolve());
        req.write(body.subarray(0, sendBytes), () =>
          setTimeout(() => {
            req.destroy();
            resolve();
          }, 500),
        );
      });
    };

    await cutOff(bigPdf(4 * MB), 2 * MB);
    const from = seen.length;
    await cutOff(bigPdf(12 * MB), 8 * MB);
    // The API notices the closed connection and aborts the multipart upload it had started.
    await waitFor(async () => multipartSince(from).aborted.length === 1, 15_000, 'the multipart upload to be aborted');
    expect(multipartSince(from)).toMatchObject({ initiated: 1, completed: [] });
    expect(objects()).toEqual(before);
    expect((await customs.get(url)).body.items).toEqual([]);
    // And the next upload goes through.
    expect((await upload(customs, url, { name: 'ok.pdf', data: SAMPLES.pdf })).status).toBe(201);
    expect(objects()).toHaveLength(before.length + 1);
  });

  it('takes a key SigV4 must encode, streams it back; a missing key deletes quietly and does not read', async () => {
    const settings = {
      DOCUMENT_MAX_BYTES: 13 * MB,
      DOCUMENT_STORE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
      S3_REGION: 'us-east-1',
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_ADDRESSING: 'path',
    } as AppConfig['documents'];
    const before = objects();
    // s3rver checks the access key but not a SigV4 signature (s3-document.store.spec.ts checks the signer against AWS's examples).
    const store = new S3DocumentStore(settings);
    // A key with characters SigV4 encodes: the canonical path must match what is sent.
    const key = "documents/tricky name (1)+'x'*.pdf";
    await store.put(
      key,
      (async function* () {
        yield SAMPLES.pdf;
      })(),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get(key)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(SAMPLES.pdf)).toBe(true);
    await store.delete(key);
    await expect(store.delete(key)).resolves.toBeUndefined();
    await expect(store.get(key)).rejects.toThrow(/404 NoSuchKey/);
    expect(objects()).toEqual(before);
  });
});
