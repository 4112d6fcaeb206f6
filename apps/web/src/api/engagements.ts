import { queryOptions } from '@tanstack/react-query';
import type { CreateEngagement, CreateFollowUp, EngagementView, HistoryItemView, Prioritisation } from '@app/contracts';
import { api, API_BASE, buildUrl, type Paginated } from './client';

export type Engagement = EngagementView;

export const engagementKeys = {
  all: ['engagements'] as const,
  list: (params: Record<string, string | number>) => ['engagements', 'list', params] as const,
  detail: (id: string) => ['engagements', 'detail', id] as const,
  history: (id: string) => ['engagements', 'detail', id, 'history'] as const,
};

export const engagementListQuery = (params: { page: number; pageSize: number; state?: string; kind?: string }) =>
  queryOptions({
    queryKey: engagementKeys.list(params),
    queryFn: ({ signal }) => api.get<Paginated<Engagement>>('/engagements', { query: { ...params }, signal }),
  });

/** The server's CSV export of the engagements the caller may see (a plain link sends the session cookie). */
export const engagementsCsvUrl = (filters: { state?: string; kind?: string } = {}) => buildUrl('/export/engagements.csv', filters);

export const engagementQuery = (id: string) =>
  queryOptions({
    queryKey: engagementKeys.detail(id),
    queryFn: ({ signal }) => api.get<Engagement>(`/engagements/${id}`, { signal }),
  });

export const engagementHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: engagementKeys.history(id),
    queryFn: ({ signal }) => api.get<HistoryItemView[]>(`/engagements/${id}/history`, { signal }),
  });

export const createEngagement = (input: Partial<CreateEngagement>) => api.post<Engagement>('/engagements', input);
export const updateEngagement = (id: string, input: Record<string, unknown> & { version: number }) => api.patch<Engagement>(`/engagements/${id}`, input);
export const addFollowUp = (id: string, input: Partial<CreateFollowUp>) => api.post<Engagement>(`/engagements/${id}/follow-ups`, input);
export const updateFollowUp = (id: string, actionId: string, input: Record<string, unknown> & { version: number }) =>
  api.patch<Engagement>(`/engagements/${id}/follow-ups/${actionId}`, input);

/** The information note's address (the browser sends the session cookie with a plain link). */
export const informationNoteUrl = (id: string, format: 'html' | 'pdf') => `${API_BASE}/engagements/${id}/information-note?format=${format}`;

/** Records a roundtable's prioritisation of a plan: its new order and levels, and the providers' interests. */
export const recordPrioritisation = (id: string, input: Prioritisation) => api.post<Engagement>(`/engagements/${id}/prioritisation`, input);
