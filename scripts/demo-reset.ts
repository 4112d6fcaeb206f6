// `npm run demo -- --reset`: the demo's data back to the seeded story, as on a first run.
import Redis from 'ioredis';
import type { AppConfig } from '@app/config';
import { dropDatabase } from '@app/database';

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');

/** What a reset deletes, in words, printed before it does. */
export function describeReset(config: AppConfig): string {
  const db = new URL(config.database.DATABASE_URL);
  return [
    `Resetting the demo: deleting the database "${decodeURIComponent(db.pathname.slice(1))}" on ${db.host}`,
    `and every Redis key under "${config.redis.QUEUE_PREFIX}:" on ${redact(config.redis.REDIS_URL)}`,
    '(queued jobs, sign-in counters), then migrating and seeding the demo again.',
    'Nothing else on either server is touched.',
  ].join('\n');
}

/** Why a reset must not run here, or null: it deletes whatever DATABASE_URL names. */
export function resetRefusal(config: AppConfig): string | null {
  return config.app.NODE_ENV === 'production'
    ? '--reset refuses to run with NODE_ENV=production: it deletes the database named by DATABASE_URL.'
    : null;
}

/** Deletes the demo's keys (`<QUEUE_PREFIX>:…`): BullMQ's queues and the API's counters. Returns how many. */
async function deleteQueueData(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, connectTimeout: 3000 });
  let deleted = 0;
  try {
    // The prefix is letters, digits, '_' and '-' (config schema): nothing in it is a glob character.
    const keys = redis.scanStream({ match: `${prefix}:*`, count: 500 });
    for await (const batch of keys as AsyncIterable<string[]>) {
      if (batch.length) deleted += await redis.unlink(...batch);
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** Drops the demo database and its queue data; `migrateAndSeed` then builds both again. */
export async function resetDemoData(config: AppConfig): Promise<{ keysDeleted: number }> {
  const refusal = resetRefusal(config);
  if (refusal) throw new Error(refusal);
  await dropDatabase(config.database.DATABASE_URL);
  return { keysDeleted: await deleteQueueData(config.redis.REDIS_URL, config.redis.QUEUE_PREFIX) };
}
