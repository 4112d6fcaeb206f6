// Database tooling: `node dist/scripts/db.js run|revert|generate <Name>` (see package.json scripts).
import * as path from 'node:path';
import { loadConfig } from '@app/config';
import { createDataSource, ensureDatabase, generateMigration } from '@app/database';

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  const url = loadConfig().database.DATABASE_URL;
  await ensureDatabase(url);
  const ds = await createDataSource(url).initialize();
  try {
    switch (command) {
      case 'run': {
        const ran = await ds.runMigrations({ transaction: 'each' });
        console.log(ran.length ? `Applied ${ran.map((m) => m.name).join(', ')}` : 'Database is up to date');
        return 0;
      }
      case 'revert':
        await ds.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the last migration');
        return 0;
      case 'generate': {
        if (!name) {
          console.error('Usage: npm run migration:generate -- <Name>');
          return 2;
        }
        await ds.runMigrations({ transaction: 'each' });
        const dir = path.resolve(__dirname, '../../libs/database/src/migrations');
        const file = await generateMigration(ds, name, dir);
        console.log(file ? `Wrote libs/database/src/migrations/${file}.ts` : 'No changes: entities and migrations agree');
        return 0;
      }
      default:
        console.error('Usage: db run|revert|generate <Name>');
        return 2;
    }
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
