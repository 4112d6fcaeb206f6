import { dayNumber } from './dates';
import type { EligibilityRoute } from './eligibility';
import {
  ASSISTANCE_TYPE_CODES,
  DOMAIN_CODES,
  PROVISION_CODES,
  TARGET_INSTITUTION_CODES,
  isAllDomains,
} from './taxonomy-codes';
import { cosineSimilarity, denseCosineSimilarity, type TextVector } from './text-index';
import {
  COMPONENT_KEYS,
  type MatchResult,
  type MatchableOffer,
  type MatchableRequest,
  type Money,
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
 * How much of the desired window the offer is available for (day numbers, null = open). A request with both dates
 * gets the covered share of its days; with one date, 1 when the offer is available on it, 0.5 when availability
 * only touches the window, 0 when it misses it; with no dates, 1.
 */
export function timingFit(start: number | null, end: number | null, from: number | null, until: number | null): number {
  const lo = from ?? Number.NEGATIVE_INFINITY;
  const hi = until ?? Number.POSITIVE_INFINITY;
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
// Prepared forms: codes become bit masks so the hot loop does popcounts instead of set operations.
// ---------------------------------------------------------------------------------------------------------------

const MAX_CODES_PER_AXIS = 31;

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

export class TaxonomyEncoder {
  readonly languages = new LanguageSpace();
  readonly provisions = new CodeSpace('provision', PROVISION_CODES);
  readonly assistanceTypes = new CodeSpace('assistance type', ASSISTANCE_TYPE_CODES);
  readonly domains = new CodeSpace('domain', DOMAIN_CODES);
  readonly targetInstitutions = new CodeSpace('target institution', TARGET_INSTITUTION_CODES);
  readonly allDomainsMask = this.domains.mask(DOMAIN_CODES);
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
  readonly text: TextVector;
  /** While set, `text` scattered by term id — a faster route to the same similarity (see TextScatter). */
  dense: Float64Array | null;
}

export function offerText(offer: Pick<MatchableOffer, 'title' | 'description'>): string {
  // The title says what the programme is; counting it twice weighs it over a long description.
  return `${offer.title}\n${offer.title}\n${offer.description}`;
}

export function requestText(request: Pick<MatchableRequest, 'title' | 'description'>): string {
  return `${request.title}\n${request.title}\n${request.description}`;
}

export function prepareOffer(offer: MatchableOffer, encoder: TaxonomyEncoder, text: TextVector): PreparedOffer {
  const wildcard = isAllDomains(offer.domains);
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
    text,
  };
}

export function prepareRequest(request: MatchableRequest, encoder: TaxonomyEncoder, text: TextVector): PreparedRequest {
  const provisionMask = encoder.provisions.mask(request.provisions);
  const assistanceTypeMask = encoder.assistanceTypes.mask(request.assistanceTypes);
  const domainMask = encoder.domains.mask(request.domains);
  const institutionMask = encoder.targetInstitutions.mask(request.targetInstitutions);
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
    text,
    dense: null,
  };
}

// Component positions in COMPONENT_KEYS order.
const TEXT = COMPONENT_KEYS.indexOf('textRelevance');

/** `languageFit` on prepared masks; falls back to the code lists only when both use overflow languages. */
function preparedLanguageFit(r: PreparedRequest, o: PreparedOffer): number {
  if (r.languageMask === 0) return 1;
  if (o.languageMask === 0) return 0.5;
  const shared = r.languageMask & o.languageMask;
  if ((shared & ~LanguageSpace.OVERFLOW) !== 0) return 1;
  if (shared === 0) return 0;
  return languageFit(r.request.languages, o.offer.languages);
}

