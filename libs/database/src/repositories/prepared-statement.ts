import { types, type Pool, type QueryResultRow } from 'pg';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const DATE_OID = 1082;

// Values as the entities hydrate them: `date` columns stay 'YYYY-MM-DD' strings (pg would make local-midnight Dates).
const ENTITY_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (value: string) => value : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

/**
 * Runs `text` on the data source's pool as the named prepared statement `name`: each connection parses and plans it
 * once, then only binds and executes it, and no query builder or entity hydration runs per call. For the statements
 * every request runs (the session check, a record's page). `name` must always go with the same `text`.
 */
export async function preparedQuery<T extends QueryResultRow>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const { rows } = await pool.query<T>({ name, text, values, types: ENTITY_TYPES });
  return rows;
}

/**
 * The rows of a query builder's statement read on the data source's pool with the entities' value types (as
 * `preparedQuery`): for a builder that selects `entityColumns(…).sql`, each row is ready for that `hydrate`.
 */
export async function entityRows<T extends QueryResultRow>(dataSource: DataSource, qb: SelectQueryBuilder<ObjectLiteral>): Promise<T[]> {
  const [text, values] = qb.getQueryAndParameters();
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const { rows } = await pool.query<T>({ text, values, types: ENTITY_TYPES });
  return rows;
}

/**
 * An entity's selectable columns as `alias.column AS "property"`, and a function turning a row read with them into
 * the entity's values (its column transformers applied): what a query builder would read and hydrate, worked out once.
 */
export function entityColumns<E extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<E>, alias: string): { sql: string; hydrate: (row: Record<string, unknown>) => E } {
  const columns = dataSource.getMetadata(entity).columns.filter((c) => c.isSelect);
  const transformed = columns.filter((c) => c.transformer && !Array.isArray(c.transformer));
  return {
    // A virtual column (@VirtualColumn) is its subquery, as the query builder selects it.
    sql: columns.map((c) => `${c.isVirtualProperty && c.query ? `(${c.query(alias)})` : `${alias}.${c.databaseName}`} AS "${c.propertyName}"`).join(', '),
    hydrate: (row) => {
      for (const c of transformed) row[c.propertyName] = (c.transformer as { from: (v: unknown) => unknown }).from(row[c.propertyName]);
      return row as E;
    },
  };
}
