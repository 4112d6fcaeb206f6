import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { toErrorBody, localizedError } from '@app/common';
import type { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/auth.service';
import { hasJsonBody } from './import-stream';

export const IMPORT_PATH = '/api/v1/import';
const IMPORT_ROLE = 'committee_admin';
// While one import is read and written, another waits: each holds a transaction and a staging table.
const BUSY_RETRY_AFTER_SECONDS = 10;

// Requests whose body the import route reads itself, as it arrives (ExchangeImportService).
const streamedImports = new WeakSet<IncomingMessage>();

/** The global JSON parser's `type`: every JSON body, except an administrator's import, which is streamed. */
export function parsedByGlobalParser(req: IncomingMessage): boolean {
  return !streamedImports.has(req) && hasJsonBody(req);
}

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
 * The gate of the import route. It must run before configureApp's global parser. No byte of the body is read
 * before the caller is known: a caller with a session or token that is not an administrator's gets the
 * guard's 401 or 403 at once, one without any falls through to the global 1mb parser; only an administrator's
 * body is left to the import, which reads it as it arrives (up to 50mb), one import at a time.
 */
export function importGate(auth: AuthService): RequestHandler {
  let busy = false;
  return (req: Request, res: Response, next: NextFunction) => {
    const token = req.method === 'POST' ? sessionToken(req) : undefined;
    if (!token) return next();
    auth
      .resolveSession(token)
      .then((user) => {
        if (!user) return refuse(req, res, localizedError('unauthorized', 'errors.signIn'));
        if (user.role !== IMPORT_ROLE) return refuse(req, res, localizedError('forbidden', 'errors.roleMayNot'));
        if (busy) {
          return refuse(req, res, localizedError('rate_limited', 'errors.importBusy', {}, { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS }));
        }
        busy = true;
        res.once('close', () => (busy = false));
        streamedImports.add(req);
        next();
      })
      .catch((err: unknown) => refuse(req, res, err));
  };
}
