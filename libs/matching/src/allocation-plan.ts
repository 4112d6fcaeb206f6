// Allocation plan (DESIGN §6.7): among candidate pairs, choose the set that maximises total score when each
// request is matched at most once and each offer at most its remaining engagements. This is a maximum-weight
// b-matching, solved exactly as a min-cost flow:
//
//   source →(cap 1, cost 0)→ request →(cap 1, cost −score)→ offer →(cap remaining, cost 0)→ sink
//
// Successive shortest paths: each augmentation pushes one unit (a request) along the cheapest residual path.
// Path costs never decrease from one augmentation to the next (the flow cost is convex in the flow value), so
// stopping at the first path whose cost is ≥ 0 — no gain left — gives the maximum-weight flow, not the
// maximum-cardinality one. Scores are scaled to integers so the optimum is exact and comparable. Dijkstra runs on
// reduced costs; the first potentials come from the layered (acyclic) graph in one pass, since the initial
// −score edges would otherwise need Bellman-Ford. Time O(F · E log V) for F chosen pairs.

export interface AllocationCandidate {
  requestId: string;
  offerId: string;
  /** In [0, 1]; a pair scoring 0 adds nothing and is never chosen. */
  score: number;
}

export interface AllocationPlan {
  /** Sum of the chosen pairs' scores. */
  total: number;
  /** Best first, ties by request id. */
  pairs: AllocationCandidate[];
}

/** Scores are compared as integers on this grid (micro-points). */
export const ALLOCATION_SCORE_SCALE = 1_000_000;

export type OfferCapacities = ReadonlyMap<string, number | null> | Readonly<Record<string, number | null>>;

// `instanceof Map` alone would narrow to Map<any, any>.
const isMap = (capacities: OfferCapacities): capacities is ReadonlyMap<string, number | null> => capacities instanceof Map;

function capacityOf(capacities: OfferCapacities, offerId: string): number | null {
  if (isMap(capacities)) {
    if (!capacities.has(offerId)) throw new RangeError(`no remaining capacity given for offer ${offerId}`);
    return capacities.get(offerId) ?? null;
  }
  if (!Object.prototype.hasOwnProperty.call(capacities, offerId)) {
    throw new RangeError(`no remaining capacity given for offer ${offerId}`);
  }
  return capacities[offerId];
}

export function scaledScore(score: number): number {
  return Math.round(score * ALLOCATION_SCORE_SCALE);
}

class FlowGraph {
  readonly head: Int32Array;
  to: number[] = [];
  next: number[] = [];
  cap: number[] = [];
  cost: number[] = [];

  constructor(readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
  }

  /** Adds an edge and its residual twin; returns the edge's index (the twin is index ^ 1). */
  add(from: number, to: number, cap: number, cost: number): number {
    const e = this.to.length;
    this.to.push(to, from);
    this.cap.push(cap, 0);
    this.cost.push(cost, -cost);
    this.next.push(this.head[from], this.head[to]);
    this.head[from] = e;
    this.head[to] = e + 1;
    return e;
  }
}

/** Binary min-heap of (key, node) used by Dijkstra; stale entries are skipped by the caller. */
class MinHeap {
  private keys: number[] = [];
  private vals: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, val: number): void {
    const keys = this.keys;
    const vals = this.vals;
    let i = keys.length;
    keys.push(key);
    vals.push(val);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] < key || (keys[p] === key && vals[p] <= val)) break;
      keys[i] = keys[p];
      vals[i] = vals[p];
      i = p;
    }
    keys[i] = key;
    vals[i] = val;
  }

  pop(): [number, number] {
    const keys = this.keys;
    const vals = this.vals;
    const top: [number, number] = [keys[0], vals[0]];
    const key = keys.pop()!;
    const val = vals.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && (keys[r] < keys[l] || (keys[r] === keys[l] && vals[r] < vals[l])) ? r : l;
        if (key < keys[c] || (key === keys[c] && val <= vals[c])) break;
        keys[i] = keys[c];
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = key;
      vals[i] = val;
    }
    return top;
  }
}

/**
 * The maximum-total-score allocation. `capacities` gives each offer's remaining engagements (null = unbounded,
 * i.e. at most one per request); every offer named by a candidate must appear in it.
 */
