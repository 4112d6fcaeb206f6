import {
  DEFAULT_WEIGHTS_PROFILE,
  MatchingEngine,
  emptyMatchingStats,
  type MatchResult,
  type MatchableRequest,
  type MatchingStats,
} from '@app/matching';
import { REGIONS } from '@app/domain';
import { generateRegistryWorld, toEngineInputs, type EngineInputs } from '@app/synthetic';

// Candidate generation against the exhaustive baseline, in one process on one synthetic world (DESIGN §10).
// Shared by bench-matching-engine.ts (in memory only) and bench-matching.ts (which adds the database figures).
// The world is the registry world the database is seeded with (@app/synthetic), turned into the engine's inputs by
// toEngineInputs, as the worker turns rows into them.

/** The registry world places its records in time before this instant; fixed, so a seed gives one world. */
export const BENCHMARK_NOW = new Date('2026-11-30T10:00:00Z');

/** The benchmark's world as the engine's inputs: `requests` requests and `offers` offers from `seed`. */
export function benchmarkWorld(options: {
  seed: number;
  requests: number;
  offers: number;
  globalShare?: number;
  requestIdPrefix?: string;
}): EngineInputs {
  const { requestIdPrefix, ...world } = options;
  return toEngineInputs(generateRegistryWorld({ ...world, now: BENCHMARK_NOW }), { requestIdPrefix });
}

export interface EngineBenchmarkOptions {
  seed?: number;
  requests?: number;
  offers?: number;
  /** Share of GLOBAL offers in the synthetic world (`globalShare` of RegistryWorldOptions in @app/synthetic). */
  globalShare?: number;
  /** Requests scored both ways for timing; default: all of them. */
  comparedRequests?: number;
  /** Requests whose two result lists are compared; default: all compared requests. */
  agreementSample?: number;
  /** New requests timed one at a time for the latency figure. */
  singleRequestRuns?: number;
  /** Requests scored both ways before any timing, so both paths are compiled by the JIT. */
  warmupRequests?: number;
  log?: (line: string) => void;
}

export interface PhaseFigures {
  /** Mean µs per request building the prepared form — the same work on both paths. */
  prepareUs: number;
  /** Mean µs per request finding the top-k — what candidate generation replaces. */
  selectUs: number;
  /** Mean µs per request explaining the k kept — the same work on both paths. */
  explainUs: number;
  /** Mean per request: offers passing the hard filters (indexed path: all but the availability window). */
  eligible: number;
  /** Offers looked at: every eligible one (exhaustive); those of the groups searched (indexed). */
  candidates: number;
  /** Offers whose every component but text was computed. */
  fullScores: number;
  /** Offers whose exact score was computed. */
  exactScores: number;
}

export interface EngineBenchmarkFigures {
  world: {
    seed: number;
    requests: number;
    offers: number;
    /** Offers the engine can suggest (active, capacity left); the rest fail the hard filters. */
    liveOffers: number;
    states: number;
    providers: number;
    regions: number;
    globalOffers: number;
  };
  buildMs: number;
  compared: number;
  agreementSample: number;
  topK: number;
  /** Whole `scoreRequest` vs whole `scoreRequestExhaustive`, request text preparation and explanations included. */
  endToEnd: { candidateMs: number; exhaustiveMs: number; candidateUs: number; exhaustiveUs: number; speedup: number };
  /**
   * Per phase, from a second pass with timers on; `selectSpeedup` compares the selection phases alone (candidate
   * generation plus top-k against scoring every eligible pair plus top-k).
   */
  phases: { candidate: PhaseFigures; exhaustive: PhaseFigures; selectSpeedup: number; restScanShare: number };
  /** Mean |top-k(candidates) ∩ top-k(exhaustive)| ÷ |top-k(exhaustive)| (1 when both are empty). */
  meanTopKAgreement: number;
  /** Share of requests whose two result lists are identical: same offers, order and scores. */
  identicalResults: number;
  meanResults: number;
  newRequest: { runs: number; medianUs: number; p95Us: number; exhaustiveMedianUs: number };
  /** An offer-side trigger: upsert one edited offer, then score one request (which refreshes text statistics). */
  offerUpdate: { runs: number; medianUs: number };
  targets: { speedup: number; agreement: number; metEndToEnd: boolean; metSelection: boolean };
}

function nowNs(): bigint {
  return process.hrtime.bigint();
}

function ms(ns: bigint): number {
  return Number(ns) / 1e6;
}

