import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { EngagementRepository, MatchRepository, OfferRepository, RequestRepository, type ReminderKind } from '@app/database';
import { UnitOfWork } from '@app/outbox';
import {
  DueReminder,
  ENGAGEMENT_ACTION_NOTICE_DAYS,
  engagementActionReminder,
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
    private readonly requests: RequestRepository,
    private readonly offers: OfferRepository,
    private readonly matches: MatchRepository,
    private readonly engagements: EngagementRepository,
    private readonly clock: Clock,
  ) {}

  async sendDue(now = this.clock.now()): Promise<Record<ReminderKind, number>> {
    // Coarse SQL filters; the pure rules decide.
    const objection = (await this.requests.objectionWindowCandidates(now)).map((r) => objectionWindowReminder(r, now));
    const unanswered = (await this.matches.endorsedUnansweredSince(now, MATCH_ANSWER_DAYS)).map((m) => unansweredMatchReminder(m, now));
    const expiring = (await this.offers.endingAround(now, OFFER_EXPIRY_NOTICE_DAYS)).map((o) => expiringOfferReminder(o, now));
    const followUps = (await this.requests.followUpCandidates(now, FOLLOW_UP_GRACE_DAYS)).map((r) => followUpReminder(r, now));
    const actions = (await this.engagements.openActionsDueBy(now, ENGAGEMENT_ACTION_NOTICE_DAYS)).map((a) => engagementActionReminder(a, now));

    const sent: Record<ReminderKind, number> = { objection_window_over: 0, match_unanswered: 0, offer_expiring: 0, follow_up_due: 0, engagement_action_due: 0 };
    for (const due of [...objection, ...unanswered, ...expiring, ...followUps, ...actions]) {
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
      await tx.emit({ ...due.event, subjectType: due.subjectType, subjectId: due.subjectId });
      return true;
    });
  }
}
