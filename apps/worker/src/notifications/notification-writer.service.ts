import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import type { EventType } from '@app/contracts';
import { DEFAULT_EMAIL_MODE, deliveryMessageId, EmailMode, MailFact, NotificationCategory, NotificationMessage, notificationText } from '@app/mail';
import { JOBS, mailJobOptions, QUEUES, SendEmailJob } from '@app/queue';
import type { HandledEvent } from '../events/event-handler.registry';
import { factsFor, linkPath, messageOf, NotifyRule } from './notification-rules';
import { NotificationFactsService } from './notification-facts.service';
import { Recipient, RecipientResolver } from './recipient-resolver.service';

interface Planned {
  user: Recipient;
  category: NotificationCategory;
  title: string;
  body: string;
  message: NotificationMessage;
  linkPath: string;
  facts: MailFact[];
}

// One statement holds at most 65,535 bind parameters; notification rows take 14.
const CHUNK = 1000;

/**
 * Runs inside the transaction that marks the event processed (EventsProcessor), so the inbox items, the
 * e-mail deliveries and that mark commit together: exactly once per event. Mail jobs are added before the
 * commit; MailProcessor waits for the event's row lock when it cannot see its delivery yet.
 */
@Injectable()
export class NotificationWriter {
  private readonly logger = new Logger(NotificationWriter.name);

  constructor(
    private readonly facts: NotificationFactsService,
    private readonly recipients: RecipientResolver,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue<SendEmailJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async notify<T extends EventType>(event: HandledEvent<T>, rule: NotifyRule<T>, manager: EntityManager): Promise<number> {
    const f = await this.facts.load(event, rule.subject, manager);
    if (!f) {
      this.logger.warn(`${event.type} ${event.id}: its ${rule.subject} ${event.subjectId} no longer exists; nobody notified`);
      return 0;
    }
    const planned = new Map<string, Planned>();
    for (const to of rule.recipients) {
      if (to.when && !to.when.test(f)) continue;
      for (const user of await this.recipients.resolve(to.to, f, manager)) {
        // Nobody is told about their own action; a person in two audiences hears once (the first wording).
        if (user.id === event.actorId || planned.has(user.id)) continue;
        const message = messageOf(event.type, rule, to, f);
        planned.set(user.id, {
          user,
          category: to.category,
          // English, kept for the deliveries page and older readers; people read the keys in their own language.
          title: notificationText('en', message.titleKey, message.params).slice(0, 300),
          body: notificationText('en', message.bodyKey, message.params),
          message,
          linkPath: linkPath(f, rule.subject, user.role),
          facts: factsFor(f, rule.subject, user.role),
        });
      }
    }
    if (!planned.size) return 0;
    const modes = await this.emailModes(manager, [...planned.keys()]);
    const rows = [...planned.values()];
    const created: { id: string; user_id: string; email_mode: EmailMode }[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      created.push(...(await this.insertNotifications(manager, event, rule, rows.slice(i, i + CHUNK), modes)));
    }
    const immediate = created.filter((n) => n.email_mode === 'immediate');
    const deliveries = immediate.map((n) => ({ id: randomUUID(), notificationId: n.id, user: planned.get(n.user_id)!.user }));
    for (let i = 0; i < deliveries.length; i += CHUNK) {
      const chunk = deliveries.slice(i, i + CHUNK);
      const values = chunk.map((_, j) => `($${j * 5 + 1}::uuid, $${j * 5 + 2}::uuid, $${j * 5 + 3}::uuid, $${j * 5 + 4}, $${j * 5 + 5}, 'notification')`);
      await manager.query(
        `INSERT INTO notification_deliveries (id, user_id, notification_id, recipient, message_id, kind) VALUES ${values.join(', ')}`,
        chunk.flatMap((d) => [d.id, d.user.id, d.notificationId, d.user.email, deliveryMessageId(d.id)]),
      );
    }
    if (deliveries.length) {
      // New random ids, so addBulk's lack of de-duplication does not matter here.
      const opts = mailJobOptions(this.config.mail.MAIL_RETRY_DELAY_MS, this.config.mail.MAIL_MAX_ATTEMPTS);
      await this.mail.addBulk(deliveries.map((d) => ({ name: JOBS.sendEmail, data: { deliveryId: d.id, eventId: event.id }, opts: { ...opts, jobId: d.id } })));
    }
    return created.length;
  }

  private async emailModes(manager: EntityManager, userIds: string[]): Promise<Map<string, EmailMode>> {
    const rows: { user_id: string; category: string; mode: EmailMode }[] = await manager.query(
      'SELECT user_id, category, mode FROM notification_preferences WHERE user_id = ANY($1::uuid[])',
      [userIds],
    );
    return new Map(rows.map((p) => [`${p.user_id}/${p.category}`, p.mode]));
  }

  private async insertNotifications<T extends EventType>(
    manager: EntityManager,
    event: HandledEvent<T>,
    rule: NotifyRule<T>,
    rows: Planned[],
    modes: Map<string, EmailMode>,
  ): Promise<{ id: string; user_id: string; email_mode: EmailMode }[]> {
    const params: unknown[] = [];
    const values = rows.map((p) => {
      const mode = modes.get(`${p.user.id}/${p.category}`) ?? DEFAULT_EMAIL_MODE;
      params.push(
        p.user.id,
        p.category,
        event.id,
        event.type,
        rule.subject,
        event.subjectId,
        p.title,
        p.body,
        p.message.titleKey,
        p.message.bodyKey,
        JSON.stringify(p.message.params),
        p.linkPath,
        JSON.stringify(p.facts),
        mode,
      );
      const b = params.length - 14;
      return `($${b + 1}::uuid, $${b + 2}, $${b + 3}::uuid, $${b + 4}, $${b + 5}, $${b + 6}::uuid, $${b + 7}, $${b + 8}, $${b + 9}, $${b + 10}, $${b + 11}::jsonb, $${b + 12}, $${b + 13}::jsonb, $${b + 14})`;
    });
    return manager.query(
      `INSERT INTO notifications (user_id, category, event_id, event_type, subject_type, subject_id, title, body, title_key, body_key, params, link_path, facts, email_mode)
       VALUES ${values.join(', ')}
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING id, user_id, email_mode`,
      params,
    );
  }
}
