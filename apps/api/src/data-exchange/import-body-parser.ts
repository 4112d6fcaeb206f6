import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { DomainError, toErrorBody } from '@app/common';
import type { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/auth.service';

/** `POST /api/v1/import` takes a whole register; every other route keeps the global BODY_LIMIT (1mb). */
export const IMPORT_PATH = '/api/v1/import';
export const IMPORT_BODY_LIMIT = '50mb';
const IMPORT_ROLE = 'committee_admin';
// While one import is read and written, another waits: each holds a whole document in memory.
const BUSY_RETRY_AFTER_SECONDS = 10;

function sessionToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookie = (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1)) : undefined;
}

function refuse(req: Request, res: Response, err: unknown): void {
  const body = toErrorBody(err);
  const retryAfter = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
  // Answer at once and close the connection; whatever the client still sends is discarded unparsed (reading it
  // keeps the socket from resetting before the client has the answer).
  res.setHeader('Connection', 'close');
  req.resume();
  res.status(body.statusCode).json(body);
}

/**
 * The JSON parser of the import route. It must run before configureApp's global parser, which then skips the
 * request because its body has been read. No byte of the body is parsed before the caller is known: a caller
 * with a session or token that is not an administrator's gets the guard's 401 or 403 at once, one without any
 * falls through to the global 1mb parser; only an administrator gets the 50mb limit, one import at a time.
 */
export function importBodyParser(auth: AuthService): RequestHandler {
  const parse = json({ limit: IMPORT_BODY_LIMIT });
  let busy = false;
  return (req: Request, res: Response, next: NextFunction) => {
    const token = req.method === 'POST' ? sessionToken(req) : undefined;
    if (!token) return next();
    auth
      .resolveSession(token)
      .then((user) => {
        if (!user) return refuse(req, res, new DomainError('unauthorized', 'Sign in to continue'));
        if (user.role !== IMPORT_ROLE) return refuse(req, res, new DomainError('forbidden', 'Your role may not do this'));
        if (busy) {
          return refuse(req, res, new DomainError('rate_limited', 'Another import is running; try again when it has finished', { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS }));
        }
        busy = true;
        res.once('close', () => (busy = false));
        return parse(req, res, next);
      })
      .catch((err: unknown) => refuse(req, res, err));
  };
}
