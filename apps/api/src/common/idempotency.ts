import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { idempotencyScope, type IdempotencyClaim, localizedError, localizedIssue } from '@app/common';
import type { AuthUser } from '../auth/auth-user';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEEP_MS = 24 * 3600_000;
// How long an attempt holds its key before a retry may presume it dead and take over (its commit is fenced).
const LEASE_MS = 10_000;
const SWEEP_SHARE = 0.01;
const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

interface StoredKey {
  request_hash: string;
  attempt: number;
  lease_left_ms: number;
  expired: boolean;
  committed: boolean;
  subject_type: string | null;
  subject_id: string | null;
  response_status: number | null;
  response_body: unknown;
}

type Claimed = { kind: 'hold'; claim: IdempotencyClaim } | { kind: 'replay'; body: unknown };

/**
 * `Idempotency-Key` on a create (DESIGN §9): the first request with a key holds it (a unique insert), runs and
 * stores its answer for 24 hours; a retry with the same key and request gets that answer again (with
 * `Idempotent-Replayed: true`) instead of making a second record; the same key with another request, or while
 * the first is still running, gets 409. An attempt that failed releases its key, so its retry runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.headers[IDEMPOTENCY_HEADER];
    if (key === undefined || !req.user) return next.handle();
    return from(this.run(req, res, req.user.id, String(key), next));
  }

  private async run(req: Request, res: Response, userId: string, key: string, next: CallHandler): Promise<unknown> {
    if (!KEY_FORMAT.test(key)) {
      throw localizedError('invalid', 'errors.idempotency.badKey', {}, [localizedIssue('Idempotency-Key', 'errors.idempotency.keyFormat')]);
    }
    const hash = createHash('sha256').update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
    const claimed = await this.claim(userId, key, hash);
    if (claimed.kind === 'replay') {
      res.setHeader('Idempotent-Replayed', 'true');
      return claimed.body;
    }
    const { claim } = claimed;
    let body: unknown;
    try {
      body = await idempotencyScope.run(claim, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    } catch (err) {
      await this.release(claim).catch(() => undefined);
      throw err;
    }
    // If this fails the record stays committed without an answer; a retry is then told so (never run twice).
    await this.dataSource
      .query(`UPDATE idempotency_keys SET response_status = $4, response_body = $5 WHERE user_id = $1 AND key = $2 AND attempt = $3`, [
        userId,
        key,
        claim.attempt,
        res.statusCode,
        JSON.stringify(body ?? null),
      ])
      .catch(() => undefined);
    return body;
  }

  private async claim(userId: string, key: string, hash: string): Promise<Claimed> {
    for (let round = 0; round < 3; round++) {
      const inserted: { attempt: number }[] = await this.dataSource.query(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, attempt, lease_until, expires_at)
         VALUES ($1, $2, $3, 1, now() + $4 * interval '1 millisecond', now() + $5 * interval '1 millisecond')
         ON CONFLICT DO NOTHING RETURNING attempt`,
        [userId, key, hash, LEASE_MS, KEEP_MS],
      );
      if (inserted.length) {
        // Now and then, forget every expired key (cheap on the expires_at index), so the table stays small.
        if (Math.random() < SWEEP_SHARE) await this.dataSource.query(`DELETE FROM idempotency_keys WHERE expires_at < now()`).catch(() => undefined);
        return { kind: 'hold', claim: { userId, key, attempt: 1 } };
      }
      const [stored]: StoredKey[] = await this.dataSource.query(
        `SELECT request_hash, attempt, committed_at IS NOT NULL AS committed, subject_type, subject_id, response_status, response_body,
                expires_at < now() AS expired, GREATEST(0, EXTRACT(EPOCH FROM lease_until - now()) * 1000)::int AS lease_left_ms
           FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [userId, key],
      );
      if (!stored) continue;
      if (stored.expired) {
        // Kept 24 hours: an older key is forgotten.
        await this.dataSource.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND expires_at < now()`, [userId, key]);
        continue;
      }
      if (stored.request_hash !== hash) {
        throw localizedError('conflict', 'errors.idempotency.reused', {}, {
          field: 'Idempotency-Key',
        });
      }
      if (stored.response_status !== null) return { kind: 'replay', body: stored.response_body };
      if (stored.lease_left_ms > 0) {
        throw localizedError('conflict', 'errors.idempotency.inProgress', {}, {
          retryAfterSeconds: Math.max(1, Math.ceil(stored.lease_left_ms / 1000)),
        });
      }
      // Committed, and its holder stopped before storing the answer (committed, yet still running, is the case above).
      if (stored.committed) {
        throw localizedError('conflict', 'errors.idempotency.answerLost', {}, {
          subjectType: stored.subject_type,
          subjectId: stored.subject_id,
        });
      }
      // The holder stopped without committing (its process or connection died): take the key over. The row lock
      // makes this wait for a holder that is committing right now, which then wins (committed_at is set).
      const taken: { attempt: number }[] = await this.dataSource.query(
        `UPDATE idempotency_keys SET attempt = attempt + 1, lease_until = now() + $4 * interval '1 millisecond'
          WHERE user_id = $1 AND key = $2 AND attempt = $3 AND committed_at IS NULL AND response_status IS NULL RETURNING attempt`,
        [userId, key, stored.attempt, LEASE_MS],
      );
      if (taken.length) return { kind: 'hold', claim: { userId, key, attempt: taken[0].attempt } };
    }
    throw localizedError('conflict', 'errors.idempotency.inProgress', {}, { retryAfterSeconds: 1 });
  }

  /** A failed attempt did not commit (or was rolled back): its retry may run again at once. */
  private async release(claim: IdempotencyClaim): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND attempt = $3 AND committed_at IS NULL AND response_status IS NULL`,
      [claim.userId, claim.key, claim.attempt],
    );
  }
}

/** On a route that creates: accept an Idempotency-Key (documented in the OpenAPI description). */
export const Idempotent = (): MethodDecorator =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A fresh unique value per create (a UUID). A retry with the same key and body gets the first answer instead of a second record; kept 24 hours; the same key with another body gets 409.',
    }),
  );
