import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A version of the matching weights (DESIGN §6.3). The highest version is in force; versions are never edited. */
@Entity('matching_profiles')
export class MatchingProfileEntity {
  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  weights: Record<string, number>;

  @Column({ type: 'double precision' })
  threshold: number;

  @Column({ type: 'int' })
  topK: number;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
