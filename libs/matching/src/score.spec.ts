import fc from 'fast-check';
import {
  Interner,
  NO_CURRENCY,
  PriorWorkTable,
  budgetFit,
  coverage,
  domainCoverage,
  explainReason,
  languageFit,
  popcount,
  preparedBudgetFit,
  priorWorkValue,
  textSupport,
  timingFit,
  timingFitDays,
  FULL_TEXT_SUPPORT,
  UNSUPPORTED_SHARE,
} from './score';
import { taxonomyLabel } from '@app/domain';
import { dayNumber } from './dates';
import { taxonomyName } from './taxonomy-codes';
import type { MatchableOffer, MatchableRequest, ScoringContext } from './types';
import { DEFAULT_WEIGHTS_PROFILE, weightsProfileProblems } from './weights-profile';
import { COMPONENT_KEYS } from './types';

describe('component formulas', () => {
  it('coverage is the share of distinct requested codes the offer lists, 0 when none are requested', () => {
    expect(coverage(['OP3d', 'OP3c'], ['OP3c', 'OP3d', 'OP2'])).toBe(1);
    expect(coverage(['OP3d', 'OP3c', 'OP3d'], ['OP3c'])).toBe(0.5);
    expect(coverage([], ['OP3c'])).toBe(0);
    expect(coverage(['OP1'], [])).toBe(0);
  });

  it('domain coverage reads an empty or five-domain offer as covering every domain', () => {
    expect(domainCoverage(['BIOLOGICAL', 'CHEMICAL'], [])).toBe(1);
    expect(
      domainCoverage(['BIOLOGICAL', 'CHEMICAL'], ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL', 'DELIVERY', 'RELATED']),
    ).toBe(1);
    expect(domainCoverage(['BIOLOGICAL', 'CHEMICAL'], ['BIOLOGICAL'])).toBe(0.5);
  });

  it('budget fit: covered share in one currency, neutral 0.5 when it cannot be compared', () => {
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    expect(budgetFit(null, usd(10))).toBe(1);
    expect(budgetFit(usd(100), usd(250))).toBe(1);
    expect(budgetFit(usd(100), usd(40))).toBe(0.4);
    expect(budgetFit(usd(100), null)).toBe(0.5);
    expect(budgetFit(usd(100), { amount: 500, currency: 'EUR' })).toBe(0.5);
  });

  it('timing fit: covered share of the desired days, or presence on the single date given', () => {
    const d = (s: string) => dayNumber(s);
    expect(timingFit(null, null, d('2030-01-01'), null)).toBe(1);
    expect(timingFit(d('2026-01-01'), d('2026-01-10'), d('2026-01-06'), null)).toBe(0.5);
    expect(timingFit(d('2026-01-01'), d('2026-01-10'), null, null)).toBe(1);
    expect(timingFit(d('2026-01-01'), d('2026-01-10'), d('2027-01-01'), null)).toBe(0);
    expect(timingFit(d('2026-01-01'), null, d('2025-01-01'), d('2026-12-31'))).toBe(1);
    expect(timingFit(d('2026-01-01'), null, d('2026-06-01'), null)).toBe(0.5);
    expect(timingFit(null, d('2026-01-01'), d('2026-06-01'), null)).toBe(0);
  });

  it('language fit: any shared language counts, case-insensitively; unknown offer languages are neutral', () => {
    expect(languageFit(['mn', 'en'], ['EN'])).toBe(1);
    expect(languageFit([], ['fr'])).toBe(1);
    expect(languageFit(['mn'], [])).toBe(0.5);
    expect(languageFit(['mn'], ['fr'])).toBe(0);
  });

  it('text support: codes keep a share of their weight without shared text, all of it from FULL_TEXT_SUPPORT', () => {
    expect(textSupport(0)).toBe(UNSUPPORTED_SHARE);
    expect(textSupport(FULL_TEXT_SUPPORT)).toBe(1);
    expect(textSupport(1)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(textSupport(lo)).toBeLessThanOrEqual(textSupport(hi));
        expect(textSupport(lo)).toBeGreaterThan(0);
      }),
    );
  });

  it('prior work saturates at three completed engagements', () => {
    expect([0, 1, 2, 3, 7, -1, Number.NaN].map(priorWorkValue)).toEqual([0, 1 / 3, 2 / 3, 1, 1, 0, 0]);
  });

  it('the prepared budget and timing fits equal the formulas on the raw values', () => {
    const money = fc.option(
      fc.record({ amount: fc.integer({ min: -5, max: 1000 }), currency: fc.constantFrom('USD', 'EUR', 'MNT') }),
      { nil: null },
    );
    const day = fc.option(fc.integer({ min: 19_000, max: 19_100 }), { nil: null });
    // Interned as the engine does: offers' currencies get ids, a request's unknown currency matches none of them.
    const currencies = new Interner();
    currencies.intern('USD');
    currencies.intern('EUR');
    fc.assert(
      fc.property(money, money, day, day, day, day, (cost, budget, start, end, from, until) => {
        // The offer's currency is interned first (offers are added before requests are scored).
        const budgetId = budget ? currencies.intern(budget.currency) : NO_CURRENCY;
        const costId = cost ? (currencies.find(cost.currency) < 0 ? -2 : currencies.find(cost.currency)) : NO_CURRENCY;
        expect(preparedBudgetFit(costId, cost?.amount ?? 0, budgetId, budget?.amount ?? 0)).toBe(
          budgetFit(cost, budget),
        );
        const lo = from ?? Number.NEGATIVE_INFINITY;
        const hi = until ?? Number.POSITIVE_INFINITY;
        expect(timingFitDays(start, end, lo, hi)).toBe(timingFit(start, end, from, until));
      }),
      { numRuns: 1000 },
    );
  });

  it('the prior-work table asks the context once per State and provider, and covers providers added later', () => {
    const asked: string[] = [];
    const context: ScoringContext = {
      regionStates: () => [],
      priorCompletedWork: (provider, state) => {
        asked.push(`${provider}:${state}`);
        return provider === 'BAFA' && state === 'MNG' ? 2 : 0;
      },
    };
    const providers = new Interner();
    providers.intern('EXBS');
    providers.intern('BAFA');
    const table = new PriorWorkTable(context, providers);
    expect([...table.row('MNG').subarray(0, 2)]).toEqual([0, 2]);
    table.row('MNG');
    expect(asked).toEqual(['EXBS:MNG', 'BAFA:MNG']);
    providers.intern('OSCE');
    expect(table.row('MNG')[2]).toBe(0);
    expect(asked).toEqual(['EXBS:MNG', 'BAFA:MNG', 'OSCE:MNG']);
  });

  it('popcount counts set bits, the sign bit included', () => {
    expect(popcount(0)).toBe(0);
    expect(popcount(0b1011)).toBe(3);
    expect(popcount(1 << 31)).toBe(1);
    expect(popcount(-1)).toBe(32);
  });
});

