// `npm run bench:reports`: times GET /reports/summary's SQL on two databases of the same server, the demo world
// and the demo world with a synthetic world of 20,000 requests added, the two interleaved call by call so that the
// machine's load weighs on both alike (growth: how much slower the summary gets with the data), and against a
// baseline computing the same time-to-X medians in Node from the raw rows, in one process. Ends with a JSON line
// whose `summary` key holds {bigMedianMs, smallMedianMs, growth}.
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { SystemClock } from '@app/common';
import { loadConfig } from '@app/config';
import { createDataSource, dropDatabase, ensureDatabase, seedDemo, seedSyntheticWorld } from '@app/database';
import { ReportsService, type Summary } from '../apps/api/src/reports/reports.service';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const OFFERS = Number(process.env.BENCH_OFFERS ?? 2_000);
const RUNS = 9;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const result = await run();
  return [result, performance.now() - t];
}

interface Scratch {
  url: string;
  ds?: DataSource;
}

/** A scratch database named `<base>_<suffix>`, migrated and seeded with the demo world; listed in `scratch` first, so it is dropped whatever fails. */
async function demoDatabase(suffix: string, scratch: Scratch[]): Promise<DataSource> {
  const url = new URL(loadConfig().database.DATABASE_URL);
  url.pathname = `/bench_reports_${process.pid}_${suffix}`;
  const entry: Scratch = { url: url.toString() };
  scratch.push(entry);
  await ensureDatabase(entry.url);
  const ds = (entry.ds = await createDataSource(entry.url).initialize());
  await ds.runMigrations({ transaction: 'each' });
  await seedDemo(ds);
  return ds;
}

async function main(): Promise<void> {
  const scratch: Scratch[] = [];
  try {
    const small = await demoDatabase('demo', scratch);
    const ds = await demoDatabase('big', scratch);
    const seeded = await seedSyntheticWorld(ds, { requests: REQUESTS, offers: OFFERS, seed: 1540 });
    // The state autovacuum leaves a database in (statistics, visibility map, hint bits), so that it does not start on
    // the freshly seeded tables while the calls are timed.
    await small.query('VACUUM ANALYZE');
    await ds.query('VACUUM ANALYZE');
    const smallReports = new ReportsService(small, new SystemClock());
    const reports = new ReportsService(ds, new SystemClock());

    // One warm-up call each, then RUNS pairs: the demo world's call, then the big world's.
    await smallReports.summary({});
    await reports.summary({});
    const smallTimes: number[] = [];
    const sqlTimes: number[] = [];
    let smallSummary!: Summary;
    let summary!: Summary;
    for (let i = 0; i < RUNS; i++) {
      let ms: number;
      [smallSummary, ms] = await timed(() => smallReports.summary({}));
      smallTimes.push(ms);
      [summary, ms] = await timed(() => reports.summary({}));
      sqlTimes.push(ms);
    }

    // Baseline: fetch the history rows and compute the same five medians in application code.
    const baseTimes: number[] = [];
    let baselineMedian: number | null = null;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const rows: { subject_id: string; action: string; created_at: Date }[] = await ds.query(
        `SELECT subject_id, action, created_at FROM history_entries WHERE subject_type = 'request'`,
      );
      const first = new Map<string, Record<string, number>>();
      for (const r of rows) {
        const m = first.get(r.subject_id) ?? {};
        const at = new Date(r.created_at).getTime();
        if (!(r.action in m) || at < m[r.action]) m[r.action] = at;
        first.set(r.subject_id, m);
      }
      const days = (to: string) =>
        [...first.values()].filter((m) => m.submit && m[to]).map((m) => (m[to] - m.submit) / 86400_000);
      const medians = ['acknowledge', 'circulate', 'match_agreed', 'mark_delivered'].map((a) => median(days(a)));
      baselineMedian = medians[2] ?? null;
      baseTimes.push(performance.now() - t);
    }
    const figures = {
      requests: summary.requests.total,
      syntheticRequests: seeded.requests,
      offers: summary.offers.total,
      summaryMedianMs: Math.round(median(sqlTimes)),
      baselineMedianMs: Math.round(median(baseTimes)),
      baselineOverSummary: Math.round((median(baseTimes) / median(sqlTimes)) * 100) / 100,
      medianDaysToAgreedMatch: summary.timeToDays.agreedMatch.medianDays,
      baselineMedianDaysToAgreedMatch: baselineMedian === null ? null : Math.round(baselineMedian * 10) / 10,
    };
    console.log(
      `Summary over ${figures.requests} submitted requests and ${figures.offers} offers: median ${figures.summaryMedianMs} ms (${RUNS} runs)`,
    );
    console.log(
      `Baseline (rows to Node, four medians only): median ${figures.baselineMedianMs} ms — ${figures.baselineOverSummary}× the summary's time`,
    );
    const growth = Math.round((median(sqlTimes) / median(smallTimes)) * 10) / 10;
    const smallMedianMs = Math.round(median(smallTimes) * 10) / 10;
    console.log(
      `Demo world (${smallSummary.requests.total} requests), interleaved with it: median ${smallMedianMs} ms; at ${figures.requests}: ${growth}× that`,
    );
    console.log(
      JSON.stringify({
        summary: { bigMedianMs: figures.summaryMedianMs, smallMedianMs, growth },
        ...figures,
      }),
    );
  } finally {
    for (const { url, ds } of scratch) {
      await ds?.destroy();
      await dropDatabase(url);
    }
  }
}

main().catch((err: Error) => {
  console.error(err.stack);
  process.exit(1);
});
