import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleInit } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { RescoreRunEntity, sweepAbandonedUploads } from '@app/database';
import { UnitOfWork } from '@app/outbox';
import { JOBS, QUEUES, retryingOutages } from '@app/queue';
import { JobSchedulers } from '../recovery/job-schedulers';
import { OfferExpiryService } from './offer-expiry.service';

const HOUR = 3600_000;

/** Scheduled housekeeping. Schedulers are created by id (JobSchedulers), so every worker process may declare them. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly offerExpiry: OfferExpiryService,
    private readonly uow: UnitOfWork,
    private readonly schedulers: JobSchedulers,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  onModuleInit(): void {
    // Hourly; a repeatable job with `every` also runs once at once, so a worker that was down catches up.
    this.schedulers.declare(this.queue, JOBS.expireOffers, { every: HOUR });
    // DESIGN §6.6: a nightly full rescore (02:00 UTC), so prior work, dates and text statistics stay current.
    this.schedulers.declare(this.queue, JOBS.nightlyRescore, { pattern: '0 2 * * *', tz: 'UTC' });
    // The pending chunks of uploads whose API process died mid-transfer (docs/documents.md).
    this.schedulers.declare(this.queue, JOBS.sweepUploads, { every: HOUR });
  }

  /** Starts a full rescore the way the API does: a run row and its event, through the outbox. */
  private async startNightlyRescore(): Promise<string> {
    return this.uow.run(null, async (tx) => {
      const run = await tx.manager.save(tx.manager.create(RescoreRunEntity, { trigger: 'nightly' }));
      await tx.emit({ type: 'matching.rescore_requested', subjectType: 'rescore', subjectId: run.id, payload: { trigger: 'nightly' } });
      return run.id;
    });
  }

  async process(job: Job, token?: string): Promise<unknown> {
    return retryingOutages(job, token, () => this.run(job));
  }

  private async run(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.expireOffers:
        return { expired: await this.offerExpiry.expireDueOffers() };
      case JOBS.nightlyRescore:
        return { rescoreId: await this.startNightlyRescore() };
      case JOBS.sweepUploads: {
        const swept = await sweepAbandonedUploads(this.dataSource);
        if (swept) this.logger.warn(`Removed the pending bytes of ${swept} abandoned uploads`);
        return { swept };
      }
      default:
        throw new Error(`Unknown maintenance job ${job.name}`);
    }
  }
}
