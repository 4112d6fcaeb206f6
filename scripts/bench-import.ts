// `npm run build:server && node dist/scripts/bench-import.js [--mb=45] [--heap-mb=N]`: the API's memory while it imports one
// large exchange document (docs/data-exchange.md). On a scratch database it starts the built API as a process,
// signs in as the demo administrator, posts a document of about `mb` megabytes (one State agency, requests with
// long descriptions, three history entries each) and samples the API's resident memory (/proc/<pid>/status,
// Linux) every 50 ms. `--heap-mb` caps the API's V8 old space (--max-old-space-size): RSS grows with garbage not
// yet collected, so a cap shows whether the import needs the memory or only had it. Prints one JSON line.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadConfig, loadEnvFile } from '@app/config';
import { createDataSource, DEMO_PASSWORD, dropDatabase, ensureDatabase, seedDemoOrganizations } from '@app/database';
import * as fixtures from '../apps/api/src/data-exchange/import-fixtures.helper';
import { spawnReady } from './benchmarks/processes';

const MB = 1024 * 1024;

/** Resident memory of a process; 0 once it is gone. */
function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** A valid a1540-exchange document of about `megabytes` MB, from the import specs' own record builders. */
function document(megabytes: number): string {
  const words = ['border', 'licensing', 'control', 'list', 'customs', 'training', 'export', 'strategic', 'goods', 'officers'];
  const text = (n: number) => Array.from({ length: n }, (_, i) => words[(i * 7 + n) % words.length]).join(' ');
  const agency = fixtures.organization({ name: `Import bench agency ${randomBytes(3).toString('hex')}`, shortName: 'Bench' });
  const requests: object[] = [];
  const history: object[] = [];
  let size = 0;
  for (let seq = 1; size < megabytes * MB; seq++) {
    const request = fixtures.request(agency.id, seq, {
      reference: `KAZ-2031-${String(seq).padStart(3, '0')}`,
      title: `Border control training ${seq}`,
      description: `${text(550)} ${seq}`,
    });
    const entries = ['create', 'submit', 'note'].map((action) =>
      fixtures.historyEntry('request', request.id, { action, fromStatus: null, toStatus: null, comment: text(20), details: { seq } }),
    );
    requests.push(request);
    history.push(...entries);
    size += JSON.stringify(request).length + entries.reduce((n, e) => n + JSON.stringify(e).length, 0);
  }
  return JSON.stringify({ format: 'a1540-exchange', formatVersion: 1, exportedAt: new Date().toISOString(), organizations: [agency], requests, history });
}

async function main(): Promise<void> {
  loadEnvFile();
  const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const megabytes = Number(option('mb') ?? 45);
  const heapMb = option('heap-mb');
  const config = loadConfig();
  const tag = `${process.pid}${randomBytes(2).toString('hex')}`;
  const url = new URL(config.database.DATABASE_URL);
  url.pathname = `/assistance_bench_import_${tag}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  let api: ChildProcess | null = null;
  try {
    const ds = await createDataSource(databaseUrl).initialize();
    await ds.runMigrations({ transaction: 'each' });
    await seedDemoOrganizations(ds);
    await ds.destroy();

    const body = document(megabytes);
    const started = await spawnReady('api', {
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `benchi${tag}`,
      MAIL_CATCHER: 'off',
      LOG_LEVEL: 'warn',
      ...(heapMb ? { NODE_OPTIONS: `--max-old-space-size=${heapMb}` } : {}),
    });
    api = started.child;
    const login = await fetch(`${started.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@committee.example', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    await new Promise((r) => setTimeout(r, 2000));
    const before = rssMb(api.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(api!.pid!))), 50);
    const t0 = Date.now();
    type Answer = { imported?: Record<string, number>; message?: string };
    const outcome: { status: number; answer: Answer } = await fetch(`${started.base}/api/v1/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    }).then(
      async (res) => ({ status: res.status, answer: (await res.json()) as Answer }),
      (err: Error) => ({ status: 0, answer: { message: `no answer (${err.message}); the API ${api!.exitCode === null ? 'runs' : 'died'}` } }),
    );
    const seconds = (Date.now() - t0) / 1000;
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 2000));
    const after = rssMb(api.pid!);
    const result = {
      benchmark: 'import-memory',
      heapCapMb: heapMb ? Number(heapMb) : null,
      status: outcome.status,
      bodyMb: Math.round((Buffer.byteLength(body) / MB) * 10) / 10,
      imported: outcome.answer.imported ?? outcome.answer.message,
      seconds: Math.round(seconds * 10) / 10,
      rssBeforeMb: Math.round(before),
      rssPeakMb: Math.round(peak),
      rssGrowthMb: Math.round(peak - before),
      rssAfterMb: Math.round(after),
    };
    console.log(`${result.bodyMb} MB document → ${outcome.status} in ${result.seconds} s; API resident memory ${result.rssBeforeMb} MB before, peak ${result.rssPeakMb} MB (+${result.rssGrowthMb} MB), ${result.rssAfterMb} MB after`);
    console.log(JSON.stringify(result));
  } finally {
    api?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await dropDatabase(databaseUrl).catch(() => undefined);
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
