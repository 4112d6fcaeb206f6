import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Matching work an event asked for and the engine has not finished (DESIGN §7): written in the event's
 * transaction next to the BullMQ job, removed by the job when it is done. Redis may forget the job; this row
 * stays, and the worker's recovery enqueues the job again.
 */
@Entity('matching_work')
@Index('ix_matching_work_requested', ['requestedAt'])
export class MatchingWorkEntity {
  /** The job's business key, e.g. `score-request.<request id>` (its deduplication id or job id). */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  key: string;

  @Column({ type: 'varchar', length: 30 })
  jobName: string;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  /** Bumped by every new request for the same work, so a job only clears what it has seen. */
  @Column({ type: 'int', default: 1 })
  generation: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;
}
