// `npm run faults`: the platform under steady write load while its dependencies fail, one fault at a time.
//
// Starts its own PostgreSQL cluster (initdb on a free port under a temporary directory), its own Redis, an SMTP
// sink it can stop and start, the built API and worker, all on 127.0.0.1. For each fault it runs a bounded write
// load over HTTP, breaks something, and then checks in PostgreSQL and in the sink that every committed change has
// its history and events, every event was handled exactly once, every notification's e-mail arrived exactly once,
// no job is stuck or failed and every circulated request was scored. Prints a table and one JSON line; exits 1 on
// any lost, duplicated or stuck item. Everything it starts it stops, also on failure or a signal.
//
// The PostgreSQL stop lasts PG_STOP_SECONDS (150 s by default, the outage that once left jobs `failed` for ever),
// and the attempt policy is set low (JOB_ATTEMPTS=3, JOB_BACKOFF_MS=200: under 2 s of retries), so the stop
// outlasts every attempt many times over: what matters — a job outliving its attempts — is exercised.
//
// E-mail: the sink is the e2e tests' SMTP peer (scripts/support/smtp-peer.ts), which also answers mail receipts
// (SMTP_RECEIPTS_URL): a worker killed by SIGKILL while messages are in flight leaves them `sending`, and on
// recovery each is looked up there before it is sent again (docs/notifications.md). Any message the sink
// accepted twice counts as `duplicated`.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { appArguments } from '@app/config';
import { DEMO_PASSWORD } from '@app/database';
import { QUEUES, redisConnection } from '@app/queue';
import { migrateAndSeed } from './seed';
import { SmtpPeer } from './support/smtp-peer';

const root = path.resolve(__dirname, '../..');
const PG_STOP_SECONDS = Number(process.env.PG_STOP_SECONDS ?? 150);
const SMTP_DOWN_SECONDS = Number(process.env.SMTP_DOWN_SECONDS ?? 60);
const SETTLE_TIMEOUT_MS = 120_000;
const PREFIX = 'faults';

const USERS = {
  donor: 'donor@bafa.example',
  agency: 'officer@customs.mn.example',
  coordinator: 'coordinator@nctc.mn.example',
  expert: 'expert@committee.example',
} as const;
type Role = keyof typeof USERS;

// Short policies so a run stays within minutes; docs/notifications.md describes the defaults.
const CHILD_ENV = {
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  MAIL_CATCHER: 'off',
  OUTBOX_POLL_MS: '200',
  JOB_ATTEMPTS: '3',
  JOB_BACKOFF_MS: '200',
  OUTAGE_RETRY_MS: '1000',
  RECOVERY_EVERY_MS: '2000',
  RECOVERY_AFTER_MS: '3000',
  MAIL_RETRY_DELAY_MS: '500',
  MAIL_MAX_ATTEMPTS: '5',
};

// ---------------------------------------------------------------------------------------------------------------
// Processes and cleanup

const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch {
        // keep cleaning up
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`${signal}: stopping everything the fault suite started`);
    void cleanup().then(() => process.exit(130));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`Timed out waiting for ${what}`);
}

class Child {
  private output = '';
  readonly exited: Promise<void>;
  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
  ) {
    proc.stdout?.on('data', (d) => (this.output = (this.output + d).slice(-20_000)));
    proc.stderr?.on('data', (d) => (this.output = (this.output + d).slice(-20_000)));
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve()));
  }
  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }
  tail(): string {
    return this.output.split('\n').slice(-15).join('\n');
  }
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.alive) this.proc.kill(signal);
    await Promise.race([this.exited, sleep(15_000)]);
    if (this.alive) {
      this.proc.kill('SIGKILL');
      await this.exited;
    }
  }
}

const children = new Set<Child>();
cleanups.push(async () => {
  await Promise.all([...children].map((c) => c.stop('SIGKILL')));
});

