import { Column, CreateDateColumn, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Columns every table has (DESIGN §4): a uuid key and timestamptz creation and update times. */
export abstract class RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * What a request and an offer both say (DESIGN §4): the owning organisation, the author, title and description with
 * their search columns, and the classification lists the engine matches on. One declaration for both tables, so the
 * stored search expressions cannot drift apart; the columns and indexes are the same as when each entity declared them.
 */
export abstract class RecordContentColumns extends RecordColumns {
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

  @Column({ type: 'text', array: true, default: '{}' })
  provisions: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  domains: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  assistanceTypes: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  targetInstitutions: string[];
}

/** bigint columns (money in minor units) as JS numbers: amounts stay far below 2^53. */
export const bigintNumber = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
