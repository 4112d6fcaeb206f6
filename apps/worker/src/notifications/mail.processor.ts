import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DeliveryStatus, NotificationDeliveryEntity } from '@app/database';
import { classifySmtpError } from '@app/mail';
import { QUEUES, SendEmailJob } from '@app/queue';
import { MailContentService } from './mail-content.service';
import { MailTransportService } from './mail-transport.service';

/**
 * Sends one e-mail per delivery (job id = delivery id) through the process's pooled transport.
 *
 * Exactly one e-mail per notification: a delivery marked `sent` or `failed` is never sent again, and `sent`
 * is recorded right after the server accepted the message. What remains is the window between the server's
 * acceptance and that record (a crash, a lost reply): the retry finds the delivery still `sending` and sends
 * again with the same deterministic Message-ID, which the receiving mailbox de-duplicates. SMTP has no
 * idempotent submission, so this is the honest guarantee (docs/notifications.md).
 *
 * 4xx replies and connection errors throw, so BullMQ retries with exponential backoff; 5xx replies mark the
 * delivery failed and throw UnrecoverableError (no retry).
 */
@Processor(QUEUES.mail, { concurrency: 8, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 2 })
export class MailProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly content: MailContentService,
    private readonly mail: MailTransportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(`e-mail ${job?.id ?? ''} attempt ${job?.attemptsMade ?? '?'} failed: ${err.message}`);
  }

  /** Active sends finish before the transport closes (MailTransportService closes it on shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job<SendEmailJob>): Promise<DeliveryStatus | 'missing'> {
    const delivery = await this.findDelivery(job.data);
    if (!delivery) {
      this.logger.warn(`Delivery ${job.data.deliveryId} does not exist (its event's transaction rolled back); nothing to send`);
      return 'missing';
    }
    if (delivery.status === 'sent' || delivery.status === 'failed') return delivery.status;
    if (delivery.status === 'sending') {
      this.logger.warn(`Delivery ${delivery.id}: attempt ${delivery.attempts} may have reached the server; sending again with the same Message-ID ${delivery.messageId}`);
    }
    const message = await this.content.render(delivery);
    if (!message) {
      await this.record(delivery.id, { status: 'failed', lastError: 'The recipient’s account is no longer active' });
      return 'failed';
    }
    // From here until the outcome is recorded, the server may have the message: `sending` says so.
    await this.record(delivery.id, { status: 'sending', lastAttemptAt: new Date() }, true);
    let response: string;
    try {
      const info = await this.mail.transport.sendMail({
        from: this.config.mail.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: delivery.messageId,
      });
      response = String(info.response ?? '').slice(0, 500);
    } catch (err) {
      const failure = classifySmtpError(err);
      const lastAttempt = failure.permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.record(delivery.id, { status: lastAttempt ? 'failed' : 'pending', lastError: failure.message });
      if (failure.permanent) throw new UnrecoverableError(failure.message);
      throw new Error(failure.message, { cause: err });
    }
    // Fault injection for the crash test: die after the server accepted, before the outcome is recorded.
    if (process.env.FAULT_INJECTION === 'exit-after-send' && this.config.app.NODE_ENV !== 'production') {
      process.kill(process.pid, 'SIGKILL');
    }
    await this.record(delivery.id, { status: 'sent', sentAt: new Date(), smtpResponse: response });
    return 'sent';
  }

  /**
   * Mail jobs are added inside the event's transaction, so a job may run before that transaction commits.
   * Taking a share lock on the event's row waits for it; after that the delivery is visible, or it never
   * will be (the transaction rolled back and the event's retry makes new deliveries).
   */
  private async findDelivery({ deliveryId, eventId }: SendEmailJob): Promise<NotificationDeliveryEntity | null> {
    const repo = this.dataSource.getRepository(NotificationDeliveryEntity);
    const found = await repo.findOneBy({ id: deliveryId });
    if (found || !eventId) return found;
    await this.dataSource.transaction((m) => m.query('SELECT 1 FROM outbox_events WHERE id = $1 FOR SHARE', [eventId]));
    return repo.findOneBy({ id: deliveryId });
  }

  private async record(id: string, changes: Partial<NotificationDeliveryEntity>, countAttempt = false): Promise<void> {
    await this.dataSource.getRepository(NotificationDeliveryEntity).update({ id }, countAttempt ? { ...changes, attempts: () => 'attempts + 1' } : changes);
  }
}
