import { queryOptions } from '@tanstack/react-query';
import { api, type Paginated } from './client';
import type { HistoryItem } from './history';
import type {
  CloseReason,
  MoneyView,
  PossibleDuplicateView,
  RequestAction,
  RequestPriority,
  RequestView,
  RequestVisibility,
} from '@app/contracts';
import { CLOSE_REASONS, REQUEST_PRIORITIES } from '@app/contracts/vocabulary';

export type { CloseReason, RequestAction, RequestPriority, RequestVisibility };
export { CLOSE_REASONS, REQUEST_PRIORITIES };

/** The visibilities in the order the request form offers them. */
export const REQUEST_VISIBILITIES: readonly RequestVisibility[] = ['providers', 'public', 'committee'];

/** Minor units of `currency` (cents for USD). */
export type Money = MoneyView;

/** The editable content of a request, as POST /requests and PATCH /requests/:id take it. */
export interface RequestInput {
  title: string;
  description: string;
  provisions: string[];
  domains: string[];
  assistanceTypes: string[];
  targetInstitutions: string[];
  priority: RequestPriority;
  estimatedCost: Money | null;
  desiredStart: string | null;
  desiredEnd: string | null;
  languages: string[];
  preferredProviderIds: string[];
  assistanceReceived: string | null;
  napReference: string | null;
  letterDate: string | null;
  visibility: RequestVisibility;
  objectionWindowWaived: boolean;
}

/** GET /requests/:id and every write on a request. */
export type AssistanceRequest = RequestView;

/** A request that reads much like a draft (POST /requests/duplicate-check). */
export type PossibleDuplicate = PossibleDuplicateView;

export const REQUEST_SORTS = [
  'createdAt',
  'updatedAt',
  'priority',
  'reference',
  'title',
  'submittedAt',
  'circulatedAt',
  'status',
] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

export interface RequestListParams {
  page: number;
  pageSize: number;
  /** Comma-separated statuses. */
  status?: string;
  state?: string;
  provision?: string;
  domain?: string;
  type?: string;
  priority?: string;
  organizationId?: string;
  /** Only drafts marked ready for the coordinator (`true`), or only the others (`false`). */
  ready?: boolean;
  q?: string;
  /** A field of REQUEST_SORTS, `-` first for descending. */
  sort?: string;
}

export interface RequestTransitionInput {
  action: RequestAction;
  comment?: string;
  reason?: string;
  version: number;
  /** record_objection, record_waiver: the date of the State's letter. */
  letterDate?: string;
  documentId?: string;
}

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

export function updateRequest(id: string, input: Partial<RequestInput> & { version: number }) {
  return api.patch<AssistanceRequest>(`/requests/${id}`, input);
}

export function transitionRequest(id: string, input: RequestTransitionInput) {
  return api.post<AssistanceRequest>(`/requests/${id}/transitions`, input);
}

export function checkDuplicates(
  input: { title: string; description?: string; excludeId?: string },
  signal?: AbortSignal,
) {
  return api.post<PossibleDuplicate[]>('/requests/duplicate-check', input, { signal });
}
