import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OfferRepository } from '@app/database';
import { COMMITTEE_ROLES, type MatchStatus, offerServesState, Role } from '@app/domain';
import type { Audience, EventFacts } from './notification-rules';

export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

/** Statuses in which a provider has been told about a match on a request (so it hears what follows). */
const PROVIDER_INVOLVED_MATCH_STATUSES: readonly MatchStatus[] = ['endorsed', 'accepted', 'agreed', 'in_progress', 'completed'];

const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.role`;
const ACTIVE = `u.active AND o.active`;

/** Turns an audience into the active users it means now, by role and organisation or State. */
@Injectable()
export class RecipientResolver {
  constructor(private readonly offers: OfferRepository) {}

  async resolve(audience: Audience, f: EventFacts, manager: EntityManager): Promise<Recipient[]> {
    const q = (where: string, params: unknown[]) =>
      manager.query<Recipient[]>(`SELECT ${USER_COLUMNS} FROM users u JOIN organizations o ON o.id = u.organization_id WHERE ${ACTIVE} AND ${where} ORDER BY u.email`, params);
    switch (audience) {
      case 'committee':
        return q(`u.role = ANY($1) AND o.kind = 'committee'`, [COMMITTEE_ROLES]);
      case 'requester':
        return q(
          `((u.organization_id = $1) OR (u.role = 'agency_coordinator' AND o.kind = 'state_agency' AND o.state = $2))`,
          [f.request!.organizationId, f.request!.state],
        );
      case 'state_coordinator':
        return q(`u.role = 'agency_coordinator' AND o.kind = 'state_agency' AND o.state = $1`, [f.request?.state ?? f.plan!.state]);
      case 'state_agencies':
        return q(`o.kind = 'state_agency' AND o.state = $1`, [f.request!.state]);
      case 'provider':
        return q(`u.role = 'provider_member' AND o.id = $1`, [f.offer!.providerId]);
      case 'eligible_providers': {
        // Committee-confidential requests are never shown to providers (DESIGN §8).
        if (f.request!.visibility === 'committee') return [];
        const reach = await this.offers.matchableReach(manager);
        const providers = [...new Set(reach.filter((x) => offerServesState(x, f.request!.state)).map((x) => x.providerId))];
        return providers.length ? q(`u.role = 'provider_member' AND o.id = ANY($1::uuid[])`, [providers]) : [];
      }
      case 'action_owner': {
        const a = f.engagementAction!;
        if (a.ownerUserId) return q(`u.id = $1`, [a.ownerUserId]);
        return a.ownerOrganizationId ? q(`o.id = $1`, [a.ownerOrganizationId]) : [];
      }
      case 'matched_providers':
        return q(
          `u.role = 'provider_member' AND o.id IN (
             SELECT f.organization_id FROM matches m JOIN assistance_offers f ON f.id = m.offer_id
              WHERE m.request_id = $1 AND m.status = ANY($2))`,
          [f.request!.id, PROVIDER_INVOLVED_MATCH_STATUSES],
        );
    }
  }
}
