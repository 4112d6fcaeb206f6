import { Brackets, SelectQueryBuilder } from 'typeorm';
import type { AssistanceRequestEntity } from '@app/database';
import { sqlList } from '@app/common';
import { isAgency, isCommittee, MATCH_COMMITTEE_ONLY_STATUSES } from '@app/domain';
import type { AuthUser } from '../auth/auth-user';

/**
 * Who may see which requests (DESIGN §8), as one WHERE clause used by lists and by reads of one request,
 * so the two can never disagree. Out-of-scope requests are simply not found (404).
 * - committee: everything the States have submitted (not their drafts);
 * - a State's agencies: all of their State's requests;
 * - providers: requests that have been circulated, are not confidential and not withdrawn;
 * - anonymous (public register): handled by the public controller with its own, narrower, summary query.
 */
export function applyRequestScope(qb: SelectQueryBuilder<AssistanceRequestEntity>, user: AuthUser, alias = 'r'): SelectQueryBuilder<AssistanceRequestEntity> {
  if (isCommittee(user.role)) return qb.andWhere(`${alias}.status <> 'draft'`);
  if (isAgency(user.role)) return qb.andWhere(`${alias}.state = :scopeState`, { scopeState: user.organization.state });
  return qb.andWhere(
    new Brackets((w) =>
      w
        .where(`${alias}.circulated_at IS NOT NULL AND ${alias}.status <> 'withdrawn' AND ${alias}.visibility <> 'committee'`)
        // A provider also sees a request once a match with one of its offers has been endorsed to it.
        .orWhere(
          `EXISTS (SELECT 1 FROM matches m JOIN assistance_offers o ON o.id = m.offer_id
                   WHERE m.request_id = ${alias}.id AND o.organization_id = :scopeOrg
                   AND m.status NOT IN ${sqlList(MATCH_COMMITTEE_ONLY_STATUSES)})`,
          { scopeOrg: user.organization.id },
        ),
    ),
  );
}

/** May this user change the content of, or withdraw, this request (beyond what the workflow table says)? */
export function ownsRequest(user: AuthUser, request: AssistanceRequestEntity): boolean {
  if (!isAgency(user.role) || request.state !== user.organization.state) return false;
  // A coordinator acts for every agency of the State; a member for their own organisation.
  return user.role === 'agency_coordinator' || request.organizationId === user.organization.id;
}
