import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Paginated, type QueryOf } from './client';
import type { createOrganizationSchema, listOrganizationsSchema, OrganizationView, updateOrganizationSchema } from '@app/contracts';

export { ORGANIZATION_KINDS } from '@app/contracts/vocabulary';

/** GET /organizations/:id. */
export type Organization = OrganizationView;

export const organizationKeys = { all: ['organizations'] as const };

/** Every provider organisation, for pickers (preferred providers, offer filters). */
export const providersQuery = queryOptions({
  queryKey: ['organizations', { kind: 'provider', pageSize: 100 }],
  queryFn: ({ signal }) =>
    api.get<Paginated<Organization>>('/organizations', {
      query: { kind: 'provider', pageSize: 100 } satisfies OrganizationListParams,
      signal,
    }),
  staleTime: 5 * 60_000,
  select: (page) => page.items,
});

/** GET /organizations. */
export type OrganizationListParams = QueryOf<typeof listOrganizationsSchema>;

export const organizationListQuery = (params: OrganizationListParams) =>
  queryOptions({
    queryKey: [...organizationKeys.all, 'list', params],
    queryFn: ({ signal }) => api.get<Paginated<Organization>>('/organizations', { query: { ...params }, signal }),
  });

export const organizationQuery = (id: string) =>
  queryOptions({
    queryKey: [...organizationKeys.all, 'detail', id],
    queryFn: ({ signal }) => api.get<Organization>(`/organizations/${id}`, { signal }),
    staleTime: 60_000,
  });

/** A new organisation as POST /organizations takes it. */
export type OrganizationInput = z.input<typeof createOrganizationSchema>;

export const createOrganization = (input: OrganizationInput) => api.post<Organization>('/organizations', input);

export const setOrganizationActive = (organization: Organization, active: boolean) =>
  api.patch<Organization>(`/organizations/${organization.id}`, {
    active,
    version: organization.version,
  } satisfies z.input<typeof updateOrganizationSchema>);
