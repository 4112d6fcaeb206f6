// Seeds the demo world into DATABASE_URL (migrating first). Idempotent.
import { loadConfig } from '@app/config';
import { createDataSource, ensureDatabase, seedDemo } from '@app/database';

export async function migrateAndSeed(url: string): Promise<string> {
  await ensureDatabase(url);
  const ds = await createDataSource(url).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const report = await seedDemo(ds);
    return Object.entries(report)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  migrateAndSeed(loadConfig().database.DATABASE_URL).then(
    (summary) => console.log(`Seeded: ${summary} (existing rows left as they were)`),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
