import fc from 'fast-check';
import { generateRegistryWorld, toEngineInputs } from '@app/synthetic';
import { checkEligibility } from './eligibility';
import { MatchingEngine, emptyMatchingStats } from './engine';
import { relevanceOf } from './relevance';
import { DOMAIN_CODES } from './taxonomy-codes';
import {
  COMPONENT_KEYS,
  type ComponentKey,
  type MatchResult,
  type MatchableOffer,
  type MatchableRequest,
  type ScoringContext,
  type WeightsProfile,
} from './types';
import { DEFAULT_WEIGHTS_PROFILE } from './weights-profile';

// ---------------------------------------------------------------------------------------------------------------
// Small random worlds: few codes, States and words, so overlaps, ties, empty lists and odd windows are common.
// ---------------------------------------------------------------------------------------------------------------

const STATES = ['MNG', 'KAZ', 'KGZ', 'DEU', 'BRA', 'NGA'];
const REGIONS: Record<string, string[]> = {
  OSCE: ['MNG', 'KAZ', 'KGZ', 'DEU'],
  CENTRAL_ASIA: ['KAZ', 'KGZ'],
  ASIA_PACIFIC: ['MNG', 'KAZ', 'KGZ'],
  AFRICA: ['NGA'],
  EMPTY: [],
};
const PROVISIONS = ['OP2', 'OP3c', 'OP3d', 'REPORTING'];
const TYPES = ['LEGISLATIVE', 'TRAINING', 'EQUIPMENT'];
const INSTITUTIONS = ['CUSTOMS_BORDER', 'LICENSING', 'HEALTH_BIOSAFETY'];
const WORDS = [
  'export',
  'control',
  'customs',
  'training',
  'laboratory',
  'biosafety',
  'list',
  'экспорт',
  'контроль',
  'лаборатория',
];
const BASE_DAY = Date.UTC(2025, 0, 1) / 86_400_000;

const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' '));
const date = fc.option(
  fc.integer({ min: 0, max: 30 }).map((n) => new Date((BASE_DAY + n * 20) * 86_400_000).toISOString().slice(0, 10)),
  { nil: null },
);
const money = fc.option(
  fc.record({ amount: fc.integer({ min: 0, max: 1000 }), currency: fc.constantFrom('USD', 'EUR') }),
  { nil: null },
);
const mostly = (p: fc.Arbitrary<boolean>) =>
  fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: p });

type OfferBody = Omit<MatchableOffer, 'id'>;
type RequestBody = Omit<MatchableRequest, 'id'>;

const offerBody: fc.Arbitrary<OfferBody> = fc.record({
  providerId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
  provisions: fc.subarray(PROVISIONS),
  domains: fc.subarray([...DOMAIN_CODES]),
  assistanceTypes: fc.subarray(TYPES),
  targetInstitutions: fc.subarray(INSTITUTIONS),
  eligibleRegions: fc.subarray(['GLOBAL', ...Object.keys(REGIONS)]),
  eligibleStates: fc.subarray(STATES, { maxLength: 2 }),
  deliveryModes: fc.constant(['VIRTUAL']),
  languages: fc.subarray(['en', 'ru', 'mn', 'fr']),
  capacity: fc.record({ engagements: fc.option(fc.nat(5), { nil: null }), budget: money }),
  remainingEngagements: fc.option(fc.nat(3), { nil: null }),
  active: mostly(fc.constant(false)),
  availableFrom: date,
  availableUntil: date,
  title: text,
  description: text,
});

const requestBody: fc.Arbitrary<RequestBody> = fc.record({
  state: fc.constantFrom(...STATES),
  provisions: fc.subarray(PROVISIONS),
  domains: fc.subarray([...DOMAIN_CODES], { maxLength: 2 }),
  assistanceTypes: fc.subarray(TYPES),
  targetInstitutions: fc.subarray(INSTITUTIONS),
  title: text,
  description: text,
  languages: fc.subarray(['en', 'ru', 'mn']),
  estimatedCost: money,
  desiredStart: date,
  desiredEnd: date,
  preferredProviderIds: fc.subarray(['p1', 'p2', 'p3', 'p4'], { maxLength: 1 }),
});

