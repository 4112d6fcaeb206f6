import { MatchingEngine } from './engine';
import { explainOffer } from './explain-offer';
import { STRONG_TEXT_RELEVANCE, isSuggestible, relevanceOf } from './relevance';
import type { MatchableOffer, MatchableRequest, ScoringContext } from './types';
import { DEFAULT_WEIGHTS_PROFILE } from './weights-profile';

const context: ScoringContext = {
  regionStates: (region) => ({ ASIA_PACIFIC: ['MNG', 'JPN'], AFRICA: ['NGA'] })[region] ?? [],
  priorCompletedWork: () => 0,
};

const offer = (id: string, patch: Partial<MatchableOffer>): MatchableOffer => ({
  id,
  providerId: id.toUpperCase(),
  provisions: [],
  domains: [],
  assistanceTypes: [],
  targetInstitutions: [],
  eligibleRegions: ['ASIA_PACIFIC'],
  eligibleStates: [],
  deliveryModes: ['IN_COUNTRY'],
  languages: ['en'],
  capacity: {},
  remainingEngagements: null,
  active: true,
  title: '',
  description: '',
  ...patch,
});

// The BSL-3 request of the Mongolia story: two provisions, three kinds of help, one domain.
const bsl3: MatchableRequest = {
  id: 'MNG-2020-003',
  state: 'MNG',
  provisions: ['OP3a', 'OP3b'],
  domains: ['BIOLOGICAL'],
  assistanceTypes: ['FINANCIAL', 'INFRASTRUCTURE', 'EQUIPMENT'],
  targetInstitutions: ['HEALTH_BIOSAFETY'],
  title: 'Biosafety level 3 laboratory',
  description: 'Financial and technical support to design, build and equip a BSL-3 laboratory for dangerous pathogens.',
  languages: ['en'],
  desiredStart: '2026-01-01',
  desiredEnd: '2026-12-31',
  preferredProviderIds: [],
};

const lab = offer('lab', {
  provisions: ['OP3a', 'OP3b'],
  domains: ['BIOLOGICAL'],
  assistanceTypes: ['FINANCIAL', 'INFRASTRUCTURE'],
  targetInstitutions: ['HEALTH_BIOSAFETY'],
  title: 'Biosafety laboratory programme',
  description: 'Design and construction of BSL-3 laboratories, with equipment for work on dangerous pathogens.',
});
// Shares every kind of help, the domain and the institution, but none of the provisions, and is about
// something else entirely: before the relevance rule it scored above the threshold on those alone.
const unrelated = offer('unrelated', {
  provisions: ['OP3c'],
  domains: ['BIOLOGICAL'],
  assistanceTypes: ['FINANCIAL', 'INFRASTRUCTURE', 'EQUIPMENT'],
  targetInstitutions: ['HEALTH_BIOSAFETY'],
  title: 'Radiation portal monitors at border crossings',
  description: 'Fixed detectors for customs officers and the vehicles they inspect.',
});
// Covers no requested provision either, but is written about the same need.
const sameNeed = offer('same-need', {
  provisions: ['COORDINATION'],
  domains: ['BIOLOGICAL'],
  assistanceTypes: ['FINANCIAL', 'INFRASTRUCTURE', 'EQUIPMENT'],
  targetInstitutions: ['HEALTH_BIOSAFETY'],
  title: 'BSL-3 laboratory design',
  description: 'Support to design, build and equip a BSL-3 laboratory for dangerous pathogens.',
});

/** A profile under whose threshold an unrelated offer's shared codes would pass: the relevance rule still holds. */
const LOW_THRESHOLD = { ...DEFAULT_WEIGHTS_PROFILE, threshold: 0.2 };

describe('the relevance rule', () => {
  it('accepts a pair covering a requested provision, or with text relevance at least STRONG_TEXT_RELEVANCE', () => {
    expect(isSuggestible(true, 0)).toBe(true);
    expect(isSuggestible(false, STRONG_TEXT_RELEVANCE)).toBe(true);
    expect(isSuggestible(false, STRONG_TEXT_RELEVANCE - 1e-12)).toBe(false);
    expect(relevanceOf(bsl3, lab, 0)).toEqual({
      requested: ['OP3a', 'OP3b'],
      covered: ['OP3a', 'OP3b'],
      text: 0,
      textThreshold: STRONG_TEXT_RELEVANCE,
      basis: 'provisions',
    });
    expect(relevanceOf(bsl3, unrelated, 0.05)).toMatchObject({ covered: [], basis: null });
    expect(relevanceOf(bsl3, unrelated, 0.3)).toMatchObject({ covered: [], basis: 'text' });
  });

  it('no longer suggests an offer sharing only assistance types, domain and institution', () => {
    // Its codes count for half, its text sharing nothing with the request's (textSupport): under the threshold…
    const plain = new MatchingEngine([lab, unrelated], context).scorePair(bsl3, 'unrelated');
    expect(plain).toMatchObject({ eligible: true });
    if (!plain?.eligible) return;
    expect(plain.result.score).toBeLessThan(DEFAULT_WEIGHTS_PROFILE.threshold);
    // …and even under a profile whose threshold it passes on what it shares…
    const engine = new MatchingEngine([lab, unrelated], context, LOW_THRESHOLD);
    const pair = engine.scorePair(bsl3, 'unrelated');
    expect(pair).toMatchObject({ eligible: true });
    if (!pair?.eligible) return;
    expect(pair.result.score).toBeGreaterThan(LOW_THRESHOLD.threshold);
    // …but about none of what was asked for.
    expect(engine.scoreRequest(bsl3).map((m) => m.offerId)).toEqual(['lab']);
    expect(engine.scoreRequestExhaustive(bsl3).map((m) => m.offerId)).toEqual(['lab']);
    expect(engine.scoreOffer(unrelated, [bsl3])).toEqual([]);
  });

  it('suggests an offer covering no requested provision when its text is about the same need, and says so', () => {
    const engine = new MatchingEngine([lab, unrelated, sameNeed], context);
    const results = engine.scoreRequest(bsl3);
    expect(results.map((m) => m.offerId)).toEqual(['lab', 'same-need']);
    expect(results[0].reason).toMatch(/^covers OP3a and OP3b — 2 of 2 requested provisions;/);
    expect(results[1].reason).toMatch(
      /^covers none of the 2 requested provisions; its description is closely related \(text relevance 0\.\d\d, at least 0\.20\);/,
    );
  });
});

