import { json, type RequestHandler } from 'express';
import { SESSION_COOKIE } from '../auth/auth.service';

/** `POST /api/v1/import` takes a whole register; every other route keeps the global BODY_LIMIT (1mb). */
export const IMPORT_PATH = '/api/v1/import';
export const IMPORT_BODY_LIMIT = '50mb';

const sessionCookie = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`);

/**
 * The JSON parser of the import route. It must run before configureApp's global parser, which then skips the
 * request because its body has been read. Only a request that carries credentials gets the large limit:
 * anonymous callers stay at 1mb (and then get 401 from the guard).
 */
export function importBodyParser(): RequestHandler {
  const parse = json({ limit: IMPORT_BODY_LIMIT });
  return (req, res, next) => {
    const credentials =
      req.headers.authorization?.startsWith('Bearer ') || sessionCookie.test(req.headers.cookie ?? '');
    if (req.method !== 'POST' || !credentials) return next();
    return parse(req, res, next);
  };
}