const profile: fc.Arbitrary<WeightsProfile> = fc.oneof(
  fc.constant(DEFAULT_WEIGHTS_PROFILE),
  fc
    .record({
      weights: fc.tuple(...COMPONENT_KEYS.map(() => fc.constantFrom(0, 0.01, 0.05, 0.1, 0.3, 1))),
      threshold: fc.constantFrom(0, 0.1, 0.3, 0.5, 0.7),
      topK: fc.constantFrom(1, 2, 3, 6),
    })
    .filter(({ weights }) => weights.some((w) => w > 0))
    .map(({ weights, threshold, topK }) => ({
      version: 2,
      weights: Object.fromEntries(COMPONENT_KEYS.map((k, i) => [k, weights[i]])) as Record<ComponentKey, number>,
      threshold,
      topK,
    })),
);

interface World {
  offers: MatchableOffer[];
  requests: MatchableRequest[];
  context: ScoringContext;
  profile: WeightsProfile;
}

const world: fc.Arbitrary<World> = fc
  .record({
    offers: fc.array(offerBody, { maxLength: 40 }),
    requests: fc.array(requestBody, { minLength: 1, maxLength: 5 }),
    prior: fc.array(fc.tuple(fc.constantFrom('p1', 'p2', 'p3'), fc.constantFrom(...STATES), fc.nat(4)), {
      maxLength: 20,
    }),
    profile,
  })
  .map(({ offers, requests, prior, profile }) => ({
    // Ids not in generation order, so that ties broken by id are not also broken by insertion order.
    offers: offers.map((o, i) => ({ ...o, id: `o${String((i * 7) % 31).padStart(2, '0')}-${i}` })),
    requests: requests.map((r, i) => ({ ...r, id: `r${i}` })),
    context: {
      regionStates: (region: string) => REGIONS[region] ?? [],
      priorCompletedWork: (p: string, s: string) =>
        prior.filter(([pp, ss]) => pp === p && ss === s).reduce((a, [, , n]) => a + n, 0),
    },
    profile,
  }));

/**
 * The relevance rule (relevance.ts) on a scored pair: it covers a provision the request ticks or its text names, or
 * its text is close.
 */
function aboutTheRequest(
  engine: MatchingEngine,
  m: MatchResult,
  request: MatchableRequest,
  offer: MatchableOffer,
): boolean {
  const text = m.components.find((c) => c.key === 'textRelevance')!.value;
  return relevanceOf(engine.readRequest(request), offer, text).basis !== null;
}

/**
 * The top-k by definition: every offer through `scorePair`, eligible ones about the request and at or above
 * threshold, best first.
 */
function bruteTopK(engine: MatchingEngine, offers: MatchableOffer[], request: MatchableRequest): MatchResult[] {
  const { threshold, topK } = engine.profile;
  const byId = new Map(offers.map((o) => [o.id, o]));
  return offers
    .map((o) => engine.scorePair(request, o.id)!)
    .flatMap((p) => (p.eligible ? [p.result] : []))
    .filter((m) => m.score >= threshold && aboutTheRequest(engine, m, request, byId.get(m.offerId)!))
    .sort((a, b) => b.score - a.score || (a.offerId < b.offerId ? -1 : 1))
    .slice(0, topK);
}

const ids = (results: MatchResult[]) => results.map((m) => m.offerId);

// The synthetic registry world (@app/synthetic) places its records in time before this instant.
const NOW = new Date('2026-11-30T10:00:00Z');

