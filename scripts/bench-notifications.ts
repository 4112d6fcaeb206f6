// `npm run bench:notifications`: e-mail throughput to a local SMTP peer with the pooled transport against one
// connection per message (a ratio, same process, same peer), and the time from a committed state change to
// the e-mail's arrival under a steady load, through real API and worker processes on a scratch database.
// Loopback only; every loop is bounded. Ends with one line of JSON.
// Options: --messages=1000 --rate=20 (endorsements per second) --seconds=15
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import * as path from 'node:path';
import Redis from 'ioredis';
import { SMTPServer } from 'smtp-server';
import { appArguments, loadConfig, loadEnvFile } from '@app/config';
import { createDataSource, DEMO_PASSWORD, dropDatabase, ensureDatabase, seedDemoOrganizations } from '@app/database';
import { createMailTransport, MailSettings, renderNotificationMail } from '@app/mail';

const root = path.resolve(__dirname, '../..');

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : fallback;
}

/** A minimal SMTP peer: reads each message, notes its Message-ID and arrival time. */
async function startSink(): Promise<{ url: string; arrivals: Map<string, number>; count: () => number; close: () => Promise<void> }> {
  const arrivals = new Map<string, number>();
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Loopback: the peer's own reverse-DNS lookup per connection would dominate the baseline.
    disableReverseLookup: true,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const head = Buffer.concat(chunks).toString('utf8', 0, 8192);
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1];
        if (id && !arrivals.has(id)) arrivals.set(id, Date.now());
        count++;
        callback(null, 'OK');
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, arrivals, count: () => count, close: () => new Promise((r) => server.close(() => r())) };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function throughput(messages: number): Promise<{ messages: number; pooledPerSec: number; perConnectionPerSec: number; ratio: number }> {
  const sink = await startSink();
  const settings = { ...loadConfig().mail, SMTP_URL: sink.url, MAIL_POOL_SIZE: 5 } as MailSettings;
  const body = renderNotificationMail({
    category: 'matches',
    title: 'Match endorsed: your offer for MNG-2026-004',
    body: 'The 1540 Committee endorsed your offer “Biosafety training” for Mongolia’s request MNG-2026-004. Please accept or decline it.',
    facts: [
      { label: 'Reference', value: 'MNG-2026-004' },
      { label: 'State', value: 'Mongolia (MNG)' },
      { label: 'Provider', value: 'BAFA' },
    ],
    url: 'http://localhost:3000/provider/requests/x?match=y',
    recipientName: 'Katrin Vogel',
    settingsUrl: 'http://localhost:3000/notifications/preferences',
  });
  const message = (i: number, run: string) => ({ from: settings.MAIL_FROM, to: 'donor@bafa.example', ...body, messageId: `<${run}-${i}@bench>` });

  // Both runs keep five connections busy: the pool reuses its five; the baseline opens one per message.
  const run = async (pool: boolean, n: number, tag: string): Promise<number> => {
    const transport = createMailTransport(settings, { pool });
    const started = performance.now();
    let next = 0;
    const lane = async () => {
      while (next < n) await transport.sendMail(message(next++, tag));
    };
    await Promise.all(Array.from({ length: pool ? 20 : 5 }, lane));
    const seconds = (performance.now() - started) / 1000;
    transport.close();
    return n / seconds;
  };
  await run(true, 100, 'warm-pool');
  await run(false, 50, 'warm-single');
  const pooledPerSec = await run(true, messages, 'pooled');
  const perConnectionPerSec = await run(false, messages, 'single');
  await sink.close();
  return { messages, pooledPerSec, perConnectionPerSec, ratio: pooledPerSec / perConnectionPerSec };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function spawnReady(kind: 'api' | 'worker', env: Record<string, string>, children: ChildProcess[]): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, appArguments(kind, path.join(root, 'dist')), {
    cwd: root,
    env: { ...process.env, ...env, ...(kind === 'api' ? { PORT: String(port) } : { WORKER_HEALTH_PORT: String(port) }) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${kind} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return base;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${kind} did not become ready`);
}

async function latency(rate: number, seconds: number) {
  const config = loadConfig();
  const tag = `${process.pid}${randomBytes(2).toString('hex')}`;
  const url = new URL(config.database.DATABASE_URL);
  url.pathname = `/assistance_bench_notifications_${tag}`;
  const databaseUrl = url.toString();
  const prefix = `benchn${tag}`;
  const sink = await startSink();
  const children: ChildProcess[] = [];
  await ensureDatabase(databaseUrl);
  const ds = await createDataSource(databaseUrl).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedDemoOrganizations(ds);
    // The endorsable matches, written directly (no events): ten offers × enough requests.
    const total = rate * seconds;
    const [{ id: customs }] = await ds.query(`SELECT id FROM organizations WHERE short_name = 'Customs'`);
    const [{ id: bafa }] = await ds.query(`SELECT id FROM organizations WHERE short_name = 'BAFA'`);
    const offers: { id: string }[] = await ds.query(
      `INSERT INTO assistance_offers (organization_id, title, description, provisions, domains, eligible_regions, status, version)
       SELECT $1, 'Export control training ' || g, 'Licensing and control list training for customs and licensing officers.', '{OP3d}', '{NUCLEAR}', '{ASIA_PACIFIC}', 'active', 1
         FROM generate_series(1, 10) g RETURNING id`,
      [bafa],
    );
    const requests: { id: string }[] = await ds.query(
      `INSERT INTO assistance_requests (reference, state, organization_id, title, description, provisions, domains, status, circulated_at, version)
       SELECT 'MNG-2099-' || lpad(g::text, 4, '0'), 'MNG', $1, 'Control list drafting ' || g, 'Help to draft the national control list of dual-use items.', '{OP3d}', '{NUCLEAR}', 'circulated', now(), 1
         FROM generate_series(1, $2::int) g RETURNING id`,
      [customs, Math.ceil(total / offers.length)],
    );
    const pairs = requests.flatMap((r) => offers.map((o) => [r.id, o.id])).slice(0, total);
    const matchIds: string[] = [];
    for (let i = 0; i < pairs.length; i += 500) {
      const chunk = pairs.slice(i, i + 500);
      const rows: { id: string }[] = await ds.query(
        `INSERT INTO matches (request_id, offer_id, origin, status, version) SELECT r, o, 'committee', 'suggested', 1
           FROM unnest($1::uuid[], $2::uuid[]) AS t(r, o) RETURNING id`,
        [chunk.map((p) => p[0]), chunk.map((p) => p[1])],
      );
      matchIds.push(...rows.map((r) => r.id));
    }

    const env = { DATABASE_URL: databaseUrl, QUEUE_PREFIX: prefix, SMTP_URL: sink.url, MAIL_CATCHER: 'off', LOG_LEVEL: 'warn' };
    const api = await spawnReady('api', env, children);
    await spawnReady('worker', env, children);
    const login = await fetch(`${api}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'expert@committee.example', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };

    // Steady load: one endorsement every 1/rate seconds, each fired on schedule (not after the previous).
    const committedAt = new Map<string, number>();
    const started = Date.now();
    let failures = 0;
    await Promise.all(
      matchIds.map(async (id, i) => {
        const due = started + (i * 1000) / rate;
        await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
        const res = await fetch(`${api}/api/v1/matches/${id}/transitions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ action: 'endorse' }),
        });
        // The response comes after the commit: the clock starts here.
        if (res.ok) committedAt.set(id, Date.now());
        else failures++;
        await res.arrayBuffer();
      }),
    );
    const loadSeconds = (Date.now() - started) / 1000;
    // Each endorsement e-mails BAFA's member and Mongolia's coordinator.
    const expected = committedAt.size * 2;
    const deadline = Date.now() + 60_000;
    while (sink.arrivals.size < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    const rows: { message_id: string; subject_id: string }[] = await ds.query(
      `SELECT d.message_id, n.subject_id FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.event_type = 'match.endorsed'`,
    );
    const samples = rows
      .filter((r) => sink.arrivals.has(r.message_id) && committedAt.has(r.subject_id))
      .map((r) => sink.arrivals.get(r.message_id)! - committedAt.get(r.subject_id)!)
      .sort((a, b) => a - b);
    return {
      endorsements: committedAt.size,
      failedRequests: failures,
      ratePerSec: committedAt.size / loadSeconds,
      emailsExpected: expected,
      emailsArrived: samples.length,
      medianMs: percentile(samples, 0.5),
      p95Ms: percentile(samples, 0.95),
      maxMs: samples.at(-1) ?? null,
    };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)))));
    await ds.destroy();
    await dropDatabase(databaseUrl);
    await sink.close();
    const redis = new Redis(config.redis.REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  loadEnvFile();
  const messages = flag('messages', 1000);
  const rate = flag('rate', 20);
  const seconds = flag('seconds', 15);
  const f = (n: number) => n.toFixed(1);

  const t = await throughput(messages);
  console.log(`throughput (${t.messages} messages, 5 connections): pooled ${f(t.pooledPerSec)}/s, one connection per message ${f(t.perConnectionPerSec)}/s → ${f(t.ratio)}×`);
  const l = await latency(rate, seconds);
  console.log(
    `commit → e-mail arrival under ${f(l.ratePerSec)} endorsements/s for ${seconds} s (${l.emailsArrived}/${l.emailsExpected} e-mails): median ${l.medianMs} ms, p95 ${l.p95Ms} ms, max ${l.maxMs} ms`,
  );
  console.log(JSON.stringify({ benchmark: 'notifications', throughput: t, latency: { ...l, seconds } }));
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.stack);
    process.exit(1);
  },
);
