import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '@app/queue';
import { DigestService } from './digest.service';
import { MailSweepService } from './mail-sweep.service';
import { RemindersService } from './reminders.service';

/**
 * Scheduled notification work on its own queue. Schedulers are upserted by id, so every worker process may
 * declare them; BullMQ runs each occurrence once.
 */
@Processor(QUEUES.notifications)
export class NotificationsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly digests: DigestService,
    private readonly reminders: RemindersService,
    private readonly sweep: MailSweepService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(JOBS.digest, { pattern: this.config.mail.DIGEST_CRON, tz: 'UTC' }, { name: JOBS.digest, opts: DEFAULT_JOB_OPTIONS });
    // An `every` scheduler also runs once at once, so a worker that was down catches up on reminders.
    await this.queue.upsertJobScheduler(JOBS.reminders, { every: this.config.mail.REMINDERS_EVERY_MINUTES * 60_000 }, { name: JOBS.reminders, opts: DEFAULT_JOB_OPTIONS });
    await this.queue.upsertJobScheduler(JOBS.mailSweep, { every: 60_000 }, { name: JOBS.mailSweep, opts: DEFAULT_JOB_OPTIONS });
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(`${job?.name ?? 'job'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${err.message}`);
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.digest:
        return this.digests.sendDigests();
      case JOBS.reminders:
        return this.reminders.sendDue();
      case JOBS.mailSweep:
        return this.sweep.sweep();
      default:
        throw new Error(`Unknown notifications job ${job.name}`);
    }
  }
}
