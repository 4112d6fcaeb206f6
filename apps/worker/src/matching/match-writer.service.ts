import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MATCH_EVENT } from '@app/contracts';
import { SYSTEM_ROLE } from '@app/domain';
import { MATCHING_ENGINE_VERSION, MatchResult } from '@app/matching';

/** The advisory-lock space of "writing a request's suggestions" (the first key of the two-key form). */
const SUGGESTIONS_LOCK = 1540;

/** What a job read before scoring, so a top-k computed from data that changed since is not written. */
export interface ReadSnapshot {
  /** Each scored request's version when the job read it. */
  requestVersions: ReadonlyMap<string, number>;
  /** Whether the engine the job scored with still matches the offers and weights (asked under the lock). */
  engineCurrent: (manager: EntityManager) => Promise<boolean>;
}

export interface WriteResult {
  written: number;
  /** Requests left unwritten because what they were scored from changed meanwhile: score them again. */
  stale: string[];
}

/**
 * Writes the engine's top-k for a set of requests in one transaction: one multi-row upsert (unnest arrays, so
 * no bind-parameter limit) and one delete of the engine's earlier suggestions that fell out of the top-k.
 * Matches a person has acted on keep their status; only score, components and reason are refreshed.
 */
@Injectable()
export class MatchWriter {
  constructor(private readonly dataSource: DataSource) {}

  async replaceSuggestions(requestIds: string[], results: MatchResult[], weightsVersion: number, read?: ReadSnapshot): Promise<WriteResult> {
    if (!requestIds.length) return { written: 0, stale: [] };
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
      // Another job may have written fresher results for these requests while this one was scoring: under the
      // lock, leave out what was scored from an old engine or an old version of the request.
      const stale = read ? await this.staleRequests(m, requestIds, read) : [];
      if (stale.length) {
        const skip = new Set(stale);
        requestIds = requestIds.filter((id) => !skip.has(id));
        results = results.filter((r) => !skip.has(r.requestId));
        if (!requestIds.length) return { written: 0, stale };
      }
      if (results.length) await this.reviveRetired(m, results);
      if (results.length) {
        await m.query(
          `INSERT INTO matches (request_id, offer_id, score, components, reason, engine_version, weights_version, scored_at, origin, status, version)
           SELECT k.request_id, k.offer_id, k.score, k.components, k.reason, $6, $7, now(), 'engine', 'suggested', 1
             FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::jsonb[], $5::text[]) AS k(request_id, offer_id, score, components, reason)
           ON CONFLICT (request_id, offer_id) DO UPDATE
              SET score = EXCLUDED.score, components = EXCLUDED.components, reason = EXCLUDED.reason,
                  engine_version = EXCLUDED.engine_version, weights_version = EXCLUDED.weights_version,
                  scored_at = EXCLUDED.scored_at,
                  -- A fresh score is not a change a person made: a match someone acted on keeps its last-changed time.
                  updated_at = CASE WHEN matches.status = 'suggested' THEN now() ELSE matches.updated_at END`,
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
      return { written: results.length, stale };
    });
  }

  /**
   * A suggestion retired because its offer left matching (paused, exhausted …) comes back when the engine ranks
   * the pair again, i.e. once the offer is active: with its history entry and event, like any other transition.
   */
  private async reviveRetired(m: EntityManager, results: MatchResult[]): Promise<void> {
    await m.query(
      `WITH revived AS (
         UPDATE matches m SET status = 'suggested', retired_reason = NULL, version = m.version + 1, updated_at = now()
           FROM unnest($1::uuid[], $2::uuid[]) AS k(request_id, offer_id)
          WHERE m.request_id = k.request_id AND m.offer_id = k.offer_id AND m.status = 'retired'
          RETURNING m.id, m.request_id, m.offer_id),
       history AS (
         INSERT INTO history_entries (subject_type, subject_id, action, from_status, to_status, actor_role)
         SELECT 'match', id, 'revive', 'retired', 'suggested', $3 FROM revived)
       INSERT INTO outbox_events (type, subject_type, subject_id, payload)
       SELECT $4, 'match', id, jsonb_build_object('from', 'retired', 'to', 'suggested', 'requestId', request_id, 'offerId', offer_id)
         FROM revived`,
      [results.map((r) => r.requestId), results.map((r) => r.offerId), SYSTEM_ROLE, MATCH_EVENT.revive],
    );
  }

  private async staleRequests(m: EntityManager, requestIds: string[], read: ReadSnapshot): Promise<string[]> {
    if (!(await read.engineCurrent(m))) return requestIds;
    const checked = requestIds.filter((id) => read.requestVersions.has(id));
    if (!checked.length) return [];
    const rows: { id: string }[] = await m.query(
      `SELECT r.id FROM assistance_requests r JOIN unnest($1::uuid[], $2::int[]) AS k(id, v) ON r.id = k.id WHERE r.version <> k.v`,
      [checked, checked.map((id) => read.requestVersions.get(id)!)],
    );
    return rows.map((r) => r.id);
  }

  /** Scores of matches proposed by people, refreshed without touching their status or, once acted on, their last change. */
  async updatePairScores(results: (MatchResult & { matchId: string })[], weightsVersion: number): Promise<void> {
    if (!results.length) return;
    await this.dataSource.query(
      `UPDATE matches m SET score = k.score, components = k.components, reason = k.reason, engine_version = $5,
              weights_version = $6, scored_at = now(),
              updated_at = CASE WHEN m.status = 'suggested' THEN now() ELSE m.updated_at END
         FROM unnest($1::uuid[], $2::float8[], $3::jsonb[], $4::text[]) AS k(id, score, components, reason)
        WHERE m.id = k.id`,
      [results.map((r) => r.matchId), results.map((r) => r.score), results.map((r) => JSON.stringify(r.components)), results.map((r) => r.reason), String(MATCHING_ENGINE_VERSION), weightsVersion],
    );
  }
}
