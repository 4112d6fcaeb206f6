import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '@app/common';
import type { Served, stateTimelineEventSchema, StateTimelineMilestone, StateTimelineQuery, stateTimelinePageSchema } from '@app/contracts';
import {
  ActionPlanRepository,
  ActionPlanVersionEntity,
  DocumentEntity,
  EngagementRepository,
  MatchRepository,
  RequestRepository,
} from '@app/database';
import { isAgency } from '@app/domain';
import type { AuthUser } from '../auth/auth-user';
import { correspondenceVisibleTo } from '../documents/correspondence-documents';

type TimelineEvent = Served<typeof stateTimelineEventSchema>;
export type StateTimelineView = Served<typeof stateTimelinePageSchema>;

/** Each source reads at most this many rows (newest first); the timeline says when one had more. */
export const TIMELINE_SOURCE_LIMIT = 1000;

const REQUEST_MILESTONES = [
  ['submittedAt', 'submitted'],
  ['acknowledgedAt', 'acknowledged'],
  ['circulatedAt', 'circulated'],
  ['matchedAt', 'matched'],
  ['deliveryStartedAt', 'delivery_started'],
  ['deliveredAt', 'delivered'],
  ['closedAt', 'closed'],
  ['withdrawnAt', 'withdrawn'],
] as const;
const MATCH_MILESTONES = [
  ['endorsedAt', 'endorsed'],
  ['answeredAt', 'answered'],
  ['agreedAt', 'agreed'],
  ['completedAt', 'completed'],
] as const;

/**
 * One State's story on one timeline (issue 12): its plan's versions, its requests' milestones, their matches,
 * the engagements concerning it and the documents on its plans, their items, its requests, their matches and its
 * engagements. Every source is read through its repository's visibility rule (a document through its parent's),
 * so each caller sees exactly what it may see elsewhere (DESIGN §8): the Committee everything submitted, the
 * State's own agencies their State's, providers what was shared or circulated to them and their own matches. Another State's agency gets 404.
 */
