import { DelayedError, type Job } from 'bullmq';

// Network failures: the peer is not there (stopped, restarting, unreachable), not a fault of the job.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ESOCKET', 'ECONNECTION']);
// PostgreSQL shutting down or starting up (SQLSTATE class 57: operator intervention; 08: connection exception).
const POSTGRES_CODES = /^(57P0[1-4]|08\d\d\d)$/;
const MESSAGES = [
  /connect ECONNREFUSED/i,
  /Connection terminated/i,
  /terminating connection due to administrator command/i,
  /the database system is (shutting down|starting up|in recovery mode)/i,
  /timeout exceeded when trying to connect/i,
  /Connection is closed/i,
  /Reached the max retries per request limit/i,
  /Stream isn't writeable/i,
  /job stalled more than allowable limit/i,
];

/**
 * True when an error means a dependency (PostgreSQL, Redis, the SMTP server) is not answering, rather than that
 * the job itself is wrong. Looks through `cause` and TypeORM's `driverError`.
 */
export function isOutage(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; driverError?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || POSTGRES_CODES.test(e.code))) return true;
  if (typeof e.message === 'string' && isOutageMessage(e.message)) return true;
  return isOutage(e.cause, depth + 1) || isOutage(e.driverError, depth + 1);
}

/** The same judgement from a failed job's stored reason (all that is left of its error). */
export function isOutageMessage(message: string | undefined | null): boolean {
  return !!message && MESSAGES.some((m) => m.test(message));
}

/** How long a job interrupted by an outage waits before it tries again (set from OUTAGE_RETRY_MS). */
export const OUTAGE_POLICY = { retryMs: 5000 };

/**
 * Runs a job's work; if it fails because a dependency is down, the job is put back, delayed, without using
 * up one of its attempts (BullMQ's `moveToDelayed` + `DelayedError`). Attempts are for failures of the job;
 * an outage of any length only postpones it, so nothing ends `failed` because PostgreSQL or SMTP was away.
 */
export async function retryingOutages<T>(job: Job, token: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DelayedError || !token || !isOutage(err)) throw err;
    return postpone(job, token, OUTAGE_POLICY.retryMs, (err as Error).message);
  }
}

/** Puts the running job back for `delayMs` without using an attempt (throws BullMQ's DelayedError). */
export async function postpone(job: Job, token: string, delayMs: number, reason: string): Promise<never> {
  await job.moveToDelayed(Date.now() + delayMs, token);
  throw new DelayedError(`Dependency unavailable, retrying in ${delayMs} ms: ${reason}`);
}
