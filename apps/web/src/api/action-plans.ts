import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  actionPlanItemListQuerySchema,
  ActionPlanItemView,
  ActionPlanView,
  ActionPlanVersionView,
  declareItemInterestSchema,
  RequestView,
  updateActionPlanItemSchema,
} from '@app/contracts';
import { api, buildUrl, type Paginated, type QueryOf } from './client';

export type ActionPlan = ActionPlanView;
export type ActionPlanItem = ActionPlanItemView;
export type ActionPlanVersion = ActionPlanVersionView;

export const actionPlanKeys = {
  all: ['action-plans'] as const,
  list: (state?: string) => ['action-plans', 'list', state ?? null] as const,
  detail: (id: string) => ['action-plans', 'detail', id] as const,
  versions: (id: string) => ['action-plans', 'detail', id, 'versions'] as const,
  items: (params: ActionPlanItemListParams) => ['action-plans', 'items', params] as const,
};

/** The server's CSV exports of the plans and of their items the caller may see (a plain link sends the session cookie). */
export const actionPlansCsvUrl = (state?: string) => buildUrl('/export/action-plans.csv', { state });
export const actionPlanItemsCsvUrl = (state?: string) => buildUrl('/export/action-plan-items.csv', { state });

export const actionPlanListQuery = (state?: string) =>
  queryOptions({
    queryKey: actionPlanKeys.list(state),
    queryFn: ({ signal }) => api.get<Paginated<ActionPlan>>('/action-plans', { query: { pageSize: 100, ...(state ? { state } : {}) }, signal }),
  });

export const actionPlanQuery = (id: string) =>
  queryOptions({
    queryKey: actionPlanKeys.detail(id),
    queryFn: ({ signal }) => api.get<ActionPlan>(`/action-plans/${id}`, { signal }),
  });

export const actionPlanVersionsQuery = (id: string) =>
  queryOptions({
    queryKey: actionPlanKeys.versions(id),
    queryFn: ({ signal }) => api.get<ActionPlanVersion[]>(`/action-plans/${id}/versions`, { signal }),
  });

/** Items across plans: `needsRequest: 'true'`, `interested: 'true'`, `state`, `status`, `provision`. */
type ActionPlanItemListParams = QueryOf<typeof actionPlanItemListQuerySchema>;

export const actionPlanItemsQuery = (params: ActionPlanItemListParams) =>
  queryOptions({
    queryKey: actionPlanKeys.items(params),
    queryFn: ({ signal }) => api.get<ActionPlanItem[]>('/action-plan-items', { query: params, signal }),
  });

export const actionPlanItemQuery = (id: string) =>
  queryOptions({
    queryKey: ['action-plans', 'item', id] as const,
    queryFn: ({ signal }) => api.get<ActionPlanItem>(`/action-plan-items/${id}`, { signal }),
  });

export function updateActionPlanItem(id: string, input: z.input<typeof updateActionPlanItemSchema>) {
  return api.patch<ActionPlanItem>(`/action-plan-items/${id}`, input);
}

export function declareItemInterest(id: string, input: z.input<typeof declareItemInterestSchema>) {
  return api.post<ActionPlanItem>(`/action-plan-items/${id}/interest`, input);
}

export function requestFromItem(id: string) {
  return api.post<RequestView>(`/action-plan-items/${id}/request`, undefined);
}
