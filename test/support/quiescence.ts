import { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { QUEUES } from '@app/queue';

export interface Quiescence {
  /** The run's (or a world's) queue prefix; every queue in `QUEUES` under it is watched. */
  prefix?: string;
  /** The database whose outbox, matching work and e-mail deliveries are watched; without it, queues only. */
  ds?: DataSource;
  /** False where e-mail has nowhere to go (no SMTP peer, so it retries for ever): deliveries and the mail queue are left out. */
  mail?: boolean;
  timeoutMs?: number;
}

const POLL_MS = 50;

/**
 * Waits until nothing is left to happen: every outbox event processed, no matching work outstanding, no e-mail
 * delivery pending or being sent, and no job waiting, active, prioritised or delayed (a retry's backoff) in any
 * queue. A scheduler's next run is not work in hand, so it does not count. A test that proves something did NOT
 * happen waits for this and then asserts, instead of sleeping. Quiet means quiet twice in a row, so a hand-over
 * between two steps is not taken for the end. On timeout it fails naming what is still busy.
 */
export async function waitForQuiescence({ prefix = process.env.QUEUE_PREFIX, ds, mail = true, timeoutMs = 20_000 }: Quiescence = {}): Promise<void> {
  if (!prefix) throw new Error('waitForQuiescence needs a queue prefix (QUEUE_PREFIX is not set)');
  const redis = new Redis(loadConfig().redis.REDIS_URL, { maxRetriesPerRequest: null });
  const names = Object.values(QUEUES).filter((name) => mail || name !== QUEUES.mail);
  const queues = names.map((name) => new Queue(name, { connection: redis, prefix }));
  try {
    const deadline = Date.now() + timeoutMs;
    let busy: string[] = [];
    let quietPolls = 0;
    while (quietPolls < 2) {
      busy = [...(ds ? await busyRecords(ds, mail) : []), ...(await Promise.all(queues.map(busyJobs))).flat()];
      quietPolls = busy.length ? 0 : quietPolls + 1;
      if (quietPolls === 2) break;
      if (Date.now() > deadline) throw new Error(`Not quiet after ${timeoutMs} ms: ${busy.join('; ')}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await Promise.all(queues.map((q) => q.close()));
    redis.disconnect();
  }
}

async function busyRecords(ds: DataSource, mail: boolean): Promise<string[]> {
  const [row]: { events: string | null; matching: number; deliveries: string | null }[] = await ds.query(
    `SELECT (SELECT string_agg(type || ' ×' || n, ', ') FROM (SELECT type, count(*) AS n FROM outbox_events WHERE processed_at IS NULL GROUP BY type) e) AS events,
            (SELECT count(*)::int FROM matching_work) AS matching,
            (SELECT string_agg(status || ' ×' || n, ', ') FROM (SELECT status, count(*) AS n FROM notification_deliveries WHERE status IN ('pending', 'sending') GROUP BY status) d) AS deliveries`,
  );
  return [
    ...(row.events ? [`outbox events unprocessed (${row.events})`] : []),
    ...(row.matching ? [`matching work outstanding (${row.matching})`] : []),
    ...(mail && row.deliveries ? [`e-mail deliveries unsettled (${row.deliveries})`] : []),
  ];
}

async function busyJobs(queue: Queue): Promise<string[]> {
  const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
  const retries = (await queue.getDelayed()).filter((job) => !job.repeatJobKey).length;
  const busy = Object.entries({ ...counts, delayed: retries }).filter(([, n]) => n > 0);
  return busy.length ? [`queue ${queue.name}: ${busy.map(([state, n]) => `${n} ${state}`).join(', ')}`] : [];
}
