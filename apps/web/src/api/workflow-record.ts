import { queryOptions } from '@tanstack/react-query';
import { api, type Paginated, type QueryValue } from './client';
import type { HistoryItem } from './history';

/**
 * The cache keys, reads and writes a workflow record (a request, an offer) has under `/<path>`: the list, one
 * record, its history, a change (PATCH, with the version read) and a step of its workflow (POST …/transitions).
 * Each record's module names them (`requestQuery`, `offerKeys` …) with its own view, list and input types.
 */
export function workflowRecordApi<P extends string, View, ListParams extends Record<string, QueryValue>, Changes, Transition>(
  path: P,
) {
  const keys = {
    all: [path] as const,
    list: (params: ListParams) => [path, 'list', params] as const,
    detail: (id: string) => [path, 'detail', id] as const,
    history: (id: string) => [path, 'detail', id, 'history'] as const,
  };
  return {
    keys,
    listQuery: (params: ListParams) =>
      queryOptions({
        queryKey: keys.list(params),
        queryFn: ({ signal }) => api.get<Paginated<View>>(`/${path}`, { query: { ...params }, signal }),
      }),
    detailQuery: (id: string) =>
      queryOptions({
        queryKey: keys.detail(id),
        queryFn: ({ signal }) => api.get<View>(`/${path}/${id}`, { signal }),
      }),
    historyQuery: (id: string) =>
      queryOptions({
        queryKey: keys.history(id),
        queryFn: ({ signal }) => api.get<HistoryItem[]>(`/${path}/${id}/history`, { signal }),
      }),
    update: (id: string, input: Changes) => api.patch<View>(`/${path}/${id}`, input),
    transition: (id: string, input: Transition) => api.post<View>(`/${path}/${id}/transitions`, input),
  };
}
