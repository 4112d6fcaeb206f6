import type { OfferStatus } from '@app/contracts';
import { OFFER_STATUSES } from '@app/contracts/vocabulary';

// Offer statuses of DESIGN §5, in workflow order: the workflow's own list (libs/domain offer.workflow.ts).
export { OFFER_STATUSES };
export type { OfferStatus };

export function isOfferStatus(value: string): value is OfferStatus {
  return (OFFER_STATUSES as readonly string[]).includes(value);
}
