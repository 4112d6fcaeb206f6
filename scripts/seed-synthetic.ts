// `npm run seed:synthetic -- --requests N --offers M [--seed S]`: adds a large synthetic world to DATABASE_URL
// (migrating first). Each run adds more; synthetic organisations are named "Synthetic …".
import { loadConfig } from '@app/config';
import { createDataSource, ensureDatabase, seedSyntheticWorld } from '@app/database';
import { DEFAULT_SYNTHETIC_SEED } from '@app/synthetic';

const USAGE = 'Usage: npm run seed:synthetic -- --requests <N> --offers <M> [--seed <S>]';

export interface SyntheticArgs {
  requests: number;
  offers: number;
  seed: number;
}

/** Parses `--name value` and `--name=value`; every value a positive integer. Throws with a message for the user. */
export function parseSyntheticArgs(argv: readonly string[]): SyntheticArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--(requests|offers|seed)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument "${arg}"`);
    const [, name, inline] = match;
    if (values.has(name)) throw new Error(`--${name} given twice`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    values.set(name, value);
  }
  const positive = (name: string): number | undefined => {
    const raw = values.get(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1) {
      throw new Error(`--${name} must be a positive integer, got "${raw}"`);
    }
    return n;
  };
  const requests = positive('requests');
  const offers = positive('offers');
  if (requests === undefined) throw new Error('--requests is required');
  if (offers === undefined) throw new Error('--offers is required');
  return { requests, offers, seed: positive('seed') ?? DEFAULT_SYNTHETIC_SEED };
}

async function main(): Promise<number> {
  let args: SyntheticArgs;
  try {
    args = parseSyntheticArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const url = loadConfig().database.DATABASE_URL;
  await ensureDatabase(url);
  const ds = await createDataSource(url).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const report = await seedSyntheticWorld(ds, args);
    console.log(
      `Synthetic world (seed ${args.seed}): ${report.requests} requests, ${report.offers} offers, ` +
        `${report.historyEntries} history entries; ${report.organizations} new organisations, ` +
        `${report.users} new users; ${(report.elapsedMs / 1000).toFixed(1)} s`,
    );
    return 0;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
