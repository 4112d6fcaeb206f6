import type { AssistanceOfferEntity } from '@app/database';
import { isCommittee } from '@app/domain';
import type { AuthUser } from '../auth/auth-user';

// Which offers a user may see at all is the repository's rule (OfferRepository.visibleTo); this file holds
// what a user may do with, or see of, one they see.

export function ownsOffer(user: AuthUser, offer: AssistanceOfferEntity): boolean {
  return user.role === 'provider_member' && offer.organizationId === user.organization.id;
}

/** Full detail (capacity, use, history) is for the offering provider and the committee. */
export function seesOfferInternals(user: AuthUser, offer: AssistanceOfferEntity): boolean {
  return isCommittee(user.role) || ownsOffer(user, offer);
}
