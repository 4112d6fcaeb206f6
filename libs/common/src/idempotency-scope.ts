import { AsyncLocalStorage } from 'node:async_hooks';
import { localizedError } from './domain-error';

/** The Idempotency-Key a request holds while its create runs (set by the API's IdempotencyInterceptor). */
export interface IdempotencyClaim {
  userId: string;
  key: string;
  attempt: number;
}

export const idempotencyScope = new AsyncLocalStorage<IdempotencyClaim>();

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Called inside a unit of work's transaction: marks the held key as committed together with the create, so the
 * work can never run twice. If a retry took the key over meanwhile (this attempt was presumed dead), the mark
 * finds no row and the transaction is rolled back instead of committing a second record.
 */
export async function markIdempotentCommit(manager: Queryable, subject: { type: string; id: string } | null): Promise<void> {
  const claim = idempotencyScope.getStore();
  if (!claim) return;
  const rows = (await manager.query(
    `WITH marked AS (
       UPDATE idempotency_keys SET committed_at = now(),
              subject_type = COALESCE(subject_type, $4), subject_id = COALESCE(subject_id, $5)
        WHERE user_id = $1 AND key = $2 AND attempt = $3 RETURNING 1)
     SELECT count(*)::int AS n FROM marked`,
    [claim.userId, claim.key, claim.attempt, subject?.type ?? null, subject?.id ?? null],
  )) as { n: number }[];
  if (rows[0]?.n !== 1) {
    throw localizedError('conflict', 'errors.idempotency.takenOver');
  }
}