describe('weights profile', () => {
  it('the default is valid, weighs provisions and types most, and keeps a no-shared-code offer under 0.5', () => {
    expect(weightsProfileProblems(DEFAULT_WEIGHTS_PROFILE)).toEqual([]);
    const w = DEFAULT_WEIGHTS_PROFILE.weights;
    const total = COMPONENT_KEYS.reduce((s, k) => s + w[k], 0);
    const others = COMPONENT_KEYS.filter((k) => k !== 'provisionCoverage' && k !== 'assistanceTypeCoverage');
    for (const k of others) expect(w[k]).toBeLessThan(w.assistanceTypeCoverage);
    expect(w.provisionCoverage).toBeGreaterThan(w.assistanceTypeCoverage);
    expect((total - w.provisionCoverage - w.assistanceTypeCoverage) / total).toBeLessThan(0.5);
  });

  it('names every problem of a bad profile', () => {
    const problems = weightsProfileProblems({
      version: -1,
      weights: { ...DEFAULT_WEIGHTS_PROFILE.weights, textRelevance: -2, bogus: 1 } as never,
      threshold: 1.5,
      topK: 0,
    });
    expect(problems).toEqual([
      'version must be a non-negative integer',
      'weights.textRelevance must be a number ≥ 0',
      'weights.bogus is not a component',
      'threshold must be in [0, 1]',
      'topK must be a positive integer',
    ]);
    const zero = Object.fromEntries(COMPONENT_KEYS.map((k) => [k, 0]));
    expect(weightsProfileProblems({ ...DEFAULT_WEIGHTS_PROFILE, weights: zero as never })).toEqual([
      'weights must not all be zero',
    ]);
  });
});

