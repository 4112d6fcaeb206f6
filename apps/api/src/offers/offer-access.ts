import { SelectQueryBuilder } from 'typeorm';
import type { AssistanceOfferEntity } from '@app/database';
import { isCommittee } from '@app/domain';
import type { AuthUser } from '../auth/auth-user';

/** Offers anyone signed in may see: those a provider is actually offering. */
export const PUBLISHED_OFFER_STATUSES = ['active', 'paused', 'exhausted'];

/**
 * Who may see which offers (DESIGN §8): a provider all of its own; the committee everything past draft;
 * everyone else the published ones, without their non-public fields (see OffersService.view).
 */
export function applyOfferScope(qb: SelectQueryBuilder<AssistanceOfferEntity>, user: AuthUser, alias = 'o'): SelectQueryBuilder<AssistanceOfferEntity> {
  if (isCommittee(user.role)) return qb.andWhere(`(${alias}.status <> 'draft')`);
  return qb.andWhere(`(${alias}.organization_id = :scopeOrg OR ${alias}.status IN (:...published))`, {
    scopeOrg: user.organization.id,
    published: PUBLISHED_OFFER_STATUSES,
  });
}

export function ownsOffer(user: AuthUser, offer: AssistanceOfferEntity): boolean {
  return user.role === 'provider_member' && offer.organizationId === user.organization.id;
}

/** Full detail (capacity, use, history) is for the offering provider and the committee. */
export function seesOfferInternals(user: AuthUser, offer: AssistanceOfferEntity): boolean {
  return isCommittee(user.role) || ownsOffer(user, offer);
}
