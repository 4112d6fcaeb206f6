import {
  type CloseReason,
  type MatchStatus,
  type OfferStatus,
  type RequestStatus,
  type RetirementReason,
} from '@app/domain';

// What e-mails and inbox items call each code: the same words the web app uses (apps/web/src/i18n/en.json,
// kept in step by labels.spec.ts), so a person never reads `in_delivery` or `OP3a`.

const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  acknowledged: 'Acknowledged',
  clarification_requested: 'Clarification requested',
  circulated: 'Circulated',
  matched: 'Matched',
  in_delivery: 'In delivery',
  delivered: 'Delivered',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};

const OFFER_STATUS_LABELS: Readonly<Record<OfferStatus, string>> = {
  draft: 'Draft',
  pending_verification: 'Pending verification',
  active: 'Active',
  paused: 'Paused',
  exhausted: 'Capacity used up',
  closed: 'Closed',
  expired: 'Expired',
};

const MATCH_STATUS_LABELS: Readonly<Record<MatchStatus, string>> = {
  suggested: 'Suggested',
  endorsed: 'Endorsed',
  accepted: 'Accepted by provider',
  declined: 'Declined by provider',
  agreed: 'Agreed',
  rejected: 'Rejected by State',
  in_progress: 'In progress',
  completed: 'Completed',
  dismissed: 'Dismissed',
  cancelled: 'Cancelled',
  retired: 'Retired',
};

/** Why the system retired a suggestion or cancelled a match (its request or offer left matching). */
const RETIREMENT_REASON_LABELS: Readonly<Record<RetirementReason, string>> = {
  request_in_delivery: 'The request is being delivered',
  request_delivered: 'The request has been delivered',
  request_closed: 'The request was closed',
  request_withdrawn: 'The request was withdrawn',
  offer_paused: 'The offer is paused',
  offer_closed: 'The offer was closed',
  offer_expired: 'The offer has expired',
  offer_exhausted: 'The offer has no capacity left',
};

const CLOSE_REASON_LABELS: Readonly<Record<CloseReason, string>> = {
  fulfilled: 'Fulfilled',
  partially_fulfilled: 'Partially fulfilled',
  withdrawn: 'Withdrawn by the State',
  superseded: 'Superseded by another request',
  no_offer: 'No suitable offer',
};

export const STATUS_LABELS = {
  request: REQUEST_STATUS_LABELS,
  offer: OFFER_STATUS_LABELS,
  match: MATCH_STATUS_LABELS,
} as const;

export type LabelledSubject = keyof typeof STATUS_LABELS;

const known = <T extends object>(labels: T, code: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(labels, code) ? (labels as Record<string, string>)[code] : undefined;

/** A request's, offer's or match's status as people read it ("In delivery"); unknown codes are spelt out. */
export function statusLabel(subject: LabelledSubject, status: string): string {
  return known(STATUS_LABELS[subject], status) ?? spellOut(status);
}

/** Why a request was closed ("Partially fulfilled"); a free-text reason (a decline's) is kept as written. */
export function reasonLabel(reason: string): string {
  return known(CLOSE_REASON_LABELS, reason) ?? known(RETIREMENT_REASON_LABELS, reason) ?? reason;
}

export { CLOSE_REASON_LABELS };

function spellOut(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
