import { queryOptions } from '@tanstack/react-query';
import { api, type Paginated } from './client';
import type { HistoryItem } from './history';

// Match statuses of DESIGN §5, in workflow order (libs/domain match.workflow.ts).
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

export function isMatchStatus(value: string): value is MatchStatus {
  return (MATCH_STATUSES as readonly string[]).includes(value);
}

export const MATCH_ORIGINS = ['engine', 'committee', 'provider_interest'] as const;
export type MatchOrigin = (typeof MATCH_ORIGINS)[number];

export type MatchAction =
  'endorse' | 'dismiss' | 'accept' | 'decline' | 'confirm' | 'reject' | 'start' | 'complete' | 'cancel' | 'retire' | 'revive';

/** Why the system retired a suggestion (libs/domain match.workflow.ts RETIREMENT_REASONS). */
export type RetirementReason =
  | 'request_in_delivery'
  | 'request_delivered'
  | 'request_closed'
  | 'request_withdrawn'
  | 'offer_paused'
  | 'offer_closed'
  | 'offer_expired'
  | 'offer_exhausted';

/** What a completed match delivered (recorded when it is completed). */
export interface DeliveryRecord {
  deliveredFrom: string;
  deliveredUntil: string;
  participants: number | null;
  deliverables: string;
}

/** The score's components, in the order the engine lists them (libs/matching types.ts COMPONENT_KEYS). */
export const SCORE_COMPONENT_KEYS = [
  'provisionCoverage',
  'assistanceTypeCoverage',
  'domainCoverage',
  'targetInstitutionFit',
  'textRelevance',
  'budgetFit',
  'timingFit',
  'languageFit',
  'preferredProvider',
  'priorWork',
] as const;
export type ScoreComponentKey = (typeof SCORE_COMPONENT_KEYS)[number];

export function isScoreComponentKey(value: string): value is ScoreComponentKey {
  return (SCORE_COMPONENT_KEYS as readonly string[]).includes(value);
}

export interface ScoreComponent {
  key: string;
  /** In [0, 1]: how well the pair does on this component alone. */
  value: number;
  /** The weights profile's weight for the component. */
  weight: number;
  /** weight × value ÷ sum of weights: the contributions add up to the score. */
  contribution: number;
}

export interface MatchFeedback {
  rating: number;
  comment: string | null;
}

/** GET /matches/:id (apps/api matches.service.ts MatchView). */
export interface Match {
  id: string;
  status: MatchStatus;
  origin: MatchOrigin;
  /** In [0, 1]; null until the engine has scored the pair (e.g. a fresh manual match). */
  score: number | null;
  components: ScoreComponent[];
  reason: string;
  engineVersion: string | null;
  weightsVersion: number | null;
  scoredAt: string | null;
  notes: string | null;
  declineReason: string | null;
  retiredReason: RetirementReason | null;
  delivery: (DeliveryRecord & { beforeDesiredStart: boolean }) | null;
  endorsedAt: string | null;
  answeredAt: string | null;
  agreedAt: string | null;
  completedAt: string | null;
  feedback: { requester: MatchFeedback | null; provider: MatchFeedback | null };
  request: { id: string; reference: string; title: string; state: string; status: string; desiredStart: string | null };
  offer: { id: string; title: string; status: string; provider: { id: string; name: string; shortName: string } };
  availableActions: MatchAction[];
  /** True while this person may still rate the completed match for their side. */
  canGiveFeedback: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Whether the engine will still score this pair: while the request is open for matching and the offer active. */
export const awaitsScore = (match: Pick<Match, 'request' | 'offer'>): boolean =>
  (match.request.status === 'circulated' || match.request.status === 'matched') && match.offer.status === 'active';

export const MATCH_SORTS = ['-score', 'score', '-updatedAt', 'updatedAt', '-createdAt'] as const;

export interface MatchListParams {
  page: number;
  pageSize: number;
  /** Comma-separated statuses. */
  status?: string;
  requestId?: string;
  offerId?: string;
  origin?: string;
  /** Part of the request's reference, or words of the request's or the offer's title or description. */
  q?: string;
  sort?: string;
}

export const matchKeys = {
  all: ['matches'] as const,
  list: (params: MatchListParams) => ['matches', 'list', params] as const,
  forRequest: (id: string) => ['matches', 'request', id] as const,
  forOffer: (id: string) => ['matches', 'offer', id] as const,
  detail: (id: string) => ['matches', 'detail', id] as const,
  history: (id: string) => ['matches', 'detail', id, 'history'] as const,
};

export const matchListQuery = (params: MatchListParams) =>
  queryOptions({
    queryKey: matchKeys.list(params),
    queryFn: ({ signal }) => api.get<Paginated<Match>>('/matches', { query: { ...params }, signal }),
  });

/** Every match of a request, best score first (one page of 100: top-k is at most 50). */
export const requestMatchesQuery = (requestId: string) =>
  queryOptions({
    queryKey: matchKeys.forRequest(requestId),
    queryFn: ({ signal }) =>
      api.get<Paginated<Match>>(`/requests/${requestId}/matches`, { query: { pageSize: 100 }, signal }),
  });

export const offerMatchesQuery = (offerId: string) =>
  queryOptions({
    queryKey: matchKeys.forOffer(offerId),
    queryFn: ({ signal }) =>
      api.get<Paginated<Match>>(`/offers/${offerId}/matches`, { query: { pageSize: 100 }, signal }),
  });

export const matchHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: matchKeys.history(id),
    queryFn: ({ signal }) => api.get<HistoryItem[]>(`/matches/${id}/history`, { signal }),
  });

export interface MatchTransitionInput {
  action: MatchAction;
  comment?: string;
  reason?: string;
  /** Required to complete a match. */
  delivery?: DeliveryRecord;
  version?: number;
}

/** A committee member's manual match, or a provider's expression of interest. */
export function createMatch(input: { requestId: string; offerId: string; notes?: string }) {
  return api.post<Match>('/matches', input);
}

export function transitionMatch(id: string, input: MatchTransitionInput) {
  return api.post<Match>(`/matches/${id}/transitions`, input);
}

export function giveMatchFeedback(id: string, input: { rating: number; comment?: string }) {
  return api.post<Match>(`/matches/${id}/feedback`, input);
}
