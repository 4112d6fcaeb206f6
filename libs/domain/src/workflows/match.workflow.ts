import { COMMITTEE_ROLES, SYSTEM_ROLE } from '../roles';
import type { TransitionTable } from './transition-table';

export const MATCH_STATUSES = [
  'suggested',
  'endorsed',
  'accepted',
  'declined',
  'agreed',
  'rejected',
  'in_progress',
  'completed',
  'dismissed',
  'cancelled',
  'retired',
] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const MATCH_ACTIONS = [
  'endorse',
  'dismiss',
  'accept',
  'decline',
  'confirm',
  'reject',
  'start',
  'complete',
  'cancel',
  'retire',
  'revive',
] as const;
export type MatchAction = (typeof MATCH_ACTIONS)[number];

/** A match still in play; at most one live match exists per (request, offer). */
export const MATCH_OPEN_STATUSES: readonly MatchStatus[] = [
  'suggested',
  'endorsed',
  'accepted',
  'agreed',
  'in_progress',
];
export const MATCH_TERMINAL_STATUSES: readonly MatchStatus[] = [
  'declined',
  'rejected',
  'completed',
  'dismissed',
  'cancelled',
  'retired',
];

/**
 * Why the system retired a suggestion: its request or its offer left matching (DESIGN §5). A retired suggestion
 * cannot be endorsed; one retired because its offer paused or ran out comes back when the offer is active again.
 */
export const RETIREMENT_REASONS = [
  'request_in_delivery',
  'request_delivered',
  'request_closed',
  'request_withdrawn',
  'offer_paused',
  'offer_closed',
  'offer_expired',
  'offer_exhausted',
] as const;
export type RetirementReason = (typeof RETIREMENT_REASONS)[number];

/** Once a person has acted on a match, a rescore updates its score but never its status. */
export const MATCH_RESCORE_PROTECTED_STATUSES: readonly MatchStatus[] = MATCH_STATUSES.filter(
  (status) => status !== 'suggested' && status !== 'retired',
);

/** Matches the parties never see: the committee's own suggestions and what became of them without being put to anyone. */
export const MATCH_COMMITTEE_ONLY_STATUSES: readonly MatchStatus[] = ['suggested', 'dismissed', 'retired'];

/** Proposals nobody has answered yet (a suggestion, or an endorsement before the provider's answer): what an allocation plan may pick. */
export const MATCH_UNANSWERED_STATUSES: readonly MatchStatus[] = ['suggested', 'endorsed'];

/** Matches the provider accepted, whatever the State answered and whatever followed. */
export const MATCH_PROVIDER_ACCEPTED_STATUSES: readonly MatchStatus[] = ['accepted', 'agreed', 'rejected', 'in_progress', 'completed'];

/** The agreed matches (and those under way or done) that decide a request's delivery status and use capacity. */
export const MATCH_AGREED_STATUSES: readonly MatchStatus[] = ['agreed', 'in_progress', 'completed'];

const PROVIDER_OR_COMMITTEE = ['provider_member', ...COMMITTEE_ROLES] as const;

export const MATCH_WORKFLOW: TransitionTable<MatchStatus, MatchAction> = {
  statuses: MATCH_STATUSES,
  actions: MATCH_ACTIONS,
  rows: [
    { action: 'endorse', from: ['suggested'], roles: COMMITTEE_ROLES, to: 'endorsed' },
    { action: 'dismiss', from: ['suggested'], roles: COMMITTEE_ROLES, to: 'dismissed' },
    { action: 'accept', from: ['endorsed'], roles: ['provider_member'], to: 'accepted' },
    { action: 'decline', from: ['endorsed'], roles: ['provider_member'], to: 'declined', requiresReason: true },
    { action: 'confirm', from: ['accepted'], roles: ['agency_coordinator'], to: 'agreed' },
    { action: 'reject', from: ['accepted'], roles: ['agency_coordinator'], to: 'rejected', requiresReason: true },
    { action: 'start', from: ['agreed'], roles: PROVIDER_OR_COMMITTEE, to: 'in_progress' },
    { action: 'complete', from: ['in_progress'], roles: PROVIDER_OR_COMMITTEE, to: 'completed' },
    // The system cancels what is still open when the request is withdrawn or closed.
    { action: 'cancel', from: MATCH_OPEN_STATUSES, roles: [...COMMITTEE_ROLES, SYSTEM_ROLE], to: 'cancelled' },
    { action: 'retire', from: ['suggested'], roles: [SYSTEM_ROLE], to: 'retired' },
    { action: 'revive', from: ['retired'], roles: [SYSTEM_ROLE], to: 'suggested' },
  ],
};
