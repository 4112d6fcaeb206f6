import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/config';
import { redisConnection } from './connection';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** BullMQ's connection and prefix for every queue, plus one plain Redis client for health and counters. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisConnection(config.redis.REDIS_URL),
        prefix: config.redis.QUEUE_PREFIX,
      }),
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

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
