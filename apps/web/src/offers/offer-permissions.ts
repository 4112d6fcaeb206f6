import type { CurrentUser } from '../api/auth';
import { OFFER_EDITABLE_STATUSES, type AssistanceOffer } from '../api/offers';

/** Whether to offer "Edit" (apps/api offers.service.ts: the owning provider, while the offer is not over). */
export function canEditOffer(user: CurrentUser, offer: AssistanceOffer): boolean {
  return (
    user.role === 'provider_member' &&
    offer.organizationId === user.organization.id &&
    OFFER_EDITABLE_STATUSES.includes(offer.status)
  );
}
