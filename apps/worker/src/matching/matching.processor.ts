import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { sqlValue } from '@app/common';
import { AssistanceOfferEntity, AssistanceRequestEntity, RescoreRunEntity, type RescoreStatus } from '@app/database';
import type { MatchStatus } from '@app/domain';
import { MatchingEngine, MatchResult } from '@app/matching';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES, RescoreChunkJob, RescoreStartJob, retryingOutages, ScoreOfferJob, ScoreRequestJob } from '@app/queue';
import { MatchingDataService, toMatchableOffer, toMatchableRequest } from './matching-data.service';
import { MatchWriter, type ReadSnapshot } from './match-writer.service';
import { recordWork, scoreRequestJob, workKeyOf } from './matching-triggers';

export const RESCORE_CHUNK_SIZE = 500;

const SUGGESTED = sqlValue('suggested' satisfies MatchStatus);

/**
 * The matching engine's jobs (DESIGN §6). Every job reloads what it scores, so a retry after a crash redoes
 * the same work and the upsert on (request, offer) leaves exactly one row per pair.
 */
@Processor(QUEUES.matching, { concurrency: 2, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 5 })
export class MatchingProcessor extends WorkerHost {
  private readonly logger = new Logger(MatchingProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly data: MatchingDataService,
    private readonly writer: MatchWriter,
    @InjectQueue(QUEUES.matching) private readonly queue: Queue,
  ) {
    super();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(`${job?.name ?? 'job'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${err.message}`);
  }

  /** A PostgreSQL or Redis outage postpones the job without using an attempt. */
  async process(job: Job, token?: string): Promise<unknown> {
    return retryingOutages(job, token, () => this.run(job));
  }

  /**
   * Runs the job, then clears its `matching_work` row — unless a new trigger renewed it meanwhile (the job may
   * have read the older data; the trigger's own run clears it). A full rescore's row is cleared when its last
   * chunk is done, so chunks Redis lost are planned again by recovery.
   */
  private async run(job: Job): Promise<unknown> {
    const key = workKeyOf(job);
    const generation = key ? await this.claimWork(key, job) : null;
    const result = await this.dispatch(job);
    const fannedOut = job.name === JOBS.rescoreStart && (result as { chunks: number }).chunks > 0;
    if (key && !fannedOut) await this.finishWork(key, generation!);
    return result;
  }

  /**
   * The job is added inside the event's transaction, so it may start before that commits. Inserting the row's
   * key waits for that transaction (its row is still uncommitted) — the job then reads committed data — and
   * answers the generation this run covers (0: no event asked for it, or its transaction rolled back).
   */
  private async claimWork(key: string, job: Job): Promise<number> {
    const [row]: { generation: number }[] = await this.dataSource.query(
      `INSERT INTO matching_work (key, job_name, data, generation) VALUES ($1, $2, $3, 0)
       ON CONFLICT (key) DO UPDATE SET requested_at = matching_work.requested_at RETURNING generation`,
      [key, job.name, JSON.stringify(job.data)],
    );
    return row.generation;
  }

