import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { RescoreRunEntity } from '@app/database';
import { UnitOfWork } from '@app/outbox';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '@app/queue';
import { OfferExpiryService } from './offer-expiry.service';

const HOUR = 3600_000;

/** Scheduled housekeeping. Schedulers are upserted by id, so every worker process may declare them. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly offerExpiry: OfferExpiryService,
    private readonly uow: UnitOfWork,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Hourly; a repeatable job with `every` also runs once at once, so a worker that was down catches up.
    await this.queue.upsertJobScheduler(JOBS.expireOffers, { every: HOUR }, { name: JOBS.expireOffers, opts: DEFAULT_JOB_OPTIONS });
    // DESIGN §6.6: a nightly full rescore (02:00 UTC), so prior work, dates and text statistics stay current.
    await this.queue.upsertJobScheduler(JOBS.nightlyRescore, { pattern: '0 2 * * *', tz: 'UTC' }, { name: JOBS.nightlyRescore, opts: DEFAULT_JOB_OPTIONS });
  }

  /** Starts a full rescore the way the API does: a run row and its event, through the outbox. */
  private async startNightlyRescore(): Promise<string> {
    return this.uow.run(null, async (tx) => {
      const run = await tx.manager.save(tx.manager.create(RescoreRunEntity, { trigger: 'nightly' }));
      await tx.emit({ type: 'matching.rescore_requested', subjectType: 'rescore', subjectId: run.id, payload: { trigger: 'nightly' } });
      return run.id;
    });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.expireOffers:
        return { expired: await this.offerExpiry.expireDueOffers() };
      case JOBS.nightlyRescore:
        return { rescoreId: await this.startNightlyRescore() };
      default:
        throw new Error(`Unknown maintenance job ${job.name}`);
    }
  }
}
