import { cpus } from 'node:os';
import { loadConfig, loadEnvFile } from '@app/config';
import { MatchEntity, createDataSource, dropDatabase, ensureDatabase, seedSyntheticWorld } from '@app/database';
import { DEFAULT_WEIGHTS_PROFILE, MATCHING_ENGINE_VERSION, MatchingEngine, storedComponentsJson, type MatchResult } from '@app/matching';
import { MatchWriter } from '../apps/worker/src/matching/match-writer.service';
import { benchmarkWorld, formatEngineBenchmark, runEngineBenchmark } from './benchmarks/engine-benchmark';

// `npm run bench:matching` (DESIGN §10, issue 4 item 8), in one process:
//   1. candidate generation + top-k against scoring every eligible pair with the same scorer, on a synthetic world
//      of 20,000 requests × 2,000 offers: time ratio and top-10 agreement (scripts/benchmarks/engine-benchmark.ts);
//   2. one new request scored against all 2,000 offers, in memory: median and p95;
//   3. storing match rows on real PostgreSQL: the worker's bulk upsert (MatchWriter.replaceSuggestions — unnest
//      arrays, ON CONFLICT) against TypeORM `repository.save()` row by row, as rows/s. A scratch database on the
//      configured server (loopback only) is created, migrated, seeded and dropped again.
// Prints readable figures, then one line of JSON holding all of them.
// Options: --requests= --offers= --seed= --bulk-rows= --save-rows=

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const REQUESTS = flag('requests', 20_000);
const OFFERS = flag('offers', 2_000);
const SEED = flag('seed', 1540);
const BULK_ROWS = flag('bulk-rows', 20_000);
const SAVE_ROWS = flag('save-rows', 2_000);
// The worker writes one rescore chunk per call (RESCORE_CHUNK_SIZE in matching.processor.ts): 500 requests.
const REQUESTS_PER_WRITE = 500;
const WEIGHTS_VERSION = DEFAULT_WEIGHTS_PROFILE.version;

interface Throughput {
  rows: number;
  ms: number;
  rowsPerSec: number;
}

interface WriteFigures {
  database: string;
  seededRequests: number;
  seededOffers: number;
  seedMs: number;
  /** MatchWriter's upsert statement, one per chunk of REQUESTS_PER_WRITE requests, into an empty table. */
  bulkUpsert: Throughput & { statements: number };
  /** The same rows again: every row takes the ON CONFLICT … DO UPDATE path, as in a rescore. */
  bulkUpsertExisting: Throughput;
  /** TypeORM `repository.save()`, one entity at a time (each in its own transaction), into an empty table. */
  rowByRow: Throughput;
  /** bulkUpsert rows/s ÷ rowByRow rows/s. */
  speedup: number;
  /**
   * The worker's whole write per chunk (MatchWriter.replaceSuggestions: upsert, delete of suggestions that fell
   * out of the top-k, first-suggestion stamp): into an empty table whose statistics are stale, as in a first
   * full rescore; then again once `ANALYZE matches` has run.
   */
  replaceSuggestions: { emptyTable: Throughput; analysed: Throughput };
}

// MatchWriter.replaceSuggestions's upsert, verbatim but for the parameter numbers (apps/worker/src/matching/
// match-writer.service.ts): kept in step with it.
const UPSERT_SQL = `INSERT INTO matches (request_id, offer_id, score, components, reason, engine_version, weights_version, scored_at, origin, status, version)
           SELECT k.request_id, k.offer_id, k.score, k.components, k.reason, $6, $7, now(), 'engine', 'suggested', 1
             FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::json[], $5::text[]) AS k(request_id, offer_id, score, components, reason)
           ON CONFLICT (request_id, offer_id) DO UPDATE
              SET score = EXCLUDED.score, components = EXCLUDED.components, reason = EXCLUDED.reason,
                  engine_version = EXCLUDED.engine_version, weights_version = EXCLUDED.weights_version,
                  scored_at = EXCLUDED.scored_at, updated_at = now()`;

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The configured database URL with another database name, refusing anything but a loopback server. */
function scratchUrl(configured: string): string {
  const url = new URL(configured);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!['localhost', '127.0.0.1', '::1', ''].includes(host)) {
    throw new Error(`the write benchmark only runs against a loopback database server, not ${host}`);
  }
  const name = decodeURIComponent(url.pathname.slice(1)) || 'assistance';
  url.pathname = `/${`${name}_bench_matching_${process.pid}`.slice(0, 63)}`;
  return url.toString();
}

