import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { MATCHING_EVENT_TYPES, OFFER_TRIGGERS, REQUEST_TRIGGERS } from '@app/outbox';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES, type ScoreRequestJob } from '@app/queue';
import { EventHandlerRegistry } from '../events/event-handler.registry';

/**
 * Turns events into matching jobs. Which events (REQUEST_TRIGGERS, OFFER_TRIGGERS: DESIGN §6.6) is kept in
 * libs/outbox/src/event-lanes.ts, because the relay sends them on their own queue. Job ids come from business
 * keys (BullMQ deduplication): while a request's scoring job waits, more triggers for the same request add
 * nothing; a trigger that arrives while the job runs (it may have read the old data) queues exactly one more run
 * after it (`keepLastIfActive`). Each job is also written to `matching_work` in the event's transaction, so work Redis forgets is enqueued again (recordWork).
 */
@Injectable()
export class MatchingTriggers implements OnModuleInit {
  constructor(
    private readonly registry: EventHandlerRegistry,
    @InjectQueue(QUEUES.matching) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    for (const type of REQUEST_TRIGGERS) this.registry.on(type, 'matching', (e, m) => this.enqueue(m, scoreRequestJob(e.subjectId)));
    for (const type of OFFER_TRIGGERS) this.registry.on(type, 'matching', (e, m) => this.enqueue(m, scoreOfferJob(e.subjectId)));
    this.registry.on('match.created', 'matching', (e, m) => this.enqueue(m, scoreRequestJob(e.payload.requestId)));
    this.registry.on('matching.rescore_requested', 'matching', (e, m) => this.enqueue(m, rescoreStartJob(e)));
    // Each of these events travels on the matching lane (`matching-events`); one missing there would still be
    // handled, but could wait behind a notification burst.
    const registered: string[] = [...REQUEST_TRIGGERS, ...OFFER_TRIGGERS, 'match.created', 'matching.rescore_requested'];
    if (registered.length !== MATCHING_EVENT_TYPES.size || registered.some((t) => !MATCHING_EVENT_TYPES.has(t))) {
      throw new Error('MATCHING_EVENT_TYPES (libs/outbox) must list exactly the events MatchingTriggers handles');
    }
  }

  private async enqueue(manager: EntityManager, job: MatchingJob): Promise<void> {
    await recordWork(manager, job);
    await this.queue.add(job.name, job.data, job.opts);
  }
}

export interface MatchingJob {
  /** The business key: the deduplication id or job id, and `matching_work`'s key. */
  key: string;
  name: string;
  data: Record<string, unknown>;
  opts: JobsOptions;
}

/** Records (or renews) the work in PostgreSQL; the job clears it when done (MatchingProcessor.finishWork). */
export async function recordWork(manager: Pick<EntityManager, 'query'>, job: MatchingJob): Promise<void> {
  await manager.query(
    `INSERT INTO matching_work (key, job_name, data) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET generation = matching_work.generation + 1, requested_at = now(), data = EXCLUDED.data`,
    [job.key, job.name, JSON.stringify(job.data)],
  );
}

/** The `matching_work` key of a job this module enqueues, or null for jobs that have none (rescore chunks). */
export function workKeyOf(job: { name: string; data: Record<string, unknown> }): string | null {
  switch (job.name) {
    case JOBS.scoreRequest:
      return `score-request.${String(job.data.requestId)}`;
    case JOBS.scoreOffer:
      return `score-offer.${String(job.data.offerId)}`;
    case JOBS.rescoreStart:
      return `rescore-start.${String(job.data.rescoreId)}`;
    default:
      return null;
  }
}

export function scoreOfferJob(offerId: string): MatchingJob {
  const key = `score-offer.${offerId}`;
  return { key, name: JOBS.scoreOffer, data: { offerId }, opts: { ...DEFAULT_JOB_OPTIONS, deduplication: { id: key, keepLastIfActive: true } } };
}

export function rescoreStartJob(event: { subjectId: string }): MatchingJob {
  const key = `rescore-start.${event.subjectId}`;
  return { key, name: JOBS.rescoreStart, data: { rescoreId: event.subjectId }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: key } };
}

/** The job that scores one request, keyed by the request (see MatchingTriggers). */
export function scoreRequestJob(requestId: string): MatchingJob & { data: ScoreRequestJob } {
  const key = `score-request.${requestId}`;
  return { key, name: JOBS.scoreRequest, data: { requestId }, opts: { ...DEFAULT_JOB_OPTIONS, deduplication: { id: key, keepLastIfActive: true } } };
}
