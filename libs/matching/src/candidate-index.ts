import { hasCapacityLeft, windowsOverlap, type RegionMembership } from './eligibility';
import type { OfferColumns, PreparedOffer, PreparedRequest } from './score';
import { GLOBAL_REGION } from './taxonomy-codes';
import { TEXT_CLUSTERS } from './text-index';
import type { ScoringContext } from './types';

// An inverted index over offers, stored as one bitmap per key (bit i = offer slot i). Keys are taxonomy codes
// (provision, assistance type, domain, target institution) and eligibility (State — regions are expanded to their
// States when an offer is added — and GLOBAL), plus a "live" bitmap of offers that are active with capacity left.
// A request's candidates are then a handful of word-wise ANDs and ORs instead of a pass over every offer:
//
//   eligible = live ∧ (GLOBAL ∨ state[S]) ∧ (allDomains ∨ ⋁ domain[d])          — DESIGN §6.1 except windows
//   shared   = ⋁ provision[p] ∨ ⋁ assistanceType[t]                               — offers sharing a code
//
// `splitBySharedCodes` goes one step further: a bit-sliced count over the request's code bitmaps splits `eligible`
// into levels by how many of its provision (or assistance-type) codes each offer lists, without visiting an
// offer. The engine searches the (provisions, types) groups best first and stops at the first group whose bound
// cannot reach the floor (engine.ts, `selectIndexed`). The group sharing no code at all has provision and type
// coverage 0, so its offers score at most
//
//   restBound = (Σw − w_provisionCoverage − w_assistanceTypeCoverage − [request names no preferred provider]·w_preferredProvider) / Σw
//
// which is 0.48 (0.45 without preferred providers) under the default profile: those offers are looked at only
// when the floor — the threshold, or the k-th best score once k results are held — is below that. Whatever the
// weights and threshold, the top-k equals the exhaustive top-k.
//
// Per-slot columns (masks, days, budget, provider) feed the scorer (score.ts, OfferColumns): both the candidate
// path and the exhaustive path read them.

const WORD_BITS = 32;

interface SlotKeys {
  states: ReadonlySet<string>;
  global: boolean;
  live: boolean;
  wildcard: boolean;
}

function bitsOf(mask: number): number[] {
  const bits: number[] = [];
  for (let m = mask; m !== 0; m &= m - 1) bits.push(31 - Math.clz32(m & -m));
  return bits;
}

