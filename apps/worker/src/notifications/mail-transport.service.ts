import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@app/config';
import { createMailTransport, smtpUrl } from '@app/mail';

/** The worker process's one pooled SMTP transport, closed when the process shuts down. */
@Injectable()
export class MailTransportService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransportService.name);
  readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.transport = createMailTransport(config.mail);
    const url = new URL(smtpUrl(config.mail));
    this.logger.log(`E-mail goes to ${url.hostname}:${url.port || 25}${config.mail.SMTP_URL ? '' : ' (the demo mail catcher)'}`);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
