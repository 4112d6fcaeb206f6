import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { CaughtMessage, demoCatcherEnabled, MailCatcher } from '@app/mail';

/**
 * Demo and development mode (no SMTP_URL): an SMTP catcher in this process on DEMO_SMTP_PORT (loopback), to
 * which the worker sends; its messages are the demo mailbox. With a real SMTP server configured it never
 * starts, and the mailbox route answers 404.
 */
@Injectable()
export class DemoMailboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DemoMailboxService.name);
  private readonly catcher: MailCatcher | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.catcher = demoCatcherEnabled(config.mail) ? new MailCatcher({ port: config.mail.DEMO_SMTP_PORT, keep: config.mail.MAIL_CATCHER_KEEP }) : null;
  }

  get enabled(): boolean {
    return this.catcher !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.catcher) return;
    try {
      await this.catcher.start();
      this.logger.log(`Demo mail catcher on smtp://127.0.0.1:${this.catcher.port}; mailbox at GET /api/v1/dev/mailbox`);
    } catch (err) {
      // Most often another demo API holds the port; the API still serves, with an empty mailbox.
      this.logger.error(`Demo mail catcher could not listen on 127.0.0.1:${this.config.mail.DEMO_SMTP_PORT}: ${(err as Error).message}`);
    }
    try {
      await this.catcher.startReceipts(this.config.mail.DEMO_RECEIPTS_PORT);
    } catch (err) {
      this.logger.warn(`Demo mail receipts could not listen on 127.0.0.1:${this.config.mail.DEMO_RECEIPTS_PORT}: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.catcher?.stop();
  }

  /** Newest first. */
  messages(): CaughtMessage[] {
    return this.catcher?.list() ?? [];
  }
}
