import { dayNumber } from './dates';
import type { EligibilityRoute } from './eligibility';
import { relevanceOf, STRONG_TEXT_RELEVANCE } from './relevance';
import {
  ASSISTANCE_TYPE_CODES,
  DOMAIN_CODES,
  PROVISION_CODES,
  TARGET_INSTITUTION_CODES,
  isAllDomains,
} from './taxonomy-codes';
import { cosineSimilarity, denseCosineSimilarity, type TextFields, type TextVector } from './text-index';
import {
  COMPONENT_KEYS,
  type DescribedCategory,
  type MatchResult,
  type MatchableOffer,
  type MatchableRequest,
  type Money,
  type ReasonPart,
  type ScoreComponent,
  type ScoringContext,
  type WeightsProfile,
} from './types';
import { assertWeightsProfile } from './weights-profile';

// ---------------------------------------------------------------------------------------------------------------
// Component formulas. Each returns a value in [0, 1]. The taxonomy ones are the fraction of the request's codes
// that the offer covers: adding a code to both sides moves k/n to (k+1)/(n+1) ≥ k/n, and adding one to the offer
// alone can only raise k, so they are monotone; offer breadth is never penalised.
// ---------------------------------------------------------------------------------------------------------------

/** Share of the distinct requested codes that the offer also lists; 0 when the request lists none. */
export function coverage(requested: readonly string[], offered: readonly string[]): number {
  const wanted = new Set(requested);
  if (wanted.size === 0) return 0;
  let covered = 0;
  for (const code of wanted) if (offered.includes(code)) covered++;
  return covered / wanted.size;
}

/** As `coverage`, reading an offer with no domains (or all five) as covering every domain. */
export function domainCoverage(requested: readonly string[], offered: readonly string[]): number {
  return coverage(requested, isAllDomains(offered) ? [...DOMAIN_CODES, ...offered] : offered);
}

/**
 * 1 when the request gives no estimate or the offer's budget covers it; the covered share when it falls short;
 * 0.5 when it cannot be compared (no budget stated, or another currency — no exchange rates here).
 */
export function budgetFit(cost: Money | null | undefined, budget: Money | null | undefined): number {
  if (!cost) return 1;
  if (!budget || budget.currency !== cost.currency) return 0.5;
  if (cost.amount <= 0 || budget.amount >= cost.amount) return 1;
  return Math.max(0, budget.amount / cost.amount);
}

/**
 * `budgetFit` on interned currencies: `costCurrency` is NO_CURRENCY when the request gives no estimate,
 * `budgetCurrency` NO_CURRENCY when the offer states no budget; ids are equal exactly when the codes are.
 */
export function preparedBudgetFit(
  costCurrency: number,
  costAmount: number,
  budgetCurrency: number,
  budgetAmount: number,
): number {
  if (costCurrency === NO_CURRENCY) return 1;
  if (budgetCurrency === NO_CURRENCY || budgetCurrency !== costCurrency) return 0.5;
  if (costAmount <= 0 || budgetAmount >= costAmount) return 1;
  return Math.max(0, budgetAmount / costAmount);
}

/**
 * How much of the desired window the offer is available for (day numbers, null = open). A request with both dates
 * gets the covered share of its days; with one date, 1 when the offer is available on it, 0.5 when availability
 * only touches the window, 0 when it misses it; with no dates, 1.
 */
export function timingFit(start: number | null, end: number | null, from: number | null, until: number | null): number {
  return timingFitDays(start, end, from ?? Number.NEGATIVE_INFINITY, until ?? Number.POSITIVE_INFINITY);
}

/** `timingFit` with the offer's open bounds already read as ±Infinity (the candidate index stores them so). */
export function timingFitDays(start: number | null, end: number | null, lo: number, hi: number): number {
  if (start !== null && end !== null) {
    const days = end - start + 1;
    if (days <= 0) return lo <= start && start <= hi ? 1 : 0;
    const covered = Math.min(end, hi) - Math.max(start, lo) + 1;
    return covered <= 0 ? 0 : Math.min(1, covered / days);
  }
  const day = start ?? end;
  if (day === null) return 1;
  if (lo <= day && day <= hi) return 1;
  const touches = start !== null ? hi >= start : lo <= day;
  return touches ? 0.5 : 0;
}