describe('explainOffer', () => {
  const engine = () => new MatchingEngine([lab, unrelated, sameNeed], context);

  it('gives the rank and score of a suggested offer', () => {
    const e = engine();
    const explanation = explainOffer(e, bsl3, sameNeed);
    expect(explanation).toMatchObject({ outcome: 'suggested', rank: 2, kept: 2 });
    if (explanation.outcome !== 'suggested') return;
    expect(explanation.pair.score).toBe(e.scoreRequest(bsl3)[1].score);
    expect(explanation.pair.relevance.basis).toBe('text');
  });

  it('shows what a not relevant offer covers against what was requested, with its text relevance', () => {
    const explanation = explainOffer(
      new MatchingEngine([lab, unrelated, sameNeed], context, LOW_THRESHOLD),
      bsl3,
      unrelated,
    );
    expect(explanation).toMatchObject({
      outcome: 'not_relevant',
      pair: {
        relevance: { requested: ['OP3a', 'OP3b'], covered: [], basis: null, textThreshold: STRONG_TEXT_RELEVANCE },
      },
    });
    if (explanation.outcome !== 'not_relevant') return;
    expect(explanation.pair.relevance.text).toBeLessThan(STRONG_TEXT_RELEVANCE);
    expect(explanation.pair.score).toBeGreaterThan(LOW_THRESHOLD.threshold);
  });

  it('names the hard rule that failed, with the values on both sides', () => {
    const e = engine();
    expect(
      explainOffer(e, bsl3, { ...lab, id: 'africa', eligibleRegions: ['AFRICA'], eligibleStates: ['NGA'] }),
    ).toEqual({
      outcome: 'ineligible',
      ineligible: { rule: 'state_not_served', state: 'MNG', eligibleStates: ['NGA'], eligibleRegions: ['AFRICA'] },
    });
    expect(explainOffer(e, bsl3, { ...lab, id: 'late', availableFrom: '2027-03-01', availableUntil: null })).toEqual({
      outcome: 'ineligible',
      ineligible: {
        rule: 'availability_disjoint',
        desiredStart: '2026-01-01',
        desiredEnd: '2026-12-31',
        availableFrom: '2027-03-01',
        availableUntil: null,
      },
    });
    expect(explainOffer(e, bsl3, { ...lab, id: 'nuclear', domains: ['NUCLEAR'] })).toEqual({
      outcome: 'ineligible',
      ineligible: { rule: 'no_domain_overlap', requestedDomains: ['BIOLOGICAL'], offeredDomains: ['NUCLEAR'] },
    });
    expect(
      explainOffer(e, bsl3, { ...lab, id: 'full', capacity: { engagements: 2 }, remainingEngagements: 0 }),
    ).toEqual({
      outcome: 'ineligible',
      ineligible: { rule: 'no_capacity', engagements: 2, remainingEngagements: 0 },
    });
    expect(explainOffer(e, bsl3, { ...lab, active: false })).toEqual({
      outcome: 'ineligible',
      ineligible: { rule: 'offer_inactive' },
    });
  });

  it('gives the score and its components against the threshold when the offer falls short', () => {
    const strict = new MatchingEngine([lab, sameNeed], context, { ...DEFAULT_WEIGHTS_PROFILE, threshold: 0.9 });
    const explanation = explainOffer(strict, bsl3, sameNeed);
    expect(explanation).toMatchObject({ outcome: 'below_threshold', threshold: 0.9 });
    if (explanation.outcome !== 'below_threshold') return;
    expect(explanation.pair.score).toBeLessThan(0.9);
    expect(explanation.pair.components.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(
      explanation.pair.score,
      12,
    );
  });

  it('names the lowest suggestion kept when the offer is outranked', () => {
    const one = new MatchingEngine([lab, sameNeed], context, { ...DEFAULT_WEIGHTS_PROFILE, topK: 1 });
    const explanation = explainOffer(one, bsl3, sameNeed);
    expect(explanation).toMatchObject({ outcome: 'outranked', topK: 1, lowestKept: { offerId: 'lab', rank: 1 } });
    if (explanation.outcome !== 'outranked') return;
    expect(explanation.lowestKept.score).toBeGreaterThanOrEqual(explanation.pair.score);
  });

  it('adds an eligible offer the engine does not hold yet, as the worker does once an offer is verified', () => {
    const e = new MatchingEngine([lab], context);
    expect(explainOffer(e, bsl3, sameNeed)).toMatchObject({ outcome: 'suggested', rank: 2 });
    expect(e.hasOffer('same-need')).toBe(true);
  });
});
