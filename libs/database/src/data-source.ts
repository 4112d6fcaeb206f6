import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming.strategy';

/**
 * Settings of every connection the apps open. PostgreSQL's JIT compiles a statement whose estimated cost passes
 * `jit_above_cost` (100,000) before running it: at 20,000 requests a list's count crossed it and spent 20–80 ms
 * compiling what runs in 30 ms, at every call (docs/performance.md, fourth round). The apps run short statements
 * only. An operator's PGOPTIONS come after, so they can set it back; an `options` parameter in DATABASE_URL replaces both.
 */
export const CONNECTION_OPTIONS = ['-c jit=off', process.env.PGOPTIONS].filter(Boolean).join(' ');

/** Migrations only: schema changes never come from `synchronize`. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: poolSize, connectionTimeoutMillis: 5000, options: CONNECTION_OPTIONS },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