/**
 * 1 when the offer works in one of the requested languages or the request names none; 0.5 when the offer
 * names none (unknown); else 0. Codes are compared case-insensitively.
 */
export function languageFit(requested: readonly string[], offered: readonly string[]): number {
  if (requested.length === 0) return 1;
  if (offered.length === 0) return 0.5;
  for (const r of requested) {
    const code = r.toLowerCase();
    for (const o of offered) if (o.toLowerCase() === code) return 1;
  }
  return 0;
}

/** Completed engagements at which the track-record component saturates. */
export const PRIOR_WORK_SATURATION = 3;

export function priorWorkValue(completed: number): number {
  if (!(completed > 0)) return 0;
  return Math.min(completed, PRIOR_WORK_SATURATION) / PRIOR_WORK_SATURATION;
}

// ---------------------------------------------------------------------------------------------------------------
// Prepared forms: codes become bit masks so the hot loop does popcounts instead of set operations; providers and
// currencies become small integers, so every component but text reads flat per-slot arrays (OfferColumns).
// ---------------------------------------------------------------------------------------------------------------

const MAX_CODES_PER_AXIS = 31;

/** Currency id of a request without an estimate, or of an offer without a budget. */
export const NO_CURRENCY = -1;
// A request's currency that no offer uses: unequal to every offer's id and to NO_CURRENCY.
const UNUSED_CURRENCY = -2;

/** Assigns each code of one taxonomy axis a bit; the §3 codes come first so their bits never change. */
export class CodeSpace {
  private readonly bits = new Map<string, number>();

  constructor(
    readonly axis: string,
    seed: readonly string[],
  ) {
    for (const code of seed) this.bitOf(code);
  }

  bitOf(code: string): number {
    let bit = this.bits.get(code);
    if (bit === undefined) {
      bit = this.bits.size;
      if (bit >= MAX_CODES_PER_AXIS) {
        throw new RangeError(`more than ${MAX_CODES_PER_AXIS} distinct ${this.axis} codes (latest: ${code})`);
      }
      this.bits.set(code, bit);
    }
    return bit;
  }

  mask(codes: readonly string[]): number {
    let mask = 0;
    for (const code of codes) mask |= 1 << this.bitOf(code);
    return mask;
  }
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Language codes as bits. Unlike taxonomy axes the set is open (ISO 639-1 has 184 codes), so codes past the 31st
 * share one overflow bit; a shared overflow bit sends the comparison back to the code lists.
 */
export class LanguageSpace {
  static readonly OVERFLOW = 1 << 31;
  private readonly bits = new Map<string, number>();

  mask(codes: readonly string[]): number {
    let mask = 0;
    for (const raw of codes) {
      const code = raw.toLowerCase();
      let bit = this.bits.get(code);
      if (bit === undefined) {
        bit = this.bits.size < MAX_CODES_PER_AXIS ? this.bits.size : 31;
        if (bit < 31) this.bits.set(code, bit);
      }
      mask |= 1 << bit;
    }
    return mask;
  }
}

/** Small integer ids for an open set of names (providers, currencies), in order of first sight. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  get size(): number {
    return this.names.length;
  }

  intern(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  /** The id, or -1 for a name never interned. */
  find(name: string): number {
    return this.ids.get(name) ?? -1;
  }
}

export class TaxonomyEncoder {
  readonly languages = new LanguageSpace();
  readonly provisions = new CodeSpace('provision', PROVISION_CODES);
  readonly assistanceTypes = new CodeSpace('assistance type', ASSISTANCE_TYPE_CODES);
  readonly domains = new CodeSpace('domain', DOMAIN_CODES);
  readonly targetInstitutions = new CodeSpace('target institution', TARGET_INSTITUTION_CODES);
  readonly allDomainsMask = this.domains.mask(DOMAIN_CODES);
  readonly providers = new Interner();
  readonly currencies = new Interner();
}