describe('explainReason', () => {
  const context: ScoringContext = { regionStates: () => [], priorCompletedWork: (p) => (p === 'BAFA' ? 2 : 0) };
  const request = {
    id: 'r',
    state: 'MNG',
    provisions: ['OP3d', 'OP3c'],
    assistanceTypes: ['LEGISLATIVE', 'TRAINING', 'EQUIPMENT'],
    estimatedCost: { amount: 100_000, currency: 'EUR' },
    preferredProviderIds: [],
  } as unknown as MatchableRequest;
  const offer = {
    providerId: 'OSCE',
    provisions: ['OP3c', 'OP3d', 'OP2'],
    assistanceTypes: ['TRAINING', 'LEGISLATIVE'],
    capacity: {},
  } as unknown as MatchableOffer;
  const values = new Float64Array(COMPONENT_KEYS.length);

  it('reads like the design’s example', () => {
    expect(explainReason(request, offer, { kind: 'region', region: 'OSCE' }, values, context)).toBe(
      'covers OP3d and OP3c — 2 of 2 requested provisions; offers LEGISLATIVE, TRAINING; serves MNG via OSCE',
    );
  });

  it('names codes the way the context describes them', () => {
    const names: Record<string, string> = {
      LEGISLATIVE: 'Legislative drafting',
      TRAINING: 'Training',
      OSCE: 'OSCE participating States',
      MNG: 'Mongolia',
    };
    const described = { ...context, describe: (_category: string, code: string) => names[code] ?? code };
    expect(explainReason(request, offer, { kind: 'region', region: 'OSCE' }, values, described)).toBe(
      'covers OP3d and OP3c — 2 of 2 requested provisions; offers Legislative drafting, Training; serves Mongolia via OSCE participating States',
    );
  });

  it('says what is missing and adds track record, preference and a short budget', () => {
    const bafa = {
      ...offer,
      providerId: 'BAFA',
      provisions: ['OP2'],
      assistanceTypes: [],
      capacity: { budget: { amount: 25_000, currency: 'EUR' } },
    };
    const preferred = values.slice();
    preferred[COMPONENT_KEYS.indexOf('preferredProvider')] = 1;
    preferred[COMPONENT_KEYS.indexOf('budgetFit')] = 0.25;
    expect(explainReason(request, bafa as MatchableOffer, { kind: 'state' }, preferred, context)).toBe(
      'covers none of the 2 requested provisions; text relevance 0.00, under the 0.20 a suggestion needs without a provision; ' +
        'offers none of the requested assistance types; serves MNG directly; ' +
        'preferred provider; 2 completed engagements with MNG; budget covers 25% of the estimate',
    );
  });

  it('says when the text alone makes an offer covering no requested provision a suggestion', () => {
    const related = { ...offer, provisions: ['OP2'] };
    const text = values.slice();
    text[COMPONENT_KEYS.indexOf('textRelevance')] = 0.29;
    expect(explainReason(request, related, { kind: 'global' }, text, context)).toBe(
      'covers none of the 2 requested provisions; its description is closely related (text relevance 0.29, at least 0.20); ' +
        'offers LEGISLATIVE, TRAINING; serves MNG globally',
    );
    // Just under the threshold reads as under it.
    text[COMPONENT_KEYS.indexOf('textRelevance')] = 0.1999;
    expect(explainReason(request, related, { kind: 'global' }, text, context)).toMatch(
      /^covers none of the 2 requested provisions; text relevance 0\.19, under the 0\.20/,
    );
  });

  it('names provisions and every other code as the pickers show them, never as raw codes', () => {
    const outreach = { ...request, provisions: ['OUTREACH', 'OP3d'] };
    const both = { ...offer, provisions: ['OP3d', 'OUTREACH'] };
    const named = { ...context, describe: taxonomyName };
    expect(explainReason(outreach, both, { kind: 'region', region: 'ASIA_PACIFIC' }, values, named)).toBe(
      `covers Industry and public outreach and OP3(d) — 2 of 2 requested provisions; offers Legislative drafting and review, Training; ` +
        `serves Mongolia via ${taxonomyLabel('regions', 'ASIA_PACIFIC')}`,
    );
    expect(['OP1', 'OP3a', 'REPORTING', 'COORDINATION'].map((p) => taxonomyName('provisions', p))).toEqual([
      'OP1',
      'OP3(a)',
      'National reports and action plans',
      'National coordination',
    ]);
  });
});
