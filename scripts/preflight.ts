import Redis from 'ioredis';
import { createServer } from 'node:net';
import { Client } from 'pg';
import type { AppConfig } from '@app/config';
import { demoCatcherEnabled } from '@app/mail';

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');

/** A port the demo's processes will listen on, with the setting that moves it. */
interface DemoPort {
  setting: string;
  port: number;
  host: string;
  what: string;
}

/** Every port `npm run demo` binds, on the address each process binds it to. */
export function demoPorts(config: AppConfig): DemoPort[] {
  return [
    { setting: 'PORT', port: config.app.PORT, host: '0.0.0.0', what: 'the API and web app' },
    {
      setting: 'WORKER_HEALTH_PORT',
      port: config.worker.WORKER_HEALTH_PORT,
      host: '127.0.0.1',
      what: "the worker's health checks",
    },
    ...(demoCatcherEnabled(config.mail)
      ? [
          {
            setting: 'DEMO_SMTP_PORT',
            port: config.mail.DEMO_SMTP_PORT,
            host: '127.0.0.1',
            what: 'the demo mail catcher',
          },
        ]
      : []),
  ];
}

/** Binds the port for a moment, as the process will; the error code when it cannot (EADDRINUSE, EACCES). */
function tryBind(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
  });
}

/**
 * One line naming the first port the demo could not listen on and the setting that moves it, or null. Run before
 * anything starts: otherwise the demo would find another program's server ready on its port and report itself
 * running, then fail with EADDRINUSE.
 */
export async function checkDemoPorts(config: AppConfig): Promise<string | null> {
  const ports = demoPorts(config);
  for (const [i, a] of ports.entries()) {
    const b = ports.slice(i + 1).find((other) => other.port === a.port);
    if (b) return `${a.setting} and ${b.setting} are both ${a.port}: give ${b.setting} another port in .env.`;
  }
  for (const { setting, port, host, what } of ports) {
    const problem = await tryBind(port, host);
    if (problem === 'EADDRINUSE') {
      return (
        `Port ${port} (${setting}, ${what}) is already in use by another program: ` +
        `stop it, or set ${setting} to a free port in .env.`
      );
    }
    if (problem)
      return `Cannot listen on port ${port} (${setting}, ${what}): ${problem}; set ${setting} to another port in .env.`;
  }
  return null;
}

/**
 * Checks the demo's ports, PostgreSQL and Redis within seconds; returns a message saying what is wrong and how to
 * fix it.
 */
export async function preflight(config: AppConfig): Promise<string | null> {
  const busy = await checkDemoPorts(config);
  if (busy) return busy;
  const dbUrl = new URL(config.database.DATABASE_URL);
  dbUrl.pathname = '/postgres';
  const pg = new Client({ connectionString: dbUrl.toString(), connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (err) {
    return [
      `PostgreSQL is not reachable at ${redact(config.database.DATABASE_URL)} (${(err as Error).message}).`,
      'Start it with `docker compose up -d postgres redis`, or on Debian `pg_ctlcluster 15 main start`,',
      'or set DATABASE_URL to a running server.',
    ].join('\n');
  } finally {
    await pg.end().catch(() => undefined);
  }
  const redis = new Redis(config.redis.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause: Error | null = null;
  redis.on('error', (err: Error) => (cause ??= err)); // reported below, once
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    return [
      `Redis is not reachable at ${redact(config.redis.REDIS_URL)} (${(cause ?? (err as Error)).message}).`,
      'Start it with `docker compose up -d postgres redis`, or `redis-server --daemonize yes`,',
      'or set REDIS_URL to a running server.',
    ].join('\n');
  } finally {
    redis.disconnect();
  }
  return null;
}
