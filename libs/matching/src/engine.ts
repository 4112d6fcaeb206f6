import { CandidateIndex } from './candidate-index';
import {
  checkEligibility,
  createRegionMembership,
  offerServesState,
  type IneligibilityReason,
  type RegionMembership,
} from './eligibility';
import {
  PairScorer,
  TaxonomyEncoder,
  popcount,
  offerText,
  prepareOffer,
  prepareRequest,
  requestText,
  type PreparedOffer,
  type PreparedRequest,
} from './score';
import { TextIndex, TextScatter } from './text-index';
import type { MatchResult, MatchableOffer, MatchableRequest, ScoringContext, WeightsProfile } from './types';
import { DEFAULT_WEIGHTS_PROFILE } from './weights-profile';

/** Bumped whenever a formula changes, so stored matches say which engine scored them (DESIGN §4, Match). */
export const MATCHING_ENGINE_VERSION = 1;

// Floating-point slack for the one bound that is a sum computed in another order than the score itself.
const BOUND_SLACK = 1e-9;

/** Counters and phase timings a caller may pass to the scoring methods, to see where the work goes. */
export interface MatchingStats {
  requests: number;
  /** Offers passing the hard filters (for the indexed path: all but the availability window). */
  eligible: number;
  /** Indexed path: eligible offers sharing a provision or assistance-type code. Exhaustive: every eligible one. */
  candidates: number;
  /** Requests for which the offers sharing no such code had to be scanned too. */
  restScans: number;
  restCandidates: number;
  /** Pairs whose components other than text were all computed. */
  fullScores: number;
  /** Pairs whose text relevance was computed too. */
  exactScores: number;
  /** Building the request's prepared form (tokens, text vector, masks). */
  prepareMs: number;
  /** Finding the top-k: the part candidate generation replaces. */
  selectMs: number;
  /** Explaining (or listing) the k kept. */
  finishMs: number;
}

export function emptyMatchingStats(): MatchingStats {
  return {
    requests: 0,
    eligible: 0,
    candidates: 0,
    restScans: 0,
    restCandidates: 0,
    fullScores: 0,
    exactScores: 0,
    prepareMs: 0,
    selectMs: 0,
    finishMs: 0,
  };
}

/** A kept offer without its explanation. */
export interface RankedOffer {
  offerId: string;
  score: number;
}

export type PairScore =
  { eligible: true; result: MatchResult } | { eligible: false; reason: IneligibilityReason; detail: string };

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
  ) {
    this.floor = threshold;
  }

  /** Anything scoring below this cannot enter: the threshold, or the k-th best score once k are held. */
  floor: number;

  ranked(): RankedOffer[] {
    return this.items.map((o, i) => ({ offerId: o.offer.id, score: this.scores[i] }));
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
    if (this.scores.length === this.k) this.floor = Math.max(this.threshold, this.scores[this.k - 1]);
  }
}

/**
 * Scores requests against the offers it holds (DESIGN §6). Build one per worker from the active offers, keep it
 * current with `upsertOffer`/`removeOffer`, and rebuild it when regions change.
 */
export class MatchingEngine {
  private readonly encoder = new TaxonomyEncoder();
  private readonly text = new TextIndex();
  private readonly scatter = new TextScatter();
  private readonly membership: RegionMembership;
  private readonly index: CandidateIndex;
  private scorer: PairScorer;
  private candidateSlots = new Int32Array(256);
  private candidateBounds = new Float64Array(256);
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
  scoreRequest(request: MatchableRequest, stats?: MatchingStats): MatchResult[] {
    return this.run(request, false, stats, (r, top) => this.explainAll(r, top));
  }

  /** `scoreRequest` without the explanations: offer ids and scores only. */
  rankRequest(request: MatchableRequest, stats?: MatchingStats): RankedOffer[] {
    return this.run(request, false, stats, (_r, top) => top.ranked());
  }

  /**
   * The baseline: every offer through the hard filters (the prepared form of `checkEligibility`, equal to it by
   * test), every eligible pair through the same scorer, explanations for the k kept.
   */
  scoreRequestExhaustive(request: MatchableRequest, stats?: MatchingStats): MatchResult[] {
    return this.run(request, true, stats, (r, top) => this.explainAll(r, top));
  }