/**
 * Realistic rows: the engine's own results (ten components, a reason line) for `requests` synthetic requests,
 * moved onto the ids of seeded rows — synthetic request i to seeded request i, synthetic offer `off-0000n` to
 * seeded offer n − 1 — so every (request, offer) pair stays distinct.
 */
function matchRows(requestIds: string[], offerIds: string[], limit: number): { rows: MatchResult[]; requests: number } {
  const world = benchmarkWorld({ seed: SEED, offers: offerIds.length, requests: requestIds.length });
  const engine = new MatchingEngine(world.offers, world.context, DEFAULT_WEIGHTS_PROFILE);
  const rows: MatchResult[] = [];
  let requests = 0;
  for (let i = 0; i < world.requests.length && rows.length < limit; i++) {
    requests++;
    for (const m of engine.scoreRequest(world.requests[i])) {
      if (rows.length === limit) break;
      rows.push({ ...m, requestId: requestIds[i], offerId: offerIds[Number(m.offerId.slice(4)) - 1] });
    }
  }
  return { rows, requests };
}

async function benchmarkWrites(log: (line: string) => void): Promise<WriteFigures> {
  const url = scratchUrl(loadConfig().database.DATABASE_URL);
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  await dropDatabase(url);
  await ensureDatabase(url);
  const ds = await createDataSource(url).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    // Enough seeded requests and offers that the rows can use real ids (matches has no foreign keys).
    const seedRequests = Math.max(1, Math.ceil(BULK_ROWS / DEFAULT_WEIGHTS_PROFILE.topK) * 2);
    const seedStart = process.hrtime.bigint();
    await seedSyntheticWorld(ds, { requests: seedRequests, offers: OFFERS, seed: SEED });
    const seedMs = elapsedMs(seedStart);
    const ids = async (table: string): Promise<string[]> =>
      (await ds.query<{ id: string }[]>(`SELECT id FROM ${table} ORDER BY id`)).map((r) => r.id);
    const requestIds = await ids('assistance_requests');
    const offerIds = await ids('assistance_offers');
    log(
      `database ${database}: migrated, seeded ${requestIds.length} requests and ${offerIds.length} offers in ${(seedMs / 1000).toFixed(1)} s`,
    );

    const { rows } = matchRows(requestIds, offerIds, Math.max(BULK_ROWS, SAVE_ROWS));
    const writer = new MatchWriter(ds);
    const repository = ds.getRepository(MatchEntity);
    const clear = () => ds.query('TRUNCATE matches');

    // Rows grouped as the worker writes them: one call per chunk of REQUESTS_PER_WRITE requests.
    const chunks = (all: MatchResult[]): { requestIds: string[]; rows: MatchResult[] }[] => {
      const out: { requestIds: string[]; rows: MatchResult[] }[] = [];
      for (let start = 0; start < all.length;) {
        const requests = new Set<string>();
        let end = start;
        while (end < all.length && (requests.size < REQUESTS_PER_WRITE || requests.has(all[end].requestId))) {
          requests.add(all[end].requestId);
          end++;
        }
        out.push({ requestIds: [...requests], rows: all.slice(start, end) });
        start = end;
      }
      return out;
    };
    const upsert = async (all: MatchResult[]): Promise<number> => {
      const parts = chunks(all);
      for (const { rows: part } of parts) {
        await ds.query(UPSERT_SQL, [
          part.map((r) => r.requestId),
          part.map((r) => r.offerId),
          part.map((r) => r.score),
          part.map((r) => storedComponentsJson(r.components)),
          part.map((r) => r.reason),
          String(MATCHING_ENGINE_VERSION),
          WEIGHTS_VERSION,
        ]);
      }
      return parts.length;
    };
    const replace = async (all: MatchResult[]): Promise<void> => {
      for (const part of chunks(all)) await writer.replaceSuggestions(part.requestIds, part.rows, WEIGHTS_VERSION);
    };
    // The naive path: one entity, one save (TypeORM wraps each in its own transaction).
    const saveEach = async (all: MatchResult[]): Promise<void> => {
      for (const m of all) {
        await repository.save(
          repository.create({
            requestId: m.requestId,
            offerId: m.offerId,
            score: m.score,
            components: m.components,
            reason: m.reason,
            engineVersion: String(MATCHING_ENGINE_VERSION),
            weightsVersion: WEIGHTS_VERSION,
            scoredAt: new Date(),
            origin: 'engine',
            status: 'suggested',
          }),
        );
      }
    };
    const timed = async (count: number, fn: () => Promise<unknown>): Promise<Throughput> => {
      const start = process.hrtime.bigint();
      await fn();
      const ms = elapsedMs(start);
      return { rows: count, ms, rowsPerSec: (count * 1000) / ms };
    };
    const count = async (): Promise<number> =>
      (await ds.query<{ n: number }[]>('SELECT count(*)::int AS n FROM matches'))[0].n;

    // Warm every path (connections, plans); each measurement then starts from an empty table.
    await upsert(rows.slice(0, 200));
    await clear();
    await saveEach(rows.slice(0, 50));
    await clear();
    await replace(rows.slice(0, 200));
    await clear();

    const bulkRows = rows.slice(0, BULK_ROWS);
    let statements = 0;
    const bulk = await timed(bulkRows.length, async () => (statements = await upsert(bulkRows)));
    const existing = await timed(bulkRows.length, () => upsert(bulkRows));
    if ((await count()) !== bulkRows.length) throw new Error('bulk upsert left an unexpected number of rows');
    await clear();

    const saveRows = rows.slice(0, SAVE_ROWS);
    const rowByRow = await timed(saveRows.length, () => saveEach(saveRows));
    if ((await count()) !== saveRows.length) throw new Error('row-by-row save left an unexpected number of rows');
    await clear();

    const emptyTable = await timed(bulkRows.length, () => replace(bulkRows));
    await ds.query('ANALYZE matches');
    const analysed = await timed(bulkRows.length, () => replace(bulkRows));
    if ((await count()) !== bulkRows.length) throw new Error('replaceSuggestions left an unexpected number of rows');

    return {
      database,
      seededRequests: requestIds.length,
      seededOffers: offerIds.length,
      seedMs,
      bulkUpsert: { ...bulk, statements },
      bulkUpsertExisting: existing,
      rowByRow,
      speedup: bulk.rowsPerSec / rowByRow.rowsPerSec,
      replaceSuggestions: { emptyTable, analysed },
    };
  } finally {
    await ds.destroy();
    await dropDatabase(url);
  }
}

