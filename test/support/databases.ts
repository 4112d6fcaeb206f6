import { Client } from 'pg';

/**
 * Test databases on the run's PostgreSQL server. Global setup migrates and seeds one template per run; the
 * shared database and every isolated file's database are copies of it (`CREATE DATABASE … TEMPLATE`, a file copy
 * that takes well under a second), so no file pays for migrations and seeds again.
 */
export const TEMPLATE_SUFFIX = '_template';

const nameOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withAdmin<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `url`'s database as a fresh copy of `templateUrl`'s (which nobody may be connected to). */
export async function copyDatabase(templateUrl: string, url: string): Promise<void> {
  await withAdmin(url, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quoted(nameOf(url))} TEMPLATE ${quoted(nameOf(templateUrl))}`);
        return;
      } catch (err) {
        // Two copies of one template started at the same instant: PostgreSQL refuses the second; try again.
        if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  });
}

/** Every database whose name starts with the run database's own (the template and every file's copy included). */
export async function dropRunDatabases(runUrl: string): Promise<void> {
  const run = nameOf(runUrl);
  await withAdmin(runUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_')`,
      [run],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
  });
}
