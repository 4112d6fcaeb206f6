import type { MatchStatus, RetirementReason } from './match.workflow';
import { REQUEST_FOLLOWS_MATCHES_STATUSES, REQUEST_OPEN_FOR_MATCHING_STATUSES, type RequestAction, type RequestStatus } from './request.workflow';

/**
 * DESIGN §5, "one fact, one place": once circulated, a request's status follows from its matches.
 * - `delivered` when every agreed match is completed or cancelled and at least one is completed;
 * - `in_delivery` once the first agreed match has started (and while any agreed match is still open after that);
 * - `matched` while an agreed match waits to start;
 * - `circulated` when no agreed match is left (all were cancelled before anything was delivered).
 * Other statuses (before circulation, closed, withdrawn) are a person's decision and are returned unchanged.
 */
export function requestStatusFromMatches(current: RequestStatus, matches: readonly MatchStatus[]): RequestStatus {
  if (!REQUEST_FOLLOWS_MATCHES_STATUSES.includes(current)) return current;
  const open = matches.filter((m) => m === 'agreed' || m === 'in_progress').length;
  const started = matches.filter((m) => m === 'in_progress' || m === 'completed').length;
  const completed = matches.filter((m) => m === 'completed').length;
  if (completed > 0 && open === 0) return 'delivered';
  if (started > 0) return 'in_delivery';
  if (open > 0) return current === 'in_delivery' ? 'in_delivery' : 'matched';
  return 'circulated';
}

/** The system's workflow steps (request.workflow.ts) from one status that follows the matches to another, in order. */
export function deliverySteps(from: RequestStatus, to: RequestStatus): RequestAction[] {
  if (from === to) return [];
  if (to === 'circulated') return ['agreements_cancelled'];
  const ladder: readonly [RequestStatus, RequestAction][] = [
    ['matched', 'match_agreed'],
    ['in_delivery', 'start_delivery'],
    ['delivered', 'mark_delivered'],
  ];
  const start = ladder.findIndex(([status]) => status === from);
  const end = ladder.findIndex(([status]) => status === to);
  return ladder.slice(start + 1, end + 1).map(([, action]) => action);
}

/** Why a request that reached `status` no longer takes suggestions, or null while it is open for matching. */
export function requestRetirementReason(status: RequestStatus): RetirementReason | null {
  if (REQUEST_OPEN_FOR_MATCHING_STATUSES.includes(status)) return null;
  switch (status) {
    case 'in_delivery':
      return 'request_in_delivery';
    case 'delivered':
      return 'request_delivered';
    case 'closed':
      return 'request_closed';
    case 'withdrawn':
      return 'request_withdrawn';
    default:
      return null;
  }
}

const RETIREMENT_TEXT: Readonly<Record<RetirementReason, string>> = {
  request_in_delivery: 'its request is being delivered',
  request_delivered: 'its request has been delivered',
  request_closed: 'its request was closed',
  request_withdrawn: 'its request was withdrawn',
  offer_paused: 'the offer is paused',
  offer_closed: 'the offer was closed',
  offer_expired: 'the offer has expired',
  offer_exhausted: 'the offer has no capacity left',
};

/** Why a suggestion was retired, in words (the API's 409 and history read this). */
export function retirementExplanation(reason: RetirementReason | null): string {
  return reason ? RETIREMENT_TEXT[reason] : 'its request or offer left matching';
}
