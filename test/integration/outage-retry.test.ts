import { randomBytes } from 'node:crypto';
import { Job, Queue, Worker } from 'bullmq';
import { loadConfig } from '@app/config';
import { QUEUES, redisConnection, retryingOutages } from '@app/queue';
import { waitFor } from '../support/platform';

/**
 * The attempt policy: attempts are for failures of the job; a dependency outage postpones the job without using
 * one, so a job with a single attempt outlives an outage of any length instead of ending `failed`.
 */
describe('jobs interrupted by a dependency outage', () => {
  const connection = redisConnection(loadConfig().redis.REDIS_URL);
  const prefix = `${process.env.QUEUE_PREFIX}_outage${randomBytes(3).toString('hex')}`;
  let queue: Queue;

  beforeAll(() => {
    queue = new Queue(QUEUES.events, { connection, prefix });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('are postponed without using an attempt, and a failure of the job itself still fails it', async () => {
    let outageLeft = 4; // the dependency refuses the first four tries
    const runs: number[] = [];
    const worker = new Worker(
      QUEUES.events,
      (job: Job, token?: string) =>
        retryingOutages(job, token, async () => {
          runs.push(job.attemptsMade);
          if (job.data.broken) throw new Error('the job itself is wrong');
          if (outageLeft-- > 0) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
          return 'done';
        }),
      { connection, prefix },
    );
    try {
      const { OUTAGE_POLICY } = await import('@app/queue');
      OUTAGE_POLICY.retryMs = 100;
      const job = await queue.add('event', {}, { attempts: 1 });
      await waitFor(async () => (await job.getState()) === 'completed', 10_000, 'the job to complete after the outage');
      // Five runs, none of them counted as a used attempt; the one that succeeded is its only attempt.
      expect(runs).toEqual([0, 0, 0, 0, 0]);
      expect((await queue.getJob(job.id!))!.attemptsMade).toBe(1);

      const broken = await queue.add('event', { broken: true }, { attempts: 1 });
      await waitFor(async () => (await broken.getState()) === 'failed', 10_000, 'the broken job to fail');
      expect((await queue.getJob(broken.id!))!.failedReason).toBe('the job itself is wrong');
    } finally {
      await worker.close();
    }
  });
});
