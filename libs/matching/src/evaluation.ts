import { checkEligibility } from './eligibility';
import { MatchingEngine } from './engine';
import type { MatchableOffer, MatchableRequest, ScoringContext, WeightsProfile } from './types';
import { DEFAULT_WEIGHTS_PROFILE } from './weights-profile';

// Offline evaluation against expert judgements (libs/matching/eval/evaluation-set.json): ranking metrics, the
// taxonomy-overlap baseline, and a loader that checks the file's shape so a typo fails loudly.

/** Graded relevance: 2 = an expert would propose it first, 1 = a sensible alternative. Unlisted = 0. */
export type Judgements = Record<string, Record<string, 1 | 2>>;

export interface EvaluationSet {
  description: string;
  regions: Record<string, string[]>;
  priorCompletedWork: { providerId: string; state: string; count: number }[];
  offers: MatchableOffer[];
  requests: MatchableRequest[];
  judgements: Judgements;
}

export function evaluationContext(set: EvaluationSet): ScoringContext {
  const prior = new Map(set.priorCompletedWork.map((p) => [`${p.providerId}\u0000${p.state}`, p.count]));
  return {
    regionStates: (region) => set.regions[region] ?? [],
    priorCompletedWork: (providerId, state) => prior.get(`${providerId}\u0000${state}`) ?? 0,
  };
}

/** Share of the first k ranked ids judged relevant (grade ≥ 1); a list shorter than k counts its gaps as misses. */
export function precisionAtK(ranked: readonly string[], grades: Readonly<Record<string, number>>, k: number): number {
  let hits = 0;
  for (const id of ranked.slice(0, k)) if ((grades[id] ?? 0) > 0) hits++;
  return hits / k;
}

/** Normalised discounted cumulative gain with gain 2^grade − 1; 1 when nothing is relevant and nothing ranked. */
export function ndcgAtK(ranked: readonly string[], grades: Readonly<Record<string, number>>, k: number): number {
  const dcg = (gs: number[]) => gs.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(grades).sort((a, b) => b - a));
  if (ideal === 0) return ranked.length === 0 ? 1 : 0;
  return dcg(ranked.map((id) => grades[id] ?? 0)) / ideal;
}

function codes(
  x: Pick<MatchableRequest, 'provisions' | 'domains' | 'assistanceTypes' | 'targetInstitutions'>,
): Set<string> {
  return new Set([
    ...x.provisions.map((c) => `P:${c}`),
    ...x.domains.map((c) => `D:${c}`),
    ...x.assistanceTypes.map((c) => `T:${c}`),
    ...x.targetInstitutions.map((c) => `I:${c}`),
  ]);
}