  rankRequestExhaustive(request: MatchableRequest, stats?: MatchingStats): RankedOffer[] {
    return this.run(request, true, stats, (_r, top) => top.ranked());
  }

  private run<T>(
    request: MatchableRequest,
    exhaustive: boolean,
    stats: MatchingStats | undefined,
    finish: (r: PreparedRequest, top: TopK) => T,
  ): T {
    const t0 = stats ? performance.now() : 0;
    return this.withRequest(request, (r) => {
      const t1 = stats ? performance.now() : 0;
      const top = exhaustive ? this.selectExhaustive(r, stats) : this.selectIndexed(r, stats);
      const t2 = stats ? performance.now() : 0;
      const out = finish(r, top);
      if (stats) {
        stats.requests++;
        stats.prepareMs += t1 - t0;
        stats.selectMs += t2 - t1;
        stats.finishMs += performance.now() - t2;
      }
      return out;
    });
  }

  private selectIndexed(r: PreparedRequest, stats: MatchingStats | undefined): TopK {
    const { topK, threshold } = this.scorer.profile;
    const top = new TopK(topK, threshold);
    const { eligible, shared } = this.index.candidates(r);
    const words = this.index.wordCount;
    const textCap = this.text.similarityBound(r.text);
    const candidates = this.search(r, top, words, (w) => eligible[w] & shared[w], textCap, stats);
    if (stats) {
      stats.candidates += candidates;
      for (let w = 0; w < words; w++) stats.eligible += popcount(eligible[w]);
    }
    if (this.restBound(r.request) + BOUND_SLACK >= top.floor) {
      const rest = this.search(r, top, words, (w) => eligible[w] & ~shared[w], textCap, stats);
      if (stats) {
        stats.restScans++;
        stats.restCandidates += rest;
      }
    }
    return top;
  }

  private selectExhaustive(r: PreparedRequest, stats: MatchingStats | undefined): TopK {
    const { topK, threshold } = this.scorer.profile;
    const top = new TopK(topK, threshold);
    const index = this.index;
    let eligible = 0;
    for (let slot = 0; slot < index.slotCount; slot++) {
      if (!index.isEligible(slot, r)) continue;
      eligible++;
      top.consider(this.scorer.score(r, index.slot(slot)!, this.context), index.slot(slot)!);
    }
    if (stats) {
      stats.eligible += eligible;
      stats.candidates += eligible;
      stats.fullScores += eligible;
      stats.exactScores += eligible;
    }
    return top;
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
      const result = this.withRequest(request, (r) => {
        const score = this.scorer.score(r, o, this.context);
        return score >= this.scorer.profile.threshold
          ? this.scorer.explain(r, o, this.context, score, eligibility.via)
          : null;
      });
      if (result) results.push(result);
    }
    return results.sort(
      (a, b) => b.score - a.score || (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0),
    );
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
    return this.withRequest(request, (r) => {
      const score = this.scorer.score(r, o, this.context);
      return { eligible: true as const, result: this.scorer.explain(r, o, this.context, score, eligibility.via) };
    });
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

  /** Runs `fn` on the request's prepared form, its text scattered for fast similarity meanwhile. */
  private withRequest<T>(request: MatchableRequest, fn: (r: PreparedRequest) => T): T {
    const r = prepareRequest(request, this.encoder, this.text.query(requestText(request)));
    r.dense = this.scatter.scatter(r.text, this.text.vocabularySize);
    try {
      return fn(r);
    } finally {
      r.dense = null;
      this.scatter.clear();
    }
  }

