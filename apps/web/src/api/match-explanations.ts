import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { ScoreComponent } from './matches';

export type ExplanationOutcome =
  'suggested' | 'ineligible' | 'not_relevant' | 'below_threshold' | 'outranked' | 'request_not_open';

export type IneligibilityRule =
  'offer_inactive' | 'no_capacity' | 'state_not_served' | 'no_domain_overlap' | 'availability_disjoint';

/** GET /requests/:id/matches/explain?offerId= (apps/api match-explain.service.ts MatchExplanationView). */
export interface MatchExplanation {
  outcome: ExplanationOutcome;
  request: { id: string; reference: string; status: string; state: string };
  offer: { id: string; title: string; status: string; provider: { id: string; name: string; shortName: string } };
  weightsVersion: number;
  threshold: number;
  topK: number;
  score: number | null;
  components: ScoreComponent[] | null;
  reason: string | null;
  relevance: {
    requested: string[];
    covered: string[];
    offered: string[];
    text: number;
    textThreshold: number;
    basis: 'provisions' | 'text' | null;
  } | null;
  rank: number | null;
  kept: number | null;
  lowestKept: { offerId: string; title: string; provider: string; score: number; rank: number } | null;
  ineligible: {
    rule: IneligibilityRule;
    offerStatus?: string;
    engagements?: number | null;
    remainingEngagements?: number | null;
    state?: string;
    eligibleStates?: string[];
    eligibleRegions?: string[];
    requestedDomains?: string[];
    offeredDomains?: string[];
    desiredStart?: string | null;
    desiredEnd?: string | null;
    availableFrom?: string | null;
    availableUntil?: string | null;
  } | null;
  match: { id: string; status: string } | null;
}

/** Under the matches' key, so whatever refreshes a request's matches refreshes its explanations too. */
export const matchExplanationQuery = (requestId: string, offerId: string) =>
  queryOptions({
    queryKey: ['matches', 'explain', requestId, offerId] as const,
    queryFn: ({ signal }) =>
      api.get<MatchExplanation>(`/requests/${requestId}/matches/explain`, { query: { offerId }, signal }),
  });
