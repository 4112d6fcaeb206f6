import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { deliveryMessageId } from '@app/mail';
import { JOBS, mailJobOptions, QUEUES, SendEmailJob } from '@app/queue';

/**
 * The daily digest: one e-mail per person with every digest-mode notification no digest has taken yet.
 * Each notification is claimed by exactly one digest delivery (digest_delivery_id), in the transaction that
 * creates it, so a re-run or a second worker sends nothing twice.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue<SendEmailJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendDigests(): Promise<{ digests: number; notifications: number }> {
    // Categories switched off since: those notifications are not e-mailed at all.
    await this.dataSource.query(
      `UPDATE notifications n SET email_mode = 'off'
        WHERE n.email_mode = 'digest' AND n.digest_delivery_id IS NULL
          AND EXISTS (SELECT 1 FROM notification_preferences p WHERE p.user_id = n.user_id AND p.category = n.category AND p.mode = 'off')`,
    );
    const users: { id: string; email: string }[] = await this.dataSource.query(
      `SELECT u.id, u.email FROM users u
        WHERE u.active AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.email_mode = 'digest' AND n.digest_delivery_id IS NULL)
        ORDER BY u.id`,
    );
    let digests = 0;
    let notifications = 0;
    const opts = mailJobOptions(this.config.mail.MAIL_RETRY_DELAY_MS, this.config.mail.MAIL_MAX_ATTEMPTS);
    for (const user of users) {
      const id = randomUUID();
      const claimed = await this.dataSource.transaction(async (m) => {
        const [, count]: [unknown[], number] = await m.query(
          `UPDATE notifications SET digest_delivery_id = $1
            WHERE user_id = $2 AND email_mode = 'digest' AND digest_delivery_id IS NULL`,
          [id, user.id],
        );
        // Another run took them meanwhile.
        if (!count) return 0;
        await m.query(
          `INSERT INTO notification_deliveries (id, user_id, notification_id, recipient, message_id, kind) VALUES ($1, $2, NULL, $3, $4, 'digest')`,
          [id, user.id, user.email, deliveryMessageId(id)],
        );
        return count;
      });
      if (!claimed) continue;
      // After the commit; if this process dies first, the mail sweep enqueues the pending delivery.
      await this.mail.add(JOBS.sendEmail, { deliveryId: id }, { ...opts, jobId: id });
      digests++;
      notifications += claimed;
    }
    if (digests) this.logger.log(`Sent ${digests} digests covering ${notifications} notifications`);
    return { digests, notifications };
  }
}
