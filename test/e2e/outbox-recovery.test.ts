import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { loadConfig } from '@app/config';
import { JOBS, QUEUES, redisConnection } from '@app/queue';
import { offerInput } from '../factories';
import { ApiClient, DEMO } from '../support/http';
import { waitFor } from '../support/platform';
import { NotificationsWorld, settledDeliveries, startNotificationsWorld } from './notifications.helpers';

/**
 * Redis runs without persistence: a restart forgets every job and scheduler it held. PostgreSQL's outbox is the
 * truth, and the worker's recovery puts back what Redis forgot — checked here by deleting this world's keys
 * (only its own prefix: other files share this Redis) while events are waiting in the queue.
 */
describe('recovery after Redis lost its data', () => {
  let world: NotificationsWorld;

  beforeAll(async () => {
    // The worker compares PostgreSQL with Redis every half second, for work older than one second.
    process.env.RECOVERY_EVERY_MS = '500';
    process.env.RECOVERY_AFTER_MS = '1000';
    world = await startNotificationsWorld();
  }, 90_000);
  afterAll(async () => {
    await world?.close();
  });

  /** Deletes every key of this world's queues, as a Redis restart without persistence would; returns the keys deleted. */
  async function forgetQueues(): Promise<string[]> {
    const redis = new Redis(loadConfig().redis.REDIS_URL);
    const deleted: string[] = [];
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${world.env.QUEUE_PREFIX}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length && (await redis.del(...keys)) > 0) deleted.push(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    return deleted;
  }

  it('events Redis accepted and then lost are processed exactly once, with their e-mails and schedulers', async () => {
    expect(await world.notificationsQueue.getJobScheduler(JOBS.mailSweep)).toBeDefined();
    // Events reach the queue but no worker takes them yet.
    const events = new Queue(QUEUES.events, { connection: redisConnection(loadConfig().redis.REDIS_URL), prefix: world.env.QUEUE_PREFIX });
    await events.pause();
    try {
      const donor = await ApiClient.as(world.api.baseUrl, 'bafa');
      const offers: string[] = [];
      for (let i = 0; i < 3; i++) {
        const created = await donor.post('/api/v1/offers', offerInput());
        await donor.post(`/api/v1/offers/${created.body.id}/transitions`, { action: 'submit' });
        offers.push(created.body.id);
      }
      const enqueued = await waitFor(async () => {
        const rows = await world.ds.query(`SELECT id, enqueued_at, processed_at FROM outbox_events WHERE subject_id = ANY($1::uuid[]) AND type = 'offer.submitted'`, [offers]);
        return rows.length === 3 && rows.every((r: any) => r.enqueued_at) ? rows : null;
      }, 10_000, 'the events to be enqueued');
      expect(enqueued.every((r: any) => r.processed_at === null)).toBe(true);
      expect((await events.getJobCounts('waiting')).waiting).toBeGreaterThanOrEqual(3);

      // The schedulers went with the rest. (Not asked of the queue: the worker's recovery, every half second, may
      // already have put them back, which a loaded machine showed once.)
      const forgotten = await forgetQueues();
      expect(forgotten).toEqual(expect.arrayContaining([`${world.env.QUEUE_PREFIX}:${QUEUES.notifications}:repeat:${JOBS.mailSweep}`]));

      // Recovery re-enqueues the events (same job ids), the worker handles each once, and the e-mails go out once.
      const processed = await waitFor(async () => {
        const rows = await world.ds.query(`SELECT processed_at, deliveries FROM outbox_events WHERE id = ANY($1::uuid[])`, [enqueued.map((r: any) => r.id)]);
        return rows.every((r: any) => r.processed_at) ? rows : null;
      }, 30_000, 'the lost events to be processed');
      expect(processed.map((r: any) => r.deliveries)).toEqual([1, 1, 1]);
      for (const id of offers) {
        const sent = await settledDeliveries(world.ds, 'offer.submitted', id, 2, 30_000);
        expect(sent.map((d) => d.status)).toEqual(['sent', 'sent']);
        expect(new Set(sent.map((d) => d.recipient))).toEqual(new Set([DEMO.admin, DEMO.expert]));
        for (const d of sent) expect(world.peer.acceptedCount(d.message_id)).toBe(1);
      }
      // Each notification exists once.
      const [{ n }] = await world.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE event_type = 'offer.submitted' AND subject_id = ANY($1::uuid[])`, [offers]);
      expect(n).toBe(6);
      // The repeatable jobs are back without restarting the worker.
      await waitFor(async () => world.notificationsQueue.getJobScheduler(JOBS.mailSweep), 10_000, 'the mail sweep scheduler');
      expect(await world.notificationsQueue.getJobScheduler(JOBS.reminders)).toBeDefined();
    } finally {
      await events.close();
    }
  }, 90_000);
});
