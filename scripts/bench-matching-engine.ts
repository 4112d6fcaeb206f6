import { runEngineBenchmark } from '@app/matching';

// Candidate generation vs exhaustive scoring on a synthetic world (DESIGN §10). Figures are ratios to the
// exhaustive baseline run in the same process.
// Run: npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json && node dist/scripts/bench-matching-engine.js
// Options: --seed= --requests= --offers= --global= (share of GLOBAL offers) --compared= --sample= --runs=

function flag(name: string): number | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : undefined;
}

const figures = runEngineBenchmark({
  seed: flag('seed'),
  requests: flag('requests'),
  offers: flag('offers'),
  globalShare: flag('global'),
  comparedRequests: flag('compared'),
  agreementSample: flag('sample'),
  singleRequestRuns: flag('runs'),
  log: (line) => console.log(line),
});

const f = (n: number, digits = 1): string => n.toFixed(digits);
const { endToEnd: e, phases: p } = figures;
console.log(`compared ${figures.compared} requests × ${figures.world.offers} offers, top-${figures.topK}`);
console.log(
  `end to end  : candidates ${f(e.candidateUs)} µs/request, exhaustive ${f(e.exhaustiveUs)} µs/request → ${f(e.speedup)}×`,
);
console.log(
  `  prepare   : candidates ${f(p.candidate.prepareUs)} µs, exhaustive ${f(p.exhaustive.prepareUs)} µs (same work)`,
);
console.log(
  `  select    : candidates ${f(p.candidate.selectUs)} µs, exhaustive ${f(p.exhaustive.selectUs)} µs → ${f(p.selectSpeedup)}×`,
);
console.log(
  `  explain   : candidates ${f(p.candidate.explainUs)} µs, exhaustive ${f(p.exhaustive.explainUs)} µs (same work)`,
);
console.log(
  `pairs per request: ${f(p.exhaustive.eligible)} eligible and scored exhaustively; indexed path: ${f(p.candidate.candidates)} candidates, ${f(p.candidate.fullScores)} scored without text, ${f(p.candidate.exactScores)} scored exactly; rest scanned for ${f(p.restScanShare * 100)}% of requests`,
);
console.log(
  `top-${figures.topK} agreement over ${figures.agreementSample} requests: ${f(figures.meanTopKAgreement * 100, 2)}%; identical result lists: ${f(figures.identicalResults * 100, 2)}% (mean ${f(figures.meanResults, 2)} results)`,
);
console.log(
  `one new request vs ${figures.world.offers} offers: median ${f(figures.newRequest.medianUs)} µs, p95 ${f(figures.newRequest.p95Us)} µs (exhaustive median ${f(figures.newRequest.exhaustiveMedianUs)} µs, ${figures.newRequest.runs} runs)`,
);
console.log(
  `offer edited then one request scored: median ${f(figures.offerUpdate.medianUs)} µs (${figures.offerUpdate.runs} runs)`,
);
console.log(
  `target ≥ ${figures.targets.speedup}× with ≥ ${figures.targets.agreement * 100}% agreement: end to end ${figures.targets.metEndToEnd ? 'met' : 'NOT met'}, selection phase ${figures.targets.metSelection ? 'met' : 'NOT met'}`,
);
console.log(JSON.stringify({ benchmark: 'matching-engine', ...figures }));
