import { Injectable, Logger } from '@nestjs/common';
import type { Queue, RepeatOptions } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '@app/queue';

interface SchedulerSpec {
  queue: Queue;
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
}

/**
 * The repeatable jobs (mail sweep, reminders, digest, offer expiry, nightly rescore, upload sweep) live only in Redis. Feature
 * processors declare them here; the recovery loop re-creates any that are missing — at start, when Redis
 * reconnects and periodically — so a Redis that lost its data gets them back without a worker restart.
 */
@Injectable()
export class JobSchedulers {
  private readonly logger = new Logger(JobSchedulers.name);
  private readonly specs: SchedulerSpec[] = [];

  declare(queue: Queue, id: string, repeat: SchedulerSpec['repeat']): void {
    this.specs.push({ queue, id, repeat });
  }

  /** Creates the schedulers that are missing; returns their ids. */
  async ensure(): Promise<string[]> {
    const created: string[] = [];
    for (const { queue, id, repeat } of this.specs) {
      // Only when missing: upserting an existing `every` scheduler would move its next run.
      if (await queue.getJobScheduler(id)) continue;
      await queue.upsertJobScheduler(id, repeat, { name: id, opts: DEFAULT_JOB_OPTIONS });
      created.push(id);
    }
    if (created.length) this.logger.log(`Job schedulers created: ${created.join(', ')}`);
    return created;
  }
}
