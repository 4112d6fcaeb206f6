import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createDataSource } from '@app/database';
import { QUEUES, redisConnection } from '@app/queue';
import { ApiClient } from '../support/http';
import { RunningProcess, spawnApp, waitFor } from '../support/platform';
import { waitForQuiescence } from '../support/quiescence';

describe('transactional outbox across process crashes', () => {
  let ds: DataSource;
  let events: Queue;
  const running: RunningProcess[] = [];

  beforeAll(async () => {
    const config = loadConfig();
    ds = await createDataSource(config.database.DATABASE_URL).initialize();
    events = new Queue(QUEUES.events, { connection: redisConnection(config.redis.REDIS_URL), prefix: config.redis.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop('SIGKILL')));
    await events.close();
    await ds.destroy();
  });

  it('delivers an event once when the API dies between its commit and its enqueue', async () => {
    const api = await spawnApp('api', { FAULT_INJECTION: 'exit-after-commit' });
    running.push(api);
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    const name = `Crash Test Org ${randomUUID().slice(0, 8)}`;
    // The API commits, then exits before enqueueing: the client sees the connection drop.
    await expect(admin.post('/api/v1/organizations', { name, shortName: 'CTO', kind: 'provider' })).rejects.toThrow();
    expect(await api.exited).toBe(86);

    const [org] = await ds.query('SELECT id FROM organizations WHERE name = $1', [name]);
    expect(org).toBeDefined();
    const [pending] = await ds.query('SELECT id, enqueued_at, deliveries FROM outbox_events WHERE subject_id = $1', [org.id]);
    expect(pending).toMatchObject({ enqueued_at: null, deliveries: 0 });

    const worker = await spawnApp('worker');
    running.push(worker);
    const delivered = await waitFor(async () => {
      const [row] = await ds.query('SELECT processed_at, deliveries FROM outbox_events WHERE id = $1', [pending.id]);
      return row.processed_at ? row : null;
    }, 20_000, 'the event to be processed');
    expect(delivered.deliveries).toBe(1);
    const job = await events.getJob(pending.id);
    expect(await job!.getState()).toBe('completed');

    // Re-enqueueing the same event (a relay crash after enqueue, before marking) does not deliver it twice.
    await ds.query('UPDATE outbox_events SET enqueued_at = NULL WHERE id = $1', [pending.id]);
    await waitFor(async () => (await ds.query('SELECT enqueued_at FROM outbox_events WHERE id = $1', [pending.id]))[0].enqueued_at, 10_000, 're-enqueue');
    await waitForQuiescence({ ds, mail: false }); // no SMTP peer here: e-mails retry for ever
    const [after] = await ds.query('SELECT deliveries FROM outbox_events WHERE id = $1', [pending.id]);
    expect(after.deliveries).toBe(1);
    expect(await worker.stop()).toBe(0);
  });
});
