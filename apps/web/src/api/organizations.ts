import { queryOptions } from '@tanstack/react-query';
import { api, type Paginated } from './client';
import type { OrganizationKind } from './auth';

export interface Organization {
  id: string;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  state: string | null;
  active: boolean;
}

/** Every provider organisation, for pickers (preferred providers, offer filters). */
export const providersQuery = queryOptions({
  queryKey: ['organizations', { kind: 'provider', pageSize: 100 }],
  queryFn: ({ signal }) =>
    api.get<Paginated<Organization>>('/organizations', { query: { kind: 'provider', pageSize: 100 }, signal }),
  staleTime: 5 * 60_000,
  select: (page) => page.items,
});