function phaseFigures(stats: MatchingStats): PhaseFigures {
  const n = stats.requests || 1;
  return {
    prepareUs: (stats.prepareMs * 1e3) / n,
    selectUs: (stats.selectMs * 1e3) / n,
    explainUs: (stats.finishMs * 1e3) / n,
    eligible: stats.eligible / n,
    candidates: stats.candidates / n,
    fullScores: stats.fullScores / n,
    exactScores: stats.exactScores / n,
  };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function agreement(a: MatchResult[], b: MatchResult[]): number {
  if (b.length === 0) return a.length === 0 ? 1 : 0;
  const ids = new Set(a.map((m) => m.offerId));
  return b.filter((m) => ids.has(m.offerId)).length / b.length;
}

function identical(a: MatchResult[], b: MatchResult[]): boolean {
  return a.length === b.length && a.every((m, i) => m.offerId === b[i].offerId && m.score === b[i].score);
}

export function runEngineBenchmark(options: EngineBenchmarkOptions = {}): EngineBenchmarkFigures {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 1540;
  const requestCount = options.requests ?? 20_000;
  const offerCount = options.offers ?? 2_000;
  const compared = Math.min(options.comparedRequests ?? requestCount, requestCount);
  const singleRuns = options.singleRequestRuns ?? 500;
  const warmup = options.warmupRequests ?? 500;

  let t = nowNs();
  const world = benchmarkWorld({ seed, offers: offerCount, requests: requestCount, globalShare: options.globalShare });
  log(
    `world: ${requestCount} requests, ${offerCount} offers, ${world.states.length} States, ${world.providers.length} providers (${ms(nowNs() - t).toFixed(0)} ms)`,
  );

  t = nowNs();
  const engine = new MatchingEngine(world.offers, world.context, DEFAULT_WEIGHTS_PROFILE);
  const buildMs = ms(nowNs() - t);
  log(`engine built in ${buildMs.toFixed(1)} ms`);

  // Requests the engine has not seen: another seed's, under other ids.
  const newRequests = (count: number, from: number, prefix: string): MatchableRequest[] =>
    benchmarkWorld({ seed: from, requests: count, offers: 0, requestIdPrefix: prefix }).requests;
  const warm = newRequests(warmup, seed + 1, 'req-warm');
  for (const r of warm) {
    engine.scoreRequest(r);
    engine.scoreRequestExhaustive(r);
  }

  // Timed passes keep only a checksum: retaining every result would make the collector, not the engine, the
  // thing measured. The two paths alternate chunk by chunk so collection and clock drift fall on both alike.
  const requests = world.requests.slice(0, compared);
  let candidateNs = 0n;
  let exhaustiveNs = 0n;
  let checksumCandidates = 0;
  let checksumExhaustive = 0;
  const chunk = 1_000;
  for (let start = 0; start < requests.length; start += chunk) {
    const end = Math.min(requests.length, start + chunk);
    let t0 = nowNs();
    for (let i = start; i < end; i++) checksumCandidates += engine.scoreRequest(requests[i]).length;
    candidateNs += nowNs() - t0;
    t0 = nowNs();
    for (let i = start; i < end; i++) checksumExhaustive += engine.scoreRequestExhaustive(requests[i]).length;
    exhaustiveNs += nowNs() - t0;
  }
  if (checksumCandidates !== checksumExhaustive)
    log(`result counts differ: ${checksumCandidates} vs ${checksumExhaustive}`);
  const candidateMs = ms(candidateNs);
  const exhaustiveMs = ms(exhaustiveNs);

  // Second pass with phase timers and counters on.
  const candidateStats = emptyMatchingStats();
  const exhaustiveStats = emptyMatchingStats();
  for (let start = 0; start < requests.length; start += chunk) {
    const end = Math.min(requests.length, start + chunk);
    for (let i = start; i < end; i++) engine.scoreRequest(requests[i], candidateStats);
    for (let i = start; i < end; i++) engine.scoreRequestExhaustive(requests[i], exhaustiveStats);
  }

  // Agreement, untimed, on a sample spread evenly over the requests.
  const sampleSize = Math.min(options.agreementSample ?? requests.length, requests.length);
  let agreementSum = 0;
  let identicalCount = 0;
  let results = 0;
  for (let s = 0; s < sampleSize; s++) {
    const r = requests[Math.floor((s * requests.length) / sampleSize)];
    const a = engine.scoreRequest(r);
    const b = engine.scoreRequestExhaustive(r);
    agreementSum += agreement(a, b);
    if (identical(a, b)) identicalCount++;
    results += b.length;
  }

  const fresh = newRequests(singleRuns, seed + 2, 'req-fresh');
  const single: number[] = [];
  const singleExhaustive: number[] = [];
  for (const r of fresh) {
    let t0 = nowNs();
    engine.scoreRequest(r);
    single.push(Number(nowNs() - t0) / 1e3);
    t0 = nowNs();
    engine.scoreRequestExhaustive(r);
    singleExhaustive.push(Number(nowNs() - t0) / 1e3);
  }
  single.sort((a, b) => a - b);
  singleExhaustive.sort((a, b) => a - b);

  const updates: number[] = [];
  for (let i = 0; i < Math.min(singleRuns, world.offers.length); i++) {
    const offer = world.offers[(i * 7919) % world.offers.length];
    const edited = { ...offer, title: `${offer.title} (${i})` };
    const t0 = nowNs();
    engine.upsertOffer(edited);
    engine.scoreRequest(fresh[i % fresh.length]);
    updates.push(Number(nowNs() - t0) / 1e3);
  }
  updates.sort((a, b) => a - b);

  const speedup = exhaustiveMs / candidateMs;
  const meanTopKAgreement = agreementSum / sampleSize;
  const candidate = phaseFigures(candidateStats);
  const exhaustive = phaseFigures(exhaustiveStats);
  const selectSpeedup = exhaustive.selectUs / candidate.selectUs;
  return {
    world: {
      seed,
      requests: requestCount,
      offers: offerCount,
      liveOffers: world.offers.filter((o) => o.active && o.remainingEngagements !== 0).length,
      states: world.states.length,
      providers: world.providers.length,
      regions: REGIONS.length - 1,
      globalOffers: world.offers.filter((o) => o.eligibleRegions.includes('GLOBAL')).length / world.offers.length,
    },
    buildMs,
    compared: requests.length,
    agreementSample: sampleSize,
    topK: engine.profile.topK,
    endToEnd: {
      candidateMs,
      exhaustiveMs,
      candidateUs: (candidateMs * 1e3) / requests.length,
      exhaustiveUs: (exhaustiveMs * 1e3) / requests.length,
      speedup,
    },
    phases: {
      candidate,
      exhaustive,
      selectSpeedup,
      restScanShare: candidateStats.restScans / (candidateStats.requests || 1),
    },
    meanTopKAgreement,
    identicalResults: identicalCount / sampleSize,
    meanResults: results / sampleSize,
    newRequest: {
      runs: single.length,
      medianUs: quantile(single, 0.5),
      p95Us: quantile(single, 0.95),
      exhaustiveMedianUs: quantile(singleExhaustive, 0.5),
    },
    offerUpdate: { runs: updates.length, medianUs: quantile(updates, 0.5) },
    targets: {
      speedup: 20,
      agreement: 0.99,
      metEndToEnd: speedup >= 20 && meanTopKAgreement >= 0.99,
      metSelection: selectSpeedup >= 20 && meanTopKAgreement >= 0.99,
    },
  };
}

/** The figures as lines a person reads (the benchmark scripts print these, then one line of JSON). */
export function formatEngineBenchmark(figures: EngineBenchmarkFigures): string[] {
  const f = (n: number, digits = 1): string => n.toFixed(digits);
  const { endToEnd: e, phases: p, world } = figures;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    `compared ${figures.compared} requests × ${world.offers} offers (${world.liveOffers} active with capacity left, ${f(world.globalOffers * 100, 0)}% open to every State), top-${figures.topK} (engine built in ${f(figures.buildMs)} ms)`,
    `end to end  : candidates ${f(e.candidateUs)} µs/request, exhaustive ${f(e.exhaustiveUs)} µs/request → ${f(e.speedup)}×`,
    `  prepare   : candidates ${f(p.candidate.prepareUs)} µs, exhaustive ${f(p.exhaustive.prepareUs)} µs (same work: tokens, TF-IDF query)`,
    `  select    : candidates ${f(p.candidate.selectUs)} µs, exhaustive ${f(p.exhaustive.selectUs)} µs → ${f(p.selectSpeedup)}× (candidate generation + top-k vs every pair + top-k)`,
    `  explain   : candidates ${f(p.candidate.explainUs)} µs, exhaustive ${f(p.exhaustive.explainUs)} µs (same work: components, reason)`,
    `pairs per request: ${f(p.exhaustive.eligible)} eligible, all scored exhaustively; indexed path visits ${f(p.candidate.candidates)}, computes every component but text for ${f(p.candidate.fullScores)}, scores ${f(p.candidate.exactScores)} exactly; offers sharing no code visited for ${f(p.restScanShare * 100)}% of requests`,
    `top-${figures.topK} agreement over ${figures.agreementSample} requests: ${f(figures.meanTopKAgreement * 100, 2)}%; identical result lists (offers, order, scores): ${f(figures.identicalResults * 100, 2)}% (mean ${f(figures.meanResults, 2)} results)`,
    `one new request vs ${world.offers} offers: median ${f(figures.newRequest.medianUs)} µs, p95 ${f(figures.newRequest.p95Us)} µs (exhaustive median ${f(figures.newRequest.exhaustiveMedianUs)} µs; ${figures.newRequest.runs} runs, in memory, no database round-trip)`,
    `offer edited then one request scored: median ${f(figures.offerUpdate.medianUs)} µs (${figures.offerUpdate.runs} runs)`,
    `target ≥ ${figures.targets.speedup}× with ≥ ${figures.targets.agreement * 100}% agreement: end to end ${met(figures.targets.metEndToEnd)}, selection phase ${met(figures.targets.metSelection)}`,
  ];
}