function start(name: string, command: string, args: string[], env: Record<string, string> = {}): Child {
  const child = new Child(name, spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
  children.add(child);
  void child.exited.then(() => children.delete(child));
  return child;
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL: a cluster of its own

class Postgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  static async create(tmp: string): Promise<Postgres> {
    const versions = readdirSync('/usr/lib/postgresql').filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
    if (!versions.length) throw new Error('No PostgreSQL binaries under /usr/lib/postgresql/*/bin');
    const bin = `/usr/lib/postgresql/${versions.sort((a, b) => Number(b) - Number(a))[0]}/bin`;
    const pg = new Postgres(path.join(tmp, 'pg'), await freePort(), bin);
    pg.run('initdb', ['-D', pg.dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
    await pg.start();
    cleanups.push(() => pg.stop('immediate'));
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/assistance_faults`;
  }

  /** PostgreSQL refuses to run as root: as root, its tools run as the `postgres` user. */
  private run(tool: string, args: string[]): void {
    const asRoot = process.getuid?.() === 0;
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', `${this.bin}/${tool}`, ...args]] : [`${this.bin}/${tool}`, args];
    execFileSync(cmd, argv, { stdio: 'pipe' });
  }

  async start(): Promise<void> {
    const opts = `-p ${this.port} -k ${path.dirname(this.dir)} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    this.run('pg_ctl', ['-D', this.dir, '-o', opts, '-l', path.join(path.dirname(this.dir), 'pg.log'), '-w', '-t', '60', 'start']);
  }

  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    try {
      this.run('pg_ctl', ['-D', this.dir, '-m', mode, '-w', 'stop']);
    } catch {
      // already stopped
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Redis: no persistence, as it often runs

class RedisServer {
  private child: Child | null = null;
  private constructor(readonly port: number) {}

  static async create(): Promise<RedisServer> {
    const redis = new RedisServer(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = start('redis', 'redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
    await waitUntil(
      () =>
        new Promise((resolve) => {
          const socket = connect(this.port, '127.0.0.1');
          socket.once('connect', () => (socket.end(), resolve(true)));
          socket.once('error', () => resolve(false));
        }),
      10_000,
      'Redis',
    );
  }

  /** Stops it; with no persistence, everything it held is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.child?.stop(signal);
    this.child = null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The platform's processes

interface App {
  kind: 'api' | 'worker';
  port: number;
  child: Child;
}

async function startApp(kind: 'api' | 'worker', env: Record<string, string>, port?: number): Promise<App> {
  port ??= await freePort();
  const portEnv: Record<string, string> = kind === 'api' ? { PORT: String(port) } : { WORKER_HEALTH_PORT: String(port) };
  const child = start(kind, process.execPath, appArguments(kind, path.join(root, 'dist')), { ...env, ...portEnv });
  try {
    await Promise.race([
      waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok, 120_000, `${kind} to be ready`),
      child.exited.then(() => {
        throw new Error(`${kind} exited before it was ready`);
      }),
    ]);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${child.tail()}`, { cause: err });
  }
  return { kind, port, child };
}

// ---------------------------------------------------------------------------------------------------------------
// Write load: offers submitted for verification (the committee is notified and e-mailed) and requests driven to
// `circulated` (the engine scores them). Each step is retried while the platform cannot take it.

/** The fields of an API answer the load reads. */
interface Reply {
  id: string;
  status: string;
  version: number;
}

class Load {
  private readonly tokens = new Map<string, string>();
  private stopAt = 0;
  private running: Promise<void>[] = [];
  private n = 0;
  readonly errors: string[] = [];

  constructor(private apis: string[]) {}

  setApis(apis: string[]): void {
    this.apis = apis;
  }

  private api(): string {
    return this.apis[this.n++ % this.apis.length];
  }

  /** Runs `lanes` chains at a time until stop(); each chain finishes its steps (retrying) by `graceMs` after stop. */
  begin(tag: string, lanes = 2): void {
    this.stopAt = Number.POSITIVE_INFINITY;
    this.running = Array.from({ length: lanes }, (_, lane) => this.lane(tag, lane));
  }

  async stop(): Promise<void> {
    this.stopAt = Date.now();
    await Promise.all(this.running);
  }

  private async lane(tag: string, lane: number): Promise<void> {
    let i = 0;
    while (Date.now() < this.stopAt) {
      const label = `${tag} ${lane}.${i++} ${randomUUID().slice(0, 6)}`;
      try {
        await (i % 2 ? this.offer(label) : this.request(label));
      } catch (err) {
        this.errors.push(`${label}: ${(err as Error).message}`);
      }
      await sleep(150);
    }
  }

  /** Sends one step; retries network errors and 5xx until 60 s after the load stopped. */
  private async send(role: Role, method: string, url: string, body?: unknown): Promise<{ status: number; body: Reply }> {
    for (;;) {
      try {
        const token = await this.login(role);
        const res = await fetch(`${this.api()}${url}`, {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        const text = await res.text();
        if (res.status === 401) this.tokens.delete(role);
        if (res.status < 500 && res.status !== 401 && res.status !== 429) return { status: res.status, body: text ? JSON.parse(text) : null };
      } catch {
        // the API or one of its dependencies is down: try again
      }
      if (Date.now() > this.stopAt + 60_000) throw new Error(`${method} ${url}: gave up`);
      await sleep(300);
    }
  }

  private async login(role: Role): Promise<string> {
    const known = this.tokens.get(role);
    if (known) return known;
    const res = await fetch(`${this.api()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: USERS[role], password: DEMO_PASSWORD }),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status !== 200) throw new Error(`login ${res.status}`);
    const token = ((await res.json()) as { token: string }).token;
    this.tokens.set(role, token);
    return token;
  }

  private async offer(label: string): Promise<void> {
    const created = await this.send('donor', 'POST', '/api/v1/offers', {
      title: `Export control outreach ${label}`,
      description: 'Legal and technical assistance on dual-use export controls, control lists and licensing practice.',
      programme: 'Export control outreach',
      provisions: ['OP3d'],
      domains: ['NUCLEAR', 'CHEMICAL'],
      assistanceTypes: ['LEGISLATIVE', 'TRAINING'],
      targetInstitutions: ['LICENSING'],
      eligibleRegions: ['ASIA_PACIFIC'],
      deliveryModes: ['VIRTUAL'],
      languages: ['en'],
      capacity: { engagements: 3 },
    });
    if (created.status !== 201) throw new Error(`create offer: ${created.status} ${JSON.stringify(created.body)}`);
    const submitted = await this.send('donor', 'POST', `/api/v1/offers/${created.body.id}/transitions`, { action: 'submit' });
    // 409/400: an earlier try committed but its answer was lost (the API was killed); the record is as wanted.
    if (submitted.status >= 300 && submitted.status !== 409 && submitted.status !== 400) throw new Error(`submit offer: ${submitted.status}`);
  }

  private async request(label: string): Promise<void> {
    const created = await this.send('agency', 'POST', '/api/v1/requests', {
      title: `Drafting the national control list ${label}`,
      description: 'Expert help to draft a national list of dual-use goods aligned with the multilateral export control regimes.',
      provisions: ['OP3d'],
      domains: ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL'],
      assistanceTypes: ['LEGISLATIVE', 'EXPERTISE'],
      targetInstitutions: ['LICENSING'],
      priority: 'high',
      languages: ['en'],
      visibility: 'public',
      objectionWindowWaived: true,
    });
    if (created.status !== 201) throw new Error(`create request: ${created.status} ${JSON.stringify(created.body)}`);
    const id = created.body.id;
    const steps: [Role, string, string][] = [
      ['coordinator', 'submit', 'submitted'],
      ['expert', 'acknowledge', 'acknowledged'],
      ['expert', 'circulate', 'circulated'],
    ];
    for (const [role, action, to] of steps) {
      for (let tries = 0; ; tries++) {
        const current = await this.send('expert', 'GET', `/api/v1/requests/${id}`);
        if (current.body?.status === to) break;
        const res = await this.send(role, 'POST', `/api/v1/requests/${id}/transitions`, { action, version: current.body?.version });
        if (res.status === 200) break;
        if (tries >= 5) throw new Error(`${action} request: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Checks, in PostgreSQL and the sink

interface Outcome {
  name: string;
  writes: number;
  lost: number;
  duplicated: number;
  stuck: number;
  recoverySeconds: number;
  details: string[];
}

interface Counts {
  writes: number;
  lost: number;
  duplicated: number;
  stuck: number;
  details: string[];
}

async function check(db: Client, sink: SmtpPeer, queues: Queue[], tag: string, failedBefore: number): Promise<Counts> {
  const like = `%${tag} %`;
  const subjects = `(SELECT id FROM assistance_offers WHERE title LIKE $1 UNION ALL SELECT id FROM assistance_requests WHERE title LIKE $1)`;
  const one = async (sql: string): Promise<number> => Number((await db.query(sql, [like])).rows[0].n);
  const details: string[] = [];
  const note = (what: string, n: number) => (n ? details.push(`${n} ${what}`) : undefined, n);

  const writes = await one(`SELECT count(*) AS n FROM history_entries WHERE subject_id IN ${subjects}`);
  const withoutHistory = await one(`SELECT count(*) AS n FROM ${subjects} s(id) WHERE NOT EXISTS (SELECT 1 FROM history_entries h WHERE h.subject_id = s.id)`);
  const withoutEvents = await one(`SELECT count(*) AS n FROM ${subjects} s(id) WHERE NOT EXISTS (SELECT 1 FROM outbox_events e WHERE e.subject_id = s.id)`);
  const unprocessed = await one(`SELECT count(*) AS n FROM outbox_events WHERE subject_id IN ${subjects} AND processed_at IS NULL`);
  const twice = await one(`SELECT coalesce(sum(deliveries - 1), 0) AS n FROM outbox_events WHERE subject_id IN ${subjects} AND deliveries > 1`);
  // offer.submitted tells the committee's two members: an event without them lost its notifications.
  const missingNotifications = await one(
    `SELECT count(*) AS n FROM outbox_events e WHERE e.subject_id IN ${subjects} AND e.type = 'offer.submitted' AND e.processed_at IS NOT NULL
        AND (SELECT count(DISTINCT n.user_id) FROM notifications n WHERE n.event_id = e.id) < 2`,
  );
  const duplicateNotifications = await one(
    `SELECT coalesce(sum(c - 1), 0) AS n FROM (SELECT count(*) AS c FROM notifications n JOIN outbox_events e ON e.id = n.event_id
        WHERE e.subject_id IN ${subjects} GROUP BY n.event_id, n.user_id) x WHERE c > 1`,
  );
  const deliveries: { message_id: string; status: string }[] = (
    await db.query(
      `SELECT d.message_id, d.status FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        JOIN outbox_events e ON e.id = n.event_id WHERE e.subject_id IN ${subjects}`,
      [like],
    )
  ).rows;
  const unsent = deliveries.filter((d) => d.status !== 'sent').length;
  const neverArrived = deliveries.filter((d) => d.status === 'sent' && !sink.acceptedCount(d.message_id)).length;
  const arrivedTwice = deliveries.reduce((n, d) => n + Math.max(0, sink.acceptedCount(d.message_id) - 1), 0);
  const matchingLeft = await one(
    `SELECT count(*) AS n FROM matching_work w WHERE w.key IN (SELECT 'score-request.' || id FROM ${subjects} s(id) UNION ALL SELECT 'score-offer.' || id FROM ${subjects} s(id))`,
  );
  const unscored = await one(
    `SELECT count(*) AS n FROM assistance_requests r WHERE r.title LIKE $1 AND r.status = 'circulated'
        AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.request_id = r.id AND m.scored_at >= r.circulated_at)
        AND NOT EXISTS (SELECT 1 FROM matching_work w WHERE w.key = 'score-request.' || r.id)`,
  );
  const failedJobs = (await failedJobCount(queues)) - failedBefore;

  return {
    writes,
    lost:
      note('changes without history', withoutHistory) +
      note('changes without events', withoutEvents) +
      note('submitted offers without their notifications', missingNotifications) +
      note('e-mails recorded sent that never arrived', neverArrived) +
      note('circulated requests never scored', unscored),
    duplicated: note('events handled twice', twice) + note('duplicate notifications', duplicateNotifications) + note('e-mails received twice', arrivedTwice),
    stuck:
      note('events not processed', unprocessed) +
      note('e-mails not sent', unsent) +
      note('matching work not done', matchingLeft) +
      note('failed jobs', failedJobs),
    details,
  };
}

async function failedJobCount(queues: Queue[]): Promise<number> {
  let n = 0;
  for (const q of queues) n += (await q.getJobCounts('failed')).failed;
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// The faults

interface World {
  pg: Postgres;
  redis: RedisServer;
  sink: SmtpPeer;
  env: Record<string, string>;
  apis: App[];
  workers: App[];
  load: Load;
}

interface Fault {
  name: string;
  /** Breaks something and mends it; resolves when the dependency is back. */
  run(world: World): Promise<void>;
}

async function replace(world: World, app: App, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  await app.child.stop(signal);
  const fresh = await startApp(app.kind, world.env, app.port);
  const list = app.kind === 'api' ? world.apis : world.workers;
  list[list.indexOf(app)] = fresh;
}

const FAULTS: Fault[] = [
  { name: 'worker SIGKILL', run: (w) => replace(w, w.workers[0]) },
  { name: 'API SIGKILL', run: (w) => replace(w, w.apis[0]) },
  {
    name: 'Redis stop 5 s',
    run: async (w) => {
      await w.redis.stop();
      await sleep(5_000);
      await w.redis.start();
    },
  },
  {
    name: 'Redis restart with data loss',
    run: async (w) => {
      await w.redis.stop('SIGKILL');
      await w.redis.start();
    },
  },
  {
    name: 'PostgreSQL restart',
    run: async (w) => {
      await w.pg.stop('fast');
      await w.pg.start();
    },
  },
  {
    name: `PostgreSQL stop ${PG_STOP_SECONDS} s`,
    run: async (w) => {
      await w.pg.stop('fast');
      await sleep(PG_STOP_SECONDS * 1000);
      await w.pg.start();
    },
  },
  {
    name: `SMTP down ${SMTP_DOWN_SECONDS} s`,
    run: async (w) => {
      await w.sink.down();
      await sleep(SMTP_DOWN_SECONDS * 1000);
      await w.sink.up();
    },
  },
  {
    name: 'two workers, two APIs, one of each killed',
    run: async (w) => {
      w.apis.push(await startApp('api', w.env));
      w.workers.push(await startApp('worker', w.env));
      w.load.setApis(w.apis.map((a) => `http://127.0.0.1:${a.port}`));
      await sleep(3_000);
      const [api, worker] = [w.apis.shift()!, w.workers.shift()!];
      await Promise.all([api.child.stop('SIGKILL'), worker.child.stop('SIGKILL')]);
      w.load.setApis(w.apis.map((a) => `http://127.0.0.1:${a.port}`));
    },
  },
];

async function runFault(world: World, db: () => Client, queues: Queue[], fault: Fault, index: number): Promise<Outcome> {
  const tag = `[fault${index}]`;
  // Jobs that failed before (a Redis that lost its data forgets them too) are not this fault's.
  const failedBefore = await failedJobCount(queues);
  world.load.begin(tag);
  await sleep(3_000);
  await fault.run(world);
  // Recovery time: from the dependency's return until every write so far (the load runs 3 s longer) is done.
  const restored = Date.now();
  await sleep(3_000);
  await world.load.stop();
  let counts: Counts | null = null;
  const deadline = restored + SETTLE_TIMEOUT_MS;
  for (;;) {
    try {
      counts = await check(db(), world.sink, queues, tag, failedBefore);
      if (counts.stuck === 0 && counts.lost === 0) break;
    } catch {
      // PostgreSQL may still be coming back
    }
    if (Date.now() > deadline) break;
    await sleep(1_000);
  }
  counts ??= { writes: 0, lost: 0, duplicated: 0, stuck: 1, details: ['could not check'] };
  return { name: fault.name, ...counts, recoverySeconds: Math.round((Date.now() - restored) / 100) / 10 };
}

async function main(): Promise<number> {
  const started = Date.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'a1540-faults-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  if (process.getuid?.() === 0) chownSync(tmp, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));

  console.log('Starting PostgreSQL, Redis and the SMTP sink …');
  const pg = await Postgres.create(tmp);
  const redis = await RedisServer.create();
  cleanups.push(() => redis.stop('SIGKILL'));
  // Keeps counts per Message-ID only: a run hands it thousands of e-mails.
  const sink = await SmtpPeer.start(0, { keepSubmissions: false });
  cleanups.push(() => sink.close());
  console.log(`Migrating and seeding ${pg.url} …`);
  await migrateAndSeed(pg.url);

  const env = { ...CHILD_ENV, DATABASE_URL: pg.url, REDIS_URL: redis.url, QUEUE_PREFIX: PREFIX, SMTP_URL: sink.url, SMTP_RECEIPTS_URL: sink.receiptsUrl };
  console.log('Starting the API and the worker …');
  const apis = [await startApp('api', env)];
  const workers = [await startApp('worker', env)];
  const load = new Load(apis.map((a) => `http://127.0.0.1:${a.port}`));
  const world: World = { pg, redis, sink, env, apis, workers, load };

  // One PostgreSQL client for the checks, reconnected after PostgreSQL faults.
  let client: Client | null = null;
  const db = () => {
    if (!client) {
      const c = new Client({ connectionString: pg.url });
      c.on('error', () => (client = null));
      c.connect().catch(() => (client = null));
      client = c;
    }
    return client;
  };
  cleanups.push(() => client?.end().catch(() => undefined));
  const queues = Object.values(QUEUES).map((name) => new Queue(name, { connection: redisConnection(redis.url), prefix: PREFIX }));
  for (const q of queues) q.on('error', () => undefined);
  cleanups.push(async () => {
    await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
  });

  const outcomes: Outcome[] = [];
  for (const [i, fault] of FAULTS.entries()) {
    process.stdout.write(`${fault.name} … `);
    const outcome = await runFault(world, db, queues, fault, i);
    outcomes.push(outcome);
    console.log(`${outcome.writes} writes, ${outcome.lost} lost, ${outcome.duplicated} duplicated, ${outcome.stuck} stuck, recovered in ${outcome.recoverySeconds} s`);
    if (outcome.details.length) console.log(`    ${outcome.details.join('; ')}`);
  }
  if (load.errors.length) console.log(`Load steps given up (not counted as writes): ${load.errors.length}\n    ${load.errors.slice(0, 5).join('\n    ')}`);

  console.log('');
  console.log('| fault | writes | lost | duplicated | stuck | recovery s |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const o of outcomes) console.log(`| ${o.name} | ${o.writes} | ${o.lost} | ${o.duplicated} | ${o.stuck} | ${o.recoverySeconds} |`);
  console.log(`(${Math.round((Date.now() - started) / 1000)} s in all)`);
  console.log(JSON.stringify({ faults: outcomes.map(({ name, writes, lost, duplicated, stuck, recoverySeconds }) => ({ name, writes, lost, duplicated, stuck, recoverySeconds })) }));
  const bad = outcomes.some((o) => o.lost || o.duplicated || o.stuck || !o.writes);
  if (bad) {
    for (const app of [...world.apis, ...world.workers]) console.error(`--- ${app.kind} (last lines) ---\n${app.child.tail()}`);
  }
  return bad ? 1 : 0;
}

void main()
  .catch((err: Error) => {
    console.error(err.stack ?? err.message);
    return 1;
  })
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
