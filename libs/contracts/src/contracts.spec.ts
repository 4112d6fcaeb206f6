import { z } from 'zod';
import { createOfferSchema, offerContentSchema } from './offers';
import { createRequestSchema, REQUEST_TEXT_LIMITS } from './requests';
import { latestToday, MONEY_MAX } from './fields';
import { describeIssue, renderMessage } from './messages';

const request = {
  title: 'Border control training',
  description: 'Training for customs officers on detecting dual-use goods at the border.',
  provisions: ['OP3c'],
  domains: ['NUCLEAR'],
  assistanceTypes: ['TRAINING'],
};
const offer = { ...request, eligibleRegions: ['GLOBAL'] };

/** `field: message` of each issue, or [] when the input is valid. */
const issues = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('request input', () => {
  it('accepts a valid request as written', () => {
    const parsed = createRequestSchema.parse({ ...request, estimatedCost: { amount: 500_000, currency: 'USD' } });
    expect(parsed.title).toBe(request.title);
    expect(parsed.estimatedCost).toEqual({ amount: 500_000, currency: 'USD' });
  });

  it('refuses a title over the limit instead of cutting it', () => {
    const max = REQUEST_TEXT_LIMITS.title.max;
    expect(issues(createRequestSchema, { ...request, title: 'x'.repeat(max + 1) })).toEqual([`title: must be at most ${max} characters`]);
    expect(createRequestSchema.parse({ ...request, title: 'x'.repeat(max) }).title).toHaveLength(max);
  });

  it('refuses a negative cost instead of dropping its sign, and an absurd one', () => {
    expect(issues(createRequestSchema, { ...request, estimatedCost: { amount: -500_000, currency: 'USD' } })).toEqual([
      'estimatedCost.amount: must not be negative',
    ]);
    expect(issues(createRequestSchema, { ...request, estimatedCost: { amount: (MONEY_MAX + 1) * 100, currency: 'USD' } })).toEqual([
      'estimatedCost.amount: must be at most 100,000,000,000 USD',
    ]);
    // The limit is in major units: a currency without minor units reaches it at a smaller amount.
    expect(issues(createRequestSchema, { ...request, estimatedCost: { amount: MONEY_MAX, currency: 'JPY' } })).toEqual([]);
    expect(issues(createRequestSchema, { ...request, estimatedCost: { amount: MONEY_MAX + 1, currency: 'JPY' } })).toHaveLength(1);
  });

  it('keeps a letter date between the resolution and today', () => {
    expect(issues(createRequestSchema, { ...request, letterDate: '2099-01-01' })).toEqual(['letterDate: must not be in the future']);
    expect(issues(createRequestSchema, { ...request, letterDate: '2004-04-27' })).toEqual([
      'letterDate: must not be before 2004-04-28, when resolution 1540 was adopted',
    ]);
    expect(issues(createRequestSchema, { ...request, letterDate: latestToday() })).toEqual([]);
    expect(issues(createRequestSchema, { ...request, letterDate: '2026-02-30' })).toEqual(['letterDate: must be a date like 2026-03-31']);
  });

  it('keeps planning dates within 2000–2100 and in order', () => {
    expect(issues(createRequestSchema, { ...request, desiredStart: '0202-01-01' })).toEqual([
      'desiredStart: must be between 2000-01-01 and 2100-12-31',
    ]);
    expect(issues(createRequestSchema, { ...request, desiredStart: '2030-02-01', desiredEnd: '2030-01-01' })).toEqual([
      'desiredEnd: must not be before the start date',
    ]);
  });

  it('names an empty classification and an unknown code', () => {
    expect(issues(createRequestSchema, { ...request, provisions: [], domains: ['OP9'] })).toEqual([
      'provisions: must name at least one',
      'domains.0: "OP9" is not a known domain code (see GET /api/v1/taxonomy)',
    ]);
  });
});

describe('offer input', () => {
  it('refuses an availability that already ended on creation, but not on an edit', () => {
    const ended = { ...offer, availableFrom: '2020-01-01', availableUntil: '2020-06-30' };
    expect(issues(createOfferSchema, ended)).toEqual(['availableUntil: must not be in the past']);
    expect(issues(offerContentSchema, ended)).toEqual([]);
  });

  it('refuses a negative budget, a fraction of an engagement, and an offer for no one', () => {
    expect(issues(createOfferSchema, { ...offer, capacity: { engagements: 2.5, budget: { amount: -1, currency: 'EUR' } } })).toEqual([
      'capacity.engagements: must be a whole number',
      'capacity.budget.amount: must not be negative',
    ]);
    expect(issues(createOfferSchema, { ...offer, eligibleRegions: [] })).toEqual([
      'eligibleRegions: name at least one region (GLOBAL for all) or State',
    ]);
  });
});

describe('the web app reads the API’s words', () => {
  it('finds for every issue of a form the code and parameters that word it as the API does', () => {
    const input = {
      ...request,
      title: 'x'.repeat(201),
      provisions: [],
      estimatedCost: { amount: -5, currency: 'USD' },
      desiredStart: '2101-01-01',
      letterDate: '2099-01-01',
    };
    // What the web app does (apps/web/src/forms/schema-check.ts): parse with the input reported, describe each issue.
    const result = createRequestSchema.safeParse(input, { reportInput: true });
    expect(result.error?.issues).toHaveLength(5);
    for (const issue of result.error!.issues) expect(renderMessage(describeIssue(issue)!)).toBe(issue.message);
  });
});
