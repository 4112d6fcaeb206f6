import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventType } from '@app/contracts';
import { MatchRepository, OfferRepository, RequestRepository } from '@app/database';
import { stateName } from '@app/domain';
import type { HandledEvent } from '../events/event-handler.registry';
import type { EngagementActionFacts, EventFacts, MatchFacts, PlanFacts, RequestFacts, SubjectType } from './notification-rules';

/** Loads, inside the event's transaction, what the rules word their notifications with. */
@Injectable()
export class NotificationFactsService {
  constructor(
    private readonly requests: RequestRepository,
    private readonly offers: OfferRepository,
    private readonly matches: MatchRepository,
  ) {}

  async load<T extends EventType>(event: HandledEvent<T>, subject: SubjectType, manager: EntityManager): Promise<EventFacts<T> | null> {
    const facts: EventFacts<T> = { type: event.type, payload: event.payload, actorId: event.actorId, comment: null, reason: null };
    if (subject === 'action_plan' || subject === 'action_plan_item') {
      facts.plan = (await this.plan(subject, event.subjectId, event.payload, manager)) ?? undefined;
      if (!facts.plan) return null;
    } else if (subject === 'request') {
      facts.request = (await this.request(event.subjectId, manager)) ?? undefined;
      if (!facts.request) return null;
    } else if (subject === 'engagement_follow_up') {
      const [action]: EngagementActionFacts[] = await manager.query(
        `SELECT a.id, a.engagement_id AS "engagementId", e.title AS "engagementTitle", a.description,
                to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate", a.status,
                a.owner_user_id AS "ownerUserId", a.owner_organization_id AS "ownerOrganizationId"
           FROM engagement_follow_ups a JOIN engagements e ON e.id = a.engagement_id WHERE a.id = $1`,
        [event.subjectId],
      );
      if (!action) return null;
      facts.engagementAction = action;
    } else if (subject === 'offer') {
      facts.offer = (await this.offers.withProvider(event.subjectId, manager)) ?? undefined;
      if (!facts.offer) return null;
    } else {
      const m = await this.matches.findById(event.subjectId, manager);
      if (!m) return null;
      const match: MatchFacts = { id: m.id, status: m.status, origin: m.origin, declineReason: m.declineReason };
      facts.match = match;
      facts.request = (await this.request(m.requestId, manager)) ?? undefined;
      facts.offer = (await this.offers.withProvider(m.offerId, manager)) ?? undefined;
      if (!facts.request || !facts.offer) return null;
    }
    // The history entry written in the same transaction shares the event's timestamp (now() is the
    // transaction's start), which is how its comment and reason are found. The event's subject type is in the condition
    // for the history's index (subject_type, subject_id, created_at): without it each notification read the whole
    // history (25–90 ms at 100,000 entries; see docs/performance.md, "Fifth round").
    const [history]: { comment: string | null; reason: string | null }[] = await manager.query(
      `SELECT h.comment, h.reason FROM history_entries h
        WHERE h.subject_type = $3 AND h.subject_id = $1 AND h.created_at = (SELECT created_at FROM outbox_events WHERE id = $2)
          AND (h.comment IS NOT NULL OR h.reason IS NOT NULL)
        ORDER BY h.id LIMIT 1`,
      [event.subjectId, event.id, event.subjectType],
    );
    facts.comment = history?.comment ?? null;
    facts.reason = history?.reason ?? null;
    return facts;
  }

  private async plan(subject: 'action_plan' | 'action_plan_item', id: string, payload: object, manager: EntityManager): Promise<PlanFacts | null> {
    const [item]: { id: string; code: string | null; title: string; plan_id: string }[] =
      subject === 'action_plan_item' ? await manager.query(`SELECT id, code, title, plan_id FROM action_plan_items WHERE id = $1`, [id]) : [];
    if (subject === 'action_plan_item' && !item) return null;
    const [plan]: { id: string; title: string; state: string; revision: number }[] = await manager.query(
      `SELECT id, title, state, revision FROM action_plans WHERE id = $1`,
      [item ? item.plan_id : id],
    );
    if (!plan) return null;
    const providerId = 'providerId' in payload && typeof payload.providerId === 'string' ? payload.providerId : null;
    const [provider]: { name: string }[] = providerId ? await manager.query(`SELECT name FROM organizations WHERE id = $1`, [providerId]) : [];
    return {
      planId: plan.id,
      title: plan.title,
      state: plan.state,
      stateName: stateName(plan.state) ?? plan.state,
      revision: plan.revision,
      item: item ? { id: item.id, code: item.code, title: item.title } : null,
      providerName: provider?.name ?? null,
    };
  }

  private async request(id: string, manager: EntityManager): Promise<RequestFacts | null> {
    const row = await this.requests.withRequester(id, manager);
    return row && { ...row, stateName: stateName(row.state) ?? row.state };
  }
}
