import { queryOptions } from '@tanstack/react-query';
import type { PublicRequestSummaryView } from '@app/contracts';
import { api, type Paginated } from './client';

/** A circulated request in the public register: summary fields only. */
export type PublicRequest = PublicRequestSummaryView;

/** A page of the register; `q` finds a request by part of its reference, its title or its description. */
export const publicRequestsQuery = (page: number, pageSize: number, q?: string) =>
  queryOptions({
    queryKey: ['public', 'requests', { page, pageSize, q }],
    queryFn: ({ signal }) =>
      api.get<Paginated<PublicRequest>>('/public/requests', { query: { page, pageSize, q }, signal }),
  });
