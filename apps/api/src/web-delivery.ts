import type { ServeStaticModuleOptions } from '@nestjs/serve-static';
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import * as path from 'node:path';
import { constants as zlibConstants } from 'node:zlib';

/** Vite names every file under assets/ by its content: a changed file gets a new name, so a copy never goes stale. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html (and the page addresses that serve it): asked again each time, so a new deploy shows at once. */
export const PAGE_CACHE = 'no-cache';

function isHashedAsset(rootPath: string, filePath: string): boolean {
  return path.relative(rootPath, filePath).split(path.sep)[0] === 'assets';
}

/** The built web app: hashed files cached for good, the page revalidated, a missing file not answered with the page. */
export function webAppStaticOptions(rootPath: string): ServeStaticModuleOptions {
  return {
    rootPath,
    // API and health routes stay the API's; a missing asset is a 404, not the page (a browser would run HTML as JS).
    exclude: ['/api/{*path}', '/health/{*path}', '/assets/{*path}'],
    serveStaticOptions: {
      // One value per kind of file, set below; serve-static's own would give every file the same one.
      cacheControl: false,
      setHeaders: (res: Response, filePath: string) =>
        res.setHeader('Cache-Control', isHashedAsset(rootPath, filePath) ? HASHED_ASSET_CACHE : PAGE_CACHE),
    },
  };
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
 */
export function compressResponses(): RequestHandler {
  const filter: compression.CompressionFilter = (req, res) =>
    !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res);
  const files = compression({ filter });
  const answers = compression({ filter, level: 1, brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 2 } } });
  return (req, res, next) => (req.path.startsWith(API_PREFIX) ? answers : files)(req, res, next);
}

const API_PREFIX = '/api/';
