import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  detectLanguages,
  evaluate,
  ndcgAtK,
  parseEvaluationSet,
  precisionAtK,
  type EvaluationFigures,
  type MatchableRequest,
} from '@app/matching';

// Ranking quality on the hand-labelled set: precision@3 and nDCG@5 for the engine and for a baseline that ranks
// by taxonomy overlap alone (Jaccard over all codes), with and without the hard filters.
// Run: npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json && node dist/scripts/eval-matching.js

const FILE = 'libs/matching/eval/evaluation-set.json';
// From dist/scripts back to the repository, or from the working directory.
const path = [resolve(__dirname, '../..', FILE), resolve(process.cwd(), FILE)].find((p) => existsSync(p));
if (!path) throw new Error(`cannot find ${FILE}`);

const set = parseEvaluationSet(JSON.parse(readFileSync(path, 'utf8')));
const verbose = process.argv.includes('--verbose');
const regimes = { full: evaluate(set, undefined, 'full'), loose: evaluate(set, undefined, 'loose') };
const first = regimes.full;

console.log(`${first.requests} requests, ${first.offers} offers, ${first.judged} judgements (${FILE})`);
for (const [regime, result] of Object.entries(regimes)) {
  console.log(`\nrequests tagged ${regime === 'full' ? 'as written' : 'loosely (loosenTags)'}`);
  for (const s of result.systems) {
    console.log(`  ${s.name.padEnd(22)} precision@3 ${s.precisionAt3.toFixed(3)}   nDCG@5 ${s.ndcgAt5.toFixed(3)}`);
  }
  // The engine on parts of the set, so a change that helps can be seen not to come from one group of cases: the
  // older and the newer half of the requests (file order), and the requests by the language they are written in.
  const engine = result.systems[0];
  const half = Math.ceil(set.requests.length / 2);
  const language = (r: MatchableRequest) => {
    const text = `${r.title}\n${r.description}`.toLowerCase();
    return /[\u0400-\u04ff]/.test(text) ? 'ru/mn' : detectLanguages(text).latin;
  };
  const parts: Array<[string, MatchableRequest[]]> = [
    ['older half', set.requests.slice(0, half)],
    ['newer half', set.requests.slice(half)],
    ...[...new Set(set.requests.map(language))].map(
      (l): [string, MatchableRequest[]] => [`written in ${l}`, set.requests.filter((r) => language(r) === l)],
    ),
  ];
  for (const [name, requests] of parts) {
    const mean = (f: (r: MatchableRequest) => number) => requests.reduce((sum, r) => sum + f(r), 0) / requests.length;
    const p3 = mean((r) => precisionAtK(engine.rankings[r.id], set.judgements[r.id], 3));
    const n5 = mean((r) => ndcgAtK(engine.rankings[r.id], set.judgements[r.id], 5));
    console.log(`    engine, ${`${name} (${requests.length})`.padEnd(20)} precision@3 ${p3.toFixed(3)}   nDCG@5 ${n5.toFixed(3)}`);
  }
  if (!verbose) continue;
  for (const r of set.requests) {
    const grades = set.judgements[r.id];
    console.log(`\n  ${r.id} ${r.title}`);
    console.log(
      `    experts: ${Object.entries(grades)
        .map(([id, g]) => `${id}(${g})`)
        .join(', ')}`,
    );
    for (const s of result.systems) {
      const top = s.rankings[r.id].slice(0, 5).map((id) => `${id}${grades[id] ? `(${grades[id]})` : ''}`);
      console.log(`    ${s.name.padEnd(20)} ${top.join(', ')}`);
    }
  }
}

const summary = (result: EvaluationFigures) => {
  const [engine, ...baselines] = result.systems;
  return {
    systems: Object.fromEntries(
      result.systems.map((s) => [s.name, { precisionAt3: s.precisionAt3, ndcgAt5: s.ndcgAt5 }]),
    ),
    engineOverBaseline: Object.fromEntries(
      baselines.map((b) => [
        b.name,
        { precisionAt3: engine.precisionAt3 - b.precisionAt3, ndcgAt5: engine.ndcgAt5 - b.ndcgAt5 },
      ]),
    ),
  };
};
console.log(
  JSON.stringify({
    evaluation: 'matching',
    requests: first.requests,
    offers: first.offers,
    judgements: first.judged,
    full: summary(regimes.full),
    loose: summary(regimes.loose),
  }),
);
