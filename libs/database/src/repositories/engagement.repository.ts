import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { sqlValue } from '@app/common';
import { isAgency, isCommittee, type EngagementKind, type FollowUpStatus } from '@app/domain';
import { EngagementEntity } from '../entities';
import { pageOf } from './paging';
import type { RowPage, Viewer } from './viewer';

export interface EngagementListFilters {
  state?: string;
  kind?: EngagementKind;
  page: number;
  pageSize: number;
}

/** An open follow-up action and its due day (`YYYY-MM-DD`), for the reminders. */
export interface OpenEngagementAction {
  id: string;
  engagementId: string;
  status: string;
  dueDate: string;
}

/** `viewer`'s organisation took part in, or organised, the engagement (alias `e`). */
const TOOK_PART = `(e.participants @> jsonb_build_array(jsonb_build_object('organizationId', :scopeOrg::text))
  OR e.organisers @> jsonb_build_array(jsonb_build_object('organizationId', :scopeOrg::text)))`;

/**
 * Who may see which engagements (DESIGN §4a, §8): the Committee all; a State's agencies those concerning their
 * State; any organisation those it took part in or organised; everyone those whose information note is published.
 */
function whereVisibleTo(qb: SelectQueryBuilder<EngagementEntity>, viewer: Viewer): SelectQueryBuilder<EngagementEntity> {
  if (isCommittee(viewer.role)) return qb;
  const params = { scopeOrg: viewer.organization.id, scopeState: viewer.organization.state ?? '' };
  if (isAgency(viewer.role) && viewer.organization.state) {
    return qb.andWhere(`(:scopeState = ANY(e.states) OR ${TOOK_PART} OR e.note_published_at IS NOT NULL)`, params);
  }
  return qb.andWhere(`(${TOOK_PART} OR e.note_published_at IS NOT NULL)`, params);
}

/** Whether `viewer` sees more of the engagement than its published note: it concerns them or they were there. */
export function takesPartIn(viewer: Viewer, e: Pick<EngagementEntity, 'states' | 'participants' | 'organisers'>): boolean {
  if (isCommittee(viewer.role)) return true;
  if (isAgency(viewer.role) && viewer.organization.state && e.states.includes(viewer.organization.state)) return true;
  return [...e.participants, ...e.organisers].some((p) => p.organizationId === viewer.organization.id);
}

/** The engagements' named queries and their visibility rule, shared by the API and the worker. */
@Injectable()
export class EngagementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The engagements `viewer` may see (alias `e`), inside `manager`'s transaction when given. */
  visibleTo(viewer: Viewer, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<EngagementEntity> {
    return whereVisibleTo(manager.createQueryBuilder(EngagementEntity, 'e'), viewer);
  }

  async listPage(viewer: Viewer, f: EngagementListFilters): Promise<RowPage<EngagementEntity>> {
    const qb = this.visibleTo(viewer);
    if (f.state) qb.andWhere(':state = ANY(e.states)', { state: f.state });
    if (f.kind) qb.andWhere('e.kind = :kind', { kind: f.kind });
    qb.orderBy('e.start_date', 'DESC').addOrderBy('e.id', 'ASC');
    return pageOf(qb, f);
  }

  /** One engagement if `viewer` may see it, else null (the caller's 404). */
  findVisible(viewer: Viewer, id: string, manager?: EntityManager): Promise<EngagementEntity | null> {
    return this.visibleTo(viewer, manager).andWhere('e.id = :id', { id }).getOne();
  }

  /** One engagement `viewer` may see, locked until `manager`'s transaction ends; null when out of scope. */
  lockVisible(viewer: Viewer, id: string, manager: EntityManager): Promise<EngagementEntity | null> {
    return this.visibleTo(viewer, manager).andWhere('e.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** Engagements whose information note the Committee published, newest first (the public register). */
  async publishedPage(f: { page: number; pageSize: number; state?: string }): Promise<RowPage<EngagementEntity>> {
    const qb = this.dataSource.manager.createQueryBuilder(EngagementEntity, 'e').where('e.note_published_at IS NOT NULL');
    if (f.state) qb.andWhere(':state = ANY(e.states)', { state: f.state });
    qb.orderBy('e.start_date', 'DESC').addOrderBy('e.id', 'ASC');
    return pageOf(qb, f);
  }

  /** One published engagement, or null. */
  findPublished(id: string): Promise<EngagementEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(EngagementEntity, 'e')
      .where('e.note_published_at IS NOT NULL AND e.id = :id', { id })
      .getOne();
  }

  /** Open follow-up actions due on or before `days` days after `now` (coarse: the reminder rule decides). */
  openActionsDueBy(now: Date, days: number): Promise<OpenEngagementAction[]> {
    return this.dataSource.query(
      `SELECT id, engagement_id AS "engagementId", status, to_char(due_date, 'YYYY-MM-DD') AS "dueDate"
         FROM engagement_follow_ups WHERE status = ${sqlValue('open' satisfies FollowUpStatus)} AND due_date <= ($1::timestamptz)::date + $2::int`,
      [now, days],
    );
  }
}
