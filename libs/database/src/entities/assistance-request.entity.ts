import { Column, Entity, Index, VersionColumn, VirtualColumn } from 'typeorm';
import type { CloseReason, RequestStatus } from '@app/domain';
import { bigintNumber, RecordContentColumns } from './record-columns';

export type RequestPriority = 'high' | 'medium' | 'low';
export type RequestVisibility = 'public' | 'providers' | 'committee';

/** A State's request for assistance (DESIGN §4). Milestone times are set by the workflow. */
@Entity('assistance_requests')
@Index('ix_assistance_requests_state_status', ['state', 'status'])
// Created by hand in the migration (TypeORM cannot express them); kept out of schema diffs.
@Index('ix_assistance_requests_fts', { synchronize: false })
@Index('ix_assistance_requests_trgm', { synchronize: false })
@Index('ix_assistance_requests_reference_trgm', { synchronize: false })
// (updated_at DESC NULLS LAST, id), the lists' default order (migration 1796290000000): a page stops at its last row.
@Index('ix_assistance_requests_updated', { synchronize: false })
// The same order over the requests circulated to every provider, their list's first branch (migration 1796340000000).
@Index('ix_assistance_requests_circulated', { synchronize: false })
export class AssistanceRequestEntity extends RecordContentColumns {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  reference: string;

  @Column({ type: 'char', length: 3 })
  state: string;

  // organizationId, createdById, title, description, the search columns and the four classification lists
  // (provisions, domains, assistanceTypes, targetInstitutions): RecordContentColumns.

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

  /** DESIGN §4b: the State's objection to circulation, while it stands (withdrawing it clears these). */
  @Column({ type: 'timestamptz', nullable: true })
  objectedAt: Date | null;

  /** `letter`: recorded by the Committee from the State's letter; `app`: the coordinator objected in the app. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  objectionSource: 'letter' | 'app' | null;

  @Column({ type: 'date', nullable: true })
  objectionLetterDate: string | null;

  /** The letter, once documents exist (no foreign key: documents land separately). */
  @Column({ type: 'uuid', nullable: true })
  objectionDocumentId: string | null;

  /** A waiver the State sent by letter (objectionWindowWaived is then true). */
  @Column({ type: 'date', nullable: true })
  waiverLetterDate: string | null;

  @Column({ type: 'uuid', nullable: true })
  waiverDocumentId: string | null;

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

  /** When the engine first suggested an offer for it (reporting: time to first suggestion); kept in request_first_suggestions. */
  @VirtualColumn({ type: 'timestamptz', query: (alias) => `SELECT s.suggested_at FROM request_first_suggestions s WHERE s.request_id = ${alias}.id` })
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
