// `npm run bench:rescore` (issue 16, goals 1 and 6): the real worker process rescoring a synthetic world of
// 20,000 requests × 2,000 offers end to end, on a scratch database and queue prefix (loopback only):
//   1. full rescore with one worker — from the committed `matching.rescore_requested` event to the run's
//      `completed` — wall time, rows written, the worker's peak RSS (VmHWM);
//   2. head of line: 1,000 notification events (offer-expiry reminders, each with its e-mails) queued first, then
//      a rescore: how long it waited before it started;
//   3. two worker processes against one (the rescore fans out as chunk jobs any worker takes), interleaved:
//      one, two, one;
//   4. the write path alone (MatchWriter.replaceSuggestions, chunk by chunk as the worker calls it) against a
//      plain COPY of the same rows into a copy of `matches` with all its indexes, both in this run.
// The seeded world is kept as a template database (<name>_bench_rescore_tmpl_<requests>_<offers>_<seed>) and
// cloned for each run; --fresh-world drops and seeds it again.
// Prints readable figures, then one line of JSON. Options: --requests= --offers= --seed= --burst= --fresh-world --cpu-prof=DIR --worker-args="NODE OPTIONS"
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { loadConfig, loadEnvFile } from '@app/config';
import { createDataSource, dropDatabase, seedSyntheticWorld } from '@app/database';
import { componentsFromStored, DEFAULT_WEIGHTS_PROFILE, storedComponentsJson, type MatchResult } from '@app/matching';
import { copyPieces, copyText, MatchWriter } from '../apps/worker/src/matching/match-writer.service';
import { RESCORE_CHUNK_SIZE } from '../apps/worker/src/matching/matching.processor';
import { cloneDatabase, cpuSeconds, cpuSecondsOf, dropQueuePrefix, peakRssMiB, scratchDatabaseUrl, spawnReady, startSmtpSink, stopChild } from './benchmarks/processes';

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const REQUESTS = flag('requests', 20_000);
const OFFERS = flag('offers', 2_000);
const SEED = flag('seed', 1540);
const BURST = flag('burst', 1_000);
const RUN_TIMEOUT_MS = 300_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (start: number) => performance.now() - start;

interface RescoreRun {
  wallMs: number;
  rows: number;
  requests: number;
  /** From the event's commit to the start job's first statement. */
  waitMs: number;
}

/** What the API's POST /matching/rescore commits: the run and its event (the workers' outbox poller relays it). */
async function requestRescore(ds: DataSource): Promise<string> {
  return ds.transaction(async (m) => {
    const [{ id }] = await m.query(`INSERT INTO rescore_runs (trigger) VALUES ('manual') RETURNING id`);
    await m.query(
      `INSERT INTO outbox_events (type, subject_type, subject_id, payload) VALUES ('matching.rescore_requested', 'rescore', $1, '{"trigger":"manual"}')`,
      [id],
    );
    return id as string;
  });
}