  /**
   * Scores the offers of one bitmap into `top`, doing the costly work only where it can change the result.
   * Three bounds, each at least the exact score:
   *   1. cheap, from the flat per-slot arrays: the four taxonomy coverages and language fit exactly; text
   *      relevance at `textCap` (the query's bound over all offers, see TextIndex.similarityBound); budget,
   *      timing, prior work and preferred provider at their maximum;
   *   2. combine(nonTextSum, textCap): every component exact except text relevance;
   *   3. the exact score.
   * The k offers with the best first bound are scored exactly first, to raise the floor (threshold, or k-th best
   * held); any other offer is dropped at the first bound that falls below the floor.
   */
  private search(
    r: PreparedRequest,
    top: TopK,
    words: number,
    word: (w: number) => number,
    textCap: number,
    stats: MatchingStats | undefined,
  ): number {
    const capacity = words * 32;
    if (this.candidateSlots.length < capacity) {
      this.candidateSlots = new Int32Array(capacity);
      this.candidateBounds = new Float64Array(capacity);
      this.seeded = new Uint8Array(capacity);
    }
    const index = this.index;
    const slots = this.candidateSlots;
    const bounds = this.candidateBounds;
    const scorer = this.scorer;
    const context = this.context;
    const w = scorer.weights;
    const total = scorer.totalWeight;
    const provisionMasks = index.provisionMasks;
    const typeMasks = index.assistanceTypeMasks;
    const domainMasks = index.domainMasks;
    const institutionMasks = index.institutionMasks;
    const languageMasks = index.languageMasks;
    const rp = r.provisionMask;
    const rt = r.assistanceTypeMask;
    const rd = r.domainMask;
    const ri = r.institutionMask;
    const rl = r.languageMask;
    const perProvision = r.provisionCount === 0 ? 0 : w[0] / r.provisionCount;
    const perType = r.assistanceTypeCount === 0 ? 0 : w[1] / r.assistanceTypeCount;
    const perDomain = r.domainCount === 0 ? 0 : w[2] / r.domainCount;
    const perInstitution = r.institutionCount === 0 ? 0 : w[3] / r.institutionCount;
    const availableFrom = index.availableFrom;
    const availableUntil = index.availableUntil;
    const start = r.start;
    const end = r.end;
    const unbounded = w[4] * textCap + w[5] + w[6] + w[9] + (r.request.preferredProviderIds.length > 0 ? w[8] : 0);

    let count = 0;
    for (let wi = 0; wi < words; wi++) {
      let x = word(wi);
      while (x !== 0) {
        const low = x & -x;
        x ^= low;
        const slot = (wi << 5) | (31 - Math.clz32(low));
        const from = availableFrom[slot];
        const until = availableUntil[slot];
        // windowsOverlap, on the flat arrays.
        if ((start !== null && start > until) || (end !== null && from > end)) continue;
        const ol = languageMasks[slot];
        const language = rl === 0 || (rl & ol) !== 0 ? 1 : ol === 0 ? 0.5 : 0;
        slots[count] = slot;
        bounds[count] =
          (perProvision * popcount(rp & provisionMasks[slot]) +
            perType * popcount(rt & typeMasks[slot]) +
            perDomain * popcount(rd & domainMasks[slot]) +
            perInstitution * popcount(ri & institutionMasks[slot]) +
            w[7] * language +
            unbounded) /
          total;
        count++;
      }
    }
    if (count === 0) return 0;

    const seeds = bestIndices(bounds, count, this.scorer.profile.topK);
    const seeded = this.seeded;
    seeded.fill(0, 0, count);
    let full = 0;
    let exact = 0;
    for (const i of seeds) {
      seeded[i] = 1;
      const o = index.slot(slots[i])!;
      top.consider(scorer.combine(scorer.nonTextSum(r, o, context), scorer.textRelevance(r, o)), o);
      full++;
      exact++;
    }
    for (let i = 0; i < count; i++) {
      if (seeded[i] === 1 || bounds[i] + BOUND_SLACK < top.floor) continue;
      const o = index.slot(slots[i])!;
      const rest = scorer.nonTextSum(r, o, context);
      full++;
      if (scorer.combine(rest, textCap) < top.floor) continue;
      top.consider(scorer.combine(rest, scorer.textRelevance(r, o)), o);
      exact++;
    }
    if (stats) {
      stats.fullScores += full;
      stats.exactScores += exact;
    }
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
