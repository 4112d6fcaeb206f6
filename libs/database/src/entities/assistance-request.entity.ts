import { Column, Entity, Index, VersionColumn } from 'typeorm';
import type { CloseReason, RequestStatus } from '@app/domain';
import { bigintNumber, RecordColumns } from './record-columns';

export type RequestPriority = 'high' | 'medium' | 'low';
export type RequestVisibility = 'public' | 'providers' | 'committee';

/** A State's request for assistance (DESIGN §4). Milestone times are set by the workflow. */
@Entity('assistance_requests')
@Index('ix_assistance_requests_state_status', ['state', 'status'])
// Created by hand in the migration (TypeORM cannot express them); kept out of schema diffs.
@Index('ix_assistance_requests_fts', { synchronize: false })
@Index('ix_assistance_requests_trgm', { synchronize: false })
@Index('ix_assistance_requests_reference_trgm', { synchronize: false })
export class AssistanceRequestEntity extends RecordColumns {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  reference: string;

  @Column({ type: 'char', length: 3 })
  state: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', array: true, default: '{}' })
  provisions: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  domains: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  assistanceTypes: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  targetInstitutions: string[];

  @Column({ type: 'varchar', length: 10, default: 'medium' })
  priority: RequestPriority;

  /** Minor units of estimatedCostCurrency. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  estimatedCostAmount: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  estimatedCostCurrency: string | null;

  @Column({ type: 'date', nullable: true })
  desiredStart: string | null;

  @Column({ type: 'date', nullable: true })
  desiredEnd: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  @Column({ type: 'uuid', array: true, default: '{}' })
  preferredProviderIds: string[];

  @Column({ type: 'text', nullable: true })
  assistanceReceived: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  napReference: string | null;

  /** The action plan item the request was made from (DESIGN §4a), if any. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  actionPlanItemId: string | null;

  @Column({ type: 'date', nullable: true })
  letterDate: string | null;

  @Column({ type: 'varchar', length: 12, default: 'providers' })
  visibility: RequestVisibility;

  @Column({ type: 'boolean', default: false })
  objectionWindowWaived: boolean;

  @Index()
  @Column({ type: 'varchar', length: 30, default: 'draft' })
  status: RequestStatus;

  @Column({ type: 'varchar', length: 30, nullable: true })
  closeReason: CloseReason | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  circulatedAt: Date | null;

  /** When an agency member said the draft is ready for the State's coordinator to submit (still a draft). */
  @Column({ type: 'timestamptz', nullable: true })
  readyForCoordinatorAt: Date | null;

  /** When the engine first suggested an offer for it (reporting: time to first suggestion). */
  @Column({ type: 'timestamptz', nullable: true })
  firstSuggestionAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  matchedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveryStartedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @VersionColumn()
  version: number;
}
