// Offer statuses of DESIGN §5, in workflow order.
export const OFFER_STATUSES = [
  'draft',
  'pending_verification',
  'active',
  'paused',
  'exhausted',
  'closed',
  'expired',
] as const;

export type OfferStatus = (typeof OFFER_STATUSES)[number];

export function isOfferStatus(value: string): value is OfferStatus {
  return (OFFER_STATUSES as readonly string[]).includes(value);
}