/**
 * Completed engagements by State and provider id, read from the context once per pair of them: the context is
 * pure for an engine's lifetime (see ScoringContext), and an array lookup in the hot loop beats a call out.
 */
export class PriorWorkTable {
  private readonly rows = new Map<string, { counts: Float64Array; filled: number }>();

  constructor(
    private readonly context: ScoringContext,
    private readonly providers: Interner,
  ) {}

  /** Counts for `state` by provider id, covering every provider interned so far. */
  row(state: string): Float64Array {
    const n = this.providers.size;
    let row = this.rows.get(state);
    if (!row) {
      row = { counts: new Float64Array(Math.max(n, 16)), filled: 0 };
      this.rows.set(state, row);
    }
    if (row.filled < n) {
      if (row.counts.length < n) {
        const counts = new Float64Array(Math.max(n, row.counts.length * 2));
        counts.set(row.counts);
        row.counts = counts;
      }
      const names = this.providers.names;
      for (let i = row.filled; i < n; i++) row.counts[i] = this.context.priorCompletedWork(names[i], state);
      row.filled = n;
    }
    return row.counts;
  }
}

export interface PreparedOffer {
  readonly offer: MatchableOffer;
  readonly provisionMask: number;
  readonly assistanceTypeMask: number;
  /** All five domain bits when the offer serves every domain. */
  readonly domainMask: number;
  readonly domainWildcard: boolean;
  readonly institutionMask: number;
  readonly languageMask: number;
  readonly from: number | null;
  readonly until: number | null;
  readonly providerIndex: number;
  /** NO_CURRENCY when the offer states no budget. */
  readonly budgetCurrency: number;
  readonly budgetAmount: number;
  readonly text: TextVector;
}

export interface PreparedRequest {
  readonly request: MatchableRequest;
  readonly provisionMask: number;
  readonly provisionCount: number;
  readonly assistanceTypeMask: number;
  readonly assistanceTypeCount: number;
  readonly domainMask: number;
  readonly domainCount: number;
  readonly institutionMask: number;
  readonly institutionCount: number;
  readonly languageMask: number;
  readonly start: number | null;
  readonly end: number | null;
  /** NO_CURRENCY when the request gives no estimate. */
  readonly costCurrency: number;
  readonly costAmount: number;
  /** Provider ids of the preferred providers that hold offers (the others can match none). */
  readonly preferred: readonly number[];
  /** Completed engagements of each provider id with the request's State (PriorWorkTable.row). */
  readonly priorWork: Float64Array;
  readonly text: TextVector;
  /** While set, `text` scattered by term id — a faster route to the same similarity (see TextScatter). */
  dense: Float64Array | null;
}

/**
 * The prepared offers as flat per-slot arrays (CandidateIndex holds them), so that scoring one pair reads a few
 * numbers instead of walking objects. Both the candidate path and the exhaustive path score through these.
 */
export interface OfferColumns {
  readonly provisionMasks: Int32Array;
  readonly assistanceTypeMasks: Int32Array;
  readonly domainMasks: Int32Array;
  readonly institutionMasks: Int32Array;
  readonly languageMasks: Int32Array;
  /** Availability as day numbers; ±Infinity where the offer gives no bound. */
  readonly availableFrom: Float64Array;
  readonly availableUntil: Float64Array;
  readonly budgetCurrencies: Int32Array;
  readonly budgetAmounts: Float64Array;
  readonly providers: Int32Array;
  slot(i: number): PreparedOffer | null;
}

/** The text fields the text index reads (title weighed over description: TITLE_WEIGHT in text-index.ts). */
export function textFields(record: Pick<MatchableOffer, 'title' | 'description'>): TextFields {
  return { title: record.title, description: record.description };
}

