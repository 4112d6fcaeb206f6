import { SelectQueryBuilder } from 'typeorm';
import type { MatchEntity } from '@app/database';
import { sqlList } from '@app/common';
import { isAgency, isCommittee, MATCH_COMMITTEE_ONLY_STATUSES } from '@app/domain';
import type { AuthUser } from '../auth/auth-user';

/**
 * Who sees which matches: the committee all of them; a provider those on its offers once endorsed (and its
 * own expressions of interest); a State's agencies those on its requests once endorsed. Engine suggestions
 * stay with the committee until an expert endorses one. Expects the query to join `req` and `off`.
 */
const COMMITTEE_ONLY = sqlList(MATCH_COMMITTEE_ONLY_STATUSES);

export function applyMatchScope(qb: SelectQueryBuilder<MatchEntity>, user: AuthUser): SelectQueryBuilder<MatchEntity> {
  if (isCommittee(user.role)) return qb;
  if (isAgency(user.role)) {
    return qb.andWhere(`req.state = :scopeState AND m.status NOT IN ${COMMITTEE_ONLY}`, { scopeState: user.organization.state });
  }
  return qb.andWhere(
    `off.organization_id = :scopeOrg AND (m.status NOT IN ${COMMITTEE_ONLY} OR m.origin = 'provider_interest')`,
    { scopeOrg: user.organization.id },
  );
}
