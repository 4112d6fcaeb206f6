import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/config';
import { redisConnection } from './connection';
import { applyJobPolicy } from './queues';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** Readiness answers within 200 ms: each dependency gets this long, and both are asked at once. */
export const READY_CHECK_TIMEOUT_MS = 120;

/**
 * Whether PostgreSQL and Redis answer, for /health/ready. A Redis client that is not connected counts as down at
 * once (a PING would wait for its reconnection); anything slower than READY_CHECK_TIMEOUT_MS counts as down.
 */
export async function readinessChecks(deps: { database: () => Promise<unknown>; redis: Redis }): Promise<{ database: 'up' | 'down'; redis: 'up' | 'down' }> {
  const within = <T>(p: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), READY_CHECK_TIMEOUT_MS)))]).finally(() =>
      clearTimeout(timer),
    );
  };
  const [db, redis] = await Promise.allSettled([
    within(deps.database()),
    deps.redis.status === 'ready' ? within(deps.redis.ping()) : Promise.reject(new Error(`Redis ${deps.redis.status}`)),
  ]);
  return { database: db.status === 'fulfilled' ? 'up' : 'down', redis: redis.status === 'fulfilled' ? 'up' : 'down' };
}

/** BullMQ's connection and prefix for every queue, plus one plain Redis client for health and counters. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const { JOB_ATTEMPTS, JOB_BACKOFF_MS, OUTAGE_RETRY_MS } = config.worker;
        applyJobPolicy({ attempts: JOB_ATTEMPTS, backoffMs: JOB_BACKOFF_MS, outageRetryMs: OUTAGE_RETRY_MS });
        return { connection: redisConnection(config.redis.REDIS_URL), prefix: config.redis.QUEUE_PREFIX };
      },
    }),
  ],
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis(config.redis.REDIS_URL, { maxRetriesPerRequest: 2, connectTimeout: 3000, lazyConnect: false }),
    },
  ],
  exports: [REDIS_CLIENT],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  // QUIT waits for a reply: a client that is not connected (Redis down) would wait for its reconnection, so it
  // drops the connection at once instead.
  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    else this.redis.disconnect();
  }
}