/** Requests a full rescore and waits (polling every 20 ms) for its run to complete. */
async function fullRescore(ds: DataSource): Promise<RescoreRun> {
  const start = performance.now();
  const id = await requestRescore(ds);
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const [run] = await ds.query(
      `SELECT r.status, r.requests, extract(epoch FROM (r.started_at - e.created_at)) * 1000 AS wait_ms
         FROM rescore_runs r JOIN outbox_events e ON e.subject_id = r.id WHERE r.id = $1`,
      [id],
    );
    if (run.status === 'completed') {
      const wallMs = ms(start);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM matches WHERE origin = 'engine' AND status = 'suggested'`);
      return { wallMs, rows: n, requests: run.requests, waitMs: Number(run.wait_ms) };
    }
    if (run.status === 'failed' || Date.now() > deadline) throw new Error(`rescore ${id} ended ${run.status}`);
    await sleep(20);
  }
}

/** Back to the seeded state: no matches, no first-suggestion stamps. */
async function resetMatches(ds: DataSource): Promise<void> {
  await ds.query(`TRUNCATE matches, request_first_suggestions`);
  await ds.query(`VACUUM ANALYZE matches`);
}

/** Waits until every outbox event is processed (e-mails may still be going out, or wait for a digest). */
async function drain(ds: DataSource): Promise<void> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const [{ events }] = await ds.query(`SELECT count(*)::int AS events FROM outbox_events WHERE processed_at IS NULL`);
    if (!events) return;
    await sleep(200);
  }
  throw new Error('the events queue did not drain');
}

/**
 * A burst of `n` offer-expiry reminders (notification-only events; each e-mails the offer's provider) enqueued,
 * then a rescore: its wait from commit to start.
 */
async function headOfLine(ds: DataSource, n: number): Promise<{ waitMs: number; burst: number; queued: number; burstLeftWhenStarted: number; run: RescoreRun }> {
  await ds.query(
    `INSERT INTO outbox_events (type, subject_type, subject_id, payload)
     SELECT 'reminder.offer_expiring', 'offer', o.id, jsonb_build_object('subjectKey', 'bench:' || g, 'availableUntil', '2027-01-31')
       FROM generate_series(1, $1::int) g
       JOIN LATERAL (SELECT id FROM assistance_offers ORDER BY id OFFSET (g % 2000) LIMIT 1) o ON true`,
    [n],
  );
  // "Queued first": the whole burst is in Redis before the rescore is asked for.
  const deadline = Date.now() + 60_000;
  while ((await ds.query(`SELECT count(*)::int AS n FROM outbox_events WHERE enqueued_at IS NULL`))[0].n > 0) {
    if (Date.now() > deadline) throw new Error('the burst was not relayed');
    await sleep(20);
  }
  const [{ queued }] = await ds.query(`SELECT count(*)::int AS queued FROM outbox_events WHERE processed_at IS NULL`);
  const run = await fullRescore(ds);
  const [{ left }] = await ds.query(
    `SELECT count(*)::int AS left FROM outbox_events e, rescore_runs r
      WHERE e.type LIKE 'reminder.%' AND (e.processed_at IS NULL OR e.processed_at > r.started_at) AND r.id = (SELECT id FROM rescore_runs ORDER BY created_at DESC LIMIT 1)`,
  );
  await drain(ds);
  return { waitMs: run.waitMs, burst: n, queued, burstLeftWhenStarted: left, run };
}

/** Every engine suggestion as the writer takes it, grouped by request id in id order. */
async function suggestionRows(ds: DataSource): Promise<MatchResult[]> {
  const rows: {
    request_id: string;
    offer_id: string;
    score: number;
    components: unknown;
    reason: string;
    reason_parts: MatchResult['reasonParts'] | null;
  }[] = await ds.query(
    `SELECT request_id, offer_id, score, components, reason, reason_parts FROM matches WHERE origin = 'engine' AND status = 'suggested' ORDER BY request_id, score DESC`,
  );
  return rows.map((r) => ({
    requestId: r.request_id,
    offerId: r.offer_id,
    score: r.score,
    components: componentsFromStored(r.components),
    reason: r.reason,
    reasonParts: r.reason_parts ?? undefined,
  }));
}

/**
 * MatchWriter.replaceSuggestions over the rows, RESCORE_CHUNK_SIZE requests per call: into an empty `matches` (a first
 * scoring), or with `again`, over the rows it holds already (a rescore that finds the same scores).
 */
async function writePath(ds: DataSource, rows: MatchResult[], again = false): Promise<number> {
  if (!again) await resetMatches(ds);
  const writer = new MatchWriter(ds);
  const start = performance.now();
  for (let i = 0; i < rows.length;) {
    const ids: string[] = [];
    let j = i;
    while (j < rows.length && (ids.length < RESCORE_CHUNK_SIZE || rows[j].requestId === ids[ids.length - 1])) {
      if (rows[j].requestId !== ids[ids.length - 1]) ids.push(rows[j].requestId);
      j++;
    }
    await writer.replaceSuggestions(ids, rows.slice(i, j), DEFAULT_WEIGHTS_PROFILE.version);
    i = j;
  }
  return ms(start);
}

/** A plain COPY of the same rows (every column the writer sets) into a copy of `matches` with all its indexes. */
async function plainCopy(ds: DataSource, rows: MatchResult[]): Promise<number> {
  await ds.query(`DROP TABLE IF EXISTS matches_copy_bench`);
  await ds.query(`CREATE TABLE matches_copy_bench (LIKE matches INCLUDING ALL)`);
  const runner = ds.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    const start = performance.now();
    const now = new Date().toISOString();
    // Encoded as the writer encodes its rows (copyPieces), so both sides pay the same.
    const line = (r: MatchResult) =>
      `${r.requestId}\t${r.offerId}\t${r.score}\t${copyText(storedComponentsJson(r.components))}\t${copyText(r.reason)}\t${r.reasonParts ? copyText(JSON.stringify(r.reasonParts)) : '\\N'}\t${DEFAULT_WEIGHTS_PROFILE.version}\t${now}\tengine\tsuggested\t1\n`;
    await pipeline(
      Readable.from(copyPieces(rows, line, 1000)),
      client.query(copyFrom(`COPY matches_copy_bench (request_id, offer_id, score, components, reason, reason_parts, weights_version, scored_at, origin, status, version) FROM STDIN`)),
    );
    return ms(start);
  } finally {
    await runner.release();
    await ds.query(`DROP TABLE IF EXISTS matches_copy_bench`);
  }
}

async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const tag = `${process.pid}${randomBytes(2).toString('hex')}`;
  const databaseUrl = scratchDatabaseUrl(config.database.DATABASE_URL, `bench_rescore_${tag}`);
  const prefix = `benchr${tag}`;
  const log = (line: string) => console.log(line);
  const sink = await startSmtpSink();
  const workers: ChildProcess[] = [];
  const template = `${decodeURIComponent(new URL(config.database.DATABASE_URL).pathname.slice(1)) || 'assistance'}_bench_rescore_tmpl_${REQUESTS}_${OFFERS}_${SEED}`.slice(0, 63);
  if (process.argv.includes('--fresh-world')) {
    const templateUrl = new URL(databaseUrl);
    templateUrl.pathname = `/${template}`;
    await dropDatabase(templateUrl.toString());
  }
  const seedStart = performance.now();
  const { built } = await cloneDatabase(databaseUrl, template, async (templateUrl) => {
    const seeding = await createDataSource(templateUrl).initialize();
    try {
      await seeding.runMigrations({ transaction: 'each' });
      await seedSyntheticWorld(seeding, { requests: REQUESTS, offers: OFFERS, seed: SEED });
      await seeding.query('VACUUM ANALYZE');
    } finally {
      await seeding.destroy();
    }
  });
  const ds = await createDataSource(databaseUrl).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; node ${process.version}`);
    log(`${built ? 'seeded' : 'cloned'} ${REQUESTS} requests × ${OFFERS} offers in ${(ms(seedStart) / 1000).toFixed(1)} s (template ${template})`);

    // --cpu-prof=DIR: each worker writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
    const profileDir = process.argv.find((a) => a.startsWith('--cpu-prof='))?.slice('--cpu-prof='.length);
    const env: Record<string, string> = { DATABASE_URL: databaseUrl, QUEUE_PREFIX: prefix, SMTP_URL: sink.url, MAIL_CATCHER: 'off', LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '100' };
    // --worker-args="…": more node options for the workers (e.g. a heap limit), space-separated.
    const workerArgs = process.argv.find((a) => a.startsWith('--worker-args='))?.slice('--worker-args='.length).split(' ').filter(Boolean) ?? [];
    const nodeArgs = [...workerArgs, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
    const first = await spawnReady('worker', env, nodeArgs);
    workers.push(first.child);

    // 1. Head of line, on a cold worker (it builds its engine in the first chunk, as after a deploy). A freshly
    //    started worker also sends the seeded world's due reminders: they are in the events queue too.
    const hol = await headOfLine(ds, BURST);
    const cold = hol.run;
    log(`full rescore, one worker (cold, behind the burst): ${cold.requests} open requests → ${cold.rows} rows in ${(cold.wallMs / 1000).toFixed(2)} s`);
    log(`head of line: a rescore behind ${hol.burst} queued reminder events (${hol.queued} events queued in all) waited ${hol.waitMs.toFixed(0)} ms to start (${hol.burstLeftWhenStarted} of them not yet handled then)`);

    // 3. One worker warm, two workers, one worker again (interleaved). Each run also reports where the CPU went:
    //    the workers' and PostgreSQL's user + system seconds over the run's wall time (cores busy on average).
    const cpu = () => ({ workers: workers.reduce((sum, w) => sum + cpuSeconds(w.pid), 0), postgres: cpuSecondsOf('postgres') });
    const measured = async (label: string): Promise<RescoreRun & { cores: { workers: number; postgres: number } }> => {
      const before = cpu();
      const run = await fullRescore(ds);
      const after = cpu();
      const cores = { workers: (after.workers - before.workers) / (run.wallMs / 1000), postgres: (after.postgres - before.postgres) / (run.wallMs / 1000) };
      log(`  ${label}: ${(run.wallMs / 1000).toFixed(2)} s; cores busy on average: worker process(es) ${cores.workers.toFixed(2)}, PostgreSQL ${cores.postgres.toFixed(2)}, together ${(cores.workers + cores.postgres).toFixed(2)} of ${cpus().length}`);
      return { ...run, cores };
    };
    await resetMatches(ds);
    const one1 = await measured('one worker');
    const second = await spawnReady('worker', env, nodeArgs);
    workers.push(second.child);
    await resetMatches(ds);
    await fullRescore(ds); // the second worker builds its engine
    await resetMatches(ds);
    const two = await measured('two workers');
    await stopChild(second.child);
    workers.pop();
    await resetMatches(ds);
    const one2 = await measured('one worker');
    // A rescore of a world already scored (the matches kept): every chunk takes the staging path and finds the same
    // scores, as a rescore after a weights change that moves little would.
    const again = await measured('one worker, matches kept (a rescore of a scored world)');
    const oneMs = (one1.wallMs + one2.wallMs) / 2;
    const speedup = oneMs / two.wallMs;
    log(`one worker (warm): ${(one1.wallMs / 1000).toFixed(2)} / ${(one2.wallMs / 1000).toFixed(2)} s; two workers: ${(two.wallMs / 1000).toFixed(2)} s → ${speedup.toFixed(2)}×`);
    const peakRss = peakRssMiB(first.child.pid!);
    log(`worker peak RSS (VmHWM): ${peakRss.toFixed(0)} MiB`);

    // 4. The write path against COPY, same rows, same database.
    const rows = await suggestionRows(ds);
    const writeMs = await writePath(ds, rows);
    const againMs = await writePath(ds, rows, true);
    const copyMs = await plainCopy(ds, rows);
    const writeRowsPerSec = rows.length / (writeMs / 1000);
    const copyRowsPerSec = rows.length / (copyMs / 1000);
    log(
      `write path ${rows.length} rows: ${(writeMs / 1000).toFixed(2)} s (${writeRowsPerSec.toFixed(0)} rows/s); plain COPY into a copy of matches with its indexes: ${(copyMs / 1000).toFixed(2)} s (${copyRowsPerSec.toFixed(0)} rows/s) → ${(writeRowsPerSec / copyRowsPerSec).toFixed(2)}× COPY`,
    );
    log(`write path again over the same rows (every pair there, scored the same: staged, compared, nothing rewritten): ${(againMs / 1000).toFixed(2)} s`);

    const wallMs = Math.min(one1.wallMs, one2.wallMs);
    console.log(
      JSON.stringify({
        benchmark: 'rescore',
        fullRescore: {
          requests: one1.requests,
          offers: OFFERS,
          rows: one1.rows,
          wallMs: Math.round(wallMs),
          coldWallMs: Math.round(cold.wallMs),
          againWallMs: Math.round(again.wallMs),
          writeRowsPerSec: Math.round(writeRowsPerSec),
          copyRowsPerSec: Math.round(copyRowsPerSec),
          writeAgainMs: Math.round(againMs),
          ratioToCopy: Number((writeRowsPerSec / copyRowsPerSec).toFixed(3)),
          peakRssMiB: Math.round(peakRss),
        },
        twoWorkers: {
          speedup: Number(speedup.toFixed(3)),
          oneWorkerMs: Math.round(oneMs),
          twoWorkersMs: Math.round(two.wallMs),
          coresBusyOneWorker: Number(((one1.cores.workers + one1.cores.postgres + one2.cores.workers + one2.cores.postgres) / 2).toFixed(2)),
          coresBusyTwoWorkers: Number((two.cores.workers + two.cores.postgres).toFixed(2)),
        },
        headOfLine: { waitMs: Math.round(hol.waitMs), burst: hol.burst, queuedEvents: hol.queued },
      }),
    );
  } finally {
    for (const w of workers) await stopChild(w);
    await ds.destroy();
    await dropDatabase(databaseUrl);
    await dropQueuePrefix(config.redis.REDIS_URL, prefix);
    await sink.close();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.stack);
    process.exit(1);
  },
);
