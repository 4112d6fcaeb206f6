import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import type { OutboxEventEntity } from '@app/database';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES, type ScoreRequestJob } from '@app/queue';
import { EventHandlerRegistry } from '../events/event-handler.registry';

/** Which workflow events set the engine to work (DESIGN §6.6). */
export const REQUEST_TRIGGERS = ['request.circulated', 'request.updated', 'request.withdrawn', 'request.closed', 'request.matched', 'request.agreements_cancelled'];
export const OFFER_TRIGGERS = ['offer.verified', 'offer.updated', 'offer.paused', 'offer.resumed', 'offer.closed', 'offer.expired', 'offer.exhausted', 'offer.replenished'];

/**
 * Turns events into matching jobs. Job ids come from business keys (BullMQ deduplication): while a request's
 * scoring job waits, more triggers for the same request add nothing; a trigger that arrives while the job runs
 * (it may have read the old data) queues exactly one more run after it (`keepLastIfActive`).
 */
@Injectable()
export class MatchingTriggers implements OnModuleInit {
  constructor(
    private readonly registry: EventHandlerRegistry,
    @InjectQueue(QUEUES.matching) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    for (const type of REQUEST_TRIGGERS) this.registry.on(type, 'matching', (e) => this.scoreRequest(e.subjectId));
    for (const type of OFFER_TRIGGERS) this.registry.on(type, 'matching', (e) => this.scoreOffer(e.subjectId));
    this.registry.on('match.created', 'matching', (e) => this.scoreRequest(String(e.payload.requestId)));
    this.registry.on('matching.rescore_requested', 'matching', (e) => this.startRescore(e));
  }

  private async scoreRequest(requestId: string): Promise<void> {
    const { name, data, opts } = scoreRequestJob(requestId);
    await this.queue.add(name, data, opts);
  }

  private async scoreOffer(offerId: string): Promise<void> {
    await this.queue.add(JOBS.scoreOffer, { offerId }, { ...DEFAULT_JOB_OPTIONS, deduplication: { id: `score-offer.${offerId}`, keepLastIfActive: true } });
  }

  private async startRescore(event: OutboxEventEntity): Promise<void> {
    await this.queue.add(JOBS.rescoreStart, { rescoreId: event.subjectId }, { ...DEFAULT_JOB_OPTIONS, jobId: `rescore-start.${event.subjectId}` });
  }
}

/** The job that scores one request, keyed by the request (see MatchingTriggers). */
export function scoreRequestJob(requestId: string): { name: string; data: ScoreRequestJob; opts: JobsOptions } {
  return {
    name: JOBS.scoreRequest,
    data: { requestId },
    opts: { ...DEFAULT_JOB_OPTIONS, deduplication: { id: `score-request.${requestId}`, keepLastIfActive: true } },
  };
}
