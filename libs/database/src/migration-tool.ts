import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';

/** SQL that would bring the database to the entities; empty when entities and migrations agree. */
export async function pendingSchemaChanges(ds: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await ds.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query).reverse(),
  };
}

/** Writes a migration class for the pending changes and registers it in migrations/index.ts. */
export async function generateMigration(ds: DataSource, name: string, migrationsDir: string): Promise<string | null> {
  const { up, down } = await pendingSchemaChanges(ds);
  if (up.length === 0) return null;
  const stamp = Date.now();
  const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${stamp}`;
  const fileBase = `${stamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
  const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
  await fs.writeFile(path.join(migrationsDir, `${fileBase}.ts`), source);
  const indexFile = path.join(migrationsDir, 'index.ts');
  const index = await fs.readFile(indexFile, 'utf8');
  const updated = index
    .replace(/^(\/\/.*\n)/, `$1import { ${className} } from './${fileBase}';\n`)
    .replace(/export const MIGRATIONS: Function\[\] = \[(.*)\];/s, (_m, list: string) => {
      const names = list.split(',').map((s) => s.trim()).filter(Boolean);
      return `export const MIGRATIONS: Function[] = [${[...names, className].join(', ')}];`;
    });
  await fs.writeFile(indexFile, updated);
  return fileBase;
}