function maskCoverage(requested: number, count: number, offered: number): number {
  return count === 0 ? 0 : popcount(requested & offered) / count;
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
  componentValues(
    r: PreparedRequest,
    o: PreparedOffer,
    context: ScoringContext,
    text: number,
    out: Float64Array,
  ): Float64Array {
    const request = r.request;
    const offer = o.offer;
    out[0] = maskCoverage(r.provisionMask, r.provisionCount, o.provisionMask);
    out[1] = maskCoverage(r.assistanceTypeMask, r.assistanceTypeCount, o.assistanceTypeMask);
    out[2] = maskCoverage(r.domainMask, r.domainCount, o.domainMask);
    out[3] = maskCoverage(r.institutionMask, r.institutionCount, o.institutionMask);
    out[4] = text;
    out[5] = budgetFit(request.estimatedCost, offer.capacity.budget);
    out[6] = timingFit(r.start, r.end, o.from, o.until);
    out[7] = preparedLanguageFit(r, o);
    out[8] = request.preferredProviderIds.includes(offer.providerId) ? 1 : 0;
    out[9] = priorWorkValue(context.priorCompletedWork(offer.providerId, request.state));
    return out;
  }

  /** Σ weight × value over every component but text relevance, in key order. */
  nonTextSum(r: PreparedRequest, o: PreparedOffer, context: ScoringContext): number {
    const v = this.componentValues(r, o, context, 0, this.scratch);
    const w = this.weights;
    let sum = 0;
    for (let k = 0; k < v.length; k++) if (k !== TEXT) sum += w[k] * v[k];
    return sum;
  }

  textRelevance(r: PreparedRequest, o: PreparedOffer): number {
    return r.dense ? denseCosineSimilarity(r.dense, o.text) : cosineSimilarity(r.text, o.text);
  }

  /**
   * The score from its two parts. Monotone in `text`, so with text relevance ≤ 1, combine(s, 1) bounds the score
   * from above and combine(s, 0) from below — exactly, in floating point too, since rounding is monotone.
   */
  combine(nonTextSum: number, text: number): number {
    return (nonTextSum + this.textWeight * text) / this.totalWeight;
  }

  score(r: PreparedRequest, o: PreparedOffer, context: ScoringContext): number {
    return this.combine(this.nonTextSum(r, o, context), this.textRelevance(r, o));
  }

  /** The stored form of a scored pair: components and a reason line. */
  explain(
    r: PreparedRequest,
    o: PreparedOffer,
    context: ScoringContext,
    score: number,
    via: EligibilityRoute,
  ): MatchResult {
    const values = this.componentValues(r, o, context, this.textRelevance(r, o), this.scratch);
    const components: ScoreComponent[] = new Array(COMPONENT_KEYS.length);
    for (let k = 0; k < COMPONENT_KEYS.length; k++) {
      const weight = this.weights[k];
      const value = values[k];
      components[k] = { key: COMPONENT_KEYS[k], value, weight, contribution: (weight * value) / this.totalWeight };
    }
    return {
      offerId: o.offer.id,
      requestId: r.request.id,
      score,
      components,
      reason: explainReason(r.request, o.offer, via, values, context),
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

/** "covers OP3d and OP3c — 2 of 2 requested provisions; offers LEGISLATIVE, TRAINING; serves MNG via OSCE". */
export function explainReason(
  request: MatchableRequest,
  offer: MatchableOffer,
  via: EligibilityRoute,
  values: ArrayLike<number>,
  context: ScoringContext,
): string {
  const parts: string[] = [];
  const wanted = unique(request.provisions);
  const shared = wanted.filter((p) => offer.provisions.includes(p));
  if (wanted.length === 0) parts.push('no provisions requested');
  else if (shared.length === 0) parts.push(`covers none of the ${plural(wanted.length, 'requested provision')}`);
  else parts.push(`covers ${joinAnd(shared)} — ${shared.length} of ${plural(wanted.length, 'requested provision')}`);

  const types = unique(request.assistanceTypes).filter((t) => offer.assistanceTypes.includes(t));
  if (types.length > 0) parts.push(`offers ${types.join(', ')}`);
  else if (request.assistanceTypes.length > 0) parts.push('offers none of the requested assistance types');

  const where = via.kind === 'state' ? 'directly' : via.kind === 'region' ? `via ${via.region}` : 'globally';
  parts.push(`serves ${request.state} ${where}`);

  if (values[PREFERRED] === 1) parts.push('preferred provider');
  const prior = context.priorCompletedWork(offer.providerId, request.state);
  if (prior > 0) parts.push(`${plural(prior, 'completed engagement')} with ${request.state}`);
  const cost = request.estimatedCost;
  const budget = offer.capacity.budget;
  if (cost && budget && budget.currency === cost.currency && budget.amount < cost.amount) {
    parts.push(`budget covers ${Math.round(values[BUDGET] * 100)}% of the estimate`);
  }
  return parts.join('; ');
}
