// `npm run bench:load`: 50 concurrent clients mixing lists, details and writes for 60 s against the API and
// worker as real processes, on a scratch database holding the demo world grown to 20,000 requests. Prints req/s,
// p50/p95/p99 per route, errors, API and worker peak RSS, and ends with one JSON line. Stays on 127.0.0.1.
// BENCH_CLIENTS, BENCH_SECONDS, BENCH_REQUESTS and BENCH_OFFERS change the defaults; --cpu-prof=DIR profiles both apps.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { appArguments, loadConfig } from '@app/config';
import { cpuSeconds, cpuSecondsOf, startSmtpSink } from './benchmarks/processes';
import { createDataSource, DEMO_PASSWORD, DEMO_USERS, dropDatabase, ensureDatabase, seedDemo, seedSyntheticWorld } from '@app/database';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const OFFERS = Number(process.env.BENCH_OFFERS ?? 2_000);
const root = path.resolve(__dirname, '../..');

type Route = 'list requests' | 'list offers' | 'list matches' | 'request detail' | 'offer detail' | 'create request' | 'create offer';

interface Client {
  role: string;
  token: string;
  /** Records this client may open (each role sees its own scope). */
  requestIds: string[];
  offerIds: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Peak resident set size of a process so far (Linux: VmHWM), in MB. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

// --cpu-prof=DIR: the API and the worker each write a V8 CPU profile there when they stop (open it in Chrome's DevTools).
const profileDir = process.argv.find((a) => a.startsWith('--cpu-prof='))?.slice('--cpu-prof='.length);

function start(kind: 'api' | 'worker', env: NodeJS.ProcessEnv): ChildProcess {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`, `--cpu-prof-name=${kind}.${process.pid}.cpuprofile`] : [];
  const proc = spawn(process.execPath, [...profile, ...appArguments(kind, path.join(root, 'dist'))], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let tail = '';
  proc.stderr.on('data', (d: Buffer) => (tail = (tail + d.toString()).slice(-2000)));
  proc.once('exit', (code) => {
    if (code && code !== 0 && code !== 143) console.error(`${kind} exited with ${code}: ${tail}`);
  });
  return proc;
}

async function waitReady(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready within 60 s`);
}

// The clients share the machine with the API, the worker and PostgreSQL: node:http on kept-alive sockets costs a
// fraction of fetch's CPU per call. They ask for compressed answers as a browser does and read them whole, undecoded.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function send(base: string, method: string, pathAndQuery: string, token: string, body?: unknown): Promise<number> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${pathAndQuery}`,
      {
        method,
        agent,
        timeout: 60_000,
        headers: {
          authorization: `Bearer ${token}`,
          'accept-encoding': 'gzip, deflate, br',
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'idempotency-key': randomUUID() } : {}),
        },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);

function requestBody(): Record<string, unknown> {
  return {
    title: `Load test: drafting the national control list ${randomUUID().slice(0, 8)}`,
    description: 'Expert help to draft a national list of dual-use goods aligned with the multilateral export control regimes.',
    provisions: ['OP3d'],
    domains: ['NUCLEAR', 'CHEMICAL'],
    assistanceTypes: ['LEGISLATIVE'],
    targetInstitutions: ['LICENSING'],
    priority: 'medium',
    languages: ['en'],
    visibility: 'providers',
  };
}

function offerBody(): Record<string, unknown> {
  return {
    title: `Load test: export control outreach ${randomUUID().slice(0, 8)}`,
    description: 'Legal and technical assistance on dual-use export controls, control lists and licensing practice.',
    programme: 'Load test',
    provisions: ['OP3d'],
    domains: ['NUCLEAR'],
    assistanceTypes: ['TRAINING'],
    targetInstitutions: ['LICENSING'],
    eligibleRegions: ['GLOBAL'],
    deliveryModes: ['VIRTUAL'],
    languages: ['en'],
    capacity: { engagements: 2 },
  };
}

