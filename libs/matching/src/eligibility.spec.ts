import { checkEligibility, createRegionMembership, windowsOverlap } from './eligibility';
import { dayNumber } from './dates';
import type { MatchableOffer, MatchableRequest, ScoringContext } from './types';

const regions: Record<string, string[]> = { OSCE: ['MNG', 'KAZ', 'DEU'], CENTRAL_ASIA: ['KAZ', 'KGZ'] };
const context: ScoringContext = {
  regionStates: (region) => regions[region] ?? [],
  priorCompletedWork: () => 0,
};

const request = (patch: Partial<MatchableRequest> = {}): MatchableRequest => ({
  id: 'MNG-2020-001',
  state: 'MNG',
  provisions: ['OP3d'],
  domains: ['BIOLOGICAL'],
  assistanceTypes: ['LEGISLATIVE'],
  targetInstitutions: [],
  title: 'National list of dual-use items',
  description: '',
  languages: ['en'],
  preferredProviderIds: [],
  ...patch,
});

const offer = (patch: Partial<MatchableOffer> = {}): MatchableOffer => ({
  id: 'osce-1540',
  providerId: 'OSCE',
  provisions: ['OP3d'],
  domains: [],
  assistanceTypes: ['LEGISLATIVE'],
  targetInstitutions: [],
  eligibleRegions: ['OSCE'],
  eligibleStates: [],
  deliveryModes: ['IN_COUNTRY'],
  languages: ['en'],
  capacity: { engagements: 3 },
  remainingEngagements: 2,
  active: true,
  title: 'OSCE support to 1540 implementation',
  description: '',
  ...patch,
});

describe('checkEligibility', () => {
  it('serves a State through a region containing it and names the region', () => {
    expect(checkEligibility(request(), offer(), context)).toEqual({
      eligible: true,
      via: { kind: 'region', region: 'OSCE' },
    });
  });

  it('prefers an explicit State entry over a region, and a region over GLOBAL', () => {
    expect(checkEligibility(request(), offer({ eligibleStates: ['MNG'] }), context)).toEqual({
      eligible: true,
      via: { kind: 'state' },
    });
    expect(checkEligibility(request(), offer({ eligibleRegions: ['GLOBAL', 'OSCE'] }), context)).toMatchObject({
      via: { kind: 'region', region: 'OSCE' },
    });
    expect(
      checkEligibility(request({ state: 'BRA' }), offer({ eligibleRegions: ['GLOBAL', 'OSCE'] }), context),
    ).toMatchObject({
      via: { kind: 'global' },
    });
  });

  it('refuses each hard filter with its own reason', () => {
    const reason = (r: MatchableRequest, o: MatchableOffer) => {
      const e = checkEligibility(r, o, context);
      return e.eligible ? 'eligible' : e.reason;
    };
    expect(reason(request(), offer({ active: false }))).toBe('offer_inactive');
    expect(reason(request(), offer({ remainingEngagements: 0 }))).toBe('no_capacity');
    expect(reason(request(), offer({ remainingEngagements: null }))).toBe('eligible');
    expect(reason(request({ state: 'BRA' }), offer())).toBe('state_not_served');
    expect(reason(request(), offer({ eligibleRegions: [], eligibleStates: [] }))).toBe('state_not_served');
    expect(reason(request(), offer({ domains: ['NUCLEAR', 'CHEMICAL'] }))).toBe('no_domain_overlap');
    expect(
      reason(
        request({ desiredStart: '2026-01-01', desiredEnd: '2026-06-30' }),
        offer({ availableUntil: '2025-12-31' }),
      ),
    ).toBe('availability_disjoint');
  });

  it('reads an offer with no domains or all five as serving every domain, and a request with none as any', () => {
    const all = ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL', 'DELIVERY', 'RELATED'];
    expect(checkEligibility(request(), offer({ domains: all }), context).eligible).toBe(true);
    expect(checkEligibility(request(), offer({ domains: [] }), context).eligible).toBe(true);
    expect(checkEligibility(request({ domains: [] }), offer({ domains: ['NUCLEAR'] }), context).eligible).toBe(true);
    expect(
      checkEligibility(request({ domains: ['BIOLOGICAL', 'NUCLEAR'] }), offer({ domains: ['NUCLEAR'] }), context)
        .eligible,
    ).toBe(true);
  });

  it('gives the same answers with a memoised region membership', () => {
    const membership = createRegionMembership(context);
    for (const state of ['MNG', 'KAZ', 'KGZ', 'BRA']) {
      for (const eligibleRegions of [['OSCE'], ['CENTRAL_ASIA'], ['GLOBAL'], []]) {
        const r = request({ state });
        const o = offer({ eligibleRegions });
        expect(checkEligibility(r, o, context, membership)).toEqual(checkEligibility(r, o, context));
      }
    }
  });
});

describe('windowsOverlap', () => {
  const d = (s: string) => dayNumber(s);
  it('requires two complete windows to overlap, touching days included', () => {
    expect(windowsOverlap(d('2026-01-01'), d('2026-03-01'), d('2026-03-01'), d('2026-12-31'))).toBe(true);
    expect(windowsOverlap(d('2026-01-01'), d('2026-03-01'), d('2026-03-02'), d('2026-12-31'))).toBe(false);
  });

  it('checks a half-open window on the side it has and accepts missing windows', () => {
    expect(windowsOverlap(d('2026-01-01'), null, null, d('2025-12-31'))).toBe(false);
    expect(windowsOverlap(d('2026-01-01'), null, d('2030-01-01'), null)).toBe(true);
    expect(windowsOverlap(null, d('2026-01-01'), d('2026-01-02'), null)).toBe(false);
    expect(windowsOverlap(null, null, d('2026-01-02'), d('2026-01-03'))).toBe(true);
  });

  it('treats malformed dates as absent', () => {
    expect(dayNumber('next spring')).toBeNull();
    expect(dayNumber('2026-13-01')).toBeNull();
    expect(dayNumber('2026-02-03T10:00:00Z')).toBe(dayNumber('2026-02-03'));
  });
});
