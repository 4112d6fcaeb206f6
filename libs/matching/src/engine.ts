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
  PriorWorkTable,
  TaxonomyEncoder,
  popcount,
  offerText,
  prepareOffer,
  prepareRequest,
  requestText,
  type PreparedRequest,
} from './score';
import { TEXT_BLOCKS, TEXT_SIGNATURE_WORDS, TextIndex, TextScatter } from './text-index';
import type { MatchResult, MatchableOffer, MatchableRequest, ScoringContext, WeightsProfile } from './types';
import { DEFAULT_WEIGHTS_PROFILE } from './weights-profile';

/** Bumped whenever a formula changes, so stored matches say which engine scored them (DESIGN §4, Match). */
export const MATCHING_ENGINE_VERSION = 1;

// Floating-point slack for the bounds that are sums computed in another order than the score itself.
const BOUND_SLACK = 1e-9;
// Text relevance is rounded to 1e-12 (text-index.ts); a per-offer text bound gets this much headroom.
const TEXT_BOUND_SLACK = 1e-9;

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

/** The k best (score desc, id asc) at or above a threshold, as candidate-index slots. */
class TopK {
  readonly scores: number[] = [];
  readonly slots: number[] = [];
  readonly ids: string[] = [];

  constructor(
    private readonly k: number,
    private readonly threshold: number,
  ) {
    this.floor = threshold;
  }

  /** Anything scoring below this cannot enter: the threshold, or the k-th best score once k are held. */
  floor: number;

  ranked(): RankedOffer[] {
    return this.ids.map((offerId, i) => ({ offerId, score: this.scores[i] }));
  }

  consider(score: number, slot: number, id: string): void {
    if (score < this.threshold) return;
    const n = this.scores.length;
    if (n === this.k && !before(score, id, this.scores[n - 1], this.ids[n - 1])) return;
    let i = n === this.k ? n - 1 : n;
    while (i > 0 && before(score, id, this.scores[i - 1], this.ids[i - 1])) {
      this.scores[i] = this.scores[i - 1];
      this.slots[i] = this.slots[i - 1];
      this.ids[i] = this.ids[i - 1];
      i--;
    }
    this.scores[i] = score;
    this.slots[i] = slot;
    this.ids[i] = id;
    if (this.scores.length === this.k) this.floor = Math.max(this.threshold, this.scores[this.k - 1]);
  }
}

/**
 * Scores requests against the offers it holds (DESIGN §6). Build one per worker from the active offers, keep it
 * current with `upsertOffer`/`removeOffer`, and rebuild it when regions or track records change.
 */
export class MatchingEngine {
  private readonly encoder = new TaxonomyEncoder();
  private readonly text = new TextIndex();
  private readonly scatter = new TextScatter();
  private readonly membership: RegionMembership;
  private readonly index: CandidateIndex;
  private readonly priorWork: PriorWorkTable;
  private scorer: PairScorer;
  // Scratch for `search`, grown with the index: candidate slots, their first bounds, and a bucket sort of both.
  private candidateSlots = new Int32Array(256);
  private candidateBounds = new Float64Array(256);
  private order = new Int32Array(256);
  private readonly bucketStarts = new Int32Array(BUCKETS + 1);
  // The query's per-block text bounds and block signature (TextIndex.blockBounds).
  private readonly textBlockBounds = new Float64Array(TEXT_BLOCKS);
  private readonly querySignature = new Int32Array(TEXT_SIGNATURE_WORDS);

