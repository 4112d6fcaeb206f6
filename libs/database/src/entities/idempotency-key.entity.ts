import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One `Idempotency-Key` a user sent with a create, and the answer it got (DESIGN §9): a retry with the same key
 * gets the same answer instead of a second record. Kept 24 hours.
 */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  /** Which attempt holds the key; a takeover after an abandoned attempt increments it (fencing). */
  @Column({ type: 'int', default: 1 })
  attempt: number;

  /** Until then the holding attempt is presumed alive and duplicates wait. */
  @Column({ type: 'timestamptz' })
  leaseUntil: Date;

  /** Set in the create's own transaction: its changes committed, so the work must never run again. */
  @Column({ type: 'timestamptz', nullable: true })
  committedAt: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  subjectType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  subjectId: string | null;

  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
