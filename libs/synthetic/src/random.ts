// The seeded randomness every synthetic world draws from. Same seed, same draws, on every machine: the PRNG is ours
// and no Math.random is used.

export type Prng = () => number;

/** mulberry32: small, fast, good enough for synthetic data; returns floats in [0, 1). */
export function createPrng(seed: number): Prng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from `lo` to `hi`, both included. */
export function int(rng: Prng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function chance(rng: Prng, p: number): boolean {
  return rng() < p;
}

export function pick<T>(rng: Prng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** One key, drawn with the probability of its weight. */
export function weighted<T extends string>(rng: Prng, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let x = rng() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    x -= w;
    if (x < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** Up to `n` distinct weighted keys (fewer when the draws keep repeating), in the order they were drawn. */
export function distinct<T extends string>(rng: Prng, weights: Readonly<Record<T, number>>, n: number): T[] {
  const out = new Set<T>();
  for (let guard = 0; out.size < n && guard < n * 20; guard++) out.add(weighted(rng, weights));
  return [...out];
}

/** `n` distinct items, in the order they were drawn. */
export function sample<T>(rng: Prng, items: readonly T[], n: number): T[] {
  const copy = [...items];
  const out: T[] = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]);
  return out;
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** A time as the date part of its ISO form, YYYY-MM-DD (UTC). */
export function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
