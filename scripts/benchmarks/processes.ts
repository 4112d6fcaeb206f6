import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import * as path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { appArguments } from '@app/config';

// Shared by the end-to-end benchmarks: real API/worker processes on a scratch database and queue prefix.

// This file runs from <build>/scripts/benchmarks; the apps it starts are the same build's.
const build = path.resolve(__dirname, '../..');
const root = path.resolve(build, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The configured database URL with another database name, refusing anything but a loopback server. */
export function scratchDatabaseUrl(configured: string, suffix: string): string {
  const url = new URL(configured);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!['localhost', '127.0.0.1', '::1', ''].includes(host)) throw new Error(`benchmarks only run against a loopback database server, not ${host}`);
  const name = decodeURIComponent(url.pathname.slice(1)) || 'assistance';
  url.pathname = `/${`${name}_${suffix}`.slice(0, 63)}`;
  return url.toString();
}

/** Starts a built app (dist/) and waits until its /health/ready answers. */
export async function spawnReady(kind: 'api' | 'worker', env: Record<string, string>, nodeArgs: string[] = []): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, ...appArguments(kind, build)], {
    cwd: root,
    env: { ...process.env, ...env, ...(kind === 'api' ? { PORT: String(port) } : { WORKER_HEALTH_PORT: String(port) }) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${kind} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return { child, base };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`${kind} did not become ready`);
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** A process's peak resident set (VmHWM) in MiB, read from /proc (Linux). */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * CPU seconds (user + system) a process has used so far, with those of its children it has reaped, from
 * /proc/<pid>/stat (Linux; 0 once it is gone). Counting reaped children keeps a sum over a server's processes
 * continuous: a PostgreSQL backend's time passes to the postmaster when it exits.
 */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), counted from field 3: utime 14, stime 15, cutime 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by every process of one command name (e.g. PostgreSQL's: `postgres`), reaped ones included. */
export function cpuSecondsOf(command: string): number {
  let sum = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) sum += cpuSeconds(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return sum;
}

/** An SMTP peer that accepts and discards every message. */
export async function startSmtpSink(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => callback(null, 'OK'));
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Deletes every Redis key under a benchmark's queue prefix. */
export async function dropQueuePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

/**
 * `url`'s database as a copy of `template` (CREATE DATABASE … TEMPLATE: a file copy, seconds where seeding a large
 * world takes minutes). `build` fills the template the first time; it is kept for the next run unless dropped.
 */
export async function cloneDatabase(url: string, template: string, build: (templateUrl: string) => Promise<void>): Promise<{ built: boolean }> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    let built = false;
    if (!rowCount) {
      const templateUrl = new URL(url);
      templateUrl.pathname = `/${template}`;
      // Built under a temporary name and renamed when complete, so an interrupted build is never taken for one.
      const building = `${template}_building`.slice(0, 63);
      await client.query(`DROP DATABASE IF EXISTS ${quote(building)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quote(building)}`);
      templateUrl.pathname = `/${building}`;
      await build(templateUrl.toString());
      await client.query(`ALTER DATABASE ${quote(building)} RENAME TO ${quote(template)}`);
      built = true;
    }
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`);
    return { built };
  } finally {
    await client.end();
  }
}