/** Jaccard similarity over all taxonomy codes (provisions, domains, types, institutions), axis by axis. */
export function taxonomyJaccard(request: MatchableRequest, offer: MatchableOffer): number {
  const a = codes(request);
  const b = codes(offer);
  let shared = 0;
  for (const c of a) if (b.has(c)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** The baseline: offers by taxonomy Jaccard, best first, ties by id, zero-overlap offers left out. */
export function rankByTaxonomyJaccard(
  request: MatchableRequest,
  offers: readonly MatchableOffer[],
  keep: (offer: MatchableOffer) => boolean = () => true,
): string[] {
  return offers
    .filter(keep)
    .map((o) => ({ id: o.id, s: taxonomyJaccard(request, o) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1))
    .map((x) => x.id);
}

export interface SystemFigures {
  name: string;
  precisionAt3: number;
  ndcgAt5: number;
  rankings: Record<string, string[]>;
}

export interface EvaluationFigures {
  requests: number;
  offers: number;
  judged: number;
  systems: SystemFigures[];
}

function figures(name: string, set: EvaluationSet, rank: (r: MatchableRequest) => string[]): SystemFigures {
  let p3 = 0;
  let n5 = 0;
  const rankings: Record<string, string[]> = {};
  for (const r of set.requests) {
    const ranked = rank(r);
    rankings[r.id] = ranked;
    const grades = set.judgements[r.id] ?? {};
    p3 += precisionAtK(ranked, grades, 3);
    n5 += ndcgAtK(ranked, grades, 5);
  }
  return { name, precisionAt3: p3 / set.requests.length, ndcgAt5: n5 / set.requests.length, rankings };
}

/** How a request's tags are read: as its author set them, or loosened the way States often tag in a hurry. */
export type TagRegime = 'full' | 'loose';

const WMD_DOMAINS = ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL', 'DELIVERY'];

/**
 * A request tagged loosely, as many arrive: only the first provision ticked, every weapons domain ticked "to be
 * safe", one assistance type and no target institution. Its text is unchanged, so this regime measures how far
 * the text carries a ranking when the tags do not.
 */
export function loosenTags(request: MatchableRequest): MatchableRequest {
  return {
    ...request,
    provisions: request.provisions.slice(0, 1),
    domains: [...new Set([...WMD_DOMAINS, ...request.domains])],
    assistanceTypes: request.assistanceTypes.slice(0, 1),
    targetInstitutions: [],
  };
}

/**
 * The engine (top-k above threshold) against the taxonomy-Jaccard baseline, with and without hard filters, on the
 * requests as tagged (`full`) or loosened (`loose`, see loosenTags). Offers keep their tags in both regimes.
 */
export function evaluate(
  set: EvaluationSet,
  profile: WeightsProfile = DEFAULT_WEIGHTS_PROFILE,
  regime: TagRegime = 'full',
): EvaluationFigures {
  const requests = regime === 'loose' ? set.requests.map(loosenTags) : set.requests;
  const tagged: EvaluationSet = { ...set, requests };
  const context = evaluationContext(set);
  const engine = new MatchingEngine(set.offers, context, profile);
  const systems = [
    figures('engine', tagged, (r) => engine.scoreRequest(r).map((m) => m.offerId)),
    figures('jaccard', tagged, (r) => rankByTaxonomyJaccard(r, set.offers)),
    figures('jaccard+eligibility', tagged, (r) =>
      rankByTaxonomyJaccard(r, set.offers, (o) => checkEligibility(r, o, context).eligible),
    ),
  ];
  return {
    requests: set.requests.length,
    offers: set.offers.length,
    judged: Object.values(set.judgements).reduce((n, g) => n + Object.keys(g).length, 0),
    systems,
  };
}

function fail(message: string): never {
  throw new Error(`evaluation set: ${message}`);
}

/** Checks the parsed file: every id unique, every judgement naming a known request and offer with grade 1 or 2. */
export function parseEvaluationSet(json: unknown): EvaluationSet {
  const set = json as EvaluationSet;
  if (!set || typeof set !== 'object') fail('not an object');
  for (const key of ['regions', 'offers', 'requests', 'judgements', 'priorCompletedWork'] as const) {
    if (!set[key]) fail(`missing ${key}`);
  }
  const offerIds = new Set<string>();
  for (const o of set.offers) {
    if (offerIds.has(o.id)) fail(`duplicate offer ${o.id}`);
    offerIds.add(o.id);
    for (const key of [
      'provisions',
      'domains',
      'assistanceTypes',
      'targetInstitutions',
      'eligibleRegions',
      'eligibleStates',
      'languages',
    ] as const) {
      if (!Array.isArray(o[key])) fail(`offer ${o.id}: ${key} must be a list`);
    }
    for (const region of o.eligibleRegions) {
      if (region !== 'GLOBAL' && !set.regions[region]) fail(`offer ${o.id}: unknown region ${region}`);
    }
  }
  const requestIds = new Set<string>();
  for (const r of set.requests) {
    if (requestIds.has(r.id)) fail(`duplicate request ${r.id}`);
    requestIds.add(r.id);
    for (const key of [
      'provisions',
      'domains',
      'assistanceTypes',
      'targetInstitutions',
      'languages',
      'preferredProviderIds',
    ] as const) {
      if (!Array.isArray(r[key])) fail(`request ${r.id}: ${key} must be a list`);
    }
  }
  for (const [requestId, grades] of Object.entries(set.judgements)) {
    if (!requestIds.has(requestId)) fail(`judgements for unknown request ${requestId}`);
    for (const [offerId, grade] of Object.entries(grades)) {
      if (!offerIds.has(offerId)) fail(`judgement for unknown offer ${offerId}`);
      if (grade !== 1 && grade !== 2) fail(`grade for ${requestId}/${offerId} must be 1 or 2`);
    }
  }
  for (const r of set.requests) if (!set.judgements[r.id]) fail(`request ${r.id} has no judgements`);
  return set;
}
