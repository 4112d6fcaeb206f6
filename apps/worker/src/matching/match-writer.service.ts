import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import { MATCH_EVENT, type MatchOrigin } from '@app/contracts';
import { sqlValue } from '@app/common';
import { SYSTEM_ROLE, type MatchAction, type MatchStatus } from '@app/domain';
import { MATCHING_ENGINE_VERSION, MatchResult, storedComponentsJson } from '@app/matching';

// The statuses, origin and action the statements below write, from the match workflow (libs/domain).
const SUGGESTED_STATUS: MatchStatus = 'suggested';
const SUGGESTED = sqlValue(SUGGESTED_STATUS);
const ENGINE_ORIGIN: MatchOrigin = 'engine';
const ENGINE = sqlValue(ENGINE_ORIGIN);
const RETIRED = sqlValue('retired' satisfies MatchStatus);
const REVIVE = sqlValue('revive' satisfies MatchAction);

/** The advisory-lock space of "writing a request's suggestions" (the first key of the two-key form). */
const SUGGESTIONS_LOCK = 1540;

/**
 * The staging table: one per database session (temporary, so never WAL-logged and invisible to other sessions),
 * emptied at each commit. A rolled-back write leaves nothing in it either.
 */
const STAGE = 'pg_temp.match_stage';
const CREATE_STAGE = `CREATE TEMP TABLE IF NOT EXISTS match_stage (request_id uuid NOT NULL, offer_id uuid NOT NULL, score float8,
  components json NOT NULL, reason text NOT NULL, reason_parts json) ON COMMIT DELETE ROWS`;
/** PostgreSQL's SQLSTATE for a unique constraint violated. */
const UNIQUE_VIOLATION = '23505';
/** Rows per piece of COPY data: large enough to keep the stream busy, small enough to stay out of the old heap. */
const COPY_BATCH = 256;

/** COPY text format: backslash, tab and line breaks escaped (JSON text contains backslashes, reasons may hold anything). */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * COPY data for `items`, `perPiece` lines per Buffer. Each line is encoded into one reused scratch buffer as it is
 * made: concatenating a piece's lines into one string and encoding that cost more than making the lines (the rope
 * is flattened, then encoded as UTF-16, since reasons hold dashes; measured in docs/performance.md, "Fifth round").
 */
export function* copyPieces<T>(items: readonly T[], lineOf: (item: T) => string, perPiece = COPY_BATCH): Generator<Buffer> {
  let scratch = Buffer.allocUnsafe(1 << 20);
  for (let i = 0; i < items.length; i += perPiece) {
    let used = 0;
    const end = Math.min(i + perPiece, items.length);
    for (let j = i; j < end; j++) {
      const line = lineOf(items[j]);
      // A UTF-16 code unit takes at most 3 bytes in UTF-8: grow first, so that no write is cut short.
      if (used + line.length * 3 > scratch.length) scratch = Buffer.concat([scratch.subarray(0, used)], Math.max(scratch.length * 2, used + line.length * 3));
      used += scratch.write(line, used);
    }
    // A copy: the stream may still hold this piece when the next one is made.
    yield Buffer.from(scratch.subarray(0, used));
  }
}

/** The scored columns of a suggestion in COPY text: request_id, offer_id, score, components, reason, reason_parts. */
function scoredFields(r: MatchResult): string {
  const score = Number.isFinite(r.score) ? String(r.score) : '\\N';
  const parts = r.reasonParts ? copyText(JSON.stringify(r.reasonParts)) : '\\N';
  return `${r.requestId}\t${r.offerId}\t${score}\t${copyText(storedComponentsJson(r.components))}\t${copyText(r.reason)}\t${parts}`;
}
const SCORED_COLUMNS = 'request_id, offer_id, score, components, reason, reason_parts';

/** A suggestion as a line of the staging table's COPY. */
const stageLine = (r: MatchResult) => `${scoredFields(r)}\n`;

