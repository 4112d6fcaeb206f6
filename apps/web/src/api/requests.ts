import { queryOptions } from '@tanstack/react-query';
import { api, type Paginated } from './client';
import type { HistoryItem } from './history';
import type { RequestStatus } from './request-status';

export type RequestPriority = 'high' | 'medium' | 'low';
export const REQUEST_PRIORITIES: readonly RequestPriority[] = ['high', 'medium', 'low'];

export type RequestVisibility = 'public' | 'providers' | 'committee';
export const REQUEST_VISIBILITIES: readonly RequestVisibility[] = ['providers', 'public', 'committee'];

/**
 * Workflow actions on a request (libs/domain request.workflow.ts). `match_agreed`, `start_delivery`,
 * `mark_delivered` and `agreements_cancelled` are the system's: delivery follows the agreed matches.
 */
export type RequestAction =
  | 'mark_ready'
  | 'submit'
  | 'acknowledge'
  | 'request_clarification'
  | 'circulate'
  | 'match_agreed'
  | 'start_delivery'
  | 'mark_delivered'
  | 'agreements_cancelled'
  | 'close'
  | 'withdraw';

export const CLOSE_REASONS = ['fulfilled', 'partially_fulfilled', 'withdrawn', 'superseded', 'no_offer'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export interface Money {
  /** Minor units of `currency` (cents for USD). */
  amount: number;
  currency: string;
}

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

/** GET /requests/:id (apps/api requests.service.ts RequestView). */
export interface AssistanceRequest extends RequestInput {
  id: string;
  reference: string;
  state: string;
  organizationId: string;
  organization: { id: string; name: string; shortName: string } | null;
  status: RequestStatus;
  closeReason: CloseReason | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  acknowledgedAt: string | null;
  circulatedAt: string | null;
  matchedAt: string | null;
  deliveryStartedAt: string | null;
  deliveredAt: string | null;
  closedAt: string | null;
  withdrawnAt: string | null;
  /** When an agency member told the coordinator the draft is ready to submit. */
  readyForCoordinatorAt: string | null;
  version: number;
  availableActions: RequestAction[];
  /** Whether the viewer may edit the request's content now (the API decides). */
  canEdit: boolean;
  /** For acknowledged requests whose State did not waive it: when the objection window closes. */
  objectionWindowClosesAt: string | null;
}

export interface PossibleDuplicate {
  id: string;
  reference: string;
  title: string;
  status: RequestStatus;
  /** 0..1: the title's similarity, or the mean of title and description when both were compared. */
  similarity: number;
  titleSimilarity: number;
  /** Null when the draft's description was too short to compare. */
  descriptionSimilarity: number | null;
}

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
