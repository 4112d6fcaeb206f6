// `npm run bench:reports`: times GET /reports/summary's SQL on the demo world, then on the same database with a
// synthetic world of 20,000 requests added (growth: how much slower the summary gets with the data), and against a
// baseline computing the same time-to-X medians in Node from the raw rows, in one process. Ends with a JSON line
// whose `summary` key holds {bigMedianMs, smallMedianMs, growth}.
import { performance } from 'node:perf_hooks';
import { SystemClock } from '@app/common';
import { loadConfig } from '@app/config';
import { createDataSource, dropDatabase, ensureDatabase, seedDemo, seedSyntheticWorld } from '@app/database';
import { ReportsService } from '../apps/api/src/reports/reports.service';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const OFFERS = Number(process.env.BENCH_OFFERS ?? 2_000);
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One warm-up call, then RUNS timed ones. */
async function timeSummary(reports: ReportsService) {
  let summary = await reports.summary({});
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    summary = await reports.summary({});
    times.push(performance.now() - t);
  }
  return { times, summary };
}

async function main(): Promise<void> {
  const url = new URL(loadConfig().database.DATABASE_URL);
  url.pathname = `/bench_reports_${process.pid}`;
  await ensureDatabase(url.toString());
  const ds = await createDataSource(url.toString()).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedDemo(ds);
    await ds.query('ANALYZE');
    const small = await timeSummary(new ReportsService(ds, new SystemClock()));
    const seeded = await seedSyntheticWorld(ds, { requests: REQUESTS, offers: OFFERS, seed: 1540 });
    await ds.query('ANALYZE');
    const reports = new ReportsService(ds, new SystemClock());

    const { times: sqlTimes, summary } = await timeSummary(reports);

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
    console.log(`Summary over ${figures.requests} submitted requests and ${figures.offers} offers: median ${figures.summaryMedianMs} ms (${RUNS} runs)`);
    console.log(`Baseline (rows to Node, four medians only): median ${figures.baselineMedianMs} ms — ${figures.baselineOverSummary}× the summary's time`);
    const growth = Math.round((median(sqlTimes) / median(small.times)) * 10) / 10;
    console.log(`Demo world (${small.summary.requests.total} requests): median ${Math.round(median(small.times))} ms; at ${figures.requests}: ${growth}× that`);
    console.log(
      JSON.stringify({
        summary: { bigMedianMs: figures.summaryMedianMs, smallMedianMs: Math.round(median(small.times) * 10) / 10, growth },
        ...figures,
      }),
    );
  } finally {
    await ds.destroy();
    await dropDatabase(url.toString());
  }
}

main().catch((err: Error) => {
  console.error(err.stack);
  process.exit(1);
});
