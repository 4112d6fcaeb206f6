import { isIP } from 'node:net';
import { z } from 'zod';

// Development defaults for secrets: accepted everywhere except production.
export const DEV_SESSION_SECRET = 'dev-only-session-secret-change-me-0000';

const port = z.coerce.number().int().min(1).max(65535);
const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a ${protocols.join(' or ')} URL`);

/** An IP address, optionally with a /prefix, or one of Express' names for address ranges. */
function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

const proxyList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .refine((list) => list.every(isProxyEntry), 'must be a comma-separated list of IP addresses or CIDR ranges (or loopback)');

const perMinute = z.coerce.number().int().min(1);

/** One schema per area; each setting has a local default. */
export const configSchemas = {
  app: z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: port.default(3000),
    PUBLIC_URL: z.string().url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'must look like 512kb or 1mb').default('1mb'),
    /** Proxies whose X-Forwarded-For is believed; empty: the client address is the socket's. */
    TRUSTED_PROXIES: proxyList,
    /** API-wide limits per signed-in session and per client address (health routes are exempt). */
    RATE_LIMIT_SESSION_PER_MINUTE: perMinute.default(600),
    RATE_LIMIT_ADDRESS_PER_MINUTE: perMinute.default(1200),
    /** The Committee's public contact address, shown by the public register (DESIGN §4b). */
    COMMITTEE_CONTACT_ADDRESS: z.string().email('must be an e-mail address').default('1540committee@un.org'),
    /** Tests only: how far the clock of the dated rules runs ahead of the system's (libs/common/src/clock.ts). */
    TEST_CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
  }),
  database: z.object({
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/assistance'),
    /** Connections per process. Nothing holds one while waiting on a client (uploads write in short statements). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  }),
  redis: z.object({
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    QUEUE_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i).default('a1540'),
  }),
  auth: z.object({
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_SESSION_SECRET),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
    LOGIN_GLOBAL_MAX_FAILURES: z.coerce.number().int().min(1).default(1000),
  }),
  mail: z.object({
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    MAIL_FROM: z.string().default('1540 Assistance <no-reply@assistance-1540.example>'),
    DEMO_SMTP_PORT: port.default(2525),
    /** Where the worker asks whether a message it may have sent was received (libs/mail/src/mail-receipts.ts). */
    SMTP_RECEIPTS_URL: url(['http:', 'https:']).optional(),
    /** The demo catcher's receipts (loopback), used when SMTP_RECEIPTS_URL is unset and the demo catcher runs. */
    DEMO_RECEIPTS_PORT: port.default(2526),
    /** The in-process demo mail catcher; it runs only when SMTP_URL is unset and this is on. */
    MAIL_CATCHER: z.enum(['on', 'off']).default('on'),
    MAIL_CATCHER_KEEP: z.coerce.number().int().min(1).max(5000).default(200),
    MAIL_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
    /** First retry delay of a failed e-mail; later ones double (exponential backoff). */
    MAIL_RETRY_DELAY_MS: z.coerce.number().int().min(10).default(5000),
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
    /** When the daily digest goes out (cron, UTC). */
    DIGEST_CRON: z.string().regex(/^\S+( \S+){4,5}$/, 'must be a cron pattern such as 0 7 * * *').default('0 7 * * *'),
    REMINDERS_EVERY_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  }),
  worker: z.object({
    WORKER_HEALTH_PORT: port.default(3001),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
    /** Attempts of a job that fails by itself (a dependency outage does not use one up); then it is `failed`. */
    JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    /** First retry delay of a failed job; later ones double. */
    JOB_BACKOFF_MS: z.coerce.number().int().min(10).default(1000),
    /** How long a job interrupted by a PostgreSQL, Redis or SMTP outage waits before trying again. */
    OUTAGE_RETRY_MS: z.coerce.number().int().min(50).default(5000),
    /** How often the worker checks that nothing committed was lost in Redis (schedulers, events, e-mails, scoring). */
    RECOVERY_EVERY_MS: z.coerce.number().int().min(100).default(15_000),
    /** How long work may stay unfinished before recovery looks for its job (and re-enqueues it when it is gone). */
    RECOVERY_AFTER_MS: z.coerce.number().int().min(100).default(30_000),
  }),
  documents: z.object({
    /** Largest document accepted by an upload, in bytes (25 MB). Larger uploads get 413 while they stream. */
    DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(2 ** 31).default(25 * 1024 * 1024),
    /** Where document bytes live: `postgres` (the document_contents table, nothing else to run) or `s3`. */
    DOCUMENT_STORE: z.enum(['postgres', 's3']).default('postgres'),
    /** The S3-compatible store (MinIO, AWS S3, …); read only when DOCUMENT_STORE=s3. */
    S3_ENDPOINT: url(['http:', 'https:']).optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** `path` (https://host/bucket/key, MinIO's default) or `virtual` (https://bucket.host/key). */
    S3_ADDRESSING: z.enum(['path', 'virtual']).default('path'),
  }),
} as const;

type Schemas = typeof configSchemas;
export type AppConfig = { [K in keyof Schemas]: z.infer<Schemas[K]> };

export class ConfigError extends Error {}

/** Reads `.env` from the working directory into process.env, if there is one (variables already set win). */
export function loadEnvFile(file = '.env'): void {
  try {
    process.loadEnvFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * Parses the environment into typed settings. Throws a ConfigError whose message is one line naming the
 * first bad setting, so start-up can stop with exactly that.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const out: Record<string, unknown> = {};
  for (const [area, schema] of Object.entries(configSchemas)) {
    // Empty strings count as unset, as in most .env tooling.
    const input = Object.fromEntries(
      Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
    );
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigError(`Invalid setting ${String(issue.path[0])}: ${issue.message}`);
    }
    out[area] = parsed.data;
  }
  const config = out as AppConfig;
  if (config.app.NODE_ENV === 'production' && config.auth.SESSION_SECRET === DEV_SESSION_SECRET) {
    throw new ConfigError('Invalid setting SESSION_SECRET: the development default is refused in production');
  }
  if (config.app.TEST_CLOCK_OFFSET_MS !== 0 && config.app.NODE_ENV !== 'test') {
    throw new ConfigError('Invalid setting TEST_CLOCK_OFFSET_MS: a moved clock is refused outside NODE_ENV=test');
  }
  if (config.documents.DOCUMENT_STORE === 's3') {
    for (const key of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!config.documents[key]) throw new ConfigError(`Invalid setting ${key}: required when DOCUMENT_STORE=s3`);
    }
  }
  return config;
}
