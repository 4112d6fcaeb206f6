import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import Redis from 'ioredis';
import { CanaryJob, QUEUES, REDIS_CLIENT } from '@app/queue';

/**
 * A canary job for operators: it waits `holdMs` and then writes its token to Redis, proving that the worker
 * picks up, runs and finishes jobs (and, with a hold, that shutdown lets active jobs complete).
 */
@Processor(QUEUES.canary)
export class CanaryProcessor extends WorkerHost {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {
    super();
  }

  async process(job: Job<CanaryJob>): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, Math.min(job.data.holdMs, 60_000)));
    const finishedAt = new Date().toISOString();
    await this.redis.set(`${job.queueQualifiedName}:done:${job.data.token}`, finishedAt, 'EX', 3600);
    return finishedAt;
  }
}
