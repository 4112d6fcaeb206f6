import { formatEngineBenchmark, runEngineBenchmark } from './benchmarks/engine-benchmark';

// Candidate generation vs exhaustive scoring on a synthetic world (DESIGN §10), in memory only. Figures are ratios
// to the exhaustive baseline run in the same process. `npm run bench:matching` runs this and the database figures.
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

for (const line of formatEngineBenchmark(figures)) console.log(line);
console.log(JSON.stringify({ benchmark: 'matching-engine', ...figures }));
