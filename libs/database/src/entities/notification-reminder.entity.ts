import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ReminderKind = 'objection_window_over' | 'match_unanswered' | 'offer_expiring' | 'follow_up_due' | 'engagement_action_due';

/**
 * A reminder that went out (DESIGN §7). Unique per (kind, subject key), so each is sent once however often
 * the reminder job runs. The key names the occasion, e.g. a request and the acknowledgement time whose
 * objection window closed.
 */
@Entity('reminders_sent')
@Index('ux_reminders_sent_kind_subject', ['kind', 'subjectKey'], { unique: true })
export class NotificationReminderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: ReminderKind;

  @Column({ type: 'varchar', length: 200 })
  subjectKey: string;

  @Column({ type: 'varchar', length: 30 })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;
}
