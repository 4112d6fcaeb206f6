import Redis from 'ioredis';
import { Client } from 'pg';
import type { AppConfig } from '@app/config';

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');

/** Checks PostgreSQL and Redis within seconds; returns a message saying which is down and how to start it. */
export async function preflight(config: AppConfig): Promise<string | null> {
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
