import { createPrng, distinct, sample, weighted } from './random';

describe('seeded randomness', () => {
  it('draws uniform-looking numbers in [0, 1), the same for the same seed', () => {
    const rng = createPrng(1);
    const xs = Array.from({ length: 10_000 }, rng);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
    expect(Array.from({ length: 5 }, createPrng(1))).toEqual(xs.slice(0, 5));
  });

  it('samples distinct items and never draws a key of weight zero', () => {
    const rng = createPrng(7);
    const drawn = sample(rng, ['a', 'b', 'c', 'd'], 3);
    expect(new Set(drawn).size).toBe(3);
    expect(sample(rng, ['a', 'b'], 5)).toHaveLength(2);
    for (let i = 0; i < 200; i++) expect(weighted(rng, { never: 0, always: 1 })).toBe('always');
    expect(distinct(rng, { x: 1, y: 1 }, 2).sort()).toEqual(['x', 'y']);
  });
});
