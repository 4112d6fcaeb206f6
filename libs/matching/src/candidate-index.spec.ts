import { generateRegistryWorld, toEngineInputs } from '@app/synthetic';
import { CandidateIndex, forEachSetBit } from './candidate-index';
import { checkEligibility, createRegionMembership, windowsOverlap } from './eligibility';
import { TaxonomyEncoder, prepareOffer, prepareRequest } from './score';
import { EMPTY_TEXT_VECTOR } from './text-index';
import type { MatchableOffer, MatchableRequest } from './types';

function setBits(bits: Uint32Array, words: number): number[] {
  const out: number[] = [];
  forEachSetBit(bits, words, (i) => out.push(i));
  return out;
}

describe('CandidateIndex', () => {
  // 300 offers: past the initial capacity, so the bitmaps have grown at least twice.
  const world = toEngineInputs(
    generateRegistryWorld({ seed: 7, offers: 300, requests: 60, now: new Date('2026-11-30T10:00:00Z') }),
  );
  const encoder = new TaxonomyEncoder();
  const membership = createRegionMembership(world.context);
  const prepare = (o: MatchableOffer) => prepareOffer(o, encoder, EMPTY_TEXT_VECTOR);
  const request = (r: MatchableRequest) => prepareRequest(r, encoder, EMPTY_TEXT_VECTOR);

  function expectAgreesWithDefinition(index: CandidateIndex, offers: Map<string, MatchableOffer>): void {
    for (const r of world.requests) {
      const pr = request(r);
      const { eligible, shared } = index.candidates(pr);
      const eligibleIds = setBits(eligible, index.wordCount)
        .map((s) => index.slot(s)!)
        .filter((o) => windowsOverlap(pr.start, pr.end, o.from, o.until))
        .map((o) => o.offer.id)
        .sort();
      const expected = [...offers.values()]
        .filter((o) => checkEligibility(r, o, world.context, membership).eligible)
        .map((o) => o.id)
        .sort();
      expect(eligibleIds).toEqual(expected);
      for (const s of setBits(shared, index.wordCount)) {
        const o = index.slot(s)!.offer;
        expect(
          o.provisions.some((p) => r.provisions.includes(p)) ||
            o.assistanceTypes.some((t) => r.assistanceTypes.includes(t)),
        ).toBe(true);
      }
      for (let s = 0; s < index.slotCount; s++) {
        const o = index.slot(s);
        if (!o) continue;
        expect(index.isEligible(s, pr)).toBe(checkEligibility(r, o.offer, world.context, membership).eligible);
      }
    }
  }

  it('finds exactly the eligible offers, and only offers sharing a code as candidates', () => {
    const index = new CandidateIndex(world.context, membership);
    for (const o of world.offers) index.upsert(prepare(o));
    expect(index.size).toBe(300);
    expectAgreesWithDefinition(index, new Map(world.offers.map((o) => [o.id, o])));
  });

  it('stays exact through removals, slot reuse and updates', () => {
    const index = new CandidateIndex(world.context, membership);
    const offers = new Map(world.offers.map((o) => [o.id, o]));
    for (const o of world.offers) index.upsert(prepare(o));
    world.offers
      .filter((_o, i) => i % 3 === 0)
      .forEach((o) => {
        expect(index.remove(o.id)).toBe(true);
        offers.delete(o.id);
      });
    expect(index.remove('absent')).toBe(false);
    world.offers
      .filter((_o, i) => i % 5 === 1)
      .forEach((o, i) => {
        const changed: MatchableOffer = {
          ...o,
          active: i % 2 === 0,
          eligibleRegions: i % 3 === 0 ? ['GLOBAL'] : [],
          eligibleStates: [world.states[i % world.states.length]],
          provisions: ['OP3d'],
        };
        index.upsert(prepare(changed));
        offers.set(o.id, changed);
      });
    const added = {
      ...world.offers[0],
      id: 'added-late',
      eligibleRegions: ['GLOBAL'],
      remainingEngagements: null,
      active: true,
    };
    index.upsert(prepare(added));
    offers.set(added.id, added);
    expect(index.size).toBe(offers.size);
    expectAgreesWithDefinition(index, offers);
  });

  it("splits the eligible offers by how many of the request's codes they list, on both axes", () => {
    const index = new CandidateIndex(world.context, membership);
    for (const o of world.offers) index.upsert(prepare(o));
    const words = index.wordCount;
    const out = new Uint32Array(40 * words);
    for (const r of world.requests) {
      const pr = request(r);
      const eligible = index.eligibleFor(pr).slice();
      for (const [axis, codes, mask] of [
        ['provision', r.provisions, pr.provisionMask],
        ['assistanceType', r.assistanceTypes, pr.assistanceTypeMask],
      ] as const) {
        const n = index.splitBySharedCodes(axis, mask, eligible, out, 0);
        expect(n).toBe(new Set(codes).size);
        const seen = new Set<number>();
        let listedTotal = 0;
        for (let k = 0; k <= n; k++) {
          for (const s of setBits(out.subarray(k * words, (k + 1) * words), words)) {
            const o = index.slot(s)!.offer;
            const listed = axis === 'provision' ? o.provisions : o.assistanceTypes;
            expect(new Set(codes).size - [...new Set(codes)].filter((c) => !listed.includes(c)).length).toBe(k);
            seen.add(s);
            listedTotal++;
          }
        }
        // The levels partition the eligible offers: each in exactly one.
        expect([...seen].sort((a, b) => a - b)).toEqual(setBits(eligible, words));
        expect(listedTotal).toBe(seen.size);
      }
    }
  });

  it('lists the live offers holding a code', () => {
    const index = new CandidateIndex(world.context, membership);
    for (const o of world.offers) index.upsert(prepare(o));
    const bit = 5; // OP3d, the sixth provision code of DESIGN §3
    const ids = index
      .offersWithCode('provision', bit)
      .map((o) => o.offer.id)
      .sort();
    const expected = world.offers
      .filter((o) => o.provisions.includes('OP3d') && o.active && (o.remainingEngagements ?? 1) > 0)
      .map((o) => o.id)
      .sort();
    expect(ids).toEqual(expected);
  });
});
