import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Paginated, type QueryOf } from './client';
import type { HistoryItem } from './history';
import type {
  createRequestSchema,
  duplicateCheckSchema,
  listRequestsSchema,
  MoneyView,
  PossibleDuplicateView,
  RequestAction,
  requestTransitionSchema,
  RequestView,
  RequestVisibility,
  updateRequestSchema,
} from '@app/contracts';

export type { CloseReason, RequestAction, RequestPriority, RequestVisibility } from '@app/contracts';
export { CLOSE_REASONS, REQUEST_PRIORITIES } from '@app/contracts/vocabulary';

/** The visibilities in the order the request form offers them. */
export const REQUEST_VISIBILITIES: readonly RequestVisibility[] = ['providers', 'public', 'committee'];

/** Minor units of `currency` (cents for USD). */
export type Money = MoneyView;

/** A new request as POST /requests takes it (the request form writes every field). */
export type RequestInput = z.input<typeof createRequestSchema>;
/** Changes to a request as PATCH /requests/:id takes them, with the version they were made on. */
type RequestChanges = z.input<typeof updateRequestSchema>;

/** GET /requests/:id and every write on a request. */
export type AssistanceRequest = RequestView;

/** A request that reads much like a draft (POST /requests/duplicate-check). */
export type PossibleDuplicate = PossibleDuplicateView;

/** GET /requests: `status` comma-separated, `sort` a field of the contract's REQUEST_SORTS with `-` first for descending. */
export type RequestListParams = QueryOf<typeof listRequestsSchema>;

/** POST /requests/:id/transitions, with an action the workflow knows. */
export type RequestTransitionInput = z.input<typeof requestTransitionSchema> & { action: RequestAction };

export const requestKeys = {
  all: ['requests'] as const,
  list: (params: RequestListParams) => ['requests', 'list', params] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
  history: (id: string) => ['requests', 'detail', id, 'history'] as const,
};

export const requestListQuery = (params: RequestListParams) =>
  queryOptions({
    queryKey: requestKeys.list(params),
    queryFn: ({ signal }) => api.get<Paginated<AssistanceRequest>>('/requests', { query: { ...params }, signal }),
  });

export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: requestKeys.detail(id),
    queryFn: ({ signal }) => api.get<AssistanceRequest>(`/requests/${id}`, { signal }),
  });

export const requestHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: requestKeys.history(id),
    queryFn: ({ signal }) => api.get<HistoryItem[]>(`/requests/${id}/history`, { signal }),
  });

export function createRequest(input: RequestInput) {
  return api.post<AssistanceRequest & { possibleDuplicates: PossibleDuplicate[] }>('/requests', input);
}

export function updateRequest(id: string, input: RequestChanges) {
  return api.patch<AssistanceRequest>(`/requests/${id}`, input);
}

export function transitionRequest(id: string, input: RequestTransitionInput) {
  return api.post<AssistanceRequest>(`/requests/${id}/transitions`, input);
}

export function checkDuplicates(input: z.input<typeof duplicateCheckSchema>, signal?: AbortSignal) {
  return api.post<PossibleDuplicate[]>('/requests/duplicate-check', input, { signal });
}
