/**
 * Recognises the errors a PostgreSQL or Redis outage throws (refused or dropped connections, a server shutting
 * down or starting), so the API can answer 503 with Retry-After instead of 500: the client may try again, and a
 * create it retries with the same Idempotency-Key cannot run twice.
 */
export type Dependency = 'database' | 'redis';

/** Seconds a client is asked to wait before retrying during an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, cannot connect now), and 53300.
const PG_OUTAGE_STATE = /^(08...|57P0[1-4]|53300)$/;
const PG_OUTAGE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout|the database system is (starting up|shutting down)|terminating connection due to administrator command/i;
const REDIS_OUTAGE_MESSAGE = /Connection is closed|Stream isn't writeable|max retries per request|Reached the max retries/i;

interface ErrorLike {
  name?: string;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The error and what it wraps (TypeORM's driverError, cause, an AggregateError's errors), a few levels deep. */
function chain(err: unknown, depth = 0): ErrorLike[] {
  if (!err || typeof err !== 'object' || depth > 4) return [];
  const e = err as ErrorLike;
  const nested = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return [e, ...nested.flatMap((n) => chain(n, depth + 1))];
}

function isRedisError(e: ErrorLike): boolean {
  return e.name === 'MaxRetriesPerRequestError' || (typeof e.message === 'string' && REDIS_OUTAGE_MESSAGE.test(e.message) && !PG_OUTAGE_MESSAGE.test(e.message));
}

/** Which dependency the error says is unreachable, or null when it is an ordinary error. */
export function outageOf(err: unknown): Dependency | null {
  const links = chain(err);
  if (links.some(isRedisError)) return 'redis';
  for (const e of links) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (PG_OUTAGE_STATE.test(code) || PG_OUTAGE_MESSAGE.test(message)) return 'database';
    // ioredis reports its own outages as above; a bare refused or dropped socket comes from the pg driver.
    if (NETWORK_CODES.has(code)) return 'database';
  }
  return null;
}
