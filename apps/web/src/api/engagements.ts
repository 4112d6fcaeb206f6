import { queryOptions } from '@tanstack/react-query';
import { localeOf, PSEUDO_LOCALE } from '@app/i18n/browser';
import type { z } from 'zod';
import type {
  createEngagementSchema,
  createFollowUpSchema,
  engagementsCsvSchema,
  EngagementView,
  HistoryItemView,
  listEngagementsSchema,
  prioritisationSchema,
  updateEngagementSchema,
  updateFollowUpSchema,
} from '@app/contracts';
import { api, API_BASE, buildUrl, type Paginated, type QueryOf } from './client';

export type Engagement = EngagementView;

export const engagementKeys = {
  all: ['engagements'] as const,
  list: (params: EngagementListParams) => ['engagements', 'list', params] as const,
  detail: (id: string) => ['engagements', 'detail', id] as const,
  history: (id: string) => ['engagements', 'detail', id, 'history'] as const,
};

/** GET /engagements. */
type EngagementListParams = QueryOf<typeof listEngagementsSchema>;

export const engagementListQuery = (params: EngagementListParams) =>
  queryOptions({
    queryKey: engagementKeys.list(params),
    queryFn: ({ signal }) => api.get<Paginated<Engagement>>('/engagements', { query: { ...params }, signal }),
  });

/** The server's CSV export of the engagements the caller may see (a plain link sends the session cookie). */
export const engagementsCsvUrl = (filters: QueryOf<typeof engagementsCsvSchema> = {}) => buildUrl('/export/engagements.csv', filters);

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

export const createEngagement = (input: z.input<typeof createEngagementSchema>) => api.post<Engagement>('/engagements', input);
export const updateEngagement = (id: string, input: z.input<typeof updateEngagementSchema>) => api.patch<Engagement>(`/engagements/${id}`, input);
export const addFollowUp = (id: string, input: z.input<typeof createFollowUpSchema>) => api.post<Engagement>(`/engagements/${id}/follow-ups`, input);
export const updateFollowUp = (id: string, actionId: string, input: z.input<typeof updateFollowUpSchema>) =>
  api.patch<Engagement>(`/engagements/${id}/follow-ups/${actionId}`, input);

/** The information note's address (the browser sends the session cookie with a plain link). */
/**
 * The `lang` parameter of a note's link: the language the app shows (`i18n.language`), so the note's fixed words
 * match the page it was opened from; none for the pseudo-locale (the API then picks the reader's language).
 */
export const noteLanguageParam = (language?: string): string => {
  const lang = language && language !== PSEUDO_LOCALE ? localeOf(language) : undefined;
  return lang ? `&lang=${lang}` : '';
};

/** A note's link, in the language the app shows (see noteLanguageParam). */
export const informationNoteUrl = (id: string, format: 'html' | 'pdf', language?: string) =>
  `${API_BASE}/engagements/${id}/information-note?format=${format}${noteLanguageParam(language)}`;

/** Records a roundtable's prioritisation of a plan: its new order and levels, and the providers' interests. */
export const recordPrioritisation = (id: string, input: z.input<typeof prioritisationSchema>) => api.post<Engagement>(`/engagements/${id}/prioritisation`, input);
