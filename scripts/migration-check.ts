// Fails when the entities and the migrations disagree: migrates a scratch database from zero and diffs.
import { loadConfig } from '@app/config';
import { createDataSource, dropDatabase, ensureDatabase, pendingSchemaChanges } from '@app/database';

async function main(): Promise<number> {
  const url = new URL(loadConfig().database.DATABASE_URL);
  url.pathname = `/migration_check_${process.pid}_${Date.now()}`;
  await ensureDatabase(url.toString());
  const ds = await createDataSource(url.toString()).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const { up } = await pendingSchemaChanges(ds);
    if (up.length) {
      console.error(`Entities and migrations disagree; run \`npm run migration:generate -- <Name>\`. Missing:\n${up.join(';\n')}`);
      return 1;
    }
    // Every migration must also revert cleanly.
    for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    console.log(`Entities and migrations agree (${ds.migrations.length} migrations applied and reverted)`);
    return 0;
  } finally {
    await ds.destroy();
    await dropDatabase(url.toString());
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
