import { Column, Entity, Index, VersionColumn } from 'typeorm';
import type { EngagementKind, FollowUpStatus } from '@app/domain';
import { RecordColumns } from './record-columns';

/** An organisation at an engagement: one on the platform (by id, with its name as it was), or a free-text name. */
export interface EngagementParty {
  organizationId: string | null;
  name: string;
  /** Who attended for it, or its role ("Committee expert", "host"). */
  note: string | null;
}

/** An event the Committee's experts take part in (DESIGN §4a). */
@Entity('engagements')
export class EngagementEntity extends RecordColumns {
  @Column({ type: 'varchar', length: 20 })
  kind: EngagementKind;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  @Column({ type: 'boolean', default: false })
  online: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  organisers: EngagementParty[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  participants: EngagementParty[];

  /** ISO 3166-1 alpha-3 codes of the States concerned. */
  @Column({ type: 'text', array: true, default: '{}' })
  states: string[];

  @Column({ type: 'text', default: '' })
  background: string;

  @Column({ type: 'text', default: '' })
  highlights: string;

  @Column({ type: 'text', default: '' })
  outcomes: string;

  @Column({ type: 'text', default: '' })
  additionalComments: string;

  /** The Committee published the information note on the public register. */
  @Column({ type: 'timestamptz', nullable: true })
  notePublishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** Seeds and imports name their engagements so that running them again changes nothing. */
  @Index('ux_engagements_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  seedKey: string | null;

  @VersionColumn()
  version: number;
}

/** Something to do after an engagement, with its owner (a user or an organisation) and its due date. */
@Entity('engagement_follow_ups')
export class EngagementFollowUpEntity extends RecordColumns {
  @Index()
  @Column({ type: 'uuid' })
  engagementId: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  ownerOrganizationId: string | null;

  @Index()
  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: FollowUpStatus;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @VersionColumn()
  version: number;
}

/** A prioritisation a roundtable ran on an action plan: the ranking agreed and the interests heard. */
@Entity('engagement_prioritisations')
@Index('ux_engagement_prioritisations_body', ['engagementId', 'actionPlanId', 'bodyHash'], { unique: true })
export class EngagementPrioritisationEntity extends RecordColumns {
  @Index()
  @Column({ type: 'uuid' })
  engagementId: string;

  @Column({ type: 'uuid' })
  actionPlanId: string;

  /** The plan's version that carries these priorities. */
  @Column({ type: 'int' })
  planVersion: number;

  /** `[{ itemId, rank, level }]` in the order agreed. */
  @Column({ type: 'jsonb' })
  ranking: { itemId: string; rank: number | null; level: string | null }[];

  /** `[{ itemId, providerId, offerId, note }]`. */
  @Column({ type: 'jsonb' })
  interests: { itemId: string; providerId: string; offerId: string | null; note: string | null }[];

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz' })
  decidedAt: Date;

  /** SHA-256 of the body as recorded: the same body again is the same prioritisation. */
  @Column({ type: 'char', length: 64 })
  bodyHash: string;
}
