import { Column, Entity, Index } from 'typeorm';
import type { EmailMode, NotificationCategory } from '@app/mail';
import { RecordColumns } from './record-columns';

/** A person's e-mail choice for one category; no row means the default (immediate). */
@Entity('notification_preferences')
@Index('ux_notification_preferences_user_category', ['userId', 'category'], { unique: true })
export class NotificationPreferenceEntity extends RecordColumns {
  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 20 })
  category: NotificationCategory;

  @Column({ type: 'varchar', length: 10 })
  mode: EmailMode;
}
