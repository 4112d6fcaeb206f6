import { generateMatchingRequests, generateMatchingWorld } from './world';

describe('matching world', () => {
  it('is the same for the same seed and different for another', () => {
    const a = generateMatchingWorld({ seed: 42, offers: 50, requests: 20 });
    const b = generateMatchingWorld({ seed: 42, offers: 50, requests: 20 });
    const c = generateMatchingWorld({ seed: 43, offers: 50, requests: 20 });
    expect(b.offers).toEqual(a.offers);
    expect(b.requests).toEqual(a.requests);
    expect(c.offers).not.toEqual(a.offers);
    expect(generateMatchingRequests(a, 5, 9)).toEqual(generateMatchingRequests(b, 5, 9));
  });

  it('mixes English and Cyrillic text, GLOBAL, regional and State-list offers, and known States only', () => {
    const w = generateMatchingWorld({ seed: 1540, offers: 400, requests: 200 });
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
});