/** Puts `results` in the session's staging table, inside `m`'s transaction. */
async function stageResults(m: EntityManager, results: MatchResult[]): Promise<void> {
  await m.query(CREATE_STAGE);
  if (!results.length) return;
  const client = (await m.queryRunner!.connect()) as PoolClient;
  await pipeline(Readable.from(copyPieces(results, stageLine)), client.query(copyFrom(`COPY ${STAGE} (${SCORED_COLUMNS}) FROM STDIN`)));
}

function distinctRequestIds(results: MatchResult[]): string[] {
  const ids: string[] = [];
  let last: string | undefined;
  const seen = new Set<string>();
  for (const r of results) {
    if (r.requestId === last || seen.has(r.requestId)) continue;
    last = r.requestId;
    seen.add(last);
    ids.push(last);
  }
  return ids;
}

/** Below this many rows written, `matches`' statistics are left to autovacuum. */
const ANALYZE_AFTER_ROWS = 5_000;

/** The columns of `matches` the match lists and the writer filter, join and sort on (the rest is left to autovacuum). */
const ANALYZED_COLUMNS = 'id, request_id, offer_id, score, status, origin, engine_version, weights_version, scored_at, created_at, updated_at';

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
 * Writes the engine's top-k for a set of requests in one transaction: the rows are COPYed into a staging table,
 * then one upsert from it (writing only pairs whose score changed) and one delete of the engine's earlier
 * suggestions that fell out of the top-k. Requests with no match at all yet (their first scoring) have their rows
 * COPYed straight into `matches`.
 * Matches a person has acted on keep their status; only score, components and reason are refreshed.
 */
@Injectable()
export class MatchWriter {
  private readonly logger = new Logger(MatchWriter.name);
  /** Rows this process wrote since it last refreshed the planner's statistics of `matches`. */
  private writtenSinceAnalyze = 0;

  constructor(private readonly dataSource: DataSource) {}

  async replaceSuggestions(requestIds: string[], results: MatchResult[], weightsVersion: number, read?: ReadSnapshot): Promise<WriteResult> {
    const outcome = await this.writeSuggestions(requestIds, results, weightsVersion, read);
    await this.keepStatisticsFresh(outcome.written);
    return outcome;
  }

  /**
   * A first scoring of a large registry (after a seed or an import) or a full rescore writes most of `matches` within
   * a minute; until autovacuum's next pass the planner still sees the old, small table and plans the match list as
   * a nested loop over every row (1.2 s instead of 1 ms at 100,000 matches). So once this process has written as
   * many rows as the table held at its last refresh (and at least ANALYZE_AFTER_ROWS), it refreshes the statistics
   * itself: the planner's picture is then never more than about half the table behind. Each refresh samples up to
   * 30,000 rows (0.3 s at 100,000 matches); refreshing after every fifth of the table instead ran it about sixteen
   * times in a full rescore and took 4 s of its 10. Only the columns the match lists and the writer filter, join
   * and sort on are analysed (ANALYZED_COLUMNS; the rows' JSON is most of what a sample reads, and autovacuum still
   * analyses the whole table later). A failure only costs the refresh.
   */
  private async keepStatisticsFresh(written: number): Promise<void> {
    this.writtenSinceAnalyze += written;
    if (this.writtenSinceAnalyze < ANALYZE_AFTER_ROWS) return;
    try {
      const [{ estimate }]: { estimate: number }[] = await this.dataSource.query(
        `SELECT reltuples::float8 AS estimate FROM pg_class WHERE oid = 'matches'::regclass`,
      );
      // reltuples: the rows at the last ANALYZE or VACUUM (autovacuum's too); -1 until the table is first analysed.
      if (estimate >= 0 && this.writtenSinceAnalyze < estimate) return;
      this.writtenSinceAnalyze = 0;
      await this.dataSource.query(`ANALYZE matches (${ANALYZED_COLUMNS})`);
    } catch (err) {
      this.logger.warn(`Could not refresh the statistics of matches: ${(err as Error).message}`);
    }
  }

