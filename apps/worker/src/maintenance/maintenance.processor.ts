import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '@app/queue';
import { OfferExpiryService } from './offer-expiry.service';

const HOUR = 3600_000;

/** Scheduled housekeeping. Schedulers are upserted by id, so every worker process may declare them. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly offerExpiry: OfferExpiryService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Hourly; a repeatable job with `every` also runs once at once, so a worker that was down catches up.
    await this.queue.upsertJobScheduler(JOBS.expireOffers, { every: HOUR }, { name: JOBS.expireOffers, opts: DEFAULT_JOB_OPTIONS });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.expireOffers:
        return { expired: await this.offerExpiry.expireDueOffers() };
      default:
        throw new Error(`Unknown maintenance job ${job.name}`);
    }
  }
}
