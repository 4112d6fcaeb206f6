import type { IneligibilityReason } from './eligibility';
import type { MatchingEngine } from './engine';
import { relevanceOf, type Relevance } from './relevance';
import type { ReasonPart } from './types';
import type { MatchableOffer, MatchableRequest, ScoreComponent } from './types';

// "Why is this offer not suggested?" — the engine's own decision for one pair, taken step by step in the order
// the engine takes it: hard filters, the relevance rule, the threshold, then the top-k. Every answer carries the
// figures it was decided on, so a person can check it.

/** The values a hard filter was decided on; only those of the rule that failed are set. */
export interface IneligibilityFacts {
  rule: IneligibilityReason;
  /** no_capacity: engagements offered in all, and how many are left (0). */
  engagements?: number | null;
  remainingEngagements?: number | null;
  /** state_not_served: the requesting State and whom the offer serves. */
  state?: string;
  eligibleStates?: string[];
  eligibleRegions?: string[];
  /** no_domain_overlap. */
  requestedDomains?: string[];
  offeredDomains?: string[];
  /** availability_disjoint: both windows (null = open). */
  desiredStart?: string | null;
  desiredEnd?: string | null;
  availableFrom?: string | null;
  availableUntil?: string | null;
}

/** The pair as the engine scores it. */
export interface ExplainedScore {
  score: number;
  components: ScoreComponent[];
  reason: string;
  /** The reason line's clauses, for the reader's language. */
  reasonParts: ReasonPart[];
  relevance: Relevance;
}

/** The lowest-ranked suggestion kept, which an outranked offer would have had to beat. */
export interface KeptSuggestion {
  offerId: string;
  score: number;
  rank: number;
}

export type OfferExplanation =
  | { outcome: 'ineligible'; ineligible: IneligibilityFacts }
  | { outcome: 'not_relevant'; pair: ExplainedScore }
  | { outcome: 'below_threshold'; pair: ExplainedScore; threshold: number }
  | { outcome: 'outranked'; pair: ExplainedScore; topK: number; lowestKept: KeptSuggestion }
  | { outcome: 'suggested'; pair: ExplainedScore; rank: number; kept: number };

export function ineligibilityFacts(
  rule: IneligibilityReason,
  request: MatchableRequest,
  offer: MatchableOffer,
): IneligibilityFacts {
  switch (rule) {
    case 'offer_inactive':
      return { rule };
    case 'no_capacity':
      return {
        rule,
        engagements: offer.capacity.engagements ?? null,
        remainingEngagements: offer.remainingEngagements,
      };
    case 'state_not_served':
      return {
        rule,
        state: request.state,
        eligibleStates: offer.eligibleStates,
        eligibleRegions: offer.eligibleRegions,
      };
    case 'no_domain_overlap':
      return { rule, requestedDomains: request.domains, offeredDomains: offer.domains };
    case 'availability_disjoint':
      return {
        rule,
        desiredStart: request.desiredStart ?? null,
        desiredEnd: request.desiredEnd ?? null,
        availableFrom: offer.availableFrom ?? null,
        availableUntil: offer.availableUntil ?? null,
      };
  }
}

function ineligible(rule: IneligibilityReason, request: MatchableRequest, offer: MatchableOffer): OfferExplanation {
  return { outcome: 'ineligible', ineligible: ineligibilityFacts(rule, request, offer) };
}

/**
 * Why `engine` does or does not suggest `offer` for `request`, answered by the same code that selects the
 * suggestions (the request must be open for matching: that is the caller's filter, as for `scoreRequest`). An
 * eligible offer the engine does not hold yet is added first, as the worker adds an offer once it is verified.
 */
export function explainOffer(
  engine: MatchingEngine,
  request: MatchableRequest,
  offer: MatchableOffer,
): OfferExplanation {
  const eligibility = engine.eligibility(request, offer);
  if (!eligibility.eligible) return ineligible(eligibility.reason, request, offer);
  if (!engine.hasOffer(offer.id)) engine.upsertOffer(offer);
  const pair = engine.scorePair(request, offer.id)!;
  if (!pair.eligible) return ineligible(pair.reason, request, offer);

  const { result } = pair;
  const text = result.components.find((c) => c.key === 'textRelevance')!.value;
  const scored: ExplainedScore = {
    score: result.score,
    components: result.components,
    reason: result.reason,
    reasonParts: result.reasonParts ?? [],
    relevance: relevanceOf(engine.readRequest(request), offer, text),
  };
  if (scored.relevance.basis === null) return { outcome: 'not_relevant', pair: scored };
  const { threshold, topK } = engine.profile;
  if (scored.score < threshold) return { outcome: 'below_threshold', pair: scored, threshold };

  const kept = engine.rankRequest(request);
  const at = kept.findIndex((k) => k.offerId === offer.id);
  if (at >= 0) return { outcome: 'suggested', pair: scored, rank: at + 1, kept: kept.length };
  const last = kept[kept.length - 1];
  return {
    outcome: 'outranked',
    pair: scored,
    topK,
    lowestKept: { offerId: last.offerId, score: last.score, rank: kept.length },
  };
}
