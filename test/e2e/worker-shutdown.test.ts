import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@app/config';
import { CanaryJob, QUEUES, redisConnection } from '@app/queue';
import { spawnApp, waitFor } from '../support/platform';

describe('worker process', () => {
  const config = loadConfig();
  const connection = redisConnection(config.redis.REDIS_URL);
  const canary = new Queue<CanaryJob>(QUEUES.canary, { connection, prefix: config.redis.QUEUE_PREFIX });
  const redis = new Redis(config.redis.REDIS_URL);

  afterAll(async () => {
    await canary.close();
    redis.disconnect();
  });

  it('answers its health probes', async () => {
    const worker = await spawnApp('worker');
    try {
      expect(await (await fetch(`${worker.baseUrl}/health/live`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${worker.baseUrl}/health/ready`)).json()).toEqual({
        status: 'ok',
        checks: { database: 'up', redis: 'up' },
      });
    } finally {
      await worker.stop();
    }
  });

  it('lets an active job finish on SIGTERM, then exits 0', async () => {
    const worker = await spawnApp('worker');
    const token = randomUUID();
    const job = await canary.add('canary', { token, holdMs: 2500 }, { jobId: token });
    await waitFor(async () => (await job.getState()) === 'active', 10_000, 'the job to start');
    worker.proc.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(await job.getState()).toBe('completed');
    expect(await redis.get(`${config.redis.QUEUE_PREFIX}:${QUEUES.canary}:done:${token}`)).toBeTruthy();
  });
});
