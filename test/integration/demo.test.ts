import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import * as path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { loadConfig, type AppConfig } from '@app/config';
import { DEMO_USERS } from '@app/database';
import { checkDemoPorts } from '../../scripts/preflight';
import { describeReset, resetDemoData, resetRefusal } from '../../scripts/demo-reset';
import { migrateAndSeed } from '../../scripts/seed';
import { copyDatabase, TEMPLATE_SUFFIX } from '../support/databases';
import { distinctFreePorts, freePort } from '../support/ports';

const root = path.resolve(__dirname, '../..');

/** Another program on a port: listening until closed. */
async function occupy(port: number, host: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return server;
}
const release = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** The run's settings with the demo's ports on free ones, as a developer's .env would have them. */
async function demoConfig(env: Record<string, string> = {}): Promise<AppConfig> {
  const [api, health, smtp] = await distinctFreePorts(3);
  return loadConfig({
    ...process.env,
    PORT: String(api),
    WORKER_HEALTH_PORT: String(health),
    DEMO_SMTP_PORT: String(smtp),
    MAIL_CATCHER: 'on',
    ...env,
  });
}

describe('npm run demo: ports', () => {
  it('stops before anything starts, with one line naming the busy port and its setting', async () => {
    const port = await freePort();
    const other = await occupy(port, '127.0.0.1');
    const demo = spawn(process.execPath, [path.join(root, 'dist/scripts/demo.js')], {
      cwd: root,
      env: { ...process.env, PORT: String(port), WORKER_HEALTH_PORT: String(await freePort()), MAIL_CATCHER: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    demo.stdout.on('data', (d) => (stdout += d));
    demo.stderr.on('data', (d) => (stderr += d));
    try {
      const code = await new Promise((resolve) => demo.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        `Port ${port} (PORT, the API and web app) is already in use by another program: stop it, or set PORT to a free port in .env.`,
      );
      expect(stdout).toBe(''); // no "platform is running", no sign-ins, no seeding
    } finally {
      if (demo.exitCode === null) demo.kill('SIGKILL');
      await release(other);
    }
  });

  it.each([
    ['WORKER_HEALTH_PORT', "the worker's health checks"],
    ['DEMO_SMTP_PORT', 'the demo mail catcher'],
  ])('names %s when its port is taken', async (setting, what) => {
    const config = await demoConfig();
    const port = setting === 'DEMO_SMTP_PORT' ? config.mail.DEMO_SMTP_PORT : config.worker.WORKER_HEALTH_PORT;
    const other = await occupy(port, '0.0.0.0');
    try {
      expect(await checkDemoPorts(config)).toBe(
        `Port ${port} (${setting}, ${what}) is already in use by another program: stop it, or set ${setting} to a free port in .env.`,
      );
    } finally {
      await release(other);
    }
    expect(await checkDemoPorts(config)).toBeNull();
  });

  it('does not check the mail catcher’s port when a real SMTP server is set', async () => {
    const config = await demoConfig({ SMTP_URL: 'smtp://mail.example.org:587' });
    const other = await occupy(config.mail.DEMO_SMTP_PORT, '127.0.0.1');
    try {
      expect(await checkDemoPorts(config)).toBeNull();
    } finally {
      await release(other);
    }
  });

  it('refuses two settings on one port', async () => {
    const config = await demoConfig();
    const same = await demoConfig({ WORKER_HEALTH_PORT: String(config.app.PORT), PORT: String(config.app.PORT) });
    expect(await checkDemoPorts(same)).toBe(
      `PORT and WORKER_HEALTH_PORT are both ${config.app.PORT}: give WORKER_HEALTH_PORT another port in .env.`,
    );
  });
});

describe('npm run demo -- --reset', () => {
  const runUrl = new URL(process.env.DATABASE_URL!);
  const demoUrl = new URL(runUrl);
  demoUrl.pathname = `${runUrl.pathname}_demoreset`; // dropped with the run's databases by global teardown
  const prefix = `${process.env.QUEUE_PREFIX}_demoreset`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? loadConfig().redis.REDIS_URL);
  });
  afterAll(async () => {
    const left = await redis.keys(`${prefix}*`);
    if (left.length) await redis.del(...left);
    redis.disconnect();
  });

  async function query<T>(sql: string): Promise<T[]> {
    const client = new Client({ connectionString: demoUrl.toString() });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  it('deletes the demo database and the queue data under its prefix, then seeds the story again', async () => {
    const template = new URL(runUrl);
    template.pathname = `${runUrl.pathname}${TEMPLATE_SUFFIX}`;
    await copyDatabase(template.toString(), demoUrl.toString());
    // A demo someone has used: a table of their own, a changed user, queued jobs and a sign-in counter.
    await query('CREATE TABLE left_over (id int)');
    await query(`UPDATE users SET display_name = 'Changed' WHERE email = '${DEMO_USERS[0].email}'`);
    await redis.set(`${prefix}:notifications:1`, 'job');
    await redis.set(`${prefix}:login-failures:someone:127.0.0.1`, '3');
    await redis.set(`${prefix}x:kept`, 'another prefix'); // not under "<prefix>:"

    const config = loadConfig({ ...process.env, DATABASE_URL: demoUrl.toString(), QUEUE_PREFIX: prefix });
    expect(describeReset(config)).toContain(`deleting the database "${demoUrl.pathname.slice(1)}"`);
    expect(describeReset(config)).toContain(`every Redis key under "${prefix}:"`);
    const { keysDeleted } = await resetDemoData(config);
    await migrateAndSeed(config.database.DATABASE_URL);

    expect(keysDeleted).toBe(2);
    expect(await redis.keys(`${prefix}:*`)).toEqual([]);
    expect(await redis.get(`${prefix}x:kept`)).toBe('another prefix');
    expect(await query(`SELECT to_regclass('left_over') AS t`)).toEqual([{ t: null }]);
    const users = await query<{ email: string; display_name: string }>('SELECT email, display_name FROM users');
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(users.find((u) => u.email === DEMO_USERS[0].email)?.display_name).toBe(DEMO_USERS[0].displayName);
  });

  it('refuses in production', () => {
    const config = loadConfig({ ...process.env, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    expect(resetRefusal(config)).toMatch(/^--reset refuses to run with NODE_ENV=production/);
  });
});
