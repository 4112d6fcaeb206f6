import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { localizedError } from '@app/common';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that a browser marks as cross-site (Fetch Metadata, then Origin),
 * on top of the SameSite session cookie. Non-browser clients send neither header and use bearer tokens.
 */
@Injectable()
export class SameOriginMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    if (SAFE.has(req.method)) return next();
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') {
      return next(localizedError('forbidden', 'errors.crossSite'));
    }
    const origin = req.headers.origin;
    // `req.host` reads X-Forwarded-Host only from the proxies TRUSTED_PROXIES names (Express's `trust proxy`).
    if (origin !== undefined && hostOf(origin) !== req.host) {
      return next(localizedError('forbidden', 'errors.crossSite'));
    }
    next();
  }
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // includes the opaque origin "null"
  }
}
