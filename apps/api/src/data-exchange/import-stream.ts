import type { IncomingMessage } from 'node:http';
import { type Duplex, pipeline, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { parser } from 'stream-json';
import Assembler from 'stream-json/assembler.js';
import { DomainError, localizedError } from '@app/common';
import { EXCHANGE_COLLECTIONS, type ExchangeCollection } from '@app/contracts';

/** An error Express' body parser would raise: the exception filter answers it (413, 400, 415) as it does those. */
function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type });
}

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Stream-json's tokens of the body as it arrives, decoded as the client compressed it, failing once more than
 * `limit` bytes have come or the client goes away. `release` stops reading: what is left is drained unread.
 */
function bodyTokens(req: IncomingMessage, limit: number): { tokens: Duplex; release: () => void } {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw bodyError(413, 'entity.too.large', 'request entity too large');
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity' && !Object.hasOwn(DECODERS, encoding)) {
    throw localizedError('unsupported_media_type', 'errors.import.contentEncoding', { encoding });
  }
  let received = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > limit ? bodyError(413, 'entity.too.large', 'request entity too large') : null, chunk);
    },
  });
  const tokens = parser.asStream({ streamValues: false });
  const stages: Duplex[] = [...(encoding === 'identity' ? [] : [DECODERS[encoding]()]), limited, tokens];
  // A failing stage fails the tokens (read below); the request itself stays open for the answer.
  pipeline(stages, () => undefined);
  const aborted = () => {
    if (!req.complete) stages[0].destroy(localizedError('invalid', 'errors.import.aborted'));
  };
  req.once('close', aborted);
  req.pipe(stages[0]);
  const release = () => {
    req.off('close', aborted);
    req.unpipe(stages[0]);
    req.resume();
  };
  return { tokens, release };
}

/** A JSON body, as Express' JSON parser takes it by default (`application/json`, any parameters). */
export function hasJsonBody(req: IncomingMessage): boolean {
  return /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
}

const isCollection = (key: string): key is ExchangeCollection => Object.hasOwn(EXCHANGE_COLLECTIONS, key);

/** The top level of a document as read: scalars as they are, each collection array as the number of its records. */
export type DocumentTop = Record<string, unknown> | unknown[] | string | number | boolean | null | undefined;

export type RecordHandler = (collection: ExchangeCollection, index: number, value: unknown) => Promise<void> | void;

/**
 * Reads a JSON exchange document from the request as it arrives (stream-json), one record at a time: each
 * element of a collection array is assembled alone and handed to `onRecord` (awaited, so a slow consumer
 * slows the reading down instead of buffering), then dropped. Memory holds one record, not the document.
 *
 * Returns the top level with every collection array replaced by an empty one (so the envelope schema judges
 * its shape) and every other key's value as sent. A top level that is not an object comes back as its type's
 * empty value, without being assembled. A body that is not JSON answers 400 as the JSON body parser does.
 */
export async function readExchangeStream(req: IncomingMessage, limit: number, onRecord: RecordHandler): Promise<DocumentTop> {
  if (!hasJsonBody(req)) {
    req.resume();
    return undefined;
  }
  const { tokens, release } = bodyTokens(req, limit);
  const asm = new Assembler();
  const top: Record<string, unknown> = {};
  let result: DocumentTop = top;
  let state: 'start' | 'key' | 'value' | 'assembling' | 'records' | 'rest' = 'start';
  let key = '';
  let collection: ExchangeCollection | null = null;
  let index = 0;
  // An ordinary top-level value (format, formatVersion, …), whole: scalars, or whatever a key holds.
  const assemble = (token: parser.Token) => {
    asm.consume(token);
    if (asm.done) {
      top[key] = asm.current;
      state = 'key';
    }
  };
  try {
    for await (const token of tokens as AsyncIterable<parser.Token>) {
      switch (state) {
        case 'start':
          if (token.name === 'startObject') state = 'key';
          else {
            // Not an object: the envelope schema refuses it for its type; the rest is read and dropped.
            result = token.name === 'startArray' ? [] : 'value' in token ? token.value : null;
            state = 'rest';
          }
          break;
        case 'key':
          // The object's end: anything after it is a parse error the parser raises.
          if (token.name === 'keyValue') {
            key = token.value;
            state = 'value';
          }
          break;
        case 'value':
          if (isCollection(key) && token.name === 'startArray') {
            top[key] = [];
            collection = key;
            index = 0;
            state = 'records';
            break;
          }
          state = 'assembling';
          assemble(token);
          break;
        case 'assembling':
          assemble(token);
          break;
        case 'records':
          // Between records the assembler is done: an end of array there ends the collection.
          if (asm.done && token.name === 'endArray') {
            state = 'key';
            break;
          }
          asm.consume(token);
          if (asm.done) await onRecord(collection!, index++, asm.current);
          break;
        case 'rest':
          break;
      }
    }
  } catch (err) {
    // The parser's own errors mean the body is not JSON; the limit's, the client's and onRecord's pass as they are.
    if (tokens.errored !== err || err instanceof DomainError || (err as { status?: unknown }).status) throw err;
    throw bodyError(400, 'entity.parse.failed', (err as Error).message);
  } finally {
    release();
  }
  return result;
}
