import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import type { ReminderKind } from '@app/database';
import { UnitOfWork } from '@app/outbox';
import {
  DueReminder,
  expiringOfferReminder,
  FOLLOW_UP_GRACE_DAYS,
  followUpReminder,
  MATCH_ANSWER_DAYS,
  objectionWindowReminder,
  OFFER_EXPIRY_NOTICE_DAYS,
  unansweredMatchReminder,
} from './reminder-rules';

/**
 * Finds reminders that fell due and sends each once: its reminders_sent row (unique per kind and occasion)
 * and a `reminder.<kind>` outbox event commit together, and the notification rules take it from there.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async sendDue(now = this.clock.now()): Promise<Record<ReminderKind, number>> {
    const q = <T>(sql: string, params: unknown[] = []) => this.dataSource.query(sql, params) as Promise<T[]>;
    // Coarse SQL filters (5 calendar days ≤ 5 working days, 365 days ≤ 12 months); the pure rules decide.
    const objection = (
      await q<{ id: string; status: string; acknowledged_at: Date | null; objection_window_waived: boolean }>(
        `SELECT id, status, acknowledged_at, objection_window_waived FROM assistance_requests
          WHERE status = 'acknowledged' AND NOT objection_window_waived AND acknowledged_at <= $1::timestamptz - interval '5 days'`,
        [now],
      )
    ).map((r) => objectionWindowReminder({ id: r.id, status: r.status, acknowledgedAt: r.acknowledged_at, objectionWindowWaived: r.objection_window_waived }, now));
    const unanswered = (
      await q<{ id: string; status: string; endorsed_at: Date | null }>(
        `SELECT id, status, endorsed_at FROM matches WHERE status = 'endorsed' AND endorsed_at <= $1::timestamptz - make_interval(days => $2)`,
        [now, MATCH_ANSWER_DAYS],
      )
    ).map((m) => unansweredMatchReminder({ id: m.id, status: m.status, endorsedAt: m.endorsed_at }, now));
    const expiring = (
      await q<{ id: string; status: string; available_until: string }>(
        `SELECT id, status, to_char(available_until, 'YYYY-MM-DD') AS available_until FROM assistance_offers
          WHERE status IN ('active', 'paused') AND available_until BETWEEN ($1::timestamptz)::date - 1 AND ($1::timestamptz)::date + $2::int + 1`,
        [now, OFFER_EXPIRY_NOTICE_DAYS],
      )
    ).map((o) => expiringOfferReminder({ id: o.id, status: o.status, availableUntil: o.available_until }, now));
    const followUps = (
      await q<{ id: string; status: string; delivered_at: Date | null }>(
        `SELECT id, status, delivered_at FROM assistance_requests
          WHERE status IN ('delivered', 'closed') AND delivered_at <= $1::timestamptz - interval '365 days'
            AND delivered_at >= $1::timestamptz - make_interval(days => 366 + $2)`,
        [now, FOLLOW_UP_GRACE_DAYS],
      )
    ).map((r) => followUpReminder({ id: r.id, status: r.status, deliveredAt: r.delivered_at }, now));

    const sent: Record<ReminderKind, number> = { objection_window_over: 0, match_unanswered: 0, offer_expiring: 0, follow_up_due: 0 };
    for (const due of [...objection, ...unanswered, ...expiring, ...followUps]) {
      if (due && (await this.sendOnce(due))) sent[due.kind]++;
    }
    if (Object.values(sent).some(Boolean)) this.logger.log(`Reminders sent: ${JSON.stringify(sent)}`);
    return sent;
  }

  private async sendOnce(due: DueReminder): Promise<boolean> {
    const known = await this.dataSource.query('SELECT 1 FROM reminders_sent WHERE kind = $1 AND subject_key = $2', [due.kind, due.subjectKey]);
    if (known.length) return false;
    return this.uow.run(null, async (tx) => {
      const inserted: unknown[] = await tx.manager.query(
        `INSERT INTO reminders_sent (kind, subject_key, subject_type, subject_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind, subject_key) DO NOTHING RETURNING id`,
        [due.kind, due.subjectKey, due.subjectType, due.subjectId],
      );
      if (!inserted.length) return false;
      await tx.emit({
        type: `reminder.${due.kind}`,
        subjectType: due.subjectType,
        subjectId: due.subjectId,
        payload: { ...due.payload, subjectKey: due.subjectKey },
      });
      return true;
    });
  }
}
