import { COMMITTEE_ROLES, SYSTEM_ROLE } from '../roles';
import type { RetirementReason } from './match.workflow';
import type { TransitionTable } from './transition-table';

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

export const OFFER_ACTIONS = [
  'submit',
  'verify',
  'return_to_draft',
  'pause',
  'resume',
  'close',
  'exhaust',
  'replenish',
  'expire',
] as const;
export type OfferAction = (typeof OFFER_ACTIONS)[number];

/** Only an active offer takes part in matching (and then only with capacity left). */
export const OFFER_MATCHABLE_STATUSES: readonly OfferStatus[] = ['active'];

/** Whether an offer in this status takes part in matching (the engine's `active`). */
export function isOfferMatchable(status: OfferStatus): boolean {
  return OFFER_MATCHABLE_STATUSES.includes(status);
}

/** Engagements an offer can still take: null when its capacity is not counted, never below 0. */
export function remainingEngagements(capacityEngagements: number | null, engagementsUsed: number): number | null {
  return capacityEngagements === null ? null : Math.max(capacityEngagements - engagementsUsed, 0);
}
export const OFFER_TERMINAL_STATUSES: readonly OfferStatus[] = ['closed', 'expired'];
/** Offers standing until their last available day (active or paused): their provider is reminded before it. */
export const OFFER_RUNNING_STATUSES: readonly OfferStatus[] = ['active', 'paused'];
/** Offers anyone signed in may see: those a provider is actually offering. */
export const OFFER_PUBLISHED_STATUSES: readonly OfferStatus[] = ['active', 'paused', 'exhausted'];

const PROVIDER_OR_COMMITTEE = ['provider_member', ...COMMITTEE_ROLES] as const;

export const OFFER_WORKFLOW: TransitionTable<OfferStatus, OfferAction> = {
  statuses: OFFER_STATUSES,
  actions: OFFER_ACTIONS,
  rows: [
    { action: 'submit', from: ['draft'], roles: ['provider_member'], to: 'pending_verification' },
    { action: 'verify', from: ['pending_verification'], roles: COMMITTEE_ROLES, to: 'active' },
    {
      action: 'return_to_draft',
      from: ['pending_verification'],
      roles: COMMITTEE_ROLES,
      to: 'draft',
      requiresComment: true,
    },
    { action: 'pause', from: ['active'], roles: PROVIDER_OR_COMMITTEE, to: 'paused' },
    { action: 'resume', from: ['paused'], roles: PROVIDER_OR_COMMITTEE, to: 'active' },
    {
      action: 'close',
      from: ['draft', 'pending_verification', 'active', 'paused', 'exhausted'],
      roles: PROVIDER_OR_COMMITTEE,
      to: 'closed',
    },
    // Capacity used up by agreed matches, or freed again (a cancelled match, a provider raising capacity).
    { action: 'exhaust', from: ['active'], roles: [SYSTEM_ROLE], to: 'exhausted' },
    { action: 'replenish', from: ['exhausted'], roles: [SYSTEM_ROLE], to: 'active' },
    // Available-until has passed.
    {
      action: 'expire',
      from: ['draft', 'pending_verification', 'active', 'paused', 'exhausted'],
      roles: [SYSTEM_ROLE],
      to: 'expired',
    },
  ],
};


/** Why an offer that reached `status` no longer takes part in matching, or null while it does. */
export function offerRetirementReason(status: OfferStatus): RetirementReason | null {
  switch (status) {
    case 'paused':
      return 'offer_paused';
    case 'closed':
      return 'offer_closed';
    case 'expired':
      return 'offer_expired';
    case 'exhausted':
      return 'offer_exhausted';
    default:
      return null;
  }
}
