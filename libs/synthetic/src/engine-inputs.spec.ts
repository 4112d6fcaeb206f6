import { STATE_CODES } from '@app/domain';
import { toEngineInputs } from './engine-inputs';
import { generateRegistryWorld } from './registry/world';

const NOW = new Date('2026-11-30T10:00:00Z');

describe('toEngineInputs', () => {
  const world = generateRegistryWorld({ requests: 300, offers: 400, seed: 11, now: NOW });
  const inputs = toEngineInputs(world);

  it('is the same for the same seed, and another seed gives other inputs', () => {
    expect(toEngineInputs(generateRegistryWorld({ requests: 300, offers: 400, seed: 11, now: NOW }))).toMatchObject({
      requests: inputs.requests,
      offers: inputs.offers,
    });
    const other = toEngineInputs(generateRegistryWorld({ requests: 300, offers: 400, seed: 12, now: NOW }));
    expect(other.offers).not.toEqual(inputs.offers);
  });

  it('keeps one input per record, in order, with distinct ids, providers of the cast and real States', () => {
    expect(inputs.requests.map((r) => r.id)).toEqual(
      world.requests.map((_r, i) => `req-${String(i + 1).padStart(6, '0')}`),
    );
    expect(new Set(inputs.offers.map((o) => o.id)).size).toBe(400);
    const providers = new Set(inputs.providers);
    for (const o of inputs.offers) expect(providers.has(o.providerId)).toBe(true);
    for (const r of inputs.requests) for (const p of r.preferredProviderIds) expect(providers.has(p)).toBe(true);
    for (const r of inputs.requests) expect(STATE_CODES).toContain(r.state);
    expect(inputs.context.regionStates('CENTRAL_ASIA')).toContain('KAZ');
    expect(toEngineInputs(world, { requestIdPrefix: 'req-new' }).requests[0].id).toBe('req-new-000001');
  });

  it('makes only active offers with capacity left live, as the worker does', () => {
    world.offers.forEach((record, i) => {
      const offer = inputs.offers[i];
      expect(offer.active).toBe(record.status === 'active');
      const left = record.capacityEngagements === null ? null : record.capacityEngagements - record.engagementsUsed;
      expect(offer.remainingEngagements).toBe(left === null ? null : Math.max(left, 0));
    });
    expect(inputs.offers.some((o) => o.active)).toBe(true);
    expect(inputs.offers.some((o) => !o.active)).toBe(true);
  });

  it('mixes English and Cyrillic text, and follows the share of GLOBAL offers when one is set', () => {
    const cyrillic = (s: string) => /[\u0400-\u04ff]/.test(s);
    expect(inputs.offers.some((o) => cyrillic(o.description))).toBe(true);
    expect(inputs.requests.some((r) => cyrillic(r.description))).toBe(true);
    expect(inputs.requests.some((r) => !cyrillic(r.description))).toBe(true);
    const globalShare = (share?: number) => {
      const offers = generateRegistryWorld({ requests: 0, offers: 1000, seed: 3, now: NOW, globalShare: share }).offers;
      return offers.filter((o) => o.eligibleRegions.includes('GLOBAL')).length / offers.length;
    };
    expect(globalShare(0)).toBe(0);
    expect(globalShare(1)).toBe(1);
    expect(globalShare(0.4)).toBeGreaterThan(0.35);
    expect(globalShare(0.4)).toBeLessThan(0.45);
  });
});
