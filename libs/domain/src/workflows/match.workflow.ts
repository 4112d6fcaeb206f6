import { COMMITTEE_ROLES } from '../roles';
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
];

/** Once a person has acted on a match, a rescore updates its score but never its status. */
export const MATCH_RESCORE_PROTECTED_STATUSES: readonly MatchStatus[] = MATCH_STATUSES.filter(
  (status) => status !== 'suggested',
);

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
    { action: 'cancel', from: MATCH_OPEN_STATUSES, roles: COMMITTEE_ROLES, to: 'cancelled' },
  ],
};
