import { EntityManager, In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { OrganizationEntity } from '../entities';
import { entityRows, type entityColumns } from './prepared-statement';

/** The name of a record's organisation, as lists and pages show it. */
export interface OrganizationName {
  id: string;
  name: string;
  shortName: string;
}

/** The organisation's columns a list or page reads beside its record's (`LEFT JOIN organizations org`). */
export const ORGANIZATION_NAME_COLUMNS = 'org.id AS org_id, org.name AS org_name, org.short_name AS org_short_name';

export interface OrganizationRow {
  org_id: string | null;
  org_name: string;
  org_short_name: string;
}

/** The organisations named in rows read with ORGANIZATION_NAME_COLUMNS, by id. */
export function organizationsOf(raw: OrganizationRow[]): Map<string, OrganizationName> {
  const out = new Map<string, OrganizationName>();
  for (const r of raw) if (r.org_id) out.set(r.org_id, { id: r.org_id, name: r.org_name, shortName: r.org_short_name });
  return out;
}

/** A row read with ORGANIZATION_NAME_COLUMNS, without them. */
export function withoutOrganization<T extends OrganizationRow>({
  org_id: _id,
  org_name: _name,
  org_short_name: _short,
  ...row
}: T): Omit<T, keyof OrganizationRow> {
  return row;
}

/**
 * `qb`'s records (alias `alias`) with their organisations' names, in one statement: the organisation is many-to-one,
 * so a page stays a plain LIMIT/OFFSET with no id pre-query. Rows are read with the entity's columns worked out once
 * (`entityColumns`), not hydrated by TypeORM per row and column.
 */
export async function withOrganizations<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<ObjectLiteral>,
  alias: string,
  columns: ReturnType<typeof entityColumns<E>>,
): Promise<{ rows: E[]; organizations: Map<string, OrganizationName> }> {
  qb.leftJoin(OrganizationEntity, 'org', `org.id = ${alias}.organization_id`).select(
    `${columns.sql}, ${ORGANIZATION_NAME_COLUMNS}`,
  );
  const raw = await entityRows<Record<string, unknown> & OrganizationRow>(qb.connection, qb);
  return { rows: raw.map((row) => columns.hydrate(withoutOrganization(row))), organizations: organizationsOf(raw) };
}

/** The names of the organisations `ids`, those in `known` (read with their records) taken as they are, the others read. */
export async function organizationNames(
  manager: EntityManager,
  ids: Iterable<string>,
  known?: ReadonlyMap<string, OrganizationName>,
): Promise<Map<string, OrganizationName>> {
  const missing = [...new Set(ids)].filter((id) => !known?.has(id));
  const read: OrganizationName[] = missing.length ? await manager.findBy(OrganizationEntity, { id: In(missing) }) : [];
  return new Map<string, OrganizationName>([...(known ?? []), ...read.map((o) => [o.id, o] as const)]);
}
