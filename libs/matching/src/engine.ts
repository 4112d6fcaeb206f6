import { CandidateIndex } from './candidate-index';
import {
  checkEligibility,
  createRegionMembership,
  offerServesState,
  type Eligibility,
  type EligibilityRoute,
  type IneligibilityReason,
  type RegionMembership,
} from './eligibility';
import {
  PairScorer,
  PriorWorkTable,
  TaxonomyEncoder,
  popcount,
  prepareOffer,
  prepareRequest,
  textFields,
  textSupport,
  type PreparedRequest,
} from './score';
import { STRONG_TEXT_RELEVANCE, isSuggestible, withNamedProvisions } from './relevance';
import { TEXT_CLUSTERS, TextIndex, TextScatter, clusterNormsBound, provisionsOfConcepts } from './text-index';
import type { MatchResult, MatchableOffer, MatchableRequest, ScoringContext, WeightsProfile } from './types';
import { DEFAULT_WEIGHTS_PROFILE } from './weights-profile';

/**
 * Bumped whenever a formula changes, so stored matches say which engine scored them (DESIGN §4, Match).
 * 2: a suggestion must be about the request (relevance.ts); reasons name codes as the pickers do.
 * 3: text relevance with idf counted by the word's language (text-index.ts); also covers the Snowball stems and BM25
 *    fields that came before it without a bump.
 * 4: a request's provisions include those its text names through the thesaurus (relevance.ts,
 *    withNamedProvisions); the thesaurus names the weapons and separates investigation and prosecution from
 *    detection, and "detection equipment" alone is no longer radiation detection (libs/matching/eval/README.md).
 */
export const MATCHING_ENGINE_VERSION = 4;

// Floating-point slack for the bounds that are sums computed in another order than the score itself.
const BOUND_SLACK = 1e-9;

/** Counters and phase timings a caller may pass to the scoring methods, to see where the work goes. */
export interface MatchingStats {
  requests: number;
  /** Offers passing the hard filters (for the indexed path: all but the availability window). */
  eligible: number;
  /**
   * Indexed path: offers visited in the groups searched that share a provision or assistance-type code (inside
   * the request's window). Exhaustive: every eligible one.
   */
  candidates: number;
  /** Requests for which the group sharing no such code had to be searched too, and the offers visited there. */
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
  /** Text relevance of each kept pair, so the explanation need not compute it again. */
  readonly texts: number[] = [];

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

  consider(score: number, slot: number, id: string, text: number): void {
    if (score < this.threshold) return;
    const n = this.scores.length;
    if (n === this.k && !before(score, id, this.scores[n - 1], this.ids[n - 1])) return;
    let i = n === this.k ? n - 1 : n;
    while (i > 0 && before(score, id, this.scores[i - 1], this.ids[i - 1])) {
      this.scores[i] = this.scores[i - 1];
      this.slots[i] = this.slots[i - 1];
      this.ids[i] = this.ids[i - 1];
      this.texts[i] = this.texts[i - 1];
      i--;
    }
    this.scores[i] = score;
    this.slots[i] = slot;
    this.ids[i] = id;
    this.texts[i] = text;
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
  // Bitmaps of the eligible offers by shared-code count (CandidateIndex.splitBySharedCodes).
  private levels = new Uint32Array(1024);
  // Group orders by request shape (np << 16 | nt), for the current profile.
  private groupOrders = new Map<number, Int32Array>();
  // The text index generation whose norms the candidate index holds (see CandidateIndex.textNorms).
  private normsGeneration = -1;

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
    this.groupOrders = new Map();
  }

  get offerCount(): number {
    return this.index.size;
  }

  hasOffer(offerId: string): boolean {
    return this.index.get(offerId) !== undefined;
  }

