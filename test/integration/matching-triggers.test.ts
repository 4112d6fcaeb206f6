import { randomBytes, randomUUID } from 'node:crypto';
import { Job, Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createDataSource, type OutboxEventEntity } from '@app/database';
import { JOBS, QUEUES, redisConnection } from '@app/queue';
import { EventHandlerRegistry } from '../../apps/worker/src/events/event-handler.registry';
import { MatchingTriggers } from '../../apps/worker/src/matching/matching-triggers';
import { waitFor } from '../support/platform';
import { waitForQuiescence } from '../support/quiescence';

/** Workflow events become matching jobs keyed by the record: repeats coalesce, and no change is lost. */
describe('matching triggers', () => {
  const connection = redisConnection(loadConfig().redis.REDIS_URL);
  const prefix = `${process.env.QUEUE_PREFIX}_triggers${randomBytes(3).toString('hex')}`;
  let queue: Queue;
  let registry: EventHandlerRegistry;
  let ds: DataSource;

  beforeAll(async () => {
    ds = await createDataSource(loadConfig().database.DATABASE_URL).initialize();
    queue = new Queue(QUEUES.matching, { connection, prefix });
    registry = new EventHandlerRegistry();
    new MatchingTriggers(registry, queue).onModuleInit();
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    await ds.destroy();
  });

  const fire = (type: string, subjectId: string) =>
    Promise.all(registry.handlersFor(type).map((h) => h.handle({ id: randomUUID(), type, subjectId, payload: {} } as OutboxEventEntity, ds.manager)));

  it('coalesces triggers that arrive while the job waits, and runs once more for a trigger during the job', async () => {
    const requestId = randomUUID();
    await fire('request.circulated', requestId);
    await fire('request.updated', requestId); // still waiting: nothing new
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });

    const runs: Job[] = [];
    let release!: () => void;
    const firstRunHeld = new Promise<void>((r) => (release = r));
    const worker = new Worker(
      QUEUES.matching,
      async (job) => {
        runs.push(job);
        if (runs.length === 1) await firstRunHeld;
      },
      { connection, prefix },
    );
    try {
      await waitFor(async () => runs.length === 1, 10_000, 'the first run');
      // The running job may already have read the request: these changes must be scored by one more run.
      await fire('request.updated', requestId);
      await fire('request.updated', requestId);
      release();
      await waitFor(async () => runs.length === 2, 10_000, 'the second run');
      // A third run would be queued by now: once the queue is idle, two runs are all there will be.
      await waitForQuiescence({ prefix });
      expect(runs.map((j) => [j.name, j.data.requestId])).toEqual([
        [JOBS.scoreRequest, requestId],
        [JOBS.scoreRequest, requestId],
      ]);
      expect(await queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({ waiting: 0, active: 0, delayed: 0 });
    } finally {
      release();
      await worker.close();
    }
  });

  it('writes each trigger to matching_work in the event transaction, so the work outlives Redis', async () => {
    const requestId = randomUUID();
    await fire('request.circulated', requestId);
    await fire('request.updated', requestId);
    const rows = await ds.query(`SELECT job_name, data, generation FROM matching_work WHERE key = $1`, [`score-request.${requestId}`]);
    expect(rows).toEqual([{ job_name: JOBS.scoreRequest, data: { requestId }, generation: 2 }]);
  });
});