export function prepareOffer(offer: MatchableOffer, encoder: TaxonomyEncoder, text: TextVector): PreparedOffer {
  const wildcard = isAllDomains(offer.domains);
  const budget = offer.capacity.budget;
  return {
    offer,
    provisionMask: encoder.provisions.mask(offer.provisions),
    assistanceTypeMask: encoder.assistanceTypes.mask(offer.assistanceTypes),
    domainMask: wildcard
      ? encoder.allDomainsMask | encoder.domains.mask(offer.domains)
      : encoder.domains.mask(offer.domains),
    domainWildcard: wildcard,
    institutionMask: encoder.targetInstitutions.mask(offer.targetInstitutions),
    languageMask: encoder.languages.mask(offer.languages),
    from: dayNumber(offer.availableFrom),
    until: dayNumber(offer.availableUntil),
    providerIndex: encoder.providers.intern(offer.providerId),
    budgetCurrency: budget ? encoder.currencies.intern(budget.currency) : NO_CURRENCY,
    budgetAmount: budget ? budget.amount : 0,
    text,
  };
}

const NO_PRIOR_WORK = new Float64Array(0);

/**
 * The request's scoring form. `priorWork` is the request State's row of a PriorWorkTable; without one (as in
 * tests of the index alone) the request must not be scored.
 */
export function prepareRequest(
  request: MatchableRequest,
  encoder: TaxonomyEncoder,
  text: TextVector,
  priorWork: PriorWorkTable | null = null,
): PreparedRequest {
  const provisionMask = encoder.provisions.mask(request.provisions);
  const assistanceTypeMask = encoder.assistanceTypes.mask(request.assistanceTypes);
  const domainMask = encoder.domains.mask(request.domains);
  const institutionMask = encoder.targetInstitutions.mask(request.targetInstitutions);
  const cost = request.estimatedCost;
  let costCurrency = NO_CURRENCY;
  if (cost) {
    costCurrency = encoder.currencies.find(cost.currency);
    if (costCurrency < 0) costCurrency = UNUSED_CURRENCY;
  }
  const preferred: number[] = [];
  for (const id of request.preferredProviderIds) {
    const p = encoder.providers.find(id);
    if (p >= 0) preferred.push(p);
  }
  return {
    request,
    provisionMask,
    provisionCount: popcount(provisionMask),
    assistanceTypeMask,
    assistanceTypeCount: popcount(assistanceTypeMask),
    domainMask,
    domainCount: popcount(domainMask),
    institutionMask,
    institutionCount: popcount(institutionMask),
    languageMask: encoder.languages.mask(request.languages),
    start: dayNumber(request.desiredStart),
    end: dayNumber(request.desiredEnd),
    costCurrency,
    costAmount: cost ? cost.amount : 0,
    preferred,
    priorWork: priorWork ? priorWork.row(request.state) : NO_PRIOR_WORK,
    text,
    dense: null,
  };
}

// Component positions in COMPONENT_KEYS order.
const TEXT = COMPONENT_KEYS.indexOf('textRelevance');

/** `languageFit` on prepared masks; falls back to the code lists only when both use overflow languages. */
function preparedLanguageFit(r: PreparedRequest, offerMask: number, c: OfferColumns, slot: number): number {
  if (r.languageMask === 0) return 1;
  if (offerMask === 0) return 0.5;
  const shared = r.languageMask & offerMask;
  if ((shared & ~LanguageSpace.OVERFLOW) !== 0) return 1;
  if (shared === 0) return 0;
  return languageFit(r.request.languages, c.slot(slot)!.offer.languages);
}

function maskCoverage(requested: number, count: number, offered: number): number {
  return count === 0 ? 0 : popcount(requested & offered) / count;
}

