import { queryOptions } from '@tanstack/react-query';
import { api, type Paginated } from './client';

export interface PublicRequest {
  reference: string;
  /** ISO 3166-1 alpha-3. */
  state: string;
  title: string;
  provisions: string[];
  domains: string[];
  assistanceTypes: string[];
  status: string;
  circulatedAt: string | null;
}

/** A page of the register; `q` finds a request by part of its reference, its title or its description. */
export const publicRequestsQuery = (page: number, pageSize: number, q?: string) =>
  queryOptions({
    queryKey: ['public', 'requests', { page, pageSize, q }],
    queryFn: ({ signal }) =>
      api.get<Paginated<PublicRequest>>('/public/requests', { query: { page, pageSize, q }, signal }),
  });
