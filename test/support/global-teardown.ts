import './register-paths';
import Redis from 'ioredis';
import { loadConfig } from '@app/config';
import { dropRunDatabases } from './databases';

/**
 * Drops the run's databases (the template, the shared one and every file's own) and deletes its queue keys (every
 * prefix that starts with the run's). KEEP_TEST_DB=1 keeps the databases to inspect.
 */
export default async function globalTeardown(): Promise<void> {
  const config = loadConfig();
  if (!process.env.KEEP_TEST_DB) await dropRunDatabases(config.database.DATABASE_URL);
  const redis = new Redis(config.redis.REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.QUEUE_PREFIX}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
