import { queryOptions } from '@tanstack/react-query';
import { noteLanguageParam } from './engagements';
import type {
  PublicActionPlanView,
  publicActionPlansSchema,
  publicEngagementsSchema,
  PublicEngagementView,
  publicRequestsQuerySchema,
  PublicRequestSummaryView,
} from '@app/contracts';
import { api, API_BASE, type Paginated, type QueryOf } from './client';

/** A circulated request in the public register: summary fields only. */
export type PublicRequest = PublicRequestSummaryView;

/** A page of the register; `q` finds a request by part of its reference, its title or its description. */
export const publicRequestsQuery = (page: number, pageSize: number, q?: string) =>
  queryOptions({
    queryKey: ['public', 'requests', { page, pageSize, q }],
    queryFn: ({ signal }) =>
      api.get<Paginated<PublicRequest>>('/public/requests', {
        query: { page, pageSize, q } satisfies QueryOf<typeof publicRequestsQuerySchema>,
        signal,
      }),
  });

/** A national action plan's public summary (only what its State chose to publish). */
export type PublicActionPlan = PublicActionPlanView;
/** An engagement whose information note the Committee published. */
export type PublicEngagement = PublicEngagementView;

export const publicActionPlansQuery = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['public', 'action-plans', { page, pageSize }],
    queryFn: ({ signal }) => api.get<Paginated<PublicActionPlan>>('/public/action-plans', {
        query: { page, pageSize } satisfies QueryOf<typeof publicActionPlansSchema>,
        signal,
      }),
  });

export const publicEngagementsQuery = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['public', 'engagements', { page, pageSize }],
    queryFn: ({ signal }) => api.get<Paginated<PublicEngagement>>('/public/engagements', {
        query: { page, pageSize } satisfies QueryOf<typeof publicEngagementsSchema>,
        signal,
      }),
  });

/** A published information note's address (no sign-in needed). */
/** A published note's link, in the language the visitor picked (see noteLanguageParam). */
export const publicNoteUrl = (id: string, format: 'html' | 'pdf', language?: string) =>
  `${API_BASE}/public/engagements/${id}/information-note?format=${format}${noteLanguageParam(language)}`;
