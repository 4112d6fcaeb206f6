import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DeliveryStatus, NotificationDeliveryEntity } from '@app/database';
import { classifySmtpError, MailReceipt, neverDelivered } from '@app/mail';
import { isOutage, postpone, QUEUES, retryingOutages, SendEmailJob } from '@app/queue';
import { MailContentService } from './mail-content.service';
import { MailReceiptsService } from './mail-receipts.service';
import { MailTransportService } from './mail-transport.service';

/** The longest wait between two tries while the SMTP server cannot be reached, in OUTAGE_RETRY_MS (1 min by default). */
const SMTP_OUTAGE_MAX_DELAY_FACTOR = 12;
/** How long recording the server's acceptance in the job may hold up recording `sent` (Redis may be down). */
const ACCEPTANCE_MARK_TIMEOUT_MS = 1000;

/**
 * Sends one e-mail per delivery (job id = delivery id) through the process's pooled transport.
 *
 * Exactly one e-mail per notification, as far as SMTP allows: a delivery marked `sent` or `failed` is never
 * sent again. `sending` is recorded before the message goes out; the moment the server accepts it, the
 * acceptance is written into the job (Redis), then `sent` into PostgreSQL. A retry that finds the delivery
 * still `sending` reconciles: from the job (accepted → record `sent` without sending: PostgreSQL was down, or
 * the worker died, after the server said yes), else from the mail receipts source (MailReceiptsService: the
 * store has the Message-ID → `sent` without sending). Only without a receipts source, if the worker dies — or
 * Redis loses the job — in the milliseconds between the server's reply and that mark, is the message sent
 * again, with the same deterministic Message-ID, which mailbox stores de-duplicate (docs/notifications.md).
 *
 * 4xx replies throw, so BullMQ retries with exponential backoff; 5xx replies mark the delivery failed and
 * throw UnrecoverableError (no retry). An unreachable server (connection refused, reset, timeout before any
 * reply) and PostgreSQL or Redis outages postpone the job without using an attempt: the e-mail waits for the
 * outage to end instead of being written off. A connection lost after the message went out leaves the delivery
 * `sending`, so the retry reconciles as above: the server may have accepted it just before going away.
 */
@Processor(QUEUES.mail, { concurrency: 8, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 2 })
export class MailProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly content: MailContentService,
    private readonly mail: MailTransportService,
    private readonly receipts: MailReceiptsService,
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

  async process(job: Job<SendEmailJob>, token?: string): Promise<DeliveryStatus | 'missing'> {
    return retryingOutages(job, token, () => this.deliver(job, token));
  }

  private async deliver(job: Job<SendEmailJob>, token?: string): Promise<DeliveryStatus | 'missing'> {
    const delivery = await this.findDelivery(job.data);
    if (!delivery) {
      this.logger.warn(`Delivery ${job.data.deliveryId} does not exist (its event's transaction rolled back); nothing to send`);
      return 'missing';
    }
    if (delivery.status === 'sent' || delivery.status === 'failed') return delivery.status;
    if (delivery.status === 'sending' && job.data.accepted) {
      // The server accepted it on an earlier try; only the record was missing.
      this.logger.warn(`Delivery ${delivery.id}: the server accepted it at ${job.data.accepted.at}; recording it as sent without sending again`);
      await this.record(delivery.id, { status: 'sent', sentAt: new Date(job.data.accepted.at), smtpResponse: job.data.accepted.response });
      return 'sent';
    }
    if (delivery.status === 'sending' && (await this.reconcileFromReceipts(delivery, job, token))) return 'sent';
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
      // A refusal, or no connection at all: nothing was delivered (`pending`). A connection lost mid-session: the
      // server may have accepted the message before its reply was lost, so the delivery stays `sending` and the
      // retry asks the receipts before sending again.
      const retried = neverDelivered(err) ? ({ status: 'pending' } as const) : {};
      if (!failure.permanent && token && isOutage(err)) {
        // No server to talk to: wait for it with backoff, without using an attempt.
        await this.record(delivery.id, { ...retried, lastError: failure.message });
        const delay = Math.min(this.config.mail.MAIL_RETRY_DELAY_MS * 2 ** delivery.attempts, this.config.worker.OUTAGE_RETRY_MS * SMTP_OUTAGE_MAX_DELAY_FACTOR);
        return postpone(job, token, delay, failure.message);
      }
      const lastAttempt = failure.permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.record(delivery.id, { ...(lastAttempt ? { status: 'failed' } : retried), lastError: failure.message });
      if (failure.permanent) throw new UnrecoverableError(failure.message);
      throw new Error(failure.message, { cause: err });
    }
    const accepted = { at: new Date().toISOString(), response };
    await this.markAccepted(job, accepted);
    // Fault injection for the crash test: die after the server accepted, before the outcome is recorded.
    if (process.env.FAULT_INJECTION === 'exit-after-send' && this.config.app.NODE_ENV !== 'production') {
      process.kill(process.pid, 'SIGKILL');
    }
    await this.record(delivery.id, { status: 'sent', sentAt: new Date(accepted.at), smtpResponse: response });
    return 'sent';
  }

  /**
   * A delivery left `sending` with no acceptance noted: the message may or may not have reached the server.
   * The receipts source decides; true when it has the message (recorded `sent`, nothing sent). A source that
   * does not answer postpones the job like any outage, rather than risking a second copy.
   */
  private async reconcileFromReceipts(delivery: NotificationDeliveryEntity, job: Job<SendEmailJob>, token?: string): Promise<boolean> {
    const attempt = `Delivery ${delivery.id}: attempt ${delivery.attempts} may have reached the server`;
    if (!this.receipts.enabled) {
      this.logger.warn(`${attempt}; sending again with the same Message-ID ${delivery.messageId}`);
      return false;
    }
    let receipt: MailReceipt | null;
    try {
      receipt = await this.receipts.received(delivery.messageId);
    } catch (err) {
      const reason = `the mail receipts source did not answer (${(err as Error).message})`;
      if (!token) throw new Error(reason, { cause: err });
      return postpone(job, token, this.config.worker.OUTAGE_RETRY_MS, reason);
    }
    if (!receipt) {
      this.logger.warn(`${attempt}; the receipts source has no ${delivery.messageId}, so sending it`);
      return false;
    }
    this.logger.warn(`${attempt}; the receipts source received ${delivery.messageId} at ${receipt.receivedAt}, recording it as sent without sending again`);
    await this.record(delivery.id, { status: 'sent', sentAt: new Date(receipt.receivedAt), smtpResponse: `Reconciled: received at ${receipt.receivedAt} (mail receipts)` });
    return true;
  }

  /**
   * Writes the server's acceptance into the job, so a retry (PostgreSQL down for the `sent` record, the worker
   * killed) reconciles instead of sending again. Bounded: with Redis down, `sent` is recorded without it.
   */
  private async markAccepted(job: Job<SendEmailJob>, accepted: NonNullable<SendEmailJob['accepted']>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ACCEPTANCE_MARK_TIMEOUT_MS)));
    try {
      await Promise.race([job.updateData({ ...job.data, accepted }), timeout]);
    } catch (err) {
      this.logger.warn(`Delivery ${job.data.deliveryId}: could not note the server's acceptance in the job (${(err as Error).message})`);
    } finally {
      clearTimeout(timer);
    }
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
