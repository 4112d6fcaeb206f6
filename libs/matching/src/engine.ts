import { CandidateIndex } from './candidate-index';
import {
  checkEligibility,
  createRegionMembership,
  offerServesState,
  windowsOverlap,
  type IneligibilityReason,
  type RegionMembership,
} from './eligibility';
import {
  PairScorer,
  TaxonomyEncoder,
  offerText,
  prepareOffer,
  prepareRequest,
  requestText,
  type PreparedOffer,
  type PreparedRequest,
} from './score';
import { TextIndex } from './text-index';
import type { MatchResult, MatchableOffer, MatchableRequest, ScoringContext, WeightsProfile } from './types';
import { DEFAULT_WEIGHTS_PROFILE } from './weights-profile';

/** Bumped whenever a formula changes, so stored matches say which engine scored them (DESIGN §4, Match). */
export const MATCHING_ENGINE_VERSION = 1;

// Floating-point slack for the one bound that is a sum computed in another order than the score itself.
const BOUND_SLACK = 1e-9;

/** Counters a caller may pass to `scoreRequest` to see how much work candidate generation saved. */
export interface CandidateSearchStats {
  requests: number;
  /** Eligible offers sharing a provision or assistance-type code. */
  candidates: number;
  /** Requests for which the offers sharing no such code had to be scanned too. */
  restScans: number;
  restCandidates: number;
  /** Pairs whose text relevance was computed (the only costly component). */
  exactScores: number;
}

export function emptyCandidateSearchStats(): CandidateSearchStats {
  return { requests: 0, candidates: 0, restScans: 0, restCandidates: 0, exactScores: 0 };
}

export type PairScore =
  | { eligible: true; result: MatchResult }
  | { eligible: false; reason: IneligibilityReason; detail: string };

function before(scoreA: number, idA: string, scoreB: number, idB: string): boolean {
  return scoreA > scoreB || (scoreA === scoreB && idA < idB);
}

/** The k best (score desc, id asc) at or above a threshold. */
class TopK {
  readonly scores: number[] = [];
  readonly items: PreparedOffer[] = [];

  constructor(
    private readonly k: number,
    private readonly threshold: number,
  ) {}

  /** Anything scoring below this cannot enter. */
  get floor(): number {
    return this.scores.length < this.k ? this.threshold : Math.max(this.threshold, this.scores[this.k - 1]);
  }

  consider(score: number, item: PreparedOffer): void {
    if (score < this.threshold) return;
    const id = item.offer.id;
    const n = this.scores.length;
    if (n === this.k && !before(score, id, this.scores[n - 1], this.items[n - 1].offer.id)) return;
    let i = n === this.k ? n - 1 : n;
    while (i > 0 && before(score, id, this.scores[i - 1], this.items[i - 1].offer.id)) {
      this.scores[i] = this.scores[i - 1];
      this.items[i] = this.items[i - 1];
      i--;
    }
    this.scores[i] = score;
    this.items[i] = item;
  }
}

/**
 * Scores requests against the offers it holds (DESIGN §6). Build one per worker from the active offers, keep it
 * current with `upsertOffer`/`removeOffer`, and rebuild it when regions change.
 */
export class MatchingEngine {
  private readonly encoder = new TaxonomyEncoder();
  private readonly text = new TextIndex();
  private readonly membership: RegionMembership;
  private readonly index: CandidateIndex;
  private scorer: PairScorer;
  private candidateSlots = new Int32Array(256);
  private candidateSums = new Float64Array(256);
  private seeded = new Uint8Array(256);

  constructor(
    offers: Iterable<MatchableOffer>,
    private readonly context: ScoringContext,
    profile: WeightsProfile = DEFAULT_WEIGHTS_PROFILE,
  ) {
    this.scorer = new PairScorer(profile);
    this.membership = createRegionMembership(context);
    this.index = new CandidateIndex(context, this.membership);
    for (const offer of offers) this.upsertOffer(offer);
  }

  get profile(): WeightsProfile {
    return this.scorer.profile;
  }

  /** A new weights profile; the caller rescores (DESIGN §6.6). Throws RangeError on an invalid profile. */
  setProfile(profile: WeightsProfile): void {
    this.scorer = new PairScorer(profile);
  }

  get offerCount(): number {
    return this.index.size;
  }

  hasOffer(offerId: string): boolean {
    return this.index.get(offerId) !== undefined;
  }

  /** Adds or replaces one offer: verified, edited, paused, resumed, capacity used. */
  upsertOffer(offer: MatchableOffer): void {
    const vector = this.text.upsert(offer.id, offerText(offer));
    this.index.upsert(prepareOffer(offer, this.encoder, vector));
  }

  removeOffer(offerId: string): boolean {
    const removed = this.index.remove(offerId);
    this.text.remove(offerId);
    return removed;
  }

  /**
   * The top-k offers at or above the threshold, best first, ties by offer id — found through the candidate index.
   * Equal, pair for pair and bit for bit, to `scoreRequestExhaustive` (see candidate-index.ts for the bound).
   */
  scoreRequest(request: MatchableRequest, stats?: CandidateSearchStats): MatchResult[] {
    const r = this.prepare(request);
    const { topK, threshold } = this.scorer.profile;
    const top = new TopK(topK, threshold);
    const { eligible, shared } = this.index.candidates(r);
    const words = this.index.wordCount;

    const candidates = this.search(r, top, words, (w) => eligible[w] & shared[w], stats);
    if (stats) {
      stats.requests++;
      stats.candidates += candidates;
    }
    if (this.restBound(request) + BOUND_SLACK >= top.floor) {
      const rest = this.search(r, top, words, (w) => eligible[w] & ~shared[w], stats);
      if (stats) {
        stats.restScans++;
        stats.restCandidates += rest;
      }
    }
    return this.explainAll(r, top);
  }

