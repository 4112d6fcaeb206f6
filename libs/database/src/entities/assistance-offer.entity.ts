import { Column, Entity, Index, VersionColumn } from 'typeorm';
import type { OfferStatus } from '@app/domain';
import { bigintNumber, RecordColumns } from './record-columns';


/** A provider's offer of assistance (DESIGN §4). */
@Entity('assistance_offers')
@Index('ix_assistance_offers_fts', { synchronize: false })
@Index('ix_assistance_offers_trgm', { synchronize: false })
export class AssistanceOfferEntity extends RecordColumns {
  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  /**
   * The words of title and description for full-text search ('simple': no stemming, so Cyrillic and every other
   * script work alike), kept by PostgreSQL as a stored generated column and indexed (GIN, ix_*_fts). Never read
   * or written by the application; the search box matches it (repositories/text-search.ts).
   */
  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    nullable: true,
    asExpression: `to_tsvector('simple'::regconfig, (title || ' ') || description)`,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string;

  /**
   * Title and description in lower case, kept by PostgreSQL like `searchVector`: the search box's "part of a word"
   * is `search_text LIKE lower(pattern)`, the same rows as `title || ' ' || description ILIKE pattern` (which
   * lower-cases both sides for every row) without lower-casing each row at every search. Trigram index ix_*_trgm.
   */
  @Column({
    type: 'text',
    generatedType: 'STORED',
    nullable: true,
    asExpression: `lower((title || ' ') || description)`,
    select: false,
    insert: false,
    update: false,
  })
  searchText?: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  programme: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  provisions: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  domains: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  assistanceTypes: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  targetInstitutions: string[];

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

  @Index()
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
