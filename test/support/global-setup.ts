import './register-paths';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@app/config';
import { createDataSource, ensureDatabase, seedDemo } from '@app/database';
import { freePort } from './ports';

/**
 * One database and one queue prefix per test run, created and migrated here, so a developer's demo data and
 * parallel runs never collide. The demo organisations and users are seeded so every tier can sign in as each
 * role; tests create everything else through factories.
 */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const base = new URL(loadConfig().database.DATABASE_URL);
  base.pathname = `/assistance_test_${run}`;
  process.env.DATABASE_URL = base.toString();
  process.env.QUEUE_PREFIX = `test${run}`;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = 'warn';
  // E-mail: no test process runs the demo catcher on 2525, mails a developer's running demo or a server named
  // in .env; workers send to a closed local port unless a test starts its own SMTP peer (smtp-peer.ts).
  process.env.SMTP_URL = '';
  process.env.MAIL_CATCHER = 'off';
  process.env.DEMO_SMTP_PORT = String(await freePort()) // nothing will listen there;
  await ensureDatabase(process.env.DATABASE_URL);
  const ds = await createDataSource(process.env.DATABASE_URL).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedDemo(ds);
  } finally {
    await ds.destroy();
  }
}

