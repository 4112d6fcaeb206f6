import { Column, Entity, Index, VersionColumn } from 'typeorm';
import type { OfferStatus } from '@app/domain';
import { bigintNumber, RecordContentColumns } from './record-columns';


/** A provider's offer of assistance (DESIGN §4). */
@Entity('assistance_offers')
@Index('ix_assistance_offers_fts', { synchronize: false })
@Index('ix_assistance_offers_trgm', { synchronize: false })
// The lists' default order, newest update first, and their totals by status and provider (1796360000000-offers-lists).
@Index('ix_assistance_offers_updated', { synchronize: false })
@Index('ix_assistance_offers_status_provider', ['status', 'organizationId'])
export class AssistanceOfferEntity extends RecordContentColumns {
  // organizationId, createdById, title, description, the search columns and the four classification lists
  // (provisions, domains, assistanceTypes, targetInstitutions): RecordContentColumns.

  @Column({ type: 'varchar', length: 200, nullable: true })
  programme: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  eligibleRegions: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  eligibleStates: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  deliveryModes: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  /** How many engagements the offer can take on; null = not limited by count. */
  @Column({ type: 'int', nullable: true })
  capacityEngagements: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  capacityBudgetAmount: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  capacityBudgetCurrency: string | null;

  /** Engagements used by agreed matches. */
  @Column({ type: 'int', default: 0 })
  engagementsUsed: number;

  @Column({ type: 'date', nullable: true })
  availableFrom: string | null;

  @Index()
  @Column({ type: 'date', nullable: true })
  availableUntil: string | null;

  @Column({ type: 'varchar', length: 30, default: 'draft' })
  status: OfferStatus;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @VersionColumn()
  version: number;
}
