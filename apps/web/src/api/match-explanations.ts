import { queryOptions } from '@tanstack/react-query';
import { api, type QueryOf } from './client';
import type { explainQuerySchema, ExplanationOutcome, IneligibilityRule, MatchExplanationView } from '@app/contracts';

export type { ExplanationOutcome, IneligibilityRule };

/** GET /requests/:id/matches/explain?offerId=: why the engine did or did not suggest the offer. */
export type MatchExplanation = MatchExplanationView;

/** Under the matches' key, so whatever refreshes a request's matches refreshes its explanations too. */
export const matchExplanationQuery = (requestId: string, offerId: string) =>
  queryOptions({
    queryKey: ['matches', 'explain', requestId, offerId] as const,
    queryFn: ({ signal }) =>
      api.get<MatchExplanation>(`/requests/${requestId}/matches/explain`, { query: { offerId } satisfies QueryOf<typeof explainQuerySchema>, signal }),
  });
