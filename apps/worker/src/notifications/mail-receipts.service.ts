import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { fetchReceipt, MailReceipt, receiptsUrl } from '@app/mail';

/**
 * The receipts source the worker asks before sending again a delivery found `sending` (a worker died between
 * handing the message over and recording the outcome): SMTP_RECEIPTS_URL, or the demo catcher's. Without one
 * the guarantee stays at-least-once in that window (docs/notifications.md).
 */
@Injectable()
export class MailReceiptsService {
  private readonly logger = new Logger(MailReceiptsService.name);
  private readonly url: string | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.url = receiptsUrl(config.mail);
    this.logger.log(this.url ? `Mail receipts: ${this.url}` : 'No mail receipts source: a message in flight when a worker dies is sent again');
  }

  get enabled(): boolean {
    return this.url !== undefined;
  }

  /** The receipt of a Message-ID, or null when the store has not received it. Throws when the source does not answer. */
  received(messageId: string): Promise<MailReceipt | null> {
    if (!this.url) return Promise.resolve(null);
    return fetchReceipt(this.url, messageId);
  }
}
