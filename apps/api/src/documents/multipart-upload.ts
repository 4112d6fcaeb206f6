import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { DomainError, invalidFieldIn, localizedError } from '@app/common';
import { ContentSniffer, RefusedContent, type SniffedType } from './content-sniffer';

// The sniffer's reason in English says exactly what was found; other languages read the catalogue's summary of it.
const refused = (err: RefusedContent): DomainError => new DomainError('unsupported_media_type', err.message, undefined, { key: err.key });

export interface ReceivedFile {
  /** The name the client gave (unsafe until safeFileName). */
  clientName: string;
  size: number;
  sha256: string;
  sniffed: SniffedType;
}

export interface MultipartOptions {
  maxBytes: number;
  /** Checks the fields sent before the file; throws to refuse the upload before its bytes are stored. */
  beforeFile(fields: Record<string, string>): void;
  /** Stores the file's bytes as they arrive (the document store's `put`). */
  store(body: AsyncIterable<Buffer>): Promise<void>;
}

export const tooLarge = (maxBytes: number): DomainError =>
  localizedError('too_large', 'errors.document.tooLarge', { limit: formatBytes(maxBytes) }, { maxBytes });

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * Reads a multipart/form-data upload (busboy): the text fields, then one part named `file`, streamed into
 * `store` while it is hashed, measured and its type found from its bytes. Nothing holds the whole file. On any
 * refusal (size, type, fields) or an interrupted body, the rest of the body is drained and discarded, the
 * storing is awaited until it has stopped, and the promise rejects — so the caller can delete the pending bytes
 * with nothing still writing them.
 */
export function receiveMultipart(req: IncomingMessage, options: MultipartOptions): Promise<{ fields: Record<string, string>; file: ReceivedFile }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Browsers send file names as raw UTF-8 (busboy's default reads them as latin1).
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 10, parts: 12, fieldSize: 2_000, fieldNameSize: 50 } });
    } catch {
      reject(localizedError('unsupported_media_type', 'errors.document.multipartOnly'));
      return;
    }
    const fields: Record<string, string> = {};
    let file: Readable | null = null;
    let storing: Promise<ReceivedFile> | null = null;
    let settled = false;

    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      file?.destroy();
      // Wait until the storing has stopped writing: the caller deletes what was stored right after this rejects.
      void Promise.allSettled([storing]).then(() => reject(err instanceof RefusedContent ? refused(err) : err instanceof Error ? err : new Error(String(err))));
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(invalidFieldIn(name, 'errors.document.fieldTooLong'));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || storing) {
        stream.resume();
        return;
      }
      file = stream;
      storing = (async () => {
        options.beforeFile(fields);
        const sniffer = new ContentSniffer(info.filename ?? '');
        const hash = createHash('sha256');
        let size = 0;
        async function* inspected(): AsyncGenerator<Buffer> {
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            size += chunk.length;
            if (size > options.maxBytes) throw tooLarge(options.maxBytes);
            sniffer.push(chunk);
            hash.update(chunk);
            yield chunk;
          }
        }
        await options.store(inspected());
        if (stream.truncated) throw tooLarge(options.maxBytes);
        const sniffed = sniffer.finish();
        return { clientName: info.filename ?? '', size, sha256: hash.digest('hex'), sniffed };
      })();
      storing.catch(fail);
    });
    parser.on('finish', () => {
      if (!storing) return fail(invalidFieldIn('file', 'errors.document.fileRequired'));
      storing.then((received) => {
        if (settled) return;
        settled = true;
        resolve({ fields, file: received });
      }, fail);
    });
    parser.on('partsLimit', () => fail(invalidFieldIn('file', 'errors.document.tooManyParts')));
    parser.on('error', () => fail(localizedError('invalid', 'errors.document.incomplete')));
    req.on('close', () => {
      if (!req.complete) fail(localizedError('invalid', 'errors.document.interrupted'));
    });
    req.pipe(parser);
  });
}