@Injectable()
export class StateTimelineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: ActionPlanRepository,
    private readonly requests: RequestRepository,
    private readonly matches: MatchRepository,
    private readonly engagements: EngagementRepository,
  ) {}

  async timeline(user: AuthUser, state: string, q: StateTimelineQuery): Promise<StateTimelineView> {
    if (isAgency(user.role) && user.organization.state !== state) throw notFound('State timeline');
    const want = (kind: TimelineEvent['kind']) => !q.kind || q.kind === kind;
    const events: TimelineEvent[] = [];
    let truncated = false;
    const bounded = <T>(rows: T[]): T[] => {
      if (rows.length > TIMELINE_SOURCE_LIMIT) truncated = true;
      return rows.slice(0, TIMELINE_SOURCE_LIMIT);
    };
    const push = (e: TimelineEvent) => events.push(e);

    // Plans, requests, matches and engagements are read whatever the filter: documents hang on them.
    const plans = await this.plans.visibleTo(user).andWhere('p.state = :state', { state }).getMany();
    if (want('action_plan') && plans.length) {
      const byId = new Map(plans.map((p) => [p.id, p]));
      const versions = bounded(
        await this.dataSource.manager
          .createQueryBuilder(ActionPlanVersionEntity, 'v')
          .where('v.plan_id = ANY(:ids)', { ids: plans.map((p) => p.id) })
          .orderBy('v.created_at', 'DESC')
          .limit(TIMELINE_SOURCE_LIMIT + 1)
          .getMany(),
      );
      for (const v of versions) {
        const submit = (v.changes as { action?: string }[]).some((c) => c.action === 'submit');
        const milestone: StateTimelineMilestone = submit ? 'plan_submitted' : v.engagementId ? 'plan_prioritised' : 'plan_updated';
        push({ at: v.createdAt, kind: 'action_plan', milestone, id: v.planId, title: byId.get(v.planId)!.title, reference: String(v.revision), record: { type: 'action_plan', id: v.planId } });
      }
    }

    const requests = bounded(
      await this.requests.visibleTo(user).andWhere('r.state = :state', { state }).orderBy('r.created_at', 'DESC').limit(TIMELINE_SOURCE_LIMIT + 1).getMany(),
    );
    const references = new Map(requests.map((r) => [r.id, r.reference]));
    if (want('request')) {
      for (const r of requests) {
        for (const [field, milestone] of REQUEST_MILESTONES) {
          const at = r[field];
          if (at) push({ at, kind: 'request', milestone, id: r.id, title: r.title, reference: r.reference, record: { type: 'request', id: r.id } });
        }
      }
    }

    const matchRows: { id: string; requestId: string; title: string; createdAt: Date; endorsedAt: Date | null; answeredAt: Date | null; agreedAt: Date | null; completedAt: Date | null; reference: string }[] = bounded(
      (
        await this.matches
          .visibleTo(user)
          .andWhere('req.state = :state', { state })
          .select(['m.id AS id', 'm.request_id AS "requestId"', 'off.title AS title', 'req.reference AS reference'])
          .addSelect(['m.created_at AS "createdAt"', 'm.endorsed_at AS "endorsedAt"', 'm.answered_at AS "answeredAt"', 'm.agreed_at AS "agreedAt"', 'm.completed_at AS "completedAt"'])
          .orderBy('m.created_at', 'DESC')
          .limit(TIMELINE_SOURCE_LIMIT + 1)
          .getRawMany()
      ),
    );
    if (want('match')) {
      for (const m of matchRows) {
        push({ at: m.createdAt, kind: 'match', milestone: 'proposed', id: m.id, title: m.title, reference: m.reference, record: { type: 'request', id: m.requestId } });
        for (const [field, milestone] of MATCH_MILESTONES) {
          const at = m[field];
          if (at) push({ at, kind: 'match', milestone, id: m.id, title: m.title, reference: m.reference, record: { type: 'request', id: m.requestId } });
        }
      }
    }

    const engagements = bounded(
      await this.engagements.visibleTo(user).andWhere(':state = ANY(e.states)', { state }).orderBy('e.start_date', 'DESC').limit(TIMELINE_SOURCE_LIMIT + 1).getMany(),
    );
    if (want('engagement')) {
      for (const e of engagements) {
        push({ at: new Date(`${e.startDate}T00:00:00Z`), kind: 'engagement', milestone: 'held', id: e.id, title: e.title, reference: null, record: { type: 'engagement', id: e.id } });
        if (e.notePublishedAt) push({ at: e.notePublishedAt, kind: 'engagement', milestone: 'note_published', id: e.id, title: e.title, reference: null, record: { type: 'engagement', id: e.id } });
      }
    }

    if (want('document')) {
      // Documents have their parent's visibility: those on the plans, items, requests, matches and engagements
      // read above (items through the plans' item rule), less a request's correspondence for a provider.
      const items = plans.length
        ? await this.plans.itemsVisibleTo(user).andWhere('p.state = :state', { state }).select(['i.id', 'i.planId']).getMany()
        : [];
      const parents = [...plans.map((p) => p.id), ...items.map((i) => i.id), ...requests.map((r) => r.id), ...matchRows.map((m) => m.id), ...engagements.map((e) => e.id)];
      const matchRequest = new Map(matchRows.map((m) => [m.id, m]));
      const itemPlan = new Map(items.map((i) => [i.id, i.planId]));
      const docs = parents.length
        ? bounded(
            await this.dataSource.manager
              .createQueryBuilder(DocumentEntity, 'd')
              .where(`d.parent_type IN ('action_plan', 'action_plan_item', 'request', 'match', 'engagement') AND d.parent_id = ANY(:parents) AND d.removed_at IS NULL`, { parents })
              .andWhere(correspondenceVisibleTo(user))
              .orderBy('d.created_at', 'DESC')
              .limit(TIMELINE_SOURCE_LIMIT + 1)
              .getMany(),
          )
        : [];
      for (const d of docs) {
        const event = { at: d.createdAt, kind: 'document', milestone: 'uploaded', id: d.id, title: d.title } as const;
        if (d.parentType === 'action_plan' || d.parentType === 'action_plan_item') {
          // A document on an item opens on the item's plan (items have no page of their own).
          const planId = d.parentType === 'action_plan' ? d.parentId : itemPlan.get(d.parentId);
          if (planId) push({ ...event, reference: null, record: { type: 'action_plan', id: planId } });
        } else if (d.parentType === 'engagement') {
          push({ ...event, reference: null, record: { type: 'engagement', id: d.parentId } });
        } else {
          // A document on a match opens on the match's request (matches have no page of their own).
          const match = d.parentType === 'match' ? matchRequest.get(d.parentId) : undefined;
          const requestId = match ? match.requestId : d.parentId;
          const reference = (match ? match.reference : references.get(d.parentId)) ?? null;
          push({ ...event, reference, record: { type: 'request', id: requestId } });
        }
      }
    }

    const time = (e: TimelineEvent) => new Date(e.at).getTime();
    events.sort((a, b) => time(b) - time(a) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
    const start = (q.page - 1) * q.pageSize;
    return { state, items: events.slice(start, start + q.pageSize), total: events.length, page: q.page, pageSize: q.pageSize, truncated };
  }
}
