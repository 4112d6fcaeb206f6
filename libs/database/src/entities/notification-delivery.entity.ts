import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { NotificationEntity } from './notification.entity';
import { RecordColumns } from './record-columns';
import { UserEntity } from './user.entity';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';
export type DeliveryKind = 'notification' | 'digest';

/**
 * One e-mail: a notification's own (at most one per notification and channel) or a daily digest. `sending`
 * means an attempt started and its outcome was not recorded yet; the processor reads it on a retry.
 */
@Entity('notification_deliveries')
@Index('ux_notification_deliveries_notification_channel', ['notificationId', 'channel'], { unique: true })
@Index('ix_notification_deliveries_status', ['status', 'updatedAt'])
@Index('ix_notification_deliveries_created', ['createdAt'])
export class NotificationDeliveryEntity extends RecordColumns {
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn()
  user?: UserEntity;

  /** Null for a digest (its notifications point to it through digest_delivery_id). */
  @Column({ type: 'uuid', nullable: true })
  notificationId: string | null;

  @ManyToOne(() => NotificationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn()
  notification?: NotificationEntity | null;

  @Column({ type: 'varchar', length: 20, default: 'notification' })
  kind: DeliveryKind;

  @Column({ type: 'varchar', length: 10, default: 'email' })
  channel: 'email';

  /** The address it was sent to, as it was then. */
  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Deterministic (`<delivery id@assistance-1540>`): every attempt sends the same one. */
  @Column({ type: 'varchar', length: 200 })
  messageId: string;

  /** The server's reply when it accepted the message. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  smtpResponse: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