  constructor(
    offers: Iterable<MatchableOffer>,
    private readonly context: ScoringContext,
    profile: WeightsProfile = DEFAULT_WEIGHTS_PROFILE,
  ) {
    this.scorer = new PairScorer(profile);
    this.membership = createRegionMembership(context);
    this.index = new CandidateIndex(context, this.membership);
    this.priorWork = new PriorWorkTable(context, this.encoder.providers);
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
    this.text.blockBounds(r.text, this.textBlockBounds, this.querySignature);
    const candidates = this.search(r, top, words, eligible, shared, false, textCap, stats);
    if (stats) {
      stats.candidates += candidates;
      for (let w = 0; w < words; w++) stats.eligible += popcount(eligible[w]);
    }
    if (this.restBound(r.request) + BOUND_SLACK >= top.floor) {
      const rest = this.search(r, top, words, eligible, shared, true, textCap, stats);
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
    const scorer = this.scorer;
    let eligible = 0;
    for (let slot = 0; slot < index.slotCount; slot++) {
      if (!index.isEligible(slot, r)) continue;
      eligible++;
      top.consider(scorer.score(r, index, slot), slot, index.slot(slot)!.offer.id);
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
    const slot = this.index.slotOf(offer.id);
    const results: MatchResult[] = [];
    for (const request of requests) {
      const eligibility = checkEligibility(request, offer, this.context, this.membership);
      if (!eligibility.eligible) continue;
      const result = this.withRequest(request, (r) => {
        const score = this.scorer.score(r, this.index, slot);
        return score >= this.scorer.profile.threshold
          ? this.scorer.explain(r, this.index, slot, this.context, score, eligibility.via)
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
    const slot = this.index.slotOf(offerId);
    if (slot < 0) return undefined;
    const o = this.index.slot(slot)!;
    const eligibility = checkEligibility(request, o.offer, this.context, this.membership);
    if (!eligibility.eligible) return eligibility;
    return this.withRequest(request, (r) => {
      const score = this.scorer.score(r, this.index, slot);
      return {
        eligible: true as const,
        result: this.scorer.explain(r, this.index, slot, this.context, score, eligibility.via),
      };
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
    const r = prepareRequest(request, this.encoder, this.text.query(requestText(request)), this.priorWork);
    r.dense = this.scatter.scatter(r.text, this.text.vocabularySize);
    try {
      return fn(r);
    } finally {
      r.dense = null;
      this.scatter.clear();
    }
  }

  /**
   * Scores the offers of one bitmap (`eligible ∧ shared`, or `eligible ∧ ¬shared` for the rest) into `top`,
   * best-first, doing the costly work only where it can change the result. Three bounds, each at least the
   * exact score:
   *   1. cheap, from the mask columns: the four taxonomy coverages and language fit exactly; text relevance at
   *      `textCap` (the query's bound over all offers, see TextIndex.similarityBound); budget, timing, prior
   *      work and preferred provider at their maximum;
   *   2. combine(nonTextSum, textCap): every component exact except text relevance;
   *   3. the exact score.
   * Candidates are bucket-sorted by the first bound and taken from the best bucket down, so the k held fill with
   * good offers early and the floor (threshold, or k-th best held) rises fast. Once a bucket's upper edge falls
   * below the floor, no remaining candidate can enter and the search stops; inside, a candidate is dropped at the
   * first bound that falls below the floor.
   */
  private search(
    r: PreparedRequest,
    top: TopK,
    words: number,
    eligible: Uint32Array,
    shared: Uint32Array,
    rest: boolean,
    textCap: number,
    stats: MatchingStats | undefined,
  ): number {
    const capacity = words * 32;
    if (this.candidateSlots.length < capacity) {
      this.candidateSlots = new Int32Array(capacity);
      this.candidateBounds = new Float64Array(capacity);
      this.order = new Int32Array(capacity);
    }
    const index = this.index;
    const slots = this.candidateSlots;
    const bounds = this.candidateBounds;
    const scorer = this.scorer;
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
    const unbounded = w[4] * textCap + w[5] + w[6] + w[9] + (r.preferred.length > 0 ? w[8] : 0);

    const counts = this.bucketStarts;
    counts.fill(0);
    let count = 0;
    for (let wi = 0; wi < words; wi++) {
      let x = rest ? eligible[wi] & ~shared[wi] : eligible[wi] & shared[wi];
      while (x !== 0) {
        const low = x & -x;
        x ^= low;
        const slot = (wi << 5) | (31 - Math.clz32(low));
        // windowsOverlap, on the flat arrays.
        if ((start !== null && start > availableUntil[slot]) || (end !== null && availableFrom[slot] > end)) continue;
        const ol = languageMasks[slot];
        const language = rl === 0 || (rl & ol) !== 0 ? 1 : ol === 0 ? 0.5 : 0;
        const bound =
          (perProvision * popcount(rp & provisionMasks[slot]) +
            perType * popcount(rt & typeMasks[slot]) +
            perDomain * popcount(rd & domainMasks[slot]) +
            perInstitution * popcount(ri & institutionMasks[slot]) +
            w[7] * language +
            unbounded) /
          total;
        slots[count] = slot;
        bounds[count] = bound;
        counts[bucketOf(bound)]++;
        count++;
      }
    }
    if (count === 0) return 0;

    // Bucket sort, best bucket first: counts become start offsets into `order`.
    let offset = 0;
    for (let b = BUCKETS - 1; b >= 0; b--) {
      const n = counts[b];
      counts[b] = offset;
      offset += n;
    }
    counts[BUCKETS] = offset;
    const order = this.order;
    for (let i = 0; i < count; i++) order[counts[bucketOf(bounds[i])]++] = i;
    // counts[b] is now the end of bucket b (= start of bucket b - 1).

    const signatures = index.textSignatures;
    const querySignature = this.querySignature;
    const blockBounds = this.textBlockBounds;
    const textWeight = w[4];
    let full = 0;
    let exact = 0;
    let i = 0;
    for (let b = BUCKETS - 1; b >= 0 && i < count; b--) {
      const endOfBucket = counts[b];
      // Every bound in bucket b lies below (b + 1) / BUCKETS; the top bucket also holds bounds rounded past 1.
      if (b < BUCKETS - 1 && (b + 1) / BUCKETS + BOUND_SLACK < top.floor) break;
      for (; i < endOfBucket; i++) {
        const c = order[i];
        const bound = bounds[c];
        if (bound + BOUND_SLACK < top.floor) continue;
        const slot = slots[c];
        // The offer's own text bound: the query's block bounds over the term blocks both texts touch.
        let textBound = 0;
        const base = slot * TEXT_SIGNATURE_WORDS;
        for (let j = 0; j < TEXT_SIGNATURE_WORDS; j++) {
          let x = signatures[base + j] & querySignature[j];
          while (x !== 0) {
            const low = x & -x;
            x ^= low;
            textBound += blockBounds[(j << 5) | (31 - Math.clz32(low))];
          }
        }
        textBound = Math.min(textCap, textBound + TEXT_BOUND_SLACK);
        if (bound - (textWeight * (textCap - textBound)) / total + BOUND_SLACK < top.floor) continue;
        const nonText = scorer.nonTextSum(r, index, slot);
        full++;
        if (scorer.combine(nonText, textBound) < top.floor) continue;
        const o = index.slot(slot)!;
        top.consider(scorer.combine(nonText, scorer.textRelevance(r, o)), slot, o.offer.id);
        exact++;
      }
    }
    if (stats) {
      stats.fullScores += full;
      stats.exactScores += exact;
    }
    return count;
  }

  private explainAll(r: PreparedRequest, top: TopK): MatchResult[] {
    return top.slots.map((slot, i) => {
      const via = offerServesState(this.index.slot(slot)!.offer, r.request.state, this.membership)!;
      return this.scorer.explain(r, this.index, slot, this.context, top.scores[i], via);
    });
  }
}

// Resolution of the bucket sort in `search`: bounds lie in [0, 1].
const BUCKETS = 128;

function bucketOf(bound: number): number {
  const b = Math.floor(bound * BUCKETS);
  return b < 0 ? 0 : b >= BUCKETS ? BUCKETS - 1 : b;
}
