import './register-paths';
import Redis from 'ioredis';
import { loadConfig } from '@app/config';
import { dropDatabase } from '@app/database';

/** Drops the run's database and deletes its queue keys (every prefix that starts with the run's) (KEEP_TEST_DB=1 keeps the database to inspect). */
export default async function globalTeardown(): Promise<void> {
  const config = loadConfig();
  if (!process.env.KEEP_TEST_DB) await dropDatabase(config.database.DATABASE_URL);
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
