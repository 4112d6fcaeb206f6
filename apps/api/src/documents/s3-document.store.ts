import { createHash, createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { AppConfig } from '@app/config';
import type { DocumentStore } from './document-store';

/** S3's smallest multipart part (except the last); one part is held in memory per upload. */
const PART_BYTES = 5 * 1024 * 1024;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * An S3-compatible store (AWS S3, MinIO, …) over the S3 REST API with Signature Version 4, written against
 * node:crypto and fetch because no S3 client is installed. Uploads go as multipart uploads of 5 MB parts, so at
 * most one part per upload is in memory; a failed upload is aborted. Tested against s3rver only
 * (test/integration/documents-s3.test.ts: path-style addressing, single PUT, multipart of 3 parts, streamed GET,
 * delete, nothing left by a refused or cut-off upload, abort sent; s3rver itself ignores the abort and does not
 * check V4 signatures, so s3-document.store.spec.ts checks the signer against AWS's worked examples).
 * Real AWS S3 and MinIO, and virtual-hosted addressing, are NOT exercised here: docs/documents.md says how to try
 * it with the MinIO service of docker-compose.
 */
export class S3DocumentStore implements DocumentStore {
  readonly name = 's3' as const;
  private readonly endpoint: URL;

  constructor(private readonly config: AppConfig['documents']) {
    this.endpoint = new URL(config.S3_ENDPOINT!);
  }

  async put(key: string, body: AsyncIterable<Buffer>): Promise<void> {
    let buffered: Buffer[] = [];
    let size = 0;
    let uploadId: string | null = null;
    const etags: string[] = [];
    const sendPart = async () => {
      const data = Buffer.concat(buffered);
      buffered = [];
      size = 0;
      if (!uploadId) {
        uploadId = xmlValue(await (await this.call('POST', key, { uploads: '' })).text(), 'UploadId');
        if (!uploadId) throw new Error(`S3 did not start a multipart upload for ${key}`);
      }
      const res = await this.call('PUT', key, { partNumber: String(etags.length + 1), uploadId }, data);
      await res.arrayBuffer();
      const etag = res.headers.get('etag');
      if (!etag) throw new Error(`S3 gave no ETag for part ${etags.length + 1} of ${key}`);
      // S3 quotes ETags; the completion names each part by it, quoted (as MinIO and AWS both accept).
      etags.push(etag.startsWith('"') ? etag : `"${etag}"`);
    };
    try {
      for await (const chunk of body) {
        buffered.push(chunk);
        size += chunk.length;
        if (size >= PART_BYTES) await sendPart();
      }
      if (!uploadId) {
        await (await this.call('PUT', key, {}, Buffer.concat(buffered))).arrayBuffer();
        return;
      }
      if (size > 0) await sendPart();
      const parts = etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${escapeXml(etag)}</ETag></Part>`).join('');
      const res = await this.call('POST', key, { uploadId }, Buffer.from(`<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>`));
      // A completion can fail after its 200 status was sent: the error is then the body.
      const answer = await res.text();
      if (/<Error>/.test(answer)) throw new Error(`S3 could not complete the upload of ${key}: ${xmlValue(answer, 'Code')} ${xmlValue(answer, 'Message') ?? ''}`);
    } catch (err) {
      buffered = [];
      if (uploadId) await this.abort(key, uploadId);
      throw err;
    }
  }

  /** Drops a multipart upload's parts; best effort (the bucket's lifecycle rule for incomplete uploads is the backstop). */
  private async abort(key: string, uploadId: string): Promise<void> {
    try {
      const res = await this.call('DELETE', key, { uploadId });
      await res.arrayBuffer();
    } catch {
      // Nothing more to do here: the upload's own error is the one reported.
    }
  }

  /** An object is whole once its multipart upload completed; only the `documents` row makes it the document's. */
  commit(): Promise<void> {
    return Promise.resolve();
  }

  /** Streamed as S3 sends it: nothing is buffered here, and the caller's stream ends or errors with S3's. */
  async get(key: string): Promise<Readable> {
    const res = await this.call('GET', key, {});
    return res.body ? Readable.fromWeb(res.body as WebReadableStream<Uint8Array>) : Readable.from([]);
  }

  /** S3 answers 204 whether or not the key was there (MinIO and s3rver too); a 404 is taken as done as well. */
  async delete(key: string): Promise<void> {
    await (await this.call('DELETE', key, {})).arrayBuffer();
  }

  private objectUrl(key: string, query: Record<string, string>): URL {
    const path = key.split('/').map(rfc3986).join('/');
    const url = new URL(this.endpoint.toString());
    if (this.config.S3_ADDRESSING === 'virtual') {
      url.hostname = `${this.config.S3_BUCKET}.${url.hostname}`;
      url.pathname = `/${path}`;
    } else {
      url.pathname = `${url.pathname.replace(/\/$/, '')}/${this.config.S3_BUCKET}/${path}`;
    }
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url;
  }

  private async call(method: string, key: string, query: Record<string, string>, body?: Buffer): Promise<Response> {
    const url = this.objectUrl(key, query);
    const payloadHash = sha256(body ?? '');
    const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const day = amzDate.slice(0, 8);
    const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
    const signed = Object.keys(headers).sort();
    const canonicalQuery = [...url.searchParams.entries()]
      .map(([k, v]) => [rfc3986(k), rfc3986(v)])
      .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const canonical = [method, url.pathname, canonicalQuery, signed.map((h) => `${h}:${headers[h]}\n`).join(''), signed.join(';'), payloadHash].join('\n');
    const scope = `${day}/${this.config.S3_REGION}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
    let signingKey = hmac(`AWS4${this.config.S3_SECRET_ACCESS_KEY}`, day);
    for (const part of [this.config.S3_REGION, 's3', 'aws4_request']) signingKey = hmac(signingKey, part);
    const signature = createHmac('sha256', signingKey).update(toSign).digest('hex');
    const { host: _host, ...sent } = headers;
    const res = await fetch(url, {
      method,
      headers: {
        ...sent,
        authorization: `AWS4-HMAC-SHA256 Credential=${this.config.S3_ACCESS_KEY_ID}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`,
      },
      body: body ? new Uint8Array(body) : undefined,
    });
    if (!res.ok && !(method === 'DELETE' && res.status === 404)) {
      // The body is read (so the connection is free again) and its S3 error code kept.
      const answer = await res.text();
      throw new Error(`S3 ${method} ${key}: ${res.status} ${xmlValue(answer, 'Code') ?? answer.slice(0, 200)}`);
    }
    return res;
  }
}

/** The text of the first `<name>` element of an S3 XML answer, entities decoded; null when there is none. */
function xmlValue(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return match ? match[1].replace(/&(quot|amp|lt|gt|apos);/g, (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" })[e]!) : null;
}

/** Element text escaped; quotes stay literal, as in S3's own examples of `<ETag>"…"</ETag>`. */
function escapeXml(s: string): string {
  return s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}
