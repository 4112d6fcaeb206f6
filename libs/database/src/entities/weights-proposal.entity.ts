import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WeightsProposalFigures, WeightsProposalStatus } from '@app/contracts';

/**
 * A weights profile fitted from the Committee's decisions (issue 15 item 2), waiting for a committee member to apply
 * or dismiss it. Kept apart from matching_profiles, whose highest version is the one in force: a proposal becomes a
 * profile version only when applied.
 */
@Entity('weights_proposals')
export class WeightsProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 24, default: 'fitting' })
  status: WeightsProposalStatus;

  /** The profile version in force when the fit was asked for: the proposal is compared with it. */
  @Column({ type: 'int' })
  baseVersion: number;

  @Column({ type: 'jsonb', nullable: true })
  weights: Record<string, number> | null;

  @Column({ type: 'jsonb', nullable: true })
  figures: WeightsProposalFigures | null;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  fittedAt: Date | null;

  /** The profile version it became, once applied. */
  @Column({ type: 'int', nullable: true })
  appliedVersion: number | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
