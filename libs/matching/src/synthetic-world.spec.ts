import { createPrng, generateSyntheticRequests, generateSyntheticWorld } from './synthetic-world';

describe('synthetic world', () => {
  it('is the same for the same seed and different for another', () => {
    const a = generateSyntheticWorld({ seed: 42, offers: 50, requests: 20 });
    const b = generateSyntheticWorld({ seed: 42, offers: 50, requests: 20 });
    const c = generateSyntheticWorld({ seed: 43, offers: 50, requests: 20 });
    expect(b.offers).toEqual(a.offers);
    expect(b.requests).toEqual(a.requests);
    expect(c.offers).not.toEqual(a.offers);
    expect(generateSyntheticRequests(a, 5, 9)).toEqual(generateSyntheticRequests(b, 5, 9));
  });

  it('mixes English and Cyrillic text, GLOBAL, regional and State-list offers, and known States only', () => {
    const w = generateSyntheticWorld({ seed: 1540, offers: 400, requests: 200 });
    const cyrillic = (s: string) => /[\u0400-\u04ff]/.test(s);
    expect(w.offers.some((o) => cyrillic(o.description))).toBe(true);
    expect(w.offers.some((o) => !cyrillic(o.description))).toBe(true);
    expect(w.requests.some((r) => cyrillic(r.description))).toBe(true);
    const global = w.offers.filter((o) => o.eligibleRegions.includes('GLOBAL')).length / w.offers.length;
    expect(global).toBeGreaterThan(0.3);
    expect(global).toBeLessThan(0.5);
    expect(w.offers.some((o) => o.eligibleStates.length > 0)).toBe(true);
    const states = new Set(w.states);
    expect(states.has('MNG')).toBe(true);
    expect(w.regions.OSCE).toContain('MNG');
    for (const r of w.requests) expect(states.has(r.state)).toBe(true);
    for (const members of Object.values(w.regions)) for (const s of members) expect(states.has(s)).toBe(true);
  });

  it('draws uniform-looking numbers in [0, 1)', () => {
    const rng = createPrng(1);
    const xs = Array.from({ length: 10_000 }, rng);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});
