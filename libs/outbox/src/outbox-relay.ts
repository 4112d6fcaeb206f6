import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, EventJob, isOutageMessage, JOBS, QUEUES, REDIS_CLIENT } from '@app/queue';
import { eventQueueOf } from './event-lanes';

/**
 * How long a flush waits for Redis to take its jobs. A client that is not connected queues commands until it is, so
 * without a bound a flush during a Redis outage would hold its PostgreSQL transaction (and connection) open for as
 * long as the outage lasts: a few writes would empty the pool. Past the bound the transaction rolls back and the
 * events wait for the worker's poller; an add that still lands later is harmless (the job id is the event id).
 */
export const ENQUEUE_TIMEOUT_MS = 2_000;

/** `work`, or an error once `ms` have passed. */
function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Moves committed outbox events into their queue (`events`, or `matching-events` for those that set matching to work). Rows are claimed with SKIP LOCKED so the API's
 * post-commit flush and the worker's poller never enqueue the same batch concurrently; the job id is the
 * event id, so a re-run after a crash between enqueue and marking is recognised by BullMQ as a duplicate.
 */
@Injectable()
export class OutboxRelay {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.events) private readonly events: Queue<EventJob>,
    @InjectQueue(QUEUES.matchingEvents) private readonly matchingEvents: Queue<EventJob>,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  /** The event's lane (see eventQueueOf). */
  private queueOf(type: string): Queue<EventJob> {
    return eventQueueOf(type) === QUEUES.matchingEvents ? this.matchingEvents : this.events;
  }

  /**
   * Enqueues up to `limit` pending events; returns how many. Nothing is claimed while the process's Redis client is
   * not connected (an outage): the events wait in the outbox for the worker's poller.
   */
  async flush(limit = 500): Promise<number> {
    if (this.redis.status !== 'ready') return 0;
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; type: string }[] = await manager.query(
        `SELECT id, type FROM outbox_events WHERE enqueued_at IS NULL
         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      // One add per job: addBulk does not de-duplicate by job id (STACK.md).
      await within(
        ENQUEUE_TIMEOUT_MS,
        Promise.all(rows.map((r) => this.queueOf(r.type).add(JOBS.event, { eventId: r.id, type: r.type }, { ...DEFAULT_JOB_OPTIONS, jobId: r.id }))),
        'Redis did not take the events',
      );
      await manager.query(`UPDATE outbox_events SET enqueued_at = now() WHERE id = ANY($1::uuid[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  /**
   * The outbox is the truth, not Redis: an event is done when its handlers' transaction marked it processed.
   * Events enqueued more than `afterMs` ago and still unprocessed are checked against the queue: one whose job
   * is gone (Redis lost it) is enqueued again under the same job id, one whose job failed because a dependency
   * was down is retried. Jobs still waiting, delayed or running are left alone. Returns how many were recovered.
   */
  async recoverLost(afterMs: number, limit = 500): Promise<number> {
    const rows: { id: string; type: string }[] = await this.dataSource.query(
      `SELECT id, type FROM outbox_events WHERE processed_at IS NULL AND enqueued_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT $2`,
      [afterMs / 1000, limit],
    );
    let recovered = 0;
    for (const r of rows) {
      const queue = this.queueOf(r.type);
      const job = await queue.getJob(r.id);
      if (!job) {
        await queue.add(JOBS.event, { eventId: r.id, type: r.type }, { ...DEFAULT_JOB_OPTIONS, jobId: r.id });
        recovered++;
      } else if ((await job.getState()) === 'failed' && isOutageMessage(job.failedReason)) {
        // Another worker may retry it at the same moment; then this one finds it no longer failed.
        await job.retry('failed', { resetAttemptsMade: true }).then(() => recovered++, () => undefined);
      }
    }
    return recovered;
  }
}