  private async finishWork(key: string, generation?: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM matching_work WHERE key = $1 AND ($2::int IS NULL OR generation = $2)`, [key, generation ?? null]);
  }

  private async dispatch(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.scoreRequest:
        return this.scoreRequests([(job.data as ScoreRequestJob).requestId], true);
      case JOBS.scoreOffer:
        return this.scoreOffer((job.data as ScoreOfferJob).offerId);
      case JOBS.rescoreStart:
        return this.startRescore((job.data as RescoreStartJob).rescoreId);
      case JOBS.rescoreChunk:
        return this.rescoreChunk(job.data as RescoreChunkJob);
      default:
        throw new Error(`Unknown matching job ${job.name}`);
    }
  }

  /** Top-k for each request; requests no longer open lose their engine suggestions. */
  private async scoreRequests(ids: string[], removeClosed: boolean, engineIn?: MatchingEngine): Promise<{ requests: number; matches: number }> {
    const engine = engineIn ?? (await this.data.engine());
    const open = await this.data.openRequests(ids);
    const results: MatchResult[] = open.flatMap((r) => engine.scoreRequest(toMatchableRequest(r)));
    const { written, stale } = await this.writer.replaceSuggestions(removeClosed ? ids : open.map((r) => r.id), results, engine.profile.version, this.snapshot(open, engine));
    await this.refreshProposedMatches(open.filter((r) => !stale.includes(r.id)), results, engine);
    await this.scoreAgain(stale);
    return { requests: open.length, matches: written };
  }

  /** What this job read, for the writer to leave out requests another job has since rescored from newer data. */
  private snapshot(requests: AssistanceRequestEntity[], engine: MatchingEngine): ReadSnapshot {
    return {
      requestVersions: new Map(requests.map((r) => [r.id, r.version])),
      engineCurrent: (manager) => this.data.isCurrent(engine, manager),
    };
  }

  /** Requests whose write was left out: one more scoring job each (folded into any already waiting). */
  private async scoreAgain(requestIds: string[]): Promise<void> {
    if (!requestIds.length) return;
    this.logger.debug(`Scoring ${requestIds.length} request(s) again: their data changed while they were scored`);
    const jobs = requestIds.map((requestId) => scoreRequestJob(requestId));
    for (const job of jobs) await recordWork(this.dataSource, job);
    await this.queue.addBulk(jobs);
  }

  /** Matches people proposed (or acted on) that are outside the top-k still get a current score. */
  private async refreshProposedMatches(requests: AssistanceRequestEntity[], kept: MatchResult[], engine: MatchingEngine): Promise<void> {
    if (!requests.length) return;
    const keptKeys = new Set(kept.map((r) => `${r.requestId}:${r.offerId}`));
    // Served by ix_matches_request_acted, whose predicate is this condition word for word (migration 1796310000000).
    const others: { id: string; request_id: string; offer_id: string }[] = await this.dataSource.query(
      `SELECT id, request_id, offer_id FROM matches WHERE request_id = ANY($1::uuid[]) AND NOT (origin = 'engine' AND status = ${SUGGESTED})`,
      [requests.map((r) => r.id)],
    );
    const byId = new Map(requests.map((r) => [r.id, toMatchableRequest(r)]));
    const rescored = others
      .filter((m) => !keptKeys.has(`${m.request_id}:${m.offer_id}`))
      .map((m) => {
        const pair = engine.scorePair(byId.get(m.request_id)!, m.offer_id);
        return pair?.eligible ? { ...pair.result, matchId: m.id } : null;
      })
      .filter((r): r is MatchResult & { matchId: string } => r !== null);
    await this.writer.updatePairScores(rescored, engine.profile.version);
  }

  /**
   * An offer changed. If it is matchable, the requests where it now reaches the top-k are rescored; if not,
   * the requests that had it among their suggestions are rescored without it.
   */
  private async scoreOffer(offerId: string): Promise<{ requests: number }> {
    const offer = await this.dataSource.getRepository(AssistanceOfferEntity).findOneBy({ id: offerId });
    const engine = await this.data.engine();
    const affected = new Set<string>(
      (await this.dataSource.query(`SELECT request_id FROM matches WHERE offer_id = $1 AND status = ${SUGGESTED}`, [offerId])).map(
        (r: { request_id: string }) => r.request_id,
      ),
    );
    if (offer?.status === 'active') {
      const open = await this.data.openRequests();
      const pairs = engine.scoreOffer(toMatchableOffer(offer), open.map(toMatchableRequest));
      // A pair enters a request's top-k only if it beats the request's current k-th score.
      const floors: { request_id: string; n: number; floor: number }[] = await this.dataSource.query(
        `SELECT request_id, count(*)::int AS n, min(score) AS floor FROM matches
          WHERE request_id = ANY($1::uuid[]) AND origin = 'engine' AND status = ${SUGGESTED} GROUP BY request_id`,
        [pairs.map((p) => p.requestId)],
      );
      const byRequest = new Map(floors.map((f) => [f.request_id, f]));
      for (const p of pairs) {
        const f = byRequest.get(p.requestId);
        if (!f || f.n < engine.profile.topK || p.score >= f.floor) affected.add(p.requestId);
      }
    } else {
      engine.removeOffer(offerId);
    }
    for (let i = 0; i < affected.size; i += RESCORE_CHUNK_SIZE) {
      await this.scoreRequests([...affected].slice(i, i + RESCORE_CHUNK_SIZE), false, engine);
    }
    return { requests: affected.size };
  }

  /** Fans a full rescore out as chunk jobs over a fixed snapshot of request ids, so several workers share it. */
  private async startRescore(rescoreId: string): Promise<{ chunks: number }> {
    const run = await this.dataSource.getRepository(RescoreRunEntity).findOneBy({ id: rescoreId });
    if (!run) return { chunks: 0 };
    let chunks: RescoreChunkJob[];
    if (run.status === 'queued') {
      const ids = await this.data.openRequestIds();
      chunks = [];
      for (let i = 0; i < ids.length; i += RESCORE_CHUNK_SIZE) {
        chunks.push({ rescoreId, index: chunks.length, fromId: i === 0 ? null : ids[i - 1], toId: ids[Math.min(i + RESCORE_CHUNK_SIZE, ids.length) - 1] });
      }
      await this.dataSource.query(
        `UPDATE rescore_runs SET status = $2, total_chunks = $3, requests = $4, started_at = now(), finished_at = CASE WHEN $3 = 0 THEN now() END,
                chunk_plan = $5 WHERE id = $1 AND status = ${sqlValue('queued' satisfies RescoreStatus)}`,
        [rescoreId, (chunks.length ? 'running' : 'completed') satisfies RescoreStatus, chunks.length, ids.length, JSON.stringify(chunks)],
      );
    } else {
      // A retry after the plan was saved: enqueue the same chunks again (their job ids make this harmless).
      chunks = (run.chunkPlan ?? []) as RescoreChunkJob[];
    }
    await Promise.all(
      chunks.map((c) =>
        this.queue.add(JOBS.rescoreChunk, c, { ...DEFAULT_JOB_OPTIONS, jobId: `rescore-chunk.${rescoreId}.${c.index}` }),
      ),
    );
    return { chunks: chunks.length };
  }

  private async rescoreChunk(chunk: RescoreChunkJob): Promise<{ requests: number }> {
    const engine = await this.data.engine();
    const requests = await this.data.openRequests(undefined, { fromId: chunk.fromId, toId: chunk.toId });
    const results = requests.flatMap((r) => engine.scoreRequest(toMatchableRequest(r)));
    const { stale } = await this.writer.replaceSuggestions(requests.map((r) => r.id), results, engine.profile.version, this.snapshot(requests, engine));
    await this.refreshProposedMatches(requests.filter((r) => !stale.includes(r.id)), results, engine);
    await this.scoreAgain(stale);
    // Progress counts each chunk once, however often it ran.
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[row]] = await this.dataSource.query(
      `UPDATE rescore_runs SET done_chunks = CASE WHEN $2 = ANY(done_chunks) THEN done_chunks ELSE array_append(done_chunks, $2) END
        WHERE id = $1 RETURNING cardinality(done_chunks) AS done, total_chunks AS total`,
      [chunk.rescoreId, chunk.index],
    );
    if (row && row.done >= row.total) {
      await this.dataSource.query(`UPDATE rescore_runs SET status = ${sqlValue('completed' satisfies RescoreStatus)}, finished_at = now() WHERE id = $1 AND status = ${sqlValue('running' satisfies RescoreStatus)}`, [chunk.rescoreId]);
      await this.finishWork(`rescore-start.${chunk.rescoreId}`);
      this.logger.log(`Rescore ${chunk.rescoreId} completed`);
    }
    return { requests: requests.length };
  }
}
