// `npm run demo`: migrate, seed, then run API (serving the web app) and worker on one port.
// `npm run demo -- --reset`: first delete the demo database and queue data, to start over from the seeded story.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { type AppKind, appArguments, ConfigError, loadConfig, loadEnvFile } from '@app/config';
import { DEMO_PASSWORD, DEMO_USERS } from '@app/database';
import { describeReset, resetDemoData, resetRefusal } from './demo-reset';
import { preflight } from './preflight';
import { migrateAndSeed } from './seed';

const root = path.resolve(__dirname, '../..');
const children: ChildProcess[] = [];

function start(name: string, kind: AppKind): ChildProcess {
  const child = spawn(process.execPath, appArguments(kind), { stdio: 'inherit', env: process.env, cwd: root });
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the demo`);
      shutdown(1);
    }
  });
  children.push(child);
  return child;
}

let shuttingDown = false;
function shutdown(code: number): void {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 10_000).unref();
  void Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r))))).then(() =>
    process.exit(code),
  );
}

async function waitForReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`API did not become ready at ${url}`);
}

const OPTIONS = ['--reset'];

/** Stops before anything starts, with one message saying why. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  const unknown = process.argv.slice(2).filter((arg) => !OPTIONS.includes(arg));
  if (unknown.length) fail(`Unknown option ${unknown.join(' ')}; the demo takes ${OPTIONS.join(', ')}.`);
  const reset = process.argv.includes('--reset');
  loadEnvFile();
  const config = loadConfig();
  // Ports, PostgreSQL and Redis first: a busy port also means a demo may be running, which a reset must not pull
  // the database from under.
  const problem = (await preflight(config)) ?? (reset ? resetRefusal(config) : null);
  if (problem) fail(problem);
  if (reset) {
    console.log(describeReset(config));
    const { keysDeleted } = await resetDemoData(config);
    console.log(`Deleted the database and ${keysDeleted} Redis keys.`);
  }
  console.log(`Seeded: ${await migrateAndSeed(config.database.DATABASE_URL)}`);
  start('API', 'api');
  start('Worker', 'worker');
  const base = `http://localhost:${config.app.PORT}`;
  await waitForReady(`${base}/health/ready`, 60_000);
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  console.log(
    [
      '',
      `  1540 Assistance platform is running at ${base}`,
      `  API docs: ${base}/api/docs`,
      '',
      `  Demo sign-ins (password ${DEMO_PASSWORD}):`,
      ...DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.role}`),
      '',
      '  Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
main().catch((err: Error) => {
  console.error(err instanceof ConfigError ? err.message : err.message);
  shutdown(1);
});
