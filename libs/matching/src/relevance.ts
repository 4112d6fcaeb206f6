import type { MatchableOffer, MatchableRequest } from './types';

// A suggestion must be about the request. Assistance type, domain, institution, language and the rest describe
// how an offer would help; they cannot by themselves say that it helps with what the State asked for. So an offer
// is suggested only when it covers at least one requested provision, or when its text is strongly related to the
// request's (an offer written about the same need in other words). Both selection paths and the offer-side
// trigger apply this rule; a pair a person proposes by hand is scored whatever it covers.

/**
 * Text relevance (TF-IDF cosine with the thesaurus' concepts, see text-index.ts) from which an offer's text alone
 * makes it defensible. On the labelled set (libs/matching/eval, 32 requests × 45 offers) 63 of the 64 eligible
 * pairs at or above 0.20 are judged relevant; of the 592 eligible pairs sharing no ticked provision, none reaches it
 * (the highest 0.192), nor of the 552 sharing no provision ticked or named (0.164). The pairs experts chose first
 * have a median text relevance of 0.25 (figures of engine version 4; 65, 63 and 0.196 before). Before the
 * language-aware idf (text-index.ts) 3 of those 592 reached 0.20 (the highest 0.21, none judged relevant); 0.25 kept
 * them out but ranked loosely tagged requests worse (nDCG@5 0.863 against 0.872), as the share of their weight codes
 * keep depends on it too (score.ts, textSupport).
 */
export const STRONG_TEXT_RELEVANCE = 0.2;

/**
 * The request as the engine reads it: the provisions it ticks, then those its text names (`named`: the provisions
 * of the thesaurus concepts the text mentions, text-index.ts). Tags are ticked in a hurry: a request for customs
 * training on scheduled chemicals under the Chemical Weapons Convention that ticks OP3(c) and OP3(d) asks for OP2
 * too, and one that ticks a single box asks for everything its text describes. Coverage, the relevance rule and
 * the reason line all count these provisions as requested (libs/matching/eval/README.md); the reason line also
 * names them (`namedProvisions`), so that a State that ticked two boxes reads why three are counted.
 */
export function withNamedProvisions<T extends Pick<MatchableRequest, 'provisions' | 'namedProvisions'>>(
  request: T,
  named: readonly string[],
): T {
  const added = named.filter((p) => !request.provisions.includes(p));
  return added.length === 0 ? request : { ...request, provisions: [...request.provisions, ...added], namedProvisions: added };
}

/** What made a pair defensible: a requested provision it covers, or its text. */
export type RelevanceBasis = 'provisions' | 'text';

export interface Relevance {
  /** The request's provisions, each once, in its order. */
  requested: string[];
  /** Those the offer lists too. */
  covered: string[];
  /** Text relevance of the pair, in [0, 1]. */
  text: number;
  /** STRONG_TEXT_RELEVANCE, for explanations. */
  textThreshold: number;
  /** Null when neither condition holds: the engine does not suggest the pair. */
  basis: RelevanceBasis | null;
}

/** The rule on its two inputs, for the hot paths that hold them as a bit test and a number. */
export function isSuggestible(coversProvision: boolean, text: number): boolean {
  return coversProvision || text >= STRONG_TEXT_RELEVANCE;
}

/** The rule on a pair, with what it was decided on. `text` is the pair's text relevance. */
export function relevanceOf(
  request: Pick<MatchableRequest, 'provisions'>,
  offer: Pick<MatchableOffer, 'provisions'>,
  text: number,
): Relevance {
  const requested = [...new Set(request.provisions)];
  const covered = requested.filter((p) => offer.provisions.includes(p));
  const basis: RelevanceBasis | null = covered.length > 0 ? 'provisions' : isSuggestible(false, text) ? 'text' : null;
  return { requested, covered, text, textThreshold: STRONG_TEXT_RELEVANCE, basis };
}
