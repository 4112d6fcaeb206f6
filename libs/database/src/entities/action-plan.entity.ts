import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { RecordColumns } from './record-columns';

export type ActionPlanStatus = 'draft' | 'submitted';
export type ActionPlanItemStatus = 'planned' | 'in_progress' | 'done' | 'dropped';
export type ActionPlanPriorityLevel = 'high' | 'medium' | 'low';
export type ActionPlanNoteKind = 'progress' | 'comment';

/**
 * A State's national implementation action plan (resolution 2325 OP6, DESIGN §4a). `revision` counts the plan's
 * versions: 1 when it is submitted, one more for each change after that (each kept in action_plan_versions);
 * `version` is the optimistic lock of the row, like every record's.
 */
@Entity('action_plans')
@Index('ix_action_plans_state', ['state'])
export class ActionPlanEntity extends RecordColumns {
  @Column({ type: 'char', length: 3 })
  state: string;

  /** The agency that holds the plan (its coordinator's). */
  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: ActionPlanStatus;

  /** The date the State submitted the plan to the Committee. */
  @Column({ type: 'date', nullable: true })
  submittedOn: string | null;

  @Column({ type: 'int', default: 0 })
  revision: number;

  /** Providers may read the plan (the committee and the State always may). */
  @Column({ type: 'boolean', default: false })
  sharedWithProviders: boolean;

  /** A summary the State allows on the public register; null keeps the plan off it. */
  @Column({ type: 'text', nullable: true })
  publicSummary: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @VersionColumn()
  version: number;
}

/** One version of a plan as it stood: the plan and its items, and what changed from the version before. */
@Entity('action_plan_versions')
@Index('ux_action_plan_versions_plan_revision', ['planId', 'revision'], { unique: true })
export class ActionPlanVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @Column({ type: 'int' })
  revision: number;

  /** What changed, in words the Committee reads: `[{ subject: 'plan'|'item', itemId?, title?, action, fields }]`. */
  @Column({ type: 'jsonb', default: [] })
  changes: Record<string, unknown>[];

  /** The plan and its items at this version. */
  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** When the engagement (a roundtable's prioritisation) made the version, its id. */
  @Column({ type: 'uuid', nullable: true })
  engagementId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** An item of a plan (DESIGN §4a). */
@Entity('action_plan_items')
@Index('ix_action_plan_items_plan_rank', ['planId', 'priorityRank'])
export class ActionPlanItemEntity extends RecordColumns {
  @Column({ type: 'uuid' })
  planId: string;

  /** The plan's own numbering (`1.2`, `A-3`), optional. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  code: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', array: true, default: '{}' })
  provisions: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  domains: string[];

  @Column({ type: 'uuid', nullable: true })
  leadAgencyId: string | null;

  @Column({ type: 'uuid', array: true, default: '{}' })
  partnerAgencyIds: string[];

  /** 1 = first; null = not ranked yet. */
  @Column({ type: 'int', nullable: true })
  priorityRank: number | null;

  @Column({ type: 'varchar', length: 10, default: 'medium' })
  priorityLevel: ActionPlanPriorityLevel;

  /** Who set the current priorities, when, and in which engagement (a roundtable's prioritisation). */
  @Column({ type: 'timestamptz', nullable: true })
  prioritisedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  prioritisedById: string | null;

  @Column({ type: 'uuid', nullable: true })
  prioritisedInEngagementId: string | null;

  @Column({ type: 'date', nullable: true })
  targetDate: string | null;

  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status: ActionPlanItemStatus;

  @Column({ type: 'boolean', default: false })
  assistanceNeeded: boolean;

  /** An item an agency member proposed and the coordinator has not yet taken into the plan. */
  @Column({ type: 'boolean', default: false })
  proposed: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @VersionColumn()
  version: number;
}

/** A dated note on an item: the State's progress notes and the Committee's comments (append-only). */
@Entity('action_plan_item_notes')
@Index('ix_action_plan_item_notes_item', ['itemId', 'createdAt'])
export class ActionPlanItemNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  itemId: string;

  @Column({ type: 'varchar', length: 12, default: 'progress' })
  kind: ActionPlanNoteKind;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'uuid', nullable: true })
  authorOrganizationId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A provider's declared interest in supporting an item, with the offer or programme concerned. Recorded once per
 * (item, provider, offer) (NULLS NOT DISTINCT: one offer-less interest per provider). Once the item has a
 * circulated request, an interest naming an offer becomes a provider-interest match (`matchId`), exactly once.
 */
@Entity('action_plan_item_interests')
@Index('ux_action_plan_item_interests_key', { synchronize: false })
@Index('ix_action_plan_item_interests_provider', ['providerOrganizationId'])
export class ActionPlanItemInterestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  itemId: string;

  @Column({ type: 'uuid' })
  providerOrganizationId: string;

  @Column({ type: 'uuid', nullable: true })
  offerId: string | null;

  /** The programme concerned, when no offer on the platform is. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  programme: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The engagement in which the interest was recorded (a roundtable's prioritisation), if any. */
  @Column({ type: 'uuid', nullable: true })
  engagementId: string | null;

  /** The provider-interest match the interest became, once the item's request was circulated. */
  @Column({ type: 'uuid', nullable: true })
  matchId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
