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

export const publicRequestsQuery = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['public', 'requests', { page, pageSize }],
    queryFn: ({ signal }) =>
      api.get<Paginated<PublicRequest>>('/public/requests', { query: { page, pageSize }, signal }),
  });
