import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, EventJob, isOutageMessage, JOBS, QUEUES } from '@app/queue';
import { eventQueueOf } from './event-lanes';

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
  ) {}

  /** The event's lane (see eventQueueOf). */
  private queueOf(type: string): Queue<EventJob> {
    return eventQueueOf(type) === QUEUES.matchingEvents ? this.matchingEvents : this.events;
  }

  /** Enqueues up to `limit` pending events; returns how many. */
  async flush(limit = 500): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; type: string }[] = await manager.query(
        `SELECT id, type FROM outbox_events WHERE enqueued_at IS NULL
         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      // One add per job: addBulk does not de-duplicate by job id (STACK.md).
      await Promise.all(
        rows.map((r) =>
          this.queueOf(r.type).add(JOBS.event, { eventId: r.id, type: r.type }, { ...DEFAULT_JOB_OPTIONS, jobId: r.id }),
        ),
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
