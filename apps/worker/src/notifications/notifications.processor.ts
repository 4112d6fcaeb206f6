import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnModuleInit } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JOBS, QUEUES, retryingOutages } from '@app/queue';
import { JobSchedulers } from '../recovery/job-schedulers';
import { DigestService } from './digest.service';
import { MailSweepService } from './mail-sweep.service';
import { RemindersService } from './reminders.service';

/**
 * Scheduled notification work on its own queue. Schedulers are created by id (JobSchedulers, which also
 * re-creates them when Redis lost them), so every worker process may declare them; BullMQ runs each occurrence once.
 */
@Processor(QUEUES.notifications)
export class NotificationsProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly digests: DigestService,
    private readonly reminders: RemindersService,
    private readonly sweep: MailSweepService,
    private readonly schedulers: JobSchedulers,
  ) {
    super();
  }

  onModuleInit(): void {
    this.schedulers.declare(this.queue, JOBS.digest, { pattern: this.config.mail.DIGEST_CRON, tz: 'UTC' });
    // An `every` scheduler also runs once at once, so a worker that was down catches up on reminders.
    this.schedulers.declare(this.queue, JOBS.reminders, { every: this.config.mail.REMINDERS_EVERY_MINUTES * 60_000 });
    this.schedulers.declare(this.queue, JOBS.mailSweep, { every: 60_000 });
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(`${job?.name ?? 'job'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${err.message}`);
  }

  async process(job: Job, token?: string): Promise<unknown> {
    return retryingOutages(job, token, () => this.run(job));
  }

  private async run(job: Job): Promise<unknown> {
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