  /** Adds or replaces one offer: verified, edited, paused, resumed, capacity used. */
  upsertOffer(offer: MatchableOffer): void {
    const vector = this.text.upsert(offer.id, textFields(offer));
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

  /**
   * Best-first selection over the candidate index. The eligible offers are split, bitmap-wise, into groups by how
   * many of the request's provision codes (kp) and assistance-type codes (kt) they list — the two heaviest
   * components — and the groups are taken in order of that part of the score. A group's bound is its exact
   * provision and type coverage with every other component at its maximum (text at the query's cap); once it
   * falls below the floor (the threshold, or the k-th best held) no later group can place and the search stops.
   * The last group, kp = kt = 0, is the offers sharing no such code: the `restBound` case.
   */
  private selectIndexed(r: PreparedRequest, stats: MatchingStats | undefined): TopK {
    const { topK, threshold } = this.scorer.profile;
    const top = new TopK(topK, threshold);
    const index = this.index;
    const words = index.wordCount;
    const eligible = index.eligibleFor(r);
    const textCap = this.text.similarityBound(r.text);
    if (this.normsGeneration !== this.text.generation) {
      index.copyTextNorms();
      this.normsGeneration = this.text.generation;
    }

    const levelWords = (r.provisionCount + r.assistanceTypeCount + 2) * words;
    if (this.levels.length < levelWords) this.levels = new Uint32Array(levelWords * 2);
    const levels = this.levels;
    const np = index.splitBySharedCodes('provision', r.provisionMask, eligible, levels, 0);
    const typeOffset = (np + 1) * words;
    const nt = index.splitBySharedCodes('assistanceType', r.assistanceTypeMask, eligible, levels, typeOffset);

    const w = this.scorer.weights;
    const total = this.scorer.totalWeight;
    const perProvision = np === 0 ? 0 : w[0] / np;
    const perType = nt === 0 ? 0 : w[1] / nt;
    // Every component but text at its maximum; the score scales them by the text's support (score.ts), at most
    // textSupport(textCap) since no offer's text relevance passes the cap.
    const others =
      (r.domainCount > 0 ? w[2] : 0) +
      (r.institutionCount > 0 ? w[3] : 0) +
      w[5] +
      w[6] +
      w[7] +
      (r.preferred.length > 0 ? w[8] : 0) +
      w[9];
    const capSupport = textSupport(textCap);
    const groups = this.groups(np, nt, perProvision, perType);
    for (const g of groups) {
      const kp = g >> 16;
      const kt = g & 0xffff;
      const part = perProvision * kp + perType * kt;
      if ((capSupport * (part + others) + w[4] * textCap) / total + BOUND_SLACK < top.floor) break;
      // Offers covering no requested provision are suggested on their text alone (relevance.ts): none of them can
      // be when no offer's text comes close enough to the request's.
      const textOnly = kp === 0;
      if (textOnly && textCap + BOUND_SLACK < STRONG_TEXT_RELEVANCE) continue;
      const visited = this.search(r, top, levels, kp * words, typeOffset + kt * words, part, textCap, textOnly, stats);
      if (stats) {
        if (kp === 0 && kt === 0) {
          stats.restScans++;
          stats.restCandidates += visited;
        } else stats.candidates += visited;
      }
    }
    if (stats) for (let i = 0; i < words; i++) stats.eligible += popcount(eligible[i]);
    return top;
  }

  /**
   * Every (kp, kt) pair, packed as kp << 16 | kt, by kp·w_provision/np + kt·w_type/nt descending (ties: more
   * provisions first). Depends only on np, nt and the profile, so it is built once per shape.
   */
  private groups(np: number, nt: number, perProvision: number, perType: number): Int32Array {
    const key = (np << 16) | nt;
    let groups = this.groupOrders.get(key);
    if (!groups) {
      const list: number[] = [];
      for (let kp = 0; kp <= np; kp++) for (let kt = 0; kt <= nt; kt++) list.push((kp << 16) | kt);
      const part = (g: number) => perProvision * (g >> 16) + perType * (g & 0xffff);
      groups = Int32Array.from(list.sort((a, b) => part(b) - part(a) || b - a));
      this.groupOrders.set(key, groups);
    }
    return groups;
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
      // scorer.score, with the text kept for the explanation.
      const o = index.slot(slot)!;
      const text = scorer.textRelevance(r, o);
      if (!isSuggestible((r.provisionMask & index.provisionMasks[slot]) !== 0, text)) continue;
      top.consider(scorer.combine(scorer.nonTextSum(r, index, slot), text), slot, o.offer.id, text);
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
   * Offer-side trigger: upserts the offer, then scores it against each request. Returns every eligible pair that
   * is about the request (relevance.ts) and at or above the threshold, best first, ties by request id. Whether a pair makes its request's top-k depends on
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
        const text = this.scorer.textRelevance(r, this.index.slot(slot)!);
        if (!isSuggestible((r.provisionMask & this.index.provisionMasks[slot]) !== 0, text)) return null;
        const score = this.scorer.combine(this.scorer.nonTextSum(r, this.index, slot), text);
        return score >= this.scorer.profile.threshold
          ? this.explainPair(r, slot, score, eligibility.via, text)
          : null;
      });
      if (result) results.push(result);
    }
    return results.sort(
      (a, b) => b.score - a.score || (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0),
    );
  }

  /** The hard filters on one pair, with this engine's regions (the offer need not be held). */
  eligibility(request: MatchableRequest, offer: MatchableOffer): Eligibility {
    return checkEligibility(request, offer, this.context, this.membership);
  }

  /**
   * One pair, whatever its score and whatever it covers: for matches a committee member proposes by hand.
   * Undefined for an unknown offer id.
   */
  scorePair(request: MatchableRequest, offerId: string): PairScore | undefined {
    const slot = this.index.slotOf(offerId);
    if (slot < 0) return undefined;
    const o = this.index.slot(slot)!;
    const eligibility = checkEligibility(request, o.offer, this.context, this.membership);
    if (!eligibility.eligible) return eligibility;
    return this.withRequest(request, (r) => {
      const text = this.scorer.textRelevance(r, this.index.slot(slot)!);
      const score = this.scorer.combine(this.scorer.nonTextSum(r, this.index, slot), text);
      return { eligible: true as const, result: this.explainPair(r, slot, score, eligibility.via, text) };
    });
  }

  /**
   * Upper bound on the score of an offer sharing no provision and no assistance-type code: those two components
   * are 0, every other is at most 1, and preferred provider is 0 for everyone when the request names none. The
   * search's bound for that group (kp = kt = 0) is at most this, text being capped by the query's bound.
   */
  restBound(request: MatchableRequest): number {
    const weights = this.scorer.profile.weights;
    let excluded = weights.provisionCoverage + weights.assistanceTypeCoverage;
    if (request.preferredProviderIds.length === 0) excluded += weights.preferredProvider;
    return (this.scorer.totalWeight - excluded) / this.scorer.totalWeight;
  }

  /** The request as the engine scores it: with the provisions its text names (relevance.ts, withNamedProvisions). */
  readRequest(request: MatchableRequest): MatchableRequest {
    return withNamedProvisions(request, provisionsOfConcepts(this.text.read(textFields(request)).concepts));
  }

  /** Runs `fn` on the request's prepared form, its text scattered for fast similarity meanwhile. */
  private withRequest<T>(request: MatchableRequest, fn: (r: PreparedRequest) => T): T {
    const { vector, concepts } = this.text.read(textFields(request));
    const read = withNamedProvisions(request, provisionsOfConcepts(concepts));
    const r = prepareRequest(read, this.encoder, vector, this.priorWork);
    r.dense = this.scatter.scatter(r.text, this.text.vocabularySize);
    try {
      return fn(r);
    } finally {
      r.dense = null;
      this.scatter.clear();
    }
  }

  /**
   * Scores one group (the offers in both `levels` bitmaps, at `provisionAt` and `typeAt`) into `top`, doing the
   * costly work only where it can change the result. Four bounds, each at least the exact score, each checked
   * against the floor before the next:
   *   1. from the mask columns: the group's provision and type part, domain, institution and language fit
   *      exactly; budget, timing, prior work and preferred provider at most 1; text relevance at `textCap`, and
   *      so those non-text components scaled by at most textSupport(textCap);
   *   2. the same with the offer's own text bound, from the two texts' cluster norms (clusterNormsBound: 32
   *      multiplications on a flat per-slot array, where the exact similarity walks every term of the offer);
   *   3. combine(nonTextSum, that text bound): every component exact but text;
   *   4. the exact score.
   * In a group covering no requested provision (`textOnly`) an offer must also pass the relevance rule on its
   * text: its text bound first, then its exact text relevance, the same test the exhaustive path makes.
   * Returns the number of offers visited.
   */
  private search(
    r: PreparedRequest,
    top: TopK,
    levels: Uint32Array,
    provisionAt: number,
    typeAt: number,
    part: number,
    textCap: number,
    textOnly: boolean,
    stats: MatchingStats | undefined,
  ): number {
    const index = this.index;
    const words = index.wordCount;
    const scorer = this.scorer;
    const w = scorer.weights;
    const total = scorer.totalWeight;
    const domainMasks = index.domainMasks;
    const institutionMasks = index.institutionMasks;
    const languageMasks = index.languageMasks;
    const availableFrom = index.availableFrom;
    const availableUntil = index.availableUntil;
    const rd = r.domainMask;
    const ri = r.institutionMask;
    const rl = r.languageMask;
    const perDomain = r.domainCount === 0 ? 0 : w[2] / r.domainCount;
    const perInstitution = r.institutionCount === 0 ? 0 : w[3] / r.institutionCount;
    const start = r.start;
    const end = r.end;
    const textWeight = w[4];
    const fixed = part + w[5] + w[6] + w[9] + (r.preferred.length > 0 ? w[8] : 0);
    const capSupport = textSupport(textCap);
    const cappedText = textWeight * textCap;
    const queryNorms = r.text.clusterNorms;
    const textNorms = index.textNorms;

    let visited = 0;
    let full = 0;
    let exact = 0;
    for (let wi = 0; wi < words; wi++) {
      let x = levels[provisionAt + wi] & levels[typeAt + wi];
      while (x !== 0) {
        const low = x & -x;
        x ^= low;
        const slot = (wi << 5) | (31 - Math.clz32(low));
        // windowsOverlap, on the flat arrays.
        if ((start !== null && start > availableUntil[slot]) || (end !== null && availableFrom[slot] > end)) continue;
        visited++;
        const ol = languageMasks[slot];
        const language = rl === 0 || (rl & ol) !== 0 ? 1 : ol === 0 ? 0.5 : 0;
        const floor = top.floor;
        const nonTextBound =
          perDomain * popcount(rd & domainMasks[slot]) +
          perInstitution * popcount(ri & institutionMasks[slot]) +
          w[7] * language +
          fixed;
        if ((capSupport * nonTextBound + cappedText) / total + BOUND_SLACK < floor) continue;
        const textBound = Math.min(textCap, clusterNormsBound(queryNorms, textNorms, slot * TEXT_CLUSTERS));
        if (textOnly && textBound + BOUND_SLACK < STRONG_TEXT_RELEVANCE) continue;
        if (scorer.combine(nonTextBound, textBound) + BOUND_SLACK < floor) continue;
        const nonText = scorer.nonTextSum(r, index, slot);
        full++;
        if (scorer.combine(nonText, textBound) < floor) continue;
        const o = index.slot(slot)!;
        const text = scorer.textRelevance(r, o);
        exact++;
        if (!isSuggestible(!textOnly, text)) continue;
        top.consider(scorer.combine(nonText, text), slot, o.offer.id, text);
      }
    }
    if (stats) {
      stats.fullScores += full;
      stats.exactScores += exact;
    }
    return visited;
  }

  private explainPair(r: PreparedRequest, slot: number, score: number, via: EligibilityRoute, text: number) {
    const mentioned = this.text.sharedTerms(r.text, this.index.slot(slot)!.offer.id, 5, r.dense);
    return this.scorer.explain(r, this.index, slot, this.context, score, via, text, mentioned);
  }

  private explainAll(r: PreparedRequest, top: TopK): MatchResult[] {
    return top.slots.map((slot, i) => {
      const via = offerServesState(this.index.slot(slot)!.offer, r.request.state, this.membership)!;
      return this.explainPair(r, slot, top.scores[i], via, top.texts[i]);
    });
  }
}
