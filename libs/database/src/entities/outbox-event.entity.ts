import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox (DESIGN §7): written in the same transaction as the state change it announces;
 * the relay turns each row into a BullMQ job whose id is this row's id.
 */
@Entity('outbox_events')
@Index('ix_outbox_events_pending', ['createdAt'], { where: 'enqueued_at IS NULL' })
// Recovery looks for events enqueued but never processed (Redis may have lost their jobs).
@Index('ix_outbox_events_unprocessed', ['createdAt'], { where: 'processed_at IS NULL' })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60 })
  type: string;

  @Column({ type: 'varchar', length: 30 })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'jsonb', default: {} })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  enqueuedAt: Date | null;

  /** Set by the worker when the event's handlers have all run. */
  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  /** How many times the worker ran the handlers to completion; more than 1 would be a duplicate. */
  @Column({ type: 'int', default: 0 })
  deliveries: number;
}