export function planAllocation(
  candidates: readonly AllocationCandidate[],
  capacities: OfferCapacities,
): AllocationPlan {
  // Best score per (request, offer), in a fixed order so equal-total optima are resolved the same way every run.
  const best = new Map<string, AllocationCandidate>();
  for (const c of candidates) {
    if (!(scaledScore(c.score) > 0)) continue;
    const key = `${c.requestId}\u0000${c.offerId}`;
    const seen = best.get(key);
    if (!seen || c.score > seen.score) best.set(key, c);
  }
  const pairs = [...best.values()].sort((a, b) =>
    a.requestId !== b.requestId
      ? a.requestId < b.requestId
        ? -1
        : 1
      : a.offerId < b.offerId
        ? -1
        : a.offerId > b.offerId
          ? 1
          : 0,
  );
  const requestIds = [...new Set(pairs.map((p) => p.requestId))];
  const offerIds = [...new Set(pairs.map((p) => p.offerId))].sort();
  const requestNode = new Map(requestIds.map((id, i) => [id, 1 + i]));
  const offerNode = new Map(offerIds.map((id, i) => [id, 1 + requestIds.length + i]));
  const source = 0;
  const sink = 1 + requestIds.length + offerIds.length;
  const g = new FlowGraph(sink + 1);

  for (const id of requestIds) g.add(source, requestNode.get(id)!, 1, 0);
  const pairEdges: { edge: number; pair: AllocationCandidate }[] = [];
  for (const p of pairs) {
    pairEdges.push({
      edge: g.add(requestNode.get(p.requestId)!, offerNode.get(p.offerId)!, 1, -scaledScore(p.score)),
      pair: p,
    });
  }
  for (const id of offerIds) {
    const remaining = capacityOf(capacities, id);
    const cap = remaining === null ? requestIds.length : Math.max(0, Math.floor(remaining));
    if (cap > 0) g.add(offerNode.get(id)!, sink, Math.min(cap, requestIds.length), 0);
  }

  // Initial potentials: exact shortest distances in the layered graph (source → requests → offers → sink).
  const INF = Number.POSITIVE_INFINITY;
  const potential = new Float64Array(g.nodes).fill(INF);
  potential[source] = 0;
  for (const id of requestIds) potential[requestNode.get(id)!] = 0;
  for (const { edge } of pairEdges) {
    const v = g.to[edge];
    potential[v] = Math.min(potential[v], g.cost[edge]);
  }
  for (const id of offerIds) {
    const v = offerNode.get(id)!;
    for (let e = g.head[v]; e !== -1; e = g.next[e]) {
      if (g.to[e] === sink && g.cap[e] > 0) potential[sink] = Math.min(potential[sink], potential[v]);
    }
  }
  for (let v = 0; v < g.nodes; v++) if (potential[v] === INF) potential[v] = 0;
  // A sink nobody reaches keeps potential 0; Dijkstra below then simply finds no path.

  const dist = new Float64Array(g.nodes);
  const viaEdge = new Int32Array(g.nodes);
  for (;;) {
    dist.fill(INF);
    viaEdge.fill(-1);
    dist[source] = 0;
    const heap = new MinHeap();
    heap.push(0, source);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (d > dist[u]) continue;
      for (let e = g.head[u]; e !== -1; e = g.next[e]) {
        if (g.cap[e] <= 0) continue;
        const v = g.to[e];
        const nd = d + g.cost[e] + potential[u] - potential[v];
        if (nd < dist[v]) {
          dist[v] = nd;
          viaEdge[v] = e;
          heap.push(nd, v);
        }
      }
    }
    if (dist[sink] === INF) break;
    const pathCost = dist[sink] + potential[sink] - potential[source];
    if (pathCost >= 0) break;
    let maxDist = 0;
    for (let v = 0; v < g.nodes; v++) if (dist[v] !== INF && dist[v] > maxDist) maxDist = dist[v];
    // Unreachable nodes move by the largest distance, which keeps every residual reduced cost non-negative.
    for (let v = 0; v < g.nodes; v++) potential[v] += dist[v] === INF ? maxDist : dist[v];
    for (let v = sink; v !== source;) {
      const e = viaEdge[v];
      g.cap[e] -= 1;
      g.cap[e ^ 1] += 1;
      v = g.to[e ^ 1];
    }
  }

  const chosen = pairEdges.filter(({ edge }) => g.cap[edge] === 0).map(({ pair }) => ({ ...pair }));
  chosen.sort((a, b) => b.score - a.score || (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0));
  return { total: chosen.reduce((sum, p) => sum + p.score, 0), pairs: chosen };
}
