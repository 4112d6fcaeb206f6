import fc from 'fast-check';
import { planAllocation, scaledScore, type AllocationCandidate } from './allocation-plan';

/** Tries every assignment of each request to one of its offers or to none. */
function bruteForce(candidates: AllocationCandidate[], capacities: Record<string, number | null>): number {
  const requests = [...new Set(candidates.map((c) => c.requestId))];
  const used = new Map<string, number>();
  let best = 0;
  const visit = (i: number, total: number): void => {
    if (i === requests.length) {
      best = Math.max(best, total);
      return;
    }
    visit(i + 1, total);
    for (const c of candidates.filter((x) => x.requestId === requests[i])) {
      const cap = capacities[c.offerId] ?? Number.POSITIVE_INFINITY;
      const n = used.get(c.offerId) ?? 0;
      if (n >= cap || scaledScore(c.score) <= 0) continue;
      used.set(c.offerId, n + 1);
      visit(i + 1, total + scaledScore(c.score));
      used.set(c.offerId, n);
    }
  };
  visit(0, 0);
  return best;
}

describe('planAllocation', () => {
  it('gives a contested offer to the request that gains most overall, not to the best single pair', () => {
    // r1 likes both offers; r2 only likes A. Greedy would give A to r1 (0.9) and leave r2 unmatched.
    const plan = planAllocation(
      [
        { requestId: 'r1', offerId: 'A', score: 0.9 },
        { requestId: 'r1', offerId: 'B', score: 0.8 },
        { requestId: 'r2', offerId: 'A', score: 0.7 },
      ],
      { A: 1, B: 1 },
    );
    expect(plan.pairs).toEqual([
      { requestId: 'r1', offerId: 'B', score: 0.8 },
      { requestId: 'r2', offerId: 'A', score: 0.7 },
    ]);
    expect(plan.total).toBeCloseTo(1.5, 12);
  });

  it('stops when one more pair would lower the total, leaving a request unmatched if need be', () => {
    // Matching r2 too would move r1 to B: 0.9 + 0.05 < 1.
    const plan = planAllocation(
      [
        { requestId: 'r1', offerId: 'A', score: 1 },
        { requestId: 'r2', offerId: 'A', score: 0.9 },
        { requestId: 'r1', offerId: 'B', score: 0.05 },
      ],
      { A: 1, B: 1 },
    );
    expect(plan).toEqual({ total: 1, pairs: [{ requestId: 'r1', offerId: 'A', score: 1 }] });
  });

  it('respects capacities, lets unbounded offers take every request and skips exhausted ones', () => {
    const candidates: AllocationCandidate[] = [
      { requestId: 'r1', offerId: 'EXBS', score: 0.9 },
      { requestId: 'r2', offerId: 'EXBS', score: 0.8 },
      { requestId: 'r3', offerId: 'EXBS', score: 0.7 },
      { requestId: 'r3', offerId: 'WCO', score: 0.4 },
      { requestId: 'r1', offerId: 'BAFA', score: 1 },
    ];
    const plan = planAllocation(candidates, { EXBS: 2, WCO: null, BAFA: 0 });
    expect(plan.pairs.map((p) => `${p.requestId}:${p.offerId}`)).toEqual(['r1:EXBS', 'r2:EXBS', 'r3:WCO']);
    expect(
      planAllocation(
        candidates,
        new Map([
          ['EXBS', null],
          ['WCO', null],
          ['BAFA', null],
        ]),
      ).pairs,
    ).toHaveLength(3);
  });

  it('chooses nothing from nothing and refuses an offer with no stated capacity', () => {
    expect(planAllocation([], {})).toEqual({ total: 0, pairs: [] });
    expect(() => planAllocation([{ requestId: 'r', offerId: 'X', score: 0.5 }], {})).toThrow(RangeError);
  });

  it('reaches the brute-force optimum on small random instances and returns a feasible plan', () => {
    const instance = fc
      .record({
        requests: fc.integer({ min: 1, max: 5 }),
        offers: fc.integer({ min: 1, max: 4 }),
        caps: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), { minLength: 4, maxLength: 4 }),
        edges: fc.array(
          fc.record({
            r: fc.nat(4),
            o: fc.nat(3),
            // Hundredths make ties and "one more pair costs more than it brings" both common.
            score: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
          }),
          { maxLength: 16 },
        ),
      })
      .map(({ requests, offers, caps, edges }) => ({
        candidates: edges.map((e) => ({
          requestId: `r${e.r % requests}`,
          offerId: `o${e.o % offers}`,
          score: e.score,
        })),
        capacities: Object.fromEntries(caps.slice(0, offers).map((c, i) => [`o${i}`, c])),
      }));
    fc.assert(
      fc.property(instance, ({ candidates, capacities }) => {
        const plan = planAllocation(candidates, capacities);
        const optimum = bruteForce(candidates, capacities);
        expect(plan.pairs.reduce((s, p) => s + scaledScore(p.score), 0)).toBe(optimum);
        expect(new Set(plan.pairs.map((p) => p.requestId)).size).toBe(plan.pairs.length);
        for (const [offerId, cap] of Object.entries(capacities)) {
          const n = plan.pairs.filter((p) => p.offerId === offerId).length;
          if (cap !== null) expect(n).toBeLessThanOrEqual(cap);
        }
        for (const p of plan.pairs) {
          expect(
            candidates.some((c) => c.requestId === p.requestId && c.offerId === p.offerId && c.score === p.score),
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic whatever the order of its input', () => {
    const candidates: AllocationCandidate[] = [
      { requestId: 'r1', offerId: 'A', score: 0.5 },
      { requestId: 'r1', offerId: 'B', score: 0.5 },
      { requestId: 'r2', offerId: 'A', score: 0.5 },
      { requestId: 'r2', offerId: 'B', score: 0.5 },
    ];
    const a = planAllocation(candidates, { A: 1, B: 1 });
    const b = planAllocation([...candidates].reverse(), { A: 1, B: 1 });
    expect(b).toEqual(a);
  });
});
