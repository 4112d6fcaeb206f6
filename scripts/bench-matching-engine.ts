import { runEngineBenchmark } from '@app/matching';

// Candidate generation vs exhaustive scoring on a synthetic world (DESIGN §10). Figures are ratios to the
// exhaustive baseline run in the same process.
// Run: npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json && node dist/scripts/bench-matching-engine.js

function flag(name: string): number | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : undefined;
}

const figures = runEngineBenchmark({
  seed: flag('seed'),
  requests: flag('requests'),
  offers: flag('offers'),
  comparedRequests: flag('compared'),
  agreementSample: flag('sample'),
  singleRequestRuns: flag('runs'),
  log: (line) => console.log(line),
});

const f = (n: number, digits = 1): string => n.toFixed(digits);
console.log(`compared ${figures.compared} requests × ${figures.world.offers} offers, top-${figures.topK}`);
console.log(`candidate path : ${f(figures.candidateMs, 0)} ms total, ${f(figures.candidateUsPerRequest)} µs/request`);
console.log(`exhaustive     : ${f(figures.exhaustiveMs, 0)} ms total, ${f(figures.exhaustiveUsPerRequest)} µs/request`);
console.log(`speed-up       : ${f(figures.speedup)}× (target ≥ ${figures.targets.speedup}×)`);
console.log(`top-${figures.topK} agreement over ${figures.agreementSample} requests: ${f(figures.meanTopKAgreement * 100, 2)}% (target ≥ ${figures.targets.agreement * 100}%); identical result lists: ${f(figures.identicalResults * 100, 2)}%`);
console.log(`per request: ${f(figures.meanEligible)} eligible offers, ${f(figures.meanCandidates)} candidates, ${f(figures.meanFullScores)} scored without text, ${f(figures.meanExactScores)} scored exactly, ${f(figures.meanResults, 2)} results; rest scanned for ${f(figures.restScanShare * 100)}% of requests`);
console.log(`one new request vs ${figures.world.offers} offers: median ${f(figures.newRequest.medianUs)} µs, p95 ${f(figures.newRequest.p95Us)} µs (exhaustive median ${f(figures.newRequest.exhaustiveMedianUs)} µs, ${figures.newRequest.runs} runs)`);
console.log(`targets met: ${figures.targets.met ? 'yes' : 'no'}`);
console.log(JSON.stringify({ benchmark: 'matching-engine', ...figures }));
