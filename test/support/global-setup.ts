import './register-paths';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@app/config';
import { createDataSource, ensureDatabase, seedDemo } from '@app/database';
import { copyDatabase, TEMPLATE_SUFFIX } from './databases';
import { freePort } from './ports';

/**
 * Once per test run: a database and a queue prefix of the run's own, so a developer's demo data and parallel
 * runs never collide. A template database is migrated and seeded with the demo organisations, users and world
 * (so every tier can sign in as each role), and the run's shared database is copied from it; end-to-end and
 * browser files copy their own from it too (own-world.ts). Tests create everything else through factories.
 */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const base = new URL(loadConfig().database.DATABASE_URL);
  base.pathname = `/assistance_test_${run}`;
  const template = new URL(base);
  template.pathname = `${base.pathname}${TEMPLATE_SUFFIX}`;
  process.env.DATABASE_URL = base.toString();
  process.env.QUEUE_PREFIX = `test${run}`;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = 'warn';
  // Every test client signs in and calls from 127.0.0.1, many files at once: limits that would throttle a
  // whole run are raised here; the tests of the limits start their own API with low ones.
  process.env.RATE_LIMIT_SESSION_PER_MINUTE = '100000';
  process.env.RATE_LIMIT_ADDRESS_PER_MINUTE = '100000';
  process.env.LOGIN_ADDRESS_MAX_FAILURES = '10000';
  process.env.LOGIN_GLOBAL_MAX_FAILURES = '100000';
  // E-mail: no test process runs the demo catcher on 2525, mails a developer's running demo or a server named
  // in .env; workers send to a closed local port unless a test starts its own SMTP peer (scripts/support/smtp-peer.ts).
  process.env.SMTP_URL = '';
  process.env.MAIL_CATCHER = 'off';
  process.env.DEMO_SMTP_PORT = String(await freePort()); // nothing will listen there
  await ensureDatabase(template.toString());
  const ds = await createDataSource(template.toString()).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedDemo(ds);
  } finally {
    await ds.destroy();
  }
  await copyDatabase(template.toString(), base.toString());
}