/**
 * Tags are ticked in a hurry and broadly (a customs-revenue programme tags itself for export control), so the codes
 * and fits of a pair whose texts do not bear them out count for less: UNSUPPORTED_SHARE of their weight when the
 * texts share nothing, rising linearly to the whole at FULL_TEXT_SUPPORT, the text relevance that alone makes a pair
 * defensible (relevance.ts). On the labelled set (libs/matching/eval) shares from 0.3 to 0.7 and full support from
 * 0.1 to 0.3 all beat no scaling under both tag regimes; the middle of that range is kept.
 */
export const FULL_TEXT_SUPPORT = STRONG_TEXT_RELEVANCE;
export const UNSUPPORTED_SHARE = 0.5;

/** The share of their weight a pair's non-text components keep at text relevance `text` (see FULL_TEXT_SUPPORT). */
export function textSupport(text: number): number {
  return UNSUPPORTED_SHARE + (1 - UNSUPPORTED_SHARE) * Math.min(1, text / FULL_TEXT_SUPPORT);
}

/**
 * Applies one weights profile. Both the candidate path and the exhaustive path score through `nonTextSum` and
 * `combine`, so the two paths produce bit-identical scores for the same pair.
 */
export class PairScorer {
  readonly profile: WeightsProfile;
  /** Weights in COMPONENT_KEYS order. */
  readonly weights: Float64Array;
  readonly totalWeight: number;
  readonly textWeight: number;
  private readonly scratch = new Float64Array(COMPONENT_KEYS.length);

  constructor(profile: WeightsProfile) {
    assertWeightsProfile(profile);
    this.profile = profile;
    this.weights = Float64Array.from(COMPONENT_KEYS, (k) => profile.weights[k]);
    this.totalWeight = this.weights.reduce((a, b) => a + b, 0);
    this.textWeight = this.weights[TEXT];
  }

  /** Writes every component value (text included, from `text`) into `out` in COMPONENT_KEYS order. */
  componentValues(r: PreparedRequest, c: OfferColumns, slot: number, text: number, out: Float64Array): Float64Array {
    const provider = c.providers[slot];
    out[0] = maskCoverage(r.provisionMask, r.provisionCount, c.provisionMasks[slot]);
    out[1] = maskCoverage(r.assistanceTypeMask, r.assistanceTypeCount, c.assistanceTypeMasks[slot]);
    out[2] = maskCoverage(r.domainMask, r.domainCount, c.domainMasks[slot]);
    out[3] = maskCoverage(r.institutionMask, r.institutionCount, c.institutionMasks[slot]);
    out[4] = text;
    out[5] = preparedBudgetFit(r.costCurrency, r.costAmount, c.budgetCurrencies[slot], c.budgetAmounts[slot]);
    out[6] = timingFitDays(r.start, r.end, c.availableFrom[slot], c.availableUntil[slot]);
    out[7] = preparedLanguageFit(r, c.languageMasks[slot], c, slot);
    out[8] = r.preferred.length > 0 && r.preferred.includes(provider) ? 1 : 0;
    out[9] = priorWorkValue(r.priorWork[provider]);
    return out;
  }

  /**
   * Σ weight × value over every component but text relevance, in key order: the values of `componentValues`,
   * computed inline because this runs for every pair scored.
   */
  nonTextSum(r: PreparedRequest, c: OfferColumns, slot: number): number {
    const w = this.weights;
    const provider = c.providers[slot];
    let sum = w[0] * maskCoverage(r.provisionMask, r.provisionCount, c.provisionMasks[slot]);
    sum += w[1] * maskCoverage(r.assistanceTypeMask, r.assistanceTypeCount, c.assistanceTypeMasks[slot]);
    sum += w[2] * maskCoverage(r.domainMask, r.domainCount, c.domainMasks[slot]);
    sum += w[3] * maskCoverage(r.institutionMask, r.institutionCount, c.institutionMasks[slot]);
    sum += w[5] * preparedBudgetFit(r.costCurrency, r.costAmount, c.budgetCurrencies[slot], c.budgetAmounts[slot]);
    sum += w[6] * timingFitDays(r.start, r.end, c.availableFrom[slot], c.availableUntil[slot]);
    sum += w[7] * preparedLanguageFit(r, c.languageMasks[slot], c, slot);
    sum += w[8] * (r.preferred.length > 0 && r.preferred.includes(provider) ? 1 : 0);
    sum += w[9] * priorWorkValue(r.priorWork[provider]);
    return sum;
  }