describe('MatchingEngine properties', () => {
  it('candidate top-k equals exhaustive top-k, component for component, on random worlds', () => {
    fc.assert(
      fc.property(world, ({ offers, requests, context, profile }) => {
        const engine = new MatchingEngine(offers, context, profile);
        for (const r of requests) expect(engine.scoreRequest(r)).toEqual(engine.scoreRequestExhaustive(r));
      }),
      { numRuns: 400 },
    );
  });

  it('candidate top-k equals exhaustive top-k on larger synthetic worlds, where pruning does most of the work', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        profile,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, p, globalShare) => {
          const w = toEngineInputs(generateRegistryWorld({ seed, offers: 250, requests: 25, now: NOW, globalShare }));
          const engine = new MatchingEngine(w.offers, w.context, p);
          for (const r of w.requests) expect(engine.scoreRequest(r)).toEqual(engine.scoreRequestExhaustive(r));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the exhaustive top-k is the definition: eligible pairs only, at or above threshold, best first, ties by id', () => {
    fc.assert(
      fc.property(world, ({ offers, requests, context, profile }) => {
        const engine = new MatchingEngine(offers, context, profile);
        for (const r of requests) expect(engine.scoreRequestExhaustive(r)).toEqual(bruteTopK(engine, offers, r));
      }),
      { numRuns: 200 },
    );
  });

  it('never returns an ineligible pair; every score and component lies in [0, 1] and adds up', () => {
    fc.assert(
      fc.property(world, ({ offers, requests, context, profile }) => {
        const engine = new MatchingEngine(offers, context, profile);
        const byId = new Map(offers.map((o) => [o.id, o]));
        for (const r of requests) {
          const results = engine.scoreRequest(r);
          expect(results.length).toBeLessThanOrEqual(profile.topK);
          for (const m of results) {
            expect(checkEligibility(r, byId.get(m.offerId)!, context).eligible).toBe(true);
            expect(m.score).toBeGreaterThanOrEqual(Math.max(0, profile.threshold));
            expect(m.score).toBeLessThanOrEqual(1);
            expect(m.components.map((c) => c.key)).toEqual([...COMPONENT_KEYS]);
            for (const c of m.components) {
              expect(c.value).toBeGreaterThanOrEqual(0);
              expect(c.value).toBeLessThanOrEqual(1);
            }
            expect(m.components.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(m.score, 12);
            expect(m.reason).toMatch(/serves [A-Z]{3} /);
          }
          for (const o of offers) {
            const pair = engine.scorePair(r, o.id)!;
            expect(pair.eligible).toBe(checkEligibility(r, o, context).eligible);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: same offers give the same results, whatever order they are added in', () => {
    fc.assert(
      fc.property(world, ({ offers, requests, context, profile }) => {
        const a = new MatchingEngine(offers, context, profile);
        const b = new MatchingEngine(offers, context, profile);
        const reversed = new MatchingEngine([...offers].reverse(), context, profile);
        for (const r of requests) {
          const first = a.scoreRequest(r);
          expect(a.scoreRequest(r)).toEqual(first);
          expect(b.scoreRequest(r)).toEqual(first);
          const other = reversed.scoreRequest(r);
          expect(ids(other)).toEqual(ids(first));
          other.forEach((m, i) => expect(m.score).toBeCloseTo(first[i].score, 12));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('adding a code shared by request and offer never lowers the score', () => {
    const axes = [
      ['provisions', PROVISIONS],
      ['assistanceTypes', TYPES],
      ['targetInstitutions', INSTITUTIONS],
      ['domains', [...DOMAIN_CODES]],
    ] as const;
    fc.assert(
      fc.property(
        world.filter((w) => w.offers.length > 0),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...axes),
        fc.nat(),
        ({ offers, requests, context, profile }, oi, ri, [axis, codes], ci) => {
          const offer = offers[oi % offers.length];
          const request = requests[ri % requests.length];
          // An offer listing no domain serves all of them; naming one narrows it, so it is no "addition".
          fc.pre(axis !== 'domains' || offer.domains.length > 0);
          const code = codes[ci % codes.length];
          const engine = new MatchingEngine(offers, context, profile);
          const before = engine.scorePair(request, offer.id)!;
          const add = (list: string[]) => (list.includes(code) ? list : [...list, code]);
          const widerOffer = { ...offer, [axis]: add(offer[axis]) };
          const widerRequest = { ...request, [axis]: add(request[axis]) };
          engine.upsertOffer(widerOffer);
          const after = engine.scorePair(widerRequest, offer.id)!;
          if (before.eligible) {
            expect(after.eligible).toBe(true);
            if (after.eligible) expect(after.result.score).toBeGreaterThanOrEqual(before.result.score - 1e-12);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('adding a code to the offer alone never lowers the score: breadth is not penalised', () => {
    fc.assert(
      fc.property(
        world.filter((w) => w.offers.length > 0),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(
          ['provisions', PROVISIONS] as const,
          ['assistanceTypes', TYPES] as const,
          ['targetInstitutions', INSTITUTIONS] as const,
          ['domains', [...DOMAIN_CODES]] as const,
        ),
        fc.nat(),
        ({ offers, requests, context, profile }, oi, ri, [axis, codes], ci) => {
          const offer = offers[oi % offers.length];
          const request = requests[ri % requests.length];
          fc.pre(axis !== 'domains' || offer.domains.length > 0);
          const code = codes[ci % codes.length];
          const engine = new MatchingEngine(offers, context, profile);
          const before = engine.scorePair(request, offer.id)!;
          engine.upsertOffer({ ...offer, [axis]: offer[axis].includes(code) ? offer[axis] : [...offer[axis], code] });
          const after = engine.scorePair(request, offer.id)!;
          if (before.eligible) {
            expect(after.eligible).toBe(true);
            if (after.eligible) expect(after.result.score).toBeGreaterThanOrEqual(before.result.score - 1e-12);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('after upserts and removals answers as an engine built from the final offers', () => {
    fc.assert(
      fc.property(
        world,
        fc.array(fc.tuple(fc.boolean(), fc.nat(), offerBody), { maxLength: 12 }),
        ({ offers, requests, context, profile }, edits) => {
          const engine = new MatchingEngine(offers, context, profile);
          const current = new Map(offers.map((o) => [o.id, o]));
          edits.forEach(([remove, n, body], i) => {
            const existing = [...current.keys()];
            if (remove && existing.length > 0) {
              const id = existing[n % existing.length];
              expect(engine.removeOffer(id)).toBe(true);
              current.delete(id);
            } else {
              // Either replace an existing offer or add a new one.
              const id = existing.length > 0 && n % 2 === 0 ? existing[n % existing.length] : `new-${i}`;
              const offer = { ...body, id };
              engine.upsertOffer(offer);
              current.set(id, offer);
            }
          });
          const fresh = new MatchingEngine(current.values(), context, profile);
          expect(engine.offerCount).toBe(current.size);
          for (const r of requests) {
            const got = engine.scoreRequest(r);
            const want = fresh.scoreRequest(r);
            expect(ids(got)).toEqual(ids(want));
            got.forEach((m, i) => expect(m.score).toBeCloseTo(want[i].score, 12));
            expect(got).toEqual(engine.scoreRequestExhaustive(r));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('scoreOffer agrees with scorePair for every request and upserts the offer', () => {
    fc.assert(
      fc.property(world, offerBody, ({ offers, requests, context, profile }, body) => {
        const engine = new MatchingEngine(offers, context, profile);
        const offer = { ...body, id: 'triggered' };
        const results = engine.scoreOffer(offer, requests);
        expect(engine.hasOffer('triggered')).toBe(true);
        const expected = requests
          .map((r) => [r, engine.scorePair(r, 'triggered')!] as const)
          .flatMap(([r, p]) =>
            p.eligible && p.result.score >= profile.threshold && aboutTheRequest(engine, p.result, r, offer)
              ? [p.result]
              : [],
          )
          .sort((a, b) => b.score - a.score || (a.requestId < b.requestId ? -1 : 1));
        expect(results).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe('MatchingEngine pruning', () => {
  it('on a synthetic world, finds the exhaustive top-k while scoring a small share of the eligible pairs', () => {
    const w = toEngineInputs(generateRegistryWorld({ seed: 7, offers: 600, requests: 80, now: NOW }));
    const e = new MatchingEngine(w.offers, w.context);
    const stats = emptyMatchingStats();
    for (const r of w.requests) expect(e.scoreRequest(r, stats)).toEqual(e.scoreRequestExhaustive(r));
    // About 0.64 here since requests also ask for the provisions their text names (more offers share one), 0.58
    // before.
    expect(stats.candidates + stats.restCandidates).toBeLessThan(stats.eligible * 0.7);
    expect(stats.exactScores).toBeLessThan(stats.eligible * 0.25);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The Mongolia story from DESIGN §1, by hand.
// ---------------------------------------------------------------------------------------------------------------

const regions: Record<string, string[]> = { OSCE: ['MNG', 'KAZ', 'DEU', 'USA'], ASIA_PACIFIC: ['MNG', 'JPN', 'KAZ'] };
const context: ScoringContext = {
  regionStates: (region) => regions[region] ?? [],
  priorCompletedWork: (provider, state) => (provider === 'BAFA' && state === 'MNG' ? 1 : 0),
};

const offer = (id: string, patch: Partial<MatchableOffer>): MatchableOffer => ({
  id,
  providerId: id.toUpperCase(),
  provisions: [],
  domains: [],
  assistanceTypes: [],
  targetInstitutions: [],
  eligibleRegions: ['GLOBAL'],
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

const offers: MatchableOffer[] = [
  offer('bafa', {
    providerId: 'BAFA',
    provisions: ['OP3d', 'OUTREACH'],
    assistanceTypes: ['LEGISLATIVE', 'TRAINING', 'EXPERTISE'],
    targetInstitutions: ['LICENSING', 'CUSTOMS_BORDER'],
    eligibleRegions: ['OSCE'],
    title: 'Export control outreach',
    description:
      'Drafting national control lists of dual-use items, licensing procedures and training of licensing officers.',
  }),
  offer('exbs', {
    provisions: ['OP3c', 'OP3d'],
    assistanceTypes: ['TRAINING', 'EQUIPMENT', 'LEGISLATIVE'],
    targetInstitutions: ['CUSTOMS_BORDER', 'LICENSING'],
    eligibleStates: ['MNG', 'KAZ'],
    title: 'Export Control and Related Border Security',
    description: 'Strategic trade control legislation, enforcement training and detection equipment for customs.',
  }),
  offer('ghsa-lab', {
    provisions: ['OP3a', 'OP3b'],
    domains: ['BIOLOGICAL'],
    assistanceTypes: ['INFRASTRUCTURE', 'FINANCIAL', 'TRAINING'],
    targetInstitutions: ['HEALTH_BIOSAFETY'],
    title: 'Biosafety laboratory support',
    description: 'Financing and technical support to build and certify BSL-3 biosafety laboratories.',
  }),
  offer('paused', {
    provisions: ['OP3d'],
    assistanceTypes: ['LEGISLATIVE'],
    active: false,
    title: 'Paused export control programme',
  }),
];

const dualUseList: MatchableRequest = {
  id: 'MNG-2020-001',
  state: 'MNG',
  provisions: ['OP3d'],
  domains: ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL'],
  assistanceTypes: ['LEGISLATIVE', 'EXPERTISE'],
  targetInstitutions: ['LICENSING'],
  title: 'National list of dual-use items',
  description: 'Assistance drafting a national control list of dual-use items and the licensing procedure.',
  languages: ['mn', 'en'],
  preferredProviderIds: [],
};

describe('MatchingEngine on the Mongolia example', () => {
  const engine = new MatchingEngine(offers, context);

  it('ranks BAFA first for the dual-use list and explains why', () => {
    const results = engine.scoreRequest(dualUseList);
    expect(ids(results)).toEqual(['bafa', 'exbs']);
    expect(results[0].reason).toBe(
      'covers OP3d — 1 of 1 requested provision; offers LEGISLATIVE, EXPERTISE; serves MNG via OSCE; 1 completed engagement with MNG; ' +
        'both texts mention dual-use items, licensing, control list, drafting, procedures',
    );
    expect(results[1].reason).toBe(
      'covers OP3d — 1 of 1 requested provision; offers LEGISLATIVE; serves MNG directly; both texts mention control',
    );
    expect(results[0].score).toBeGreaterThan(results[1].score);
  });

  it('reads the provisions a request names in its text as requested, after those it ticks', () => {
    const cwc: MatchableRequest = {
      ...dualUseList,
      provisions: ['OP3c'],
      title: 'Customs and the Chemical Weapons Convention',
      description: 'Training customs officers to identify scheduled chemicals.',
    };
    // "Chemical Weapons Convention" names OP2 and coordination, the weapons in it OP1 and OP2, "scheduled chemicals"
    // OP3(a) and OP3(c), "customs" OP3(c).
    expect(engine.readRequest(cwc).provisions).toEqual(['OP3c', 'OP2', 'COORDINATION', 'OP1', 'OP3a']);
    expect(engine.readRequest({ ...cwc, title: '', description: 'Training for officials' })).toMatchObject({
      provisions: ['OP3c'],
    });
    // The lab programme covers OP3(a), which the request only names: the relevance rule holds, the reason counts
    // five requested provisions and says which four the text named.
    const lab = engine.scorePair(cwc, 'ghsa-lab');
    expect(lab).toMatchObject({ eligible: true });
    expect(lab!.eligible && lab!.result.reason).toMatch(
      /^covers OP3a — 1 of 5 requested provisions; the request's text also names OP2, COORDINATION, OP1 and OP3a;/,
    );
    expect(lab!.eligible && lab!.result.reasonParts).toContainEqual({ key: 'named', provisions: ['OP2', 'COORDINATION', 'OP1', 'OP3a'] });
    // A request whose text names nothing it does not tick says nothing of it.
    const plain = engine.scorePair({ ...cwc, title: '', description: 'Training for officials' }, 'ghsa-lab');
    expect(plain).toMatchObject({ eligible: true });
    expect(plain!.eligible && plain!.result.reasonParts?.map((p) => p.key)).not.toContain('named');
  });

  it('sends the BSL-3 request to the laboratory programme and not to an inactive offer', () => {
    const lab: MatchableRequest = {
      ...dualUseList,
      id: 'MNG-2020-003',
      provisions: ['OP3a', 'OP3b'],
      domains: ['BIOLOGICAL'],
      assistanceTypes: ['FINANCIAL', 'INFRASTRUCTURE'],
      targetInstitutions: ['HEALTH_BIOSAFETY'],
      title: 'BSL-3 laboratory',
      description: 'Financial and technical support to establish a biosafety level 3 laboratory.',
    };
    expect(ids(engine.scoreRequest(lab))).toEqual(['ghsa-lab']);
    expect(engine.scorePair(lab, 'paused')).toMatchObject({ eligible: false, reason: 'offer_inactive' });
    expect(engine.scorePair(lab, 'nope')).toBeUndefined();
  });

  it('breaks equal scores by offer id and honours topK and threshold', () => {
    const twins = new MatchingEngine(
      [offer('b-twin', { ...offers[0], id: 'b-twin' }), offer('a-twin', { ...offers[0], id: 'a-twin' })],
      context,
      { ...DEFAULT_WEIGHTS_PROFILE, topK: 1 },
    );
    const [only, ...rest] = twins.scoreRequest(dualUseList);
    expect(only.offerId).toBe('a-twin');
    expect(rest).toEqual([]);
    twins.setProfile({ ...DEFAULT_WEIGHTS_PROFILE, threshold: 1 });
    expect(twins.scoreRequest(dualUseList)).toEqual([]);
  });

  it('follows an offer being paused, resumed and removed', () => {
    const e = new MatchingEngine(offers, context);
    e.upsertOffer({ ...offers[0], active: false });
    expect(ids(e.scoreRequest(dualUseList))).toEqual(['exbs']);
    e.upsertOffer(offers[0]);
    expect(ids(e.scoreRequest(dualUseList))).toEqual(['bafa', 'exbs']);
    expect(e.removeOffer('exbs')).toBe(true);
    expect(e.removeOffer('exbs')).toBe(false);
    expect(ids(e.scoreRequest(dualUseList))).toEqual(['bafa']);
  });

  it('skips the offers sharing no provision or type when the bound proves they cannot place', () => {
    expect(engine.restBound(dualUseList)).toBeCloseTo(0.45, 12);
    expect(engine.restBound({ ...dualUseList, preferredProviderIds: ['X'] })).toBeCloseTo(0.48, 12);
    const stats = emptyMatchingStats();
    engine.scoreRequest(dualUseList, stats);
    // Two results below k: the floor stays at the 0.35 threshold, under the 0.45 bound, so the rest is scanned.
    expect(stats.restScans).toBe(1);
    const strict = new MatchingEngine(offers, context, { ...DEFAULT_WEIGHTS_PROFILE, threshold: 0.5 });
    const strictStats = emptyMatchingStats();
    expect(ids(strict.scoreRequest(dualUseList, strictStats))).toEqual(ids(strict.scoreRequestExhaustive(dualUseList)));
    expect(strictStats.restScans).toBe(0);
  });

  it('refuses an invalid profile', () => {
    expect(() => engine.setProfile({ ...DEFAULT_WEIGHTS_PROFILE, topK: 0 })).toThrow(RangeError);
    expect(() => new MatchingEngine([], context, { ...DEFAULT_WEIGHTS_PROFILE, threshold: -1 })).toThrow(RangeError);
  });
});