/** The run's queue and counter keys, so nothing of it stays in Redis. */
async function dropQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(loadConfig().redis.REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Waits until every outbox event is processed and no matching work is outstanding, twice in a row; returns the ms it took. */
async function untilWorkerSettled(databaseUrl: string, timeoutMs = 600_000): Promise<number> {
  const ds = await createDataSource(databaseUrl).initialize();
  const start = performance.now();
  try {
    let quiet = 0;
    while (quiet < 2) {
      const [row]: { busy: number }[] = await ds.query(
        `SELECT (SELECT count(*) FROM outbox_events WHERE processed_at IS NULL) + (SELECT count(*) FROM matching_work)
              + (SELECT count(*) FROM notification_deliveries WHERE status IN ('pending', 'sending')) AS busy`,
      );
      quiet = Number(row.busy) === 0 ? quiet + 1 : 0;
      if (performance.now() - start > timeoutMs) throw new Error(`the worker still had ${row.busy} events or jobs after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return performance.now() - start;
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const url = new URL(loadConfig().database.DATABASE_URL);
  url.hostname = '127.0.0.1';
  url.pathname = `/bench_load_${process.pid}`;
  const prefix = `benchload${process.pid}`;
  await ensureDatabase(url.toString());
  const api: { proc?: ChildProcess } = {};
  const worker: { proc?: ChildProcess } = {};
  // The e-mails go to a server that takes them, as a deployment's would: with none listening, the start-up work's
  // e-mails (the seeded world's reminders) were each tried during the measured minute, failed and postponed.
  const smtp = await startSmtpSink();
  try {
    const ds = await createDataSource(url.toString()).initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      await seedDemo(ds);
      const t = performance.now();
      await seedSyntheticWorld(ds, { requests: REQUESTS, offers: OFFERS, seed: 1540 });
      // A database in service has been vacuumed by autovacuum since its rows came in: its visibility map is set, so
      // counts can read an index alone. A freshly loaded one has none set, and autovacuum would start on it at some
      // moment of the measured minute.
      await ds.query('VACUUM ANALYZE');
      console.log(`Seeded ${REQUESTS} synthetic requests and ${OFFERS} offers in ${Math.round((performance.now() - t) / 1000)} s`);
    } finally {
      await ds.destroy();
    }

    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      SESSION_SECRET: randomUUID() + randomUUID(),
      DATABASE_URL: url.toString(),
      QUEUE_PREFIX: prefix,
      PORT: String(port),
      WORKER_HEALTH_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      SMTP_URL: smtp.url,
      MAIL_CATCHER: 'off',
      DEMO_SMTP_PORT: String(await freePort()),
      // The benchmark measures capacity, not the per-session and per-address limits (all clients share 127.0.0.1).
      RATE_LIMIT_SESSION_PER_MINUTE: '1000000',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '1000000',
    };
    api.proc = start('api', env);
    worker.proc = start('worker', env);
    const base = `http://127.0.0.1:${port}`;
    await waitReady(`${base}/health/ready`);
    await waitReady(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health/ready`);
    // A freshly started worker first works through what the seeded world has due (reminders, digests, their e-mails):
    // the load is measured on the steady state after it, and the start-up work is reported on its own.
    const settled = await untilWorkerSettled(url.toString());
    console.log(`The worker's start-up work (the seeded world's due events and their e-mails) took ${(settled / 1000).toFixed(1)} s`);

    const ids = async (what: 'requests' | 'offers', token: string) =>
      (((await (await fetch(`${base}/api/v1/${what}?pageSize=100`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: string }[] }).items).map((x) => x.id);
    const clients: Client[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const user = DEMO_USERS[i % DEMO_USERS.length];
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: DEMO_PASSWORD }),
      });
      if (!res.ok) throw new Error(`sign-in as ${user.email}: ${res.status}`);
      const token = ((await res.json()) as { token: string }).token;
      clients.push({ role: user.role, token, requestIds: await ids('requests', token), offerIds: await ids('offers', token) });
    }

    const latencies = new Map<Route, number[]>();
    const errors = new Map<Route, number>();
    const failures = new Map<string, number>();
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)];

    // What a signed-in person does most: browse lists, open records, now and then create something.
    function nextCall(client: Client): { route: Route; method: string; path: string; body?: unknown } {
      const r = Math.random();
      const writes = client.role === 'agency_coordinator' || client.role === 'agency_member' ? 'create request' : client.role === 'provider_member' ? 'create offer' : null;
      if (r < 0.1 && writes === 'create request') return { route: writes, method: 'POST', path: '/api/v1/requests', body: requestBody() };
      if (r < 0.1 && writes === 'create offer') return { route: writes, method: 'POST', path: '/api/v1/offers', body: offerBody() };
      if (r < 0.4) return { route: 'list requests', method: 'GET', path: `/api/v1/requests?pageSize=20&page=${1 + Math.floor(Math.random() * 20)}` };
      if (r < 0.55) return { route: 'list offers', method: 'GET', path: `/api/v1/offers?pageSize=20&page=${1 + Math.floor(Math.random() * 10)}` };
      if (r < 0.65) return { route: 'list matches', method: 'GET', path: '/api/v1/matches?pageSize=20' };
      if (r < 0.85) return { route: 'request detail', method: 'GET', path: `/api/v1/requests/${pick(client.requestIds)}` };
      return { route: 'offer detail', method: 'GET', path: `/api/v1/offers/${pick(client.offerIds)}` };
    }

    let apiPeak = 0;
    let workerPeak = 0;
    const sampler = setInterval(() => {
      apiPeak = Math.max(apiPeak, peakRssMb(api.proc?.pid) ?? 0);
      workerPeak = Math.max(workerPeak, peakRssMb(worker.proc?.pid) ?? 0);
    }, 1000);

    // Where the CPU went during the run: each process's user + system seconds, before and after.
    const cpu = () => ({
      api: cpuSeconds(api.proc?.pid),
      worker: cpuSeconds(worker.proc?.pid),
      postgres: cpuSecondsOf('postgres'),
      redis: cpuSecondsOf('redis-server'),
      clients: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    });
    const cpuBefore = cpu();
    const started = performance.now();
    const until = started + SECONDS * 1000;
    let total = 0;
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < until) {
          const call = nextCall(client);
          const t = performance.now();
          // What a failed call answered: its status code, or `no answer` (refused, reset, timed out).
          let failure: string | null = null;
          try {
            const status = await send(base, call.method, call.path, client.token, call.body);
            if (status < 200 || status >= 300) failure = String(status);
          } catch {
            failure = 'no answer';
          }
          const list = latencies.get(call.route) ?? [];
          list.push(performance.now() - t);
          latencies.set(call.route, list);
          if (failure) {
            errors.set(call.route, (errors.get(call.route) ?? 0) + 1);
            failures.set(failure, (failures.get(failure) ?? 0) + 1);
          }
          total++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = cpu();
    const cpuUsed = Object.fromEntries(
      (Object.keys(cpuBefore) as (keyof typeof cpuBefore)[]).map((k) => [k, Math.round((cpuAfter[k] - cpuBefore[k]) * 10) / 10]),
    ) as Record<keyof typeof cpuBefore, number>;
    clearInterval(sampler);
    apiPeak = Math.max(apiPeak, peakRssMb(api.proc?.pid) ?? 0);
    workerPeak = Math.max(workerPeak, peakRssMb(worker.proc?.pid) ?? 0);

    const routes = [...latencies.entries()].map(([route, xs]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return {
        route,
        count: xs.length,
        p50: Math.round(quantile(sorted, 0.5)),
        p95: Math.round(quantile(sorted, 0.95)),
        p99: Math.round(quantile(sorted, 0.99)),
        errors: errors.get(route) ?? 0,
      };
    });
    routes.sort((a, b) => b.count - a.count);
    const errorCount = routes.reduce((sum, r) => sum + r.errors, 0);
    console.log(`${CLIENTS} clients for ${Math.round(elapsed)} s: ${total} calls, ${(total / elapsed).toFixed(1)} req/s, ${errorCount} errors`);
    console.log('route            calls   p50 ms   p95 ms   p99 ms   errors');
    for (const r of routes) {
      console.log(`${r.route.padEnd(16)} ${String(r.count).padStart(5)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(8)}`);
    }
    if (failures.size) console.log(`Failed calls by answer: ${[...failures].map(([answer, n]) => `${answer} ×${n}`).join(', ')}`);
    console.log(`Peak RSS: API ${apiPeak} MB, worker ${workerPeak} MB`);
    const cpuTotal = Object.values(cpuUsed).reduce((a, b) => a + b, 0);
    console.log(
      `CPU during the run: ${Object.entries(cpuUsed)
        .map(([k, v]) => `${k} ${v.toFixed(1)} s (${((v * 1000) / Math.max(1, total)).toFixed(1)} ms a call)`)
        .join(', ')}; ${(cpuTotal / elapsed).toFixed(2)} cores busy on average`,
    );
    console.log(
      JSON.stringify({
        clients: CLIENTS,
        seconds: Math.round(elapsed),
        requests: REQUESTS,
        calls: total,
        reqPerSecond: Math.round((total / elapsed) * 10) / 10,
        errors: errorCount,
        failures: Object.fromEntries(failures),
        routes,
        apiPeakRssMb: apiPeak,
        workerPeakRssMb: workerPeak,
        cpuSeconds: cpuUsed,
      }),
    );
  } finally {
    for (const p of [api.proc, worker.proc]) if (p && p.exitCode === null) p.kill('SIGTERM');
    await Promise.all([api.proc, worker.proc].flatMap((p) => (p && p.exitCode === null ? [new Promise((r) => p.once('exit', r))] : [])));
    await dropDatabase(url.toString()).catch((err: Error) => console.error(`could not drop ${url.pathname}: ${err.message}`));
    await dropQueueKeys(prefix).catch((err: Error) => console.error(`could not delete the ${prefix} queue keys: ${err.message}`));
    await smtp.close();
  }
}

main().catch((err: Error) => {
  console.error(err.stack);
  process.exit(1);
});
