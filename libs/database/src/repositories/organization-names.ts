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