export class CandidateIndex implements OfferColumns {
  private words = 4;
  private readonly slots: (PreparedOffer | null)[] = [];
  private readonly keys: (SlotKeys | null)[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private live = new Uint32Array(this.words);
  private global = new Uint32Array(this.words);
  private allDomains = new Uint32Array(this.words);
  private readonly byState = new Map<string, Uint32Array>();
  private readonly byProvision: Uint32Array[] = [];
  private readonly byAssistanceType: Uint32Array[] = [];
  private readonly byDomain: Uint32Array[] = [];
  private readonly byInstitution: Uint32Array[] = [];
  private eligibleScratch = new Uint32Array(this.words);
  private sharedScratch = new Uint32Array(this.words);
  // Per-slot masks, laid out flat so a pass over candidates touches a few contiguous arrays.
  provisionMasks = new Int32Array(this.words * WORD_BITS);
  assistanceTypeMasks = new Int32Array(this.words * WORD_BITS);
  domainMasks = new Int32Array(this.words * WORD_BITS);
  institutionMasks = new Int32Array(this.words * WORD_BITS);
  languageMasks = new Int32Array(this.words * WORD_BITS);
  /** Availability as day numbers; ±Infinity where the offer gives no bound. */
  availableFrom = new Float64Array(this.words * WORD_BITS);
  availableUntil = new Float64Array(this.words * WORD_BITS);
  budgetCurrencies = new Int32Array(this.words * WORD_BITS);
  budgetAmounts = new Float64Array(this.words * WORD_BITS);
  providers = new Int32Array(this.words * WORD_BITS);
  /**
   * TEXT_CLUSTERS per slot: the cluster norms of the offer's text, copied here so a search reads one flat array.
   * The text index rewrites the norms when it re-weighs; `copyTextNorms` brings these up to date.
   */
  textNorms = new Float64Array(this.words * WORD_BITS * TEXT_CLUSTERS);

  constructor(
    private readonly context: ScoringContext,
    private readonly membership: RegionMembership,
  ) {}

  get size(): number {
    return this.slotById.size;
  }

  /** Number of 32-bit words in every bitmap; bitmaps returned by `candidates` are this long. */
  get wordCount(): number {
    return this.words;
  }

  slot(i: number): PreparedOffer | null {
    return this.slots[i] ?? null;
  }

  /** The slot holding the offer, or -1. */
  slotOf(offerId: string): number {
    return this.slotById.get(offerId) ?? -1;
  }

  get(offerId: string): PreparedOffer | undefined {
    const i = this.slotById.get(offerId);
    return i === undefined ? undefined : (this.slots[i] ?? undefined);
  }

  /** Offers in slot order (stable between calls, reused after removals). */
  *offers(): IterableIterator<PreparedOffer> {
    for (const o of this.slots) if (o) yield o;
  }

  /** Adds an offer, replacing any earlier version with the same id. */
  upsert(prepared: PreparedOffer): void {
    this.remove(prepared.offer.id);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    if (slot >= this.words * WORD_BITS) this.grow();
    const offer = prepared.offer;
    const keys: SlotKeys = {
      states: this.servedStates(prepared),
      global: offer.eligibleRegions.includes(GLOBAL_REGION),
      live: offer.active && hasCapacityLeft(offer),
      wildcard: prepared.domainWildcard,
    };
    this.slots[slot] = prepared;
    this.keys[slot] = keys;
    this.provisionMasks[slot] = prepared.provisionMask;
    this.assistanceTypeMasks[slot] = prepared.assistanceTypeMask;
    this.domainMasks[slot] = prepared.domainMask;
    this.institutionMasks[slot] = prepared.institutionMask;
    this.languageMasks[slot] = prepared.languageMask;
    this.availableFrom[slot] = prepared.from ?? Number.NEGATIVE_INFINITY;
    this.availableUntil[slot] = prepared.until ?? Number.POSITIVE_INFINITY;
    this.budgetCurrencies[slot] = prepared.budgetCurrency;
    this.budgetAmounts[slot] = prepared.budgetAmount;
    this.providers[slot] = prepared.providerIndex;
    this.textNorms.set(prepared.text.clusterNorms, slot * TEXT_CLUSTERS);
    this.slotById.set(offer.id, slot);
    this.apply(slot, prepared, keys, true);
  }

  remove(offerId: string): boolean {
    const slot = this.slotById.get(offerId);
    if (slot === undefined) return false;
    this.apply(slot, this.slots[slot]!, this.keys[slot]!, false);
    this.slots[slot] = null;
    this.keys[slot] = null;
    this.slotById.delete(offerId);
    this.freeSlots.push(slot);
    return true;
  }

  /**
   * The hard filters of DESIGN §6.1 on the prepared forms, for one slot: what `checkEligibility` answers, without
   * re-reading regions or re-parsing dates. The exhaustive baseline filters with this.
   */
  isEligible(slot: number, r: PreparedRequest): boolean {
    const keys = this.keys[slot];
    const o = this.slots[slot];
    if (!keys || !o || !keys.live) return false;
    if (!keys.global && !keys.states.has(r.request.state)) return false;
    if (r.domainMask !== 0 && !keys.wildcard && (r.domainMask & o.domainMask) === 0) return false;
    return windowsOverlap(r.start, r.end, o.from, o.until);
  }

  /** Copies every offer's current text cluster norms into `textNorms`. */
  copyTextNorms(): void {
    const norms = this.textNorms;
    for (let slot = 0; slot < this.slots.length; slot++) {
      const o = this.slots[slot];
      if (!o) continue;
      const from = o.text.clusterNorms;
      const base = slot * TEXT_CLUSTERS;
      for (let c = 0; c < TEXT_CLUSTERS; c++) norms[base + c] = from[c];
    }
  }

  /** Slots allocated so far (used or free); slot ids run below this. */
  get slotCount(): number {
    return this.slots.length;
  }

  /**
   * Bitmaps for one request: offers passing every hard filter but the availability window (checked per offer,
   * it is not a key), and offers sharing at least one provision or assistance-type code. Both are scratch
   * buffers, overwritten by the next call.
   */
  candidates(r: PreparedRequest): { eligible: Uint32Array; shared: Uint32Array } {
    const n = this.words;
    const eligible = this.eligibleFor(r);
    const shared = this.sharedScratch;
    shared.fill(0);
    for (const b of bitsOf(r.provisionMask)) orInto(shared, this.byProvision[b], n);
    for (const b of bitsOf(r.assistanceTypeMask)) orInto(shared, this.byAssistanceType[b], n);
    return { eligible, shared };
  }

  /** The `eligible` bitmap of `candidates` alone (a scratch buffer, overwritten by the next call). */
  eligibleFor(r: PreparedRequest): Uint32Array {
    const n = this.words;
    const eligible = this.eligibleScratch;
    const state = this.byState.get(r.request.state);
    const live = this.live;
    const global = this.global;
    if (state) for (let w = 0; w < n; w++) eligible[w] = live[w] & (global[w] | state[w]);
    else for (let w = 0; w < n; w++) eligible[w] = live[w] & global[w];

    if (r.domainMask !== 0) {
      const wildcard = this.allDomains;
      const domains: Uint32Array[] = [];
      for (const b of bitsOf(r.domainMask)) if (this.byDomain[b]) domains.push(this.byDomain[b]);
      for (let w = 0; w < n; w++) {
        let any = wildcard[w];
        for (let d = 0; d < domains.length; d++) any |= domains[d][w];
        eligible[w] &= any;
      }
    }
    return eligible;
  }

  /**
   * Splits `within` by how many of the codes in `mask` (one axis) each offer lists: for k = 0..n, n the number
   * of codes, writes the bitmap of offers listing exactly k of them to out[offset + k·wordCount …]. A bit-sliced
   * count, word by word: no offer is visited. Returns n.
   */
  splitBySharedCodes(
    axis: 'provision' | 'assistanceType',
    mask: number,
    within: Uint32Array,
    out: Uint32Array,
    offset: number,
  ): number {
    const n = this.words;
    const table = axis === 'provision' ? this.byProvision : this.byAssistanceType;
    const bitmaps: Uint32Array[] = [];
    let codes = 0;
    for (const b of bitsOf(mask)) {
      codes++;
      // A code no offer lists is still one of the n, but no offer shares it.
      if (table[b]) bitmaps.push(table[b]);
    }
    out.fill(0, offset, offset + (codes + 1) * n);
    for (let w = 0; w < n; w++) {
      out[offset + w] = within[w];
      for (let i = 0; i < bitmaps.length; i++) {
        const x = bitmaps[i][w];
        if (x === 0) continue;
        // Offers holding this code move up one count.
        for (let k = i + 1; k >= 1; k--) {
          const at = offset + k * n + w;
          out[at] = (out[at] & ~x) | (out[at - n] & x);
        }
        out[offset + w] &= ~x;
      }
    }
    return codes;
  }

  /** Live offers listing a code on one axis, by bit (see TaxonomyEncoder) — e.g. every offer covering OP3d. */
  offersWithCode(axis: 'provision' | 'assistanceType' | 'domain' | 'targetInstitution', bit: number): PreparedOffer[] {
    const table = {
      provision: this.byProvision,
      assistanceType: this.byAssistanceType,
      domain: this.byDomain,
      targetInstitution: this.byInstitution,
    }[axis];
    const bits = table[bit];
    const out: PreparedOffer[] = [];
    if (!bits) return out;
    forEachSetBit(bits, this.words, (slot) => {
      if (testBit(this.live, slot)) out.push(this.slots[slot]!);
    });
    return out;
  }

  private servedStates(prepared: PreparedOffer): ReadonlySet<string> {
    const states = new Set(prepared.offer.eligibleStates);
    for (const region of prepared.offer.eligibleRegions) {
      if (region === GLOBAL_REGION) continue;
      for (const s of this.context.regionStates(region)) {
        // Membership, not the raw list, decides: the eligibility check and the index must agree exactly.
        if (this.membership(region, s)) states.add(s);
      }
    }
    return states;
  }

  private apply(slot: number, o: PreparedOffer, keys: SlotKeys, on: boolean): void {
    const set = on ? setBit : clearBit;
    if (keys.live) set(this.live, slot);
    if (keys.global) set(this.global, slot);
    if (keys.wildcard) set(this.allDomains, slot);
    for (const s of keys.states) {
      let bits = this.byState.get(s);
      if (!bits) {
        bits = new Uint32Array(this.words);
        this.byState.set(s, bits);
      }
      set(bits, slot);
    }
    this.applyMask(this.byProvision, o.provisionMask, slot, set);
    this.applyMask(this.byAssistanceType, o.assistanceTypeMask, slot, set);
    this.applyMask(this.byDomain, o.domainMask, slot, set);
    this.applyMask(this.byInstitution, o.institutionMask, slot, set);
  }

  private applyMask(table: Uint32Array[], mask: number, slot: number, set: (b: Uint32Array, i: number) => void): void {
    for (const b of bitsOf(mask)) {
      table[b] ??= new Uint32Array(this.words);
      set(table[b], slot);
    }
  }

  private grow(): void {
    const words = this.words * 2;
    const widen = (a: Uint32Array): Uint32Array<ArrayBuffer> => {
      const b = new Uint32Array(words);
      b.set(a);
      return b;
    };
    this.live = widen(this.live);
    this.global = widen(this.global);
    this.allDomains = widen(this.allDomains);
    for (const [k, v] of this.byState) this.byState.set(k, widen(v));
    for (const table of [this.byProvision, this.byAssistanceType, this.byDomain, this.byInstitution]) {
      for (let b = 0; b < table.length; b++) if (table[b]) table[b] = widen(table[b]);
    }
    this.eligibleScratch = new Uint32Array(words);
    this.sharedScratch = new Uint32Array(words);
    const widenSlots = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(words * WORD_BITS);
      b.set(a);
      return b;
    };
    this.provisionMasks = widenSlots(this.provisionMasks);
    this.assistanceTypeMasks = widenSlots(this.assistanceTypeMasks);
    this.domainMasks = widenSlots(this.domainMasks);
    this.institutionMasks = widenSlots(this.institutionMasks);
    this.languageMasks = widenSlots(this.languageMasks);
    this.budgetCurrencies = widenSlots(this.budgetCurrencies);
    this.providers = widenSlots(this.providers);
    const norms = new Float64Array(words * WORD_BITS * TEXT_CLUSTERS);
    norms.set(this.textNorms);
    this.textNorms = norms;
    const widenDays = (a: Float64Array): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(words * WORD_BITS);
      b.set(a);
      return b;
    };
    this.availableFrom = widenDays(this.availableFrom);
    this.availableUntil = widenDays(this.availableUntil);
    this.budgetAmounts = widenDays(this.budgetAmounts);

    this.words = words;
  }
}

function orInto(target: Uint32Array, source: Uint32Array | undefined, n: number): void {
  if (!source) return;
  for (let w = 0; w < n; w++) target[w] |= source[w];
}

function setBit(bits: Uint32Array, i: number): void {
  bits[i >>> 5] |= 1 << (i & 31);
}

function clearBit(bits: Uint32Array, i: number): void {
  bits[i >>> 5] &= ~(1 << (i & 31));
}

function testBit(bits: Uint32Array, i: number): boolean {
  return (bits[i >>> 5] & (1 << (i & 31))) !== 0;
}

/** Calls `fn` with each set bit's index, ascending. */
export function forEachSetBit(bits: Uint32Array, words: number, fn: (i: number) => void): void {
  for (let w = 0; w < words; w++) {
    let x = bits[w];
    while (x !== 0) {
      const low = x & -x;
      fn((w << 5) | (31 - Math.clz32(low)));
      x ^= low;
    }
  }
}
