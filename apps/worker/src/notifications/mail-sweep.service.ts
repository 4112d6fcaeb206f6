import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@app/config';
import { NotificationRepository } from '@app/database';
import { isOutageMessage, JOBS, mailJobOptions, QUEUES, SendEmailJob } from '@app/queue';

/**
 * The safety net behind the mail jobs, like the outbox recovery behind the relay: a delivery still pending or
 * sending for longer than RECOVERY_AFTER_MS whose job is gone (Redis lost it, a digest run died before
 * enqueueing) gets its job back; one whose job failed because a dependency was down is retried; one whose job
 * failed for good is recorded as failed. Re-adding uses the delivery id as job id, so it never doubles. It runs
 * as a scheduled job and from the worker's recovery loop (so it works even while its scheduler is missing).
 */
@Injectable()
export class MailSweepService {
  private readonly logger = new Logger(MailSweepService.name);

  constructor(
    private readonly notifications: NotificationRepository,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue<SendEmailJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(): Promise<{ requeued: number; failed: number }> {
    const stuck = await this.notifications.unfinishedDeliveriesIdleFor(this.config.worker.RECOVERY_AFTER_MS / 1000);
    let requeued = 0;
    let failed = 0;
    const opts = mailJobOptions(this.config.mail.MAIL_RETRY_DELAY_MS, this.config.mail.MAIL_MAX_ATTEMPTS);
    for (const id of stuck) {
      const job = await this.mail.getJob(id);
      if (!job) {
        await this.mail.add(JOBS.sendEmail, { deliveryId: id }, { ...opts, jobId: id });
        requeued++;
      } else if ((await job.getState()) !== 'failed') {
        continue;
      } else if (isOutageMessage(job.failedReason)) {
        await job.retry('failed', { resetAttemptsMade: true }).then(() => requeued++, () => undefined);
      } else {
        await this.notifications.markDeliveryFailed(id, job.failedReason?.slice(0, 500) || 'Gave up');
        failed++;
      }
    }
    if (requeued || failed) this.logger.warn(`Mail sweep: ${requeued} deliveries re-enqueued, ${failed} recorded as failed`);
    return { requeued, failed };
  }
}
