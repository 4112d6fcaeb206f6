import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only audit trail: every state change and administrative action writes one row (DESIGN §4). */
@Entity('history_entries')
@Index(['subjectType', 'subjectId', 'createdAt'])
export class HistoryEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 30 })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  fromStatus: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  toStatus: string | null;

  /** Null for actions the system takes on its own (expiry, engine suggestions). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  actorRole: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** A reason code (close: fulfilled, …) or a short free text (decline, reject). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
