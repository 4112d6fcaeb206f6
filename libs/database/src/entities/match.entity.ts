import { Column, Entity, Index, VersionColumn } from 'typeorm';
import type { MatchStatus, RetirementReason } from '@app/domain';
import { componentsFromStored, storedComponents, type ReasonPart, type ScoreComponent } from '@app/matching';
import { RecordColumns } from './record-columns';

export type MatchOrigin = 'engine' | 'committee' | 'provider_interest';

/** A proposed or agreed pairing of a request and an offer (DESIGN §4, §5, §6). One per (request, offer). */
@Entity('matches')
@Index('ux_matches_request_offer', ['requestId', 'offerId'], { unique: true })
// (score DESC NULLS LAST, id), the list's default order (migration 1796290000000): a page stops at its last row.
@Index('ix_matches_score', { synchronize: false })
// (status) WHERE status <> 'suggested' (migration 1796310000000): the matches people acted on.
@Index('ix_matches_status_acted', { synchronize: false })
// (request_id) WHERE NOT (origin = 'engine' AND status = 'suggested') (same migration): the matches people proposed or acted on.
@Index('ix_matches_request_acted', { synchronize: false })
// (offer_id) WHERE status <> 'suggested' (migration 1796330000000): the matches people acted on, by offer (a provider's
// view of the requests matched to its offers).
@Index('ix_matches_offer_acted', { synchronize: false })
export class MatchEntity extends RecordColumns {
  @Column({ type: 'uuid' })
  requestId: string;

  @Index()
  @Column({ type: 'uuid' })
  offerId: string;

  /** 0–1; null for a manual match the engine cannot score (e.g. the pair is not eligible). */
  @Column({ type: 'double precision', nullable: true })
  score: number | null;

  // json, not jsonb (here and in reasonParts): stored as the engine wrote it, never queried inside (migration
  // 1796310000000); each component as [key, value, weight, contribution] (stored-components.ts in libs/matching).
  @Column({ type: 'json', default: [], transformer: { to: (c?: ScoreComponent[]) => c && storedComponents(c), from: componentsFromStored } })
  components: ScoreComponent[];

  /** The reason line in English, as exported and searched. */
  @Column({ type: 'text', default: '' })
  reason: string;

  /** The same line as the engine's clauses (codes and figures), worded in each reader's language when shown; null before they were stored. */
  @Column({ type: 'json', nullable: true })
  reasonParts: ReasonPart[] | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  engineVersion: string | null;

  @Column({ type: 'int', nullable: true })
  weightsVersion: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  scoredAt: Date | null;

  @Column({ type: 'varchar', length: 20 })
  origin: MatchOrigin;

  @Column({ type: 'varchar', length: 20, default: 'suggested' })
  status: MatchStatus;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  endorsedAt: Date | null;

  /** When the provider accepted or declined. */
  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  agreedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  /** Why the system retired this suggestion (its request or offer left matching). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  retiredReason: RetirementReason | null;

  // What was delivered, recorded when the match is completed (DESIGN §5).
  @Column({ type: 'date', nullable: true })
  deliveredFrom: string | null;

  @Column({ type: 'date', nullable: true })
  deliveredUntil: string | null;

  /** Participants or beneficiaries reached. */
  @Column({ type: 'int', nullable: true })
  participants: number | null;

  @Column({ type: 'text', nullable: true })
  deliverables: string | null;

  @Column({ type: 'smallint', nullable: true })
  requesterRating: number | null;

  @Column({ type: 'text', nullable: true })
  requesterComment: string | null;

  @Column({ type: 'smallint', nullable: true })
  providerRating: number | null;

  @Column({ type: 'text', nullable: true })
  providerComment: string | null;

  @VersionColumn()
  version: number;
}