  textRelevance(r: PreparedRequest, o: PreparedOffer): number {
    return r.dense ? denseCosineSimilarity(r.dense, o.text) : cosineSimilarity(r.text, o.text);
  }

  /**
   * The score from its two parts: the non-text sum scaled by the text's support (textSupport, ≤ 1), plus text.
   * Monotone in both, so with text relevance ≤ 1, combine(s, 1) bounds the score from above and combine(s, 0) from
   * below, and (s + textWeight × t) / totalWeight, the unscaled sum, bounds it from above too — exactly, in
   * floating point also, since rounding is monotone. The candidate search prunes with those bounds.
   */
  combine(nonTextSum: number, text: number): number {
    return (textSupport(text) * nonTextSum + this.textWeight * text) / this.totalWeight;
  }

  score(r: PreparedRequest, c: OfferColumns, slot: number): number {
    return this.combine(this.nonTextSum(r, c, slot), this.textRelevance(r, c.slot(slot)!));
  }

  /**
   * The stored form of a scored pair: components and a reason line. `text`: its text relevance; `mentioned`: what
   * the two texts share (TextIndex.sharedTerms).
   */
  explain(
    r: PreparedRequest,
    c: OfferColumns,
    slot: number,
    context: ScoringContext,
    score: number,
    via: EligibilityRoute,
    text: number,
    mentioned: readonly string[],
  ): MatchResult {
    const o = c.slot(slot)!;
    const values = this.componentValues(r, c, slot, text, this.scratch);
    const support = textSupport(text);
    const components = new Array<ScoreComponent>(COMPONENT_KEYS.length);
    for (let k = 0; k < COMPONENT_KEYS.length; k++) {
      const weight = this.weights[k];
      const value = values[k];
      const share = k === TEXT ? 1 : support;
      components[k] = {
        key: COMPONENT_KEYS[k],
        value,
        weight,
        contribution: (share * weight * value) / this.totalWeight,
      };
    }
    const reasonParts = explainReasonParts(r.request, o.offer, via, values, context, mentioned);
    return {
      offerId: o.offer.id,
      requestId: r.request.id,
      score,
      components,
      reason: englishReason(reasonParts, context),
      reasonParts,
    };
  }
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function unique(codes: readonly string[]): readonly string[] {
  for (let i = 1; i < codes.length; i++) if (codes.lastIndexOf(codes[i], i - 1) >= 0) return [...new Set(codes)];
  return codes;
}

const PREFERRED = COMPONENT_KEYS.indexOf('preferredProvider');
const BUDGET = COMPONENT_KEYS.indexOf('budgetFit');

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Two decimals, cut rather than rounded (after float noise is rounded away), so 0.198 reads 0.19, not 0.20. */
function twoDecimals(value: number): string {
  return (Math.floor(Math.round(value * 1e6) / 1e4) / 100).toFixed(2);
}

/**
 * "covers OP3d and OP3c — 2 of 2 requested provisions; offers LEGISLATIVE, TRAINING; serves MNG via OSCE", with
 * the context's names in place of codes. It opens with what makes the pair a suggestion (relevance.ts): the
 * requested provisions it covers, or, covering none, how closely its text matches the request's.
 */
export function explainReason(
  request: MatchableRequest,
  offer: MatchableOffer,
  via: EligibilityRoute,
  values: ArrayLike<number>,
  context: ScoringContext,
  mentioned: readonly string[] = [],
): string {
  return englishReason(explainReasonParts(request, offer, via, values, context, mentioned), context);
}

/** The clauses of a pair's reason line, in order. */
export function explainReasonParts(
  request: MatchableRequest,
  offer: MatchableOffer,
  via: EligibilityRoute,
  values: ArrayLike<number>,
  context: ScoringContext,
  mentioned: readonly string[] = [],
): ReasonPart[] {
  const parts: ReasonPart[] = [];
  const relevance = relevanceOf(request, offer, values[TEXT]);
  const wanted = relevance.requested;
  const shared = relevance.covered;
  if (wanted.length === 0) parts.push({ key: 'noProvisions' });
  else if (shared.length === 0) parts.push({ key: 'coversNone', count: wanted.length });
  else parts.push({ key: 'coversSome', provisions: [...shared], count: wanted.length });
  if (request.namedProvisions?.length) parts.push({ key: 'named', provisions: [...request.namedProvisions] });
  const text = twoDecimals(relevance.text);
  const least = twoDecimals(relevance.textThreshold);
  if (relevance.basis === 'text') parts.push({ key: 'textClose', text, least });
  else if (relevance.basis === null) parts.push({ key: 'textLow', text, least });

  const types = unique(request.assistanceTypes).filter((t) => offer.assistanceTypes.includes(t));
  if (types.length > 0) parts.push({ key: 'offersTypes', types });
  else if (request.assistanceTypes.length > 0) parts.push({ key: 'offersNoTypes' });

  if (via.kind === 'state') parts.push({ key: 'servesDirectly', state: request.state });
  else if (via.kind === 'region') parts.push({ key: 'servesVia', state: request.state, region: via.region });
  else parts.push({ key: 'servesGlobally', state: request.state });

  if (values[PREFERRED] === 1) parts.push({ key: 'preferred' });
  const prior = context.priorCompletedWork(offer.providerId, request.state);
  if (prior > 0) parts.push({ key: 'prior', count: prior, state: request.state });
  const cost = request.estimatedCost;
  const budget = offer.capacity.budget;
  if (cost && budget && budget.currency === cost.currency && budget.amount < cost.amount) {
    parts.push({ key: 'budget', percent: Math.round(values[BUDGET] * 100) });
  }
  if (mentioned.length > 0) parts.push({ key: 'mentioned', terms: [...mentioned] });
  return parts;
}

/** The reason line in English, named by the context's `describe` (the stored line, and the reference wording). */
export function englishReason(parts: readonly ReasonPart[], context: Pick<ScoringContext, 'describe'>): string {
  const name = (category: DescribedCategory, code: string) => context.describe?.(category, code) ?? code;
  return parts
    .map((part) => {
      switch (part.key) {
        case 'noProvisions':
          return 'no provisions requested';
        case 'coversNone':
          return `covers none of the ${plural(part.count, 'requested provision')}`;
        case 'coversSome': {
          const shared = part.provisions.map((p) => name('provisions', p));
          return `covers ${joinAnd(shared)} — ${shared.length} of ${plural(part.count, 'requested provision')}`;
        }
        case 'named':
          return `the request's text also names ${joinAnd(part.provisions.map((p) => name('provisions', p)))}`;
        case 'textClose':
          return `its description is closely related (text relevance ${part.text}, at least ${part.least})`;
        case 'textLow':
          return `text relevance ${part.text}, under the ${part.least} a suggestion needs without a provision`;
        case 'offersTypes':
          return `offers ${part.types.map((type) => name('assistanceTypes', type)).join(', ')}`;
        case 'offersNoTypes':
          return 'offers none of the requested assistance types';
        case 'servesDirectly':
          return `serves ${name('states', part.state)} directly`;
        case 'servesVia':
          return `serves ${name('states', part.state)} via ${name('regions', part.region)}`;
        case 'servesGlobally':
          return `serves ${name('states', part.state)} globally`;
        case 'preferred':
          return 'preferred provider';
        case 'prior':
          return `${plural(part.count, 'completed engagement')} with ${name('states', part.state)}`;
        case 'budget':
          return `budget covers ${part.percent}% of the estimate`;
        case 'mentioned':
          return `both texts mention ${part.terms.join(', ')}`;
      }
    })
    .join('; ');
}