  /** The baseline: every offer through the hard filters, every eligible pair through the same scorer. */
  scoreRequestExhaustive(request: MatchableRequest): MatchResult[] {
    const r = this.prepare(request);
    const { topK, threshold } = this.scorer.profile;
    const top = new TopK(topK, threshold);
    for (const o of this.index.offers()) {
      if (!checkEligibility(request, o.offer, this.context, this.membership).eligible) continue;
      top.consider(this.scorer.score(r, o, this.context), o);
    }
    return this.explainAll(r, top);
  }

  /**
   * Offer-side trigger: upserts the offer, then scores it against each request. Returns every eligible pair at
   * or above the threshold, best first, ties by request id. Whether a pair makes its request's top-k depends on
   * the other offers; `scoreRequest` on the returned requests answers that.
   */
  scoreOffer(offer: MatchableOffer, requests: readonly MatchableRequest[]): MatchResult[] {
    this.upsertOffer(offer);
    const o = this.index.get(offer.id)!;
    const results: MatchResult[] = [];
    for (const request of requests) {
      const eligibility = checkEligibility(request, offer, this.context, this.membership);
      if (!eligibility.eligible) continue;
      const r = this.prepare(request);
      const score = this.scorer.score(r, o, this.context);
      if (score >= this.scorer.profile.threshold) {
        results.push(this.scorer.explain(r, o, this.context, score, eligibility.via));
      }
    }
    return results.sort((a, b) => b.score - a.score || (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0));
  }

  /**
   * One pair, whatever its score: for matches a committee member proposes by hand. Undefined for an unknown
   * offer id.
   */
  scorePair(request: MatchableRequest, offerId: string): PairScore | undefined {
    const o = this.index.get(offerId);
    if (!o) return undefined;
    const eligibility = checkEligibility(request, o.offer, this.context, this.membership);
    if (!eligibility.eligible) return eligibility;
    const r = this.prepare(request);
    const score = this.scorer.score(r, o, this.context);
    return { eligible: true, result: this.scorer.explain(r, o, this.context, score, eligibility.via) };
  }

  /**
   * Upper bound on the score of an offer sharing no provision and no assistance-type code: those two components
   * are 0, every other is at most 1, and preferred provider is 0 for everyone when the request names none.
   */
  restBound(request: MatchableRequest): number {
    const weights = this.scorer.profile.weights;
    let excluded = weights.provisionCoverage + weights.assistanceTypeCoverage;
    if (request.preferredProviderIds.length === 0) excluded += weights.preferredProvider;
    return (this.scorer.totalWeight - excluded) / this.scorer.totalWeight;
  }

  private prepare(request: MatchableRequest): PreparedRequest {
    return prepareRequest(request, this.encoder, this.text.query(requestText(request)));
  }

  /**
   * Scores the offers of one bitmap into `top`, computing text relevance only where it can matter. Every other
   * component is computed first (cheap: popcounts and comparisons), which bounds each score between
   * combine(rest, 0) and combine(rest, 1). The k offers with the best lower bounds are scored first to raise the
   * floor; any other offer whose upper bound is below the floor cannot enter and is skipped.
   */
  private search(
    r: PreparedRequest,
    top: TopK,
    words: number,
    word: (w: number) => number,
    stats: CandidateSearchStats | undefined,
  ): number {
    if (this.candidateSlots.length < words * 32) {
      this.candidateSlots = new Int32Array(words * 32);
      this.candidateSums = new Float64Array(words * 32);
      this.seeded = new Uint8Array(words * 32);
    }
    const slots = this.candidateSlots;
    const sums = this.candidateSums;
    const scorer = this.scorer;
    const context = this.context;
    let count = 0;
    for (let w = 0; w < words; w++) {
      let x = word(w);
      while (x !== 0) {
        const low = x & -x;
        x ^= low;
        const slot = (w << 5) | (31 - Math.clz32(low));
        const o = this.index.slot(slot)!;
        if (!windowsOverlap(r.start, r.end, o.from, o.until)) continue;
        slots[count] = slot;
        sums[count] = scorer.nonTextSum(r, o, context);
        count++;
      }
    }
    if (count === 0) return 0;

    const seeds = bestIndices(sums, count, this.scorer.profile.topK);
    const seeded = this.seeded;
    seeded.fill(0, 0, count);
    let exact = 0;
    for (const i of seeds) {
      seeded[i] = 1;
      const o = this.index.slot(slots[i])!;
      top.consider(scorer.combine(sums[i], scorer.textRelevance(r, o)), o);
      exact++;
    }
    for (let i = 0; i < count; i++) {
      if (seeded[i] === 1 || scorer.combine(sums[i], 1) < top.floor) continue;
      const o = this.index.slot(slots[i])!;
      top.consider(scorer.combine(sums[i], scorer.textRelevance(r, o)), o);
      exact++;
    }
    if (stats) stats.exactScores += exact;
    return count;
  }

  private explainAll(r: PreparedRequest, top: TopK): MatchResult[] {
    return top.items.map((o, i) => {
      const via = offerServesState(o.offer, r.request.state, this.membership)!;
      return this.scorer.explain(r, o, this.context, top.scores[i], via);
    });
  }
}

/** Positions of the k largest values among the first n (order unspecified). */
function bestIndices(values: Float64Array, n: number, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (best.length === k && v <= values[best[k - 1]]) continue;
    let j = best.length < k ? best.length : k - 1;
    while (j > 0 && v > values[best[j - 1]]) {
      best[j] = best[j - 1];
      j--;
    }
    best[j] = i;
  }
  return best;
}
