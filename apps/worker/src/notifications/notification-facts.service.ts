import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventType } from '@app/contracts';
import { stateName } from '@app/domain';
import type { HandledEvent } from '../events/event-handler.registry';
import type { EventFacts, MatchFacts, OfferFacts, RequestFacts, SubjectType } from './notification-rules';

interface RequestRow {
  id: string;
  reference: string;
  title: string;
  state: string;
  status: string;
  visibility: string;
  organization_id: string;
  organization_name: string;
  acknowledged_at: Date | null;
  objection_window_waived: boolean;
  delivered_at: Date | null;
}

interface OfferRow {
  id: string;
  title: string;
  status: string;
  provider_id: string;
  provider_name: string;
  available_until: string | null;
}

/** Loads, inside the event's transaction, what the rules word their notifications with. */
@Injectable()
export class NotificationFactsService {
  async load<T extends EventType>(event: HandledEvent<T>, subject: SubjectType, manager: EntityManager): Promise<EventFacts<T> | null> {
    const facts: EventFacts<T> = { type: event.type, payload: event.payload, actorId: event.actorId, comment: null, reason: null };
    if (subject === 'request') {
      facts.request = (await this.request(event.subjectId, manager)) ?? undefined;
      if (!facts.request) return null;
    } else if (subject === 'offer') {
      facts.offer = (await this.offer(event.subjectId, manager)) ?? undefined;
      if (!facts.offer) return null;
    } else {
      const [m]: { id: string; status: string; origin: string; decline_reason: string | null; request_id: string; offer_id: string }[] = await manager.query(
        'SELECT id, status, origin, decline_reason, request_id, offer_id FROM matches WHERE id = $1',
        [event.subjectId],
      );
      if (!m) return null;
      const match: MatchFacts = { id: m.id, status: m.status, origin: m.origin, declineReason: m.decline_reason };
      facts.match = match;
      facts.request = (await this.request(m.request_id, manager)) ?? undefined;
      facts.offer = (await this.offer(m.offer_id, manager)) ?? undefined;
      if (!facts.request || !facts.offer) return null;
    }
    // The history entry written in the same transaction shares the event's timestamp (now() is the
    // transaction's start), which is how its comment and reason are found.
    const [history]: { comment: string | null; reason: string | null }[] = await manager.query(
      `SELECT h.comment, h.reason FROM history_entries h
        WHERE h.subject_id = $1 AND h.created_at = (SELECT created_at FROM outbox_events WHERE id = $2)
          AND (h.comment IS NOT NULL OR h.reason IS NOT NULL)
        ORDER BY h.id LIMIT 1`,
      [event.subjectId, event.id],
    );
    facts.comment = history?.comment ?? null;
    facts.reason = history?.reason ?? null;
    return facts;
  }

  private async request(id: string, manager: EntityManager): Promise<RequestFacts | null> {
    const [row]: RequestRow[] = await manager.query(
      `SELECT r.id, r.reference, r.title, r.state, r.status, r.visibility, r.organization_id, o.name AS organization_name,
              r.acknowledged_at, r.objection_window_waived, r.delivered_at
         FROM assistance_requests r JOIN organizations o ON o.id = r.organization_id WHERE r.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      id: row.id,
      reference: row.reference,
      title: row.title,
      state: row.state,
      stateName: stateName(row.state) ?? row.state,
      status: row.status,
      visibility: row.visibility,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      acknowledgedAt: row.acknowledged_at,
      objectionWindowWaived: row.objection_window_waived,
      deliveredAt: row.delivered_at,
    };
  }

  private async offer(id: string, manager: EntityManager): Promise<OfferFacts | null> {
    const [row]: OfferRow[] = await manager.query(
      `SELECT f.id, f.title, f.status, f.organization_id AS provider_id, p.name AS provider_name,
              to_char(f.available_until, 'YYYY-MM-DD') AS available_until
         FROM assistance_offers f JOIN organizations p ON p.id = f.organization_id WHERE f.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      providerId: row.provider_id,
      providerName: row.provider_name,
      availableUntil: row.available_until,
    };
  }
}
