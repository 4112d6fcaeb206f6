import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Paginated, type QueryOf } from './client';
import type {
  ComponentKey,
  createMatchSchema,
  feedbackSchema,
  listMatchesSchema,
  MatchAction,
  MatchFeedbackView,
  MatchOrigin,
  MatchStatus,
  matchTransitionSchema,
  MatchView,
  RetirementReason,
  ScoreComponentView,
} from '@app/contracts';
import { COMPONENT_KEYS, MATCH_ORIGINS, MATCH_STATUSES } from '@app/contracts/vocabulary';
import type { HistoryItem } from './history';

// Match statuses of DESIGN §5, in workflow order, and the rest of a match's words: libs/domain match.workflow.ts.
export { MATCH_ORIGINS, MATCH_STATUSES };
export type { MatchAction, MatchOrigin, MatchStatus, RetirementReason };

export function isMatchStatus(value: string): value is MatchStatus {
  return (MATCH_STATUSES as readonly string[]).includes(value);
}


/** The score's components, in the order the engine lists them (libs/matching types.ts). */
export const SCORE_COMPONENT_KEYS = COMPONENT_KEYS;
export type ScoreComponentKey = ComponentKey;

export function isScoreComponentKey(value: string): value is ScoreComponentKey {
  return (SCORE_COMPONENT_KEYS as readonly string[]).includes(value);
}

export type ScoreComponent = ScoreComponentView;
export type MatchFeedback = MatchFeedbackView;

/** GET /matches/:id and every write on a match. */
export type Match = MatchView;

/** Whether the engine will still score this pair: while the request is open for matching and the offer active. */
export const awaitsScore = (match: Pick<Match, 'request' | 'offer'>): boolean =>
  (match.request.status === 'circulated' || match.request.status === 'matched') && match.offer.status === 'active';

/**
 * GET /matches: `status` comma-separated; `q` part of the request's reference, or words of the request's or the
 * offer's title or description.
 */
export type MatchListParams = QueryOf<typeof listMatchesSchema>;

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

/** POST /matches/:id/transitions, with an action the workflow knows; `delivery` completes a match. */
export type MatchTransitionInput = z.input<typeof matchTransitionSchema> & { action: MatchAction };

/** What a completed match delivered, as the person completing it records it. */
export type DeliveryRecord = NonNullable<MatchTransitionInput['delivery']>;

/** A committee member's manual match, or a provider's expression of interest. */
export function createMatch(input: z.input<typeof createMatchSchema>) {
  return api.post<Match>('/matches', input);
}

export function transitionMatch(id: string, input: MatchTransitionInput) {
  return api.post<Match>(`/matches/${id}/transitions`, input);
}

export function giveMatchFeedback(id: string, input: z.input<typeof feedbackSchema>) {
  return api.post<Match>(`/matches/${id}/feedback`, input);
}