async function main(): Promise<number> {
  loadEnvFile();
  const log = (line: string) => console.log(line);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
  log(`machine: ${machine.cpus} × ${machine.cpu}, Node ${machine.node}`);

  const engine = runEngineBenchmark({ seed: SEED, requests: REQUESTS, offers: OFFERS, log });
  for (const line of formatEngineBenchmark(engine)) log(line);

  let writes: WriteFigures | null = null;
  let writeError: string | null = null;
  try {
    writes = await benchmarkWrites(log);
    const f = (n: number) => Math.round(n).toLocaleString('en');
    const w = writes;
    log(
      `bulk upsert (MatchWriter's INSERT … unnest … ON CONFLICT, ${w.bulkUpsert.statements} statements): ${f(w.bulkUpsert.rows)} rows in ${f(w.bulkUpsert.ms)} ms → ${f(w.bulkUpsert.rowsPerSec)} rows/s; same rows again (conflict → update): ${f(w.bulkUpsertExisting.rowsPerSec)} rows/s`,
    );
    log(
      `row by row (repository.save): ${f(w.rowByRow.rows)} rows in ${f(w.rowByRow.ms)} ms → ${f(w.rowByRow.rowsPerSec)} rows/s`,
    );
    log(`bulk upsert vs row-by-row save: ${w.speedup.toFixed(1)}× the rows per second`);
    log(
      `worker's whole write (replaceSuggestions): ${f(w.replaceSuggestions.emptyTable.rowsPerSec)} rows/s into an empty table with stale statistics (a first scoring: COPY into matches + stamp), ${f(w.replaceSuggestions.analysed.rowsPerSec)} rows/s over the same rows after ANALYZE (staged, upsert finding them scored the same, stale-suggestion delete)`,
    );
  } catch (err) {
    writeError = (err as Error).message;
    log(`write benchmark failed: ${writeError}`);
  }

  const summary = {
    candidateSpeedupEndToEnd: engine.endToEnd.speedup,
    candidateSpeedupSelection: engine.phases.selectSpeedup,
    topKAgreement: engine.meanTopKAgreement,
    identicalResults: engine.identicalResults,
    newRequestMedianUs: engine.newRequest.medianUs,
    newRequestP95Us: engine.newRequest.p95Us,
    bulkRowsPerSec: writes?.bulkUpsert.rowsPerSec ?? null,
    rowByRowRowsPerSec: writes?.rowByRow.rowsPerSec ?? null,
    writeSpeedup: writes?.speedup ?? null,
  };
  console.log(JSON.stringify({ benchmark: 'matching', machine, summary, engine, writes, writeError }));
  return writeError ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
