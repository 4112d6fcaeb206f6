import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RescoreStatus = 'queued' | 'running' | 'completed' | 'failed';

/** A full rescore, fanned out as chunk jobs; progress is the set of chunks done (so a retried chunk counts once). */
@Entity('rescore_runs')
export class RescoreRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status: RescoreStatus;

  @Column({ type: 'varchar', length: 40 })
  trigger: string;

  @Column({ type: 'int', nullable: true })
  weightsVersion: number | null;

  @Column({ type: 'int', default: 0 })
  totalChunks: number;

  @Column({ type: 'int', array: true, default: '{}' })
  doneChunks: number[];

  /** The chunks as planned when the run started (request id ranges), so a retried fan-out plans the same. */
  @Column({ type: 'jsonb', nullable: true })
  chunkPlan: unknown[] | null;

  @Column({ type: 'int', default: 0 })
  requests: number;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
