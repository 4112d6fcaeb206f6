import type { z } from 'zod';
import { api, type QueryOf } from './client';
import { workflowRecordApi } from './workflow-record';
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

const requests = workflowRecordApi<'requests', AssistanceRequest, RequestListParams, RequestChanges, RequestTransitionInput>(
  'requests',
);

export const requestKeys = requests.keys;
export const requestListQuery = requests.listQuery;
export const requestQuery = requests.detailQuery;
export const requestHistoryQuery = requests.historyQuery;
export const updateRequest = requests.update;
export const transitionRequest = requests.transition;

export function createRequest(input: RequestInput) {
  return api.post<AssistanceRequest & { possibleDuplicates: PossibleDuplicate[] }>('/requests', input);
}

export function checkDuplicates(input: z.input<typeof duplicateCheckSchema>, signal?: AbortSignal) {
  return api.post<PossibleDuplicate[]>('/requests/duplicate-check', input, { signal });
}
