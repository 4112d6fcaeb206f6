import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createDataSource, dropDatabase, ensureDatabase, seedDemoOrganizations } from '@app/database';
import { QUEUES, redisConnection } from '@app/queue';
import { freePort, RunningProcess, spawnApp, waitFor } from '../support/platform';
import { SmtpPeer } from '../../scripts/support/smtp-peer';

/**
 * API + worker processes on a scratch database and queue prefix of their own, mailing a real SMTP peer in the
 * test process. Isolated so another file's worker can neither take these events and e-mails nor lose its own
 * to this worker, whatever Jest runs in parallel.
 */
export interface NotificationsWorld {
  api: RunningProcess;
  worker: RunningProcess;
  ds: DataSource;
  peer: SmtpPeer;
  env: Record<string, string>;
  mailQueue: Queue;
  notificationsQueue: Queue;
  startWorker(extraEnv?: Record<string, string>): Promise<RunningProcess>;
  close(): Promise<void>;
}

/** `demo`: no SMTP_URL, so the API runs the demo mail catcher (on a free port) and the worker mails it. */
export async function startNotificationsWorld({ demo = false }: { demo?: boolean } = {}): Promise<NotificationsWorld> {
  const config = loadConfig();
  const tag = randomBytes(3).toString('hex');
  const url = new URL(config.database.DATABASE_URL);
  url.pathname = `${url.pathname}_n${tag}`;
  const databaseUrl = url.toString();
  const prefix = `${config.redis.QUEUE_PREFIX}n${tag}`;
  const connection = redisConnection(config.redis.REDIS_URL);
  const processes: RunningProcess[] = [];
  const cleanup: (() => Promise<unknown>)[] = [];
  const close = async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    await deleteQueueKeys(config.redis.REDIS_URL, prefix);
  };
  try {
    await ensureDatabase(databaseUrl);
    cleanup.push(() => dropDatabase(databaseUrl));
    const ds = await createDataSource(databaseUrl).initialize();
    cleanup.push(() => ds.destroy());
    await ds.runMigrations({ transaction: 'each' });
    await seedDemoOrganizations(ds);
    const peer = await SmtpPeer.start();
    cleanup.push(() => peer.close());
    const env = {
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: prefix,
      ...(demo ? { SMTP_URL: '', MAIL_CATCHER: 'on', DEMO_SMTP_PORT: String(await freePort()), DEMO_RECEIPTS_PORT: String(await freePort()) } : { SMTP_URL: peer.url, SMTP_RECEIPTS_URL: peer.receiptsUrl, MAIL_CATCHER: 'off' }),
      MAIL_RETRY_DELAY_MS: '200',
      MAIL_MAX_ATTEMPTS: '8', // 25 s of retries at most: room for a slow machine in the SMTP-down test
    };
    const mailQueue = new Queue(QUEUES.mail, { connection, prefix });
    const notificationsQueue = new Queue(QUEUES.notifications, { connection, prefix });
    cleanup.push(() => mailQueue.close(), () => notificationsQueue.close());
    const startWorker = async (extraEnv: Record<string, string> = {}) => {
      const w = await spawnApp('worker', { ...env, ...extraEnv });
      processes.push(w);
      return w;
    };
    const api = await spawnApp('api', env);
    processes.push(api);
    const worker = await startWorker();
    return { api, worker, ds, peer, env, mailQueue, notificationsQueue, startWorker, close };
  } catch (err) {
    await close();
    throw err;
  }
}

async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  smtp_response: string | null;
  message_id: string;
  recipient: string;
  kind: string;
}

/** The e-mail deliveries of the notifications an event type made for a subject. */
export async function deliveriesFor(ds: DataSource, eventType: string, subjectId: string): Promise<DeliveryRow[]> {
  return ds.query(
    `SELECT d.id, d.status, d.attempts, d.last_error, d.smtp_response, d.message_id, d.recipient, d.kind FROM notification_deliveries d
       JOIN notifications n ON n.id = d.notification_id WHERE n.event_type = $1 AND n.subject_id = $2 ORDER BY d.recipient`,
    [eventType, subjectId],
  );
}

/** Waits until every delivery of the event is settled (sent or failed), and returns them. */
export async function settledDeliveries(ds: DataSource, eventType: string, subjectId: string, expected: number, timeoutMs = 20_000): Promise<DeliveryRow[]> {
  return waitFor(
    async () => {
      const rows = await deliveriesFor(ds, eventType, subjectId);
      return rows.length === expected && rows.every((r) => r.status === 'sent' || r.status === 'failed') ? rows : null;
    },
    timeoutMs,
    `${expected} settled deliveries for ${eventType}`,
  );
}
