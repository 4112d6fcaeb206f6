import type { ServeStaticModuleOptions } from '@nestjs/serve-static';
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

/** Vite names every file under assets/ by its content: a changed file gets a new name, so a copy never goes stale. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html (and the page addresses that serve it): asked again each time, so a new deploy shows at once. */
export const PAGE_CACHE = 'no-cache';

/** The first parts of the addresses that are not the web app's pages: the API, health checks, the built files. */
const NOT_PAGES = ['api', 'health', 'assets'];

/** The built web app's folder (WEB_DIST_DIR, else dist/web), or null when it is not built: the API then serves no pages. */
export function builtWebApp(): string | null {
  const root = path.resolve(process.env.WEB_DIST_DIR ?? path.join(process.cwd(), 'dist/web'));
  return existsSync(path.join(root, 'index.html')) ? root : null;
}

function isHashedAsset(rootPath: string, filePath: string): boolean {
  return path.relative(rootPath, filePath).split(path.sep)[0] === 'assets';
}

/** The built web app: hashed files cached for good, the page revalidated, a missing file not answered with the page. */
export function webAppStaticOptions(rootPath: string): ServeStaticModuleOptions {
  return {
    rootPath,
    // API and health routes stay the API's; a missing asset is a 404, not the page (a browser would run HTML as JS).
    exclude: NOT_PAGES.map((first) => `/${first}/{*path}`),
    serveStaticOptions: {
      // One value per kind of file, set below; serve-static's own would give every file the same one.
      cacheControl: false,
      setHeaders: (res: Response, filePath: string) =>
        res.setHeader('Cache-Control', isHashedAsset(rootPath, filePath) ? HASHED_ASSET_CACHE : PAGE_CACHE),
    },
  };
}

/**
 * A page address with a malformed percent-escape (a link cut short in an e-mail, a mistyped address) gets the page,
 * whose own router shows that nothing is there, as for any other unknown address: Express's router cannot decode it
 * and answered with a JSON 400. The API's addresses keep that 400.
 */
export function pageForUndecodableAddress(rootPath: string): RequestHandler {
  const page = path.join(rootPath, 'index.html');
  return (req, res, next) => {
    // Express routes without regard to case: /API/… is the API's too.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_PAGES.includes(req.path.split('/')[1].toLowerCase()) || decodes(req.path)) return next();
    res.setHeader('Cache-Control', PAGE_CACHE);
    res.sendFile(page);
  };
}

function decodes(address: string): boolean {
  try {
    decodeURIComponent(address);
    return true;
  } catch {
    return false;
  }
}

/**
 * Source maps are built (hidden: the code does not point at them) for reading stack traces offline, and never
 * served: they would publish the whole source.
 */
export const refuseSourceMaps: RequestHandler = (req: Request, res: Response, next) => {
  if (!req.path.endsWith('.map')) return next();
  res.status(404).json({ statusCode: 404, error: 'Not Found', message: `Cannot ${req.method} ${req.path}` });
};

/**
 * gzip or brotli, as the client accepts, for the web app's files and the API's JSON and CSV. Event streams are
 * left alone: compression buffers, and an event must reach the browser when it is written.
 *
 * The API's answers are made per call, so they are compressed at cheap levels: gzip level 1 and brotli quality 2.
 * Under 50 clients the default levels (gzip 6, brotli 4) were about a tenth of the API's CPU. Brotli's quality 1 is
 * cheaper still, but it compresses each write on its own, so a streamed answer (the data export writes a row at a
 * time) came out several times larger. Quality 2 compresses across writes, sends about the bytes of quality 4, and
 * takes about half its time (docs/performance.md, "Sixth round"). The web app's files, fetched once and then cached
 * for good, keep the default levels.
 *
 * An answer made in one piece (every JSON answer but the export) is compressed at once, at the same levels, and sent
 * with its length in one write (compressWholeAnswer); streamed answers go through `compression`.
 */
export function compressResponses(): RequestHandler {
  const filter: compression.CompressionFilter = (req, res) =>
    !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res);
  const files = compression({ filter });
  const answers = compression({ filter, level: ANSWER_GZIP_LEVEL, brotli: { params: ANSWER_BROTLI_PARAMS } });
  return (req, res, next) => {
    if (!req.path.startsWith(API_PREFIX)) return files(req, res, next);
    answers(req, res, () => {
      compressWholeAnswer(req, res, filter);
      next();
    });
  };
}

const API_PREFIX = '/api/';
const ANSWER_GZIP_LEVEL = 1;
const ANSWER_BROTLI_PARAMS = { [zlibConstants.BROTLI_PARAM_QUALITY]: 2 };
/** Smaller answers are sent as they are (compression's own threshold). */
const COMPRESS_FROM_BYTES = 1024;
/** Larger answers in one piece are left to the stream, which compresses off the event loop. */
const COMPRESS_AT_ONCE_UP_TO_BYTES = 64 * 1024;

/**
 * An answer whose whole body is given to `res.end` (what `res.json` and `res.send` do) is compressed there, in one
 * call, and sent with its Content-Length: one socket write for the headers and the body. Through the `compression`
 * stream the same answer took a trip to libuv's thread pool, chunked encoding and a second write for its end, about
 * a fifth of the API's CPU under 50 clients (docs/performance.md, "Ninth round"). Answers written in parts (the
 * export, CSV downloads) and those the stream would not compress go on to `compression` unchanged; so does an answer
 * already encoded, which `compression` then leaves alone.
 */
function compressWholeAnswer(req: Request, res: Response, filter: compression.CompressionFilter): void {
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  let written = false;
  res.write = ((...args: Parameters<Response['write']>) => {
    written = true;
    return write(...args);
  }) as Response['write'];
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    const body = !written && !res.headersSent ? bodyOf(chunk, encoding) : null;
    const coding = body ? wholeAnswerCoding(req, res, body.length, filter) : null;
    if (!body || !coding) return end(chunk, encoding as BufferEncoding, callback as () => void);
    const compressed =
      coding === 'br'
        ? brotliCompressSync(body, {
            params: { ...ANSWER_BROTLI_PARAMS, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : gzipSync(body, { level: ANSWER_GZIP_LEVEL });
    res.setHeader('Content-Encoding', coding);
    res.setHeader('Content-Length', compressed.length);
    const done = (typeof encoding === 'function' ? encoding : callback) as (() => void) | undefined;
    return (end as (body: Buffer, done?: () => void) => Response)(compressed, done);
  }) as Response['end'];
}

function bodyOf(chunk: unknown, encoding: unknown): Buffer | null {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return null;
}

/** The coding for a whole answer of `length` bytes, or null to leave it to `compression` (which sets Vary either way). */
function wholeAnswerCoding(
  req: Request,
  res: Response,
  length: number,
  filter: compression.CompressionFilter,
): 'br' | 'gzip' | null {
  if (length < COMPRESS_FROM_BYTES || length > COMPRESS_AT_ONCE_UP_TO_BYTES) return null;
  if (req.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) return null;
  if (
    res.getHeader('Content-Encoding') ||
    /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(res.getHeader('Cache-Control') ?? ''))
  )
    return null;
  if (!filter(req, res)) return null;
  return preferredCoding(req.headers['accept-encoding']);
}

/**
 * brotli or gzip, whichever `Accept-Encoding` weighs more (brotli on a tie, as `compression` prefers it); null when
 * it accepts neither.
 */
export function preferredCoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? 'br' : 'gzip';
}
