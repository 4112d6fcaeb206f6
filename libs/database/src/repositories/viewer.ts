import type { Role } from '@app/domain';

/** Whom a query answers for: the parts of the signed-in user that decide which records they may see. */
export interface Viewer {
  role: Role;
  organization: { id: string; state: string | null };
}

/** One page of a list, before the service turns its rows into views. */
export interface RowPage<T> {
  rows: T[];
  total: number;
}

/** How a list is cut and ordered: `sort` names a column, `-` in front for descending. */
export interface PageRequest {
  sort: string;
  page: number;
  pageSize: number;
}
