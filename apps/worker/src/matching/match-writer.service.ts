import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MATCHING_ENGINE_VERSION, MatchResult } from '@app/matching';

/** The advisory-lock space of "writing a request's suggestions" (the first key of the two-key form). */
const SUGGESTIONS_LOCK = 1540;

/**
 * Writes the engine's top-k for a set of requests in one transaction: one multi-row upsert (unnest arrays, so
 * no bind-parameter limit) and one delete of the engine's earlier suggestions that fell out of the top-k.
 * Matches a person has acted on keep their status; only score, components and reason are refreshed.
 */
@Injectable()
export class MatchWriter {
  constructor(private readonly dataSource: DataSource) {}

  async replaceSuggestions(requestIds: string[], results: MatchResult[], weightsVersion: number): Promise<number> {
    if (!requestIds.length) return 0;
    return this.dataSource.transaction(async (m) => {
      // Jobs that write the same request (a trigger's and a rescore chunk's) take turns: each one's delete then
      // sees the other's rows, and the last leaves one whole top-k instead of a mix of both. The locks are taken
      // in one fixed order (hash order), so two writers never deadlock. A write holds at most one lock per
      // request of its chunk (500), well inside PostgreSQL's shared lock table (64 × max_connections at defaults).
      await m.query(
        `SELECT pg_advisory_xact_lock(${SUGGESTIONS_LOCK}, key)
           FROM (SELECT DISTINCT hashtext(id::text) AS key FROM unnest($1::uuid[]) AS id) k ORDER BY key`,
        [requestIds],
      );
      if (results.length) {
        await m.query(
          `INSERT INTO matches (request_id, offer_id, score, components, reason, engine_version, weights_version, scored_at, origin, status, version)
           SELECT k.request_id, k.offer_id, k.score, k.components, k.reason, $6, $7, now(), 'engine', 'suggested', 1
             FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::jsonb[], $5::text[]) AS k(request_id, offer_id, score, components, reason)
           ON CONFLICT (request_id, offer_id) DO UPDATE
              SET score = EXCLUDED.score, components = EXCLUDED.components, reason = EXCLUDED.reason,
                  engine_version = EXCLUDED.engine_version, weights_version = EXCLUDED.weights_version,
                  scored_at = EXCLUDED.scored_at, updated_at = now()`,
          [
            results.map((r) => r.requestId),
            results.map((r) => r.offerId),
            results.map((r) => r.score),
            results.map((r) => JSON.stringify(r.components)),
            results.map((r) => r.reason),
            String(MATCHING_ENGINE_VERSION),
            weightsVersion,
          ],
        );
      }
      // NOT IN over a subquery is planned as a hashed subplan: linear even when the table's statistics are stale
      // (a first full rescore), where the NOT EXISTS form could become a quadratic nested loop.
      await m.query(
        `DELETE FROM matches m
          WHERE m.request_id = ANY($1::uuid[]) AND m.status = 'suggested' AND m.origin = 'engine'
            AND (m.request_id, m.offer_id) NOT IN (SELECT r, o FROM unnest($2::uuid[], $3::uuid[]) AS k(r, o))`,
        [requestIds, results.map((r) => r.requestId), results.map((r) => r.offerId)],
      );
      if (results.length) {
        await m.query(
          `UPDATE assistance_requests SET first_suggestion_at = now() WHERE id = ANY($1::uuid[]) AND first_suggestion_at IS NULL`,
          [[...new Set(results.map((r) => r.requestId))]],
        );
      }
      return results.length;
    });
  }

  /** Scores of matches proposed by people, refreshed without touching their status. */
  async updatePairScores(results: (MatchResult & { matchId: string })[], weightsVersion: number): Promise<void> {
    if (!results.length) return;
    await this.dataSource.query(
      `UPDATE matches m SET score = k.score, components = k.components, reason = k.reason, engine_version = $5,
              weights_version = $6, scored_at = now(), updated_at = now()
         FROM unnest($1::uuid[], $2::float8[], $3::jsonb[], $4::text[]) AS k(id, score, components, reason)
        WHERE m.id = k.id`,
      [results.map((r) => r.matchId), results.map((r) => r.score), results.map((r) => JSON.stringify(r.components)), results.map((r) => r.reason), String(MATCHING_ENGINE_VERSION), weightsVersion],
    );
  }
}