  private async writeSuggestions(requestIds: string[], results: MatchResult[], weightsVersion: number, read?: ReadSnapshot): Promise<WriteResult> {
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
      // The requests that have results (the revival and the first-suggestion stamp concern only those).
      const scored = distinctRequestIds(results);
      if (results.length && (await this.firstScoring(m, requestIds, results, weightsVersion))) {
        await this.stampFirstSuggestion(m, scored);
        return { written: results.length, stale };
      }
      // The rows go to a per-session staging table by COPY (no array parameters for PostgreSQL to bind), and
      // from there into `matches` in set statements.
      await stageResults(m, results);
      if (results.length) await this.reviveRetired(m, scored);
      if (results.length) {
        await m.query(
          `INSERT INTO matches (request_id, offer_id, score, components, reason, reason_parts, engine_version, weights_version, scored_at, origin, status, version)
           SELECT k.request_id, k.offer_id, k.score, k.components, k.reason, k.reason_parts, $1, $2, now(), ${ENGINE}, ${SUGGESTED}, 1
             FROM ${STAGE} k
           ON CONFLICT (request_id, offer_id) DO UPDATE
              SET score = EXCLUDED.score, components = EXCLUDED.components, reason = EXCLUDED.reason, reason_parts = EXCLUDED.reason_parts,
                  engine_version = EXCLUDED.engine_version, weights_version = EXCLUDED.weights_version,
                  scored_at = EXCLUDED.scored_at,
                  -- A fresh score is not a change a person made: a match someone acted on keeps its last-changed time.
                  updated_at = CASE WHEN matches.status = ${SUGGESTED} THEN now() ELSE matches.updated_at END
            -- Only what changed is written: a pair scored the same, by the same engine and weights, is left as it is
            -- (scored_at is when its score last changed). A rescore that changes little writes little.
            -- json has no equality: the texts are compared (the engine writes the same text for the same values), and
            -- only texts that differ are compared as values, since a row converted by a migration or imported from a
            -- document holds the same values in another spacing or key order.
            WHERE matches.score IS DISTINCT FROM EXCLUDED.score
               OR (matches.components::text IS DISTINCT FROM EXCLUDED.components::text AND matches.components::jsonb IS DISTINCT FROM EXCLUDED.components::jsonb)
               OR matches.reason IS DISTINCT FROM EXCLUDED.reason
               OR (matches.reason_parts::text IS DISTINCT FROM EXCLUDED.reason_parts::text AND matches.reason_parts::jsonb IS DISTINCT FROM EXCLUDED.reason_parts::jsonb)
               OR matches.engine_version IS DISTINCT FROM EXCLUDED.engine_version
               OR matches.weights_version IS DISTINCT FROM EXCLUDED.weights_version`,
          [String(MATCHING_ENGINE_VERSION), weightsVersion],
        );
      }
      // NOT IN over a subquery is planned as a hashed subplan: linear even when the table's statistics are stale
      // (a first full rescore), where the NOT EXISTS form could become a quadratic nested loop.
      await m.query(
        `DELETE FROM matches m
          WHERE m.request_id = ANY($1::uuid[]) AND m.status = ${SUGGESTED} AND m.origin = ${ENGINE}
            AND (m.request_id, m.offer_id) NOT IN (SELECT k.request_id, k.offer_id FROM ${STAGE} k)`,
        [requestIds],
      );
      if (results.length) await this.stampFirstSuggestion(m, scored);
      return { written: results.length, stale };
    });
  }

  /**
   * The first scoring of requests that have no match at all yet (a new request, a registry just seeded or imported)
   * has nothing to update, revive or delete: its rows are COPYed straight into `matches`, written once instead of
   * staged and upserted. Under the suggestions lock no other engine write can add rows for these requests; a match a
   * person proposes for one of the same pairs meanwhile makes the COPY fail on the unique pair, and the write then
   * takes the staging path (the savepoint undoes the COPY, the transaction goes on). Returns whether it wrote.
   */
  private async firstScoring(m: EntityManager, requestIds: string[], results: MatchResult[], weightsVersion: number): Promise<boolean> {
    // One index probe per request: `request_id = ANY(…) LIMIT 1` becomes a scan of the whole table when the planner's
    // statistics are stale (as during a first full rescore; 270 ms at 100,000 matches instead of 1 ms).
    const [existing]: unknown[] = await m.query(
      `SELECT 1 FROM unnest($1::uuid[]) AS k(id) WHERE EXISTS (SELECT 1 FROM matches m WHERE m.request_id = k.id) LIMIT 1`,
      [requestIds],
    );
    if (existing) return false;
    // The transaction's now(), as the upsert writes it: the same scored_at whichever path a row takes. Spelled in
    // UTC with its offset, so that no session setting (DateStyle, time zone abbreviations) changes how it reads back.
    const [{ now }]: { now: string }[] = await m.query(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00"') AS now`);
    // engine_version, weights_version, scored_at, origin, status, version: as the upsert below sets them.
    const tail = `\t${copyText(String(MATCHING_ENGINE_VERSION))}\t${weightsVersion}\t${now}\t${ENGINE_ORIGIN}\t${SUGGESTED_STATUS}\t1\n`;
    const line = (r: MatchResult) => scoredFields(r) + tail;
    await m.query(`SAVEPOINT first_scoring`);
    try {
      const client = (await m.queryRunner!.connect()) as PoolClient;
      await pipeline(
        Readable.from(copyPieces(results, line)),
        client.query(copyFrom(`COPY matches (${SCORED_COLUMNS}, engine_version, weights_version, scored_at, origin, status, version) FROM STDIN`)),
      );
    } catch (err) {
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
      await m.query(`ROLLBACK TO SAVEPOINT first_scoring`);
      return false;
    }
    await m.query(`RELEASE SAVEPOINT first_scoring`);
    return true;
  }

  /** When a request first had suggestions (the report's time to first suggestion): kept once, never moved. */
  private async stampFirstSuggestion(m: EntityManager, requestIds: string[]): Promise<void> {
    await m.query(`INSERT INTO request_first_suggestions (request_id, suggested_at) SELECT id, now() FROM unnest($1::uuid[]) AS id ON CONFLICT DO NOTHING`, [
      requestIds,
    ]);
  }

  /**
   * A suggestion retired because its offer left matching (paused, exhausted …) comes back when the engine ranks
   * the pair again, i.e. once the offer is active: with its history entry and event, like any other transition.
   */
  private async reviveRetired(m: EntityManager, requestIds: string[]): Promise<void> {
    await m.query(
      `WITH revived AS (
         UPDATE matches m SET status = ${SUGGESTED}, retired_reason = NULL, version = m.version + 1, updated_at = now()
           FROM ${STAGE} k
          WHERE m.request_id = ANY($1::uuid[]) AND m.status = ${RETIRED} AND m.request_id = k.request_id AND m.offer_id = k.offer_id
          RETURNING m.id, m.request_id, m.offer_id),
       history AS (
         INSERT INTO history_entries (subject_type, subject_id, action, from_status, to_status, actor_role)
         SELECT 'match', id, ${REVIVE}, ${RETIRED}, ${SUGGESTED}, $2 FROM revived)
       INSERT INTO outbox_events (type, subject_type, subject_id, payload)
       SELECT $3, 'match', id, jsonb_build_object('from', ${RETIRED}, 'to', ${SUGGESTED}, 'requestId', request_id, 'offerId', offer_id)
         FROM revived`,
      [requestIds, SYSTEM_ROLE, MATCH_EVENT.revive],
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
      `UPDATE matches m SET score = k.score, components = k.components, reason = k.reason, reason_parts = k.reason_parts,
              engine_version = $6, weights_version = $7, scored_at = now(),
              updated_at = CASE WHEN m.status = ${SUGGESTED} THEN now() ELSE m.updated_at END
         FROM unnest($1::uuid[], $2::float8[], $3::json[], $4::text[], $5::json[]) AS k(id, score, components, reason, reason_parts)
        WHERE m.id = k.id`,
      [
        results.map((r) => r.matchId),
        results.map((r) => r.score),
        results.map((r) => storedComponentsJson(r.components)),
        results.map((r) => r.reason),
        results.map((r) => (r.reasonParts ? JSON.stringify(r.reasonParts) : null)),
        String(MATCHING_ENGINE_VERSION),
        weightsVersion,
      ],
    );
  }
}
