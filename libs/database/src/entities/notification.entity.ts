import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EmailMode, MailFact, NotificationCategory, NotificationParams } from '@app/mail';
import { UserEntity } from './user.entity';

/**
 * One item in one person's inbox (DESIGN §7), created by the worker from an outbox event. Unique per
 * (event, user): a replayed event creates nothing twice.
 */
@Entity('notifications')
@Index('ux_notifications_event_user', ['eventId', 'userId'], { unique: true })
@Index('ix_notifications_inbox', ['userId', 'readAt', 'createdAt'])
@Index('ix_notifications_digest_pending', ['userId', 'createdAt'], { where: "email_mode = 'digest' AND digest_delivery_id IS NULL" })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn()
  user?: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  category: NotificationCategory;

  /** The outbox event it announces. */
  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'varchar', length: 60 })
  eventType: string;

  @Column({ type: 'varchar', length: 30 })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** In English, as written when it was made; what a reader reads comes from the keys below when they are set. */
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /**
   * The catalogue keys of the title and body (libs/i18n/src/locales, `notifications.*`) and their raw parameters:
   * the API and the e-mails word them in the reader's language when read (libs/mail notification-text.ts). Null on
   * rows made before the texts were keys, which keep their English title and body.
   */
  @Column({ type: 'varchar', length: 120, nullable: true })
  titleKey: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  bodyKey: string | null;

  @Column({ type: 'jsonb', nullable: true })
  params: NotificationParams | null;

  /** Where the web app shows the subject to this reader's role, e.g. `/committee/requests/<id>`. */
  @Column({ type: 'varchar', length: 300 })
  linkPath: string;

  /** The subject's key facts when it happened (reference, title, State, provider, status, comment). */
  @Column({ type: 'jsonb', default: [] })
  facts: MailFact[];

  /** The reader's e-mail preference for the category when the notification was made. */
  @Column({ type: 'varchar', length: 10 })
  emailMode: EmailMode;

  /** Set when a daily digest took it (digest mode only); a notification goes into one digest at most. */
  @Column({ type: 'uuid', nullable: true })
  digestDeliveryId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
