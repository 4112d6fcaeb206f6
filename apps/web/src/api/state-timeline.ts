import { queryOptions } from '@tanstack/react-query';
import type { StateTimelineKind, StateTimelinePage, stateTimelineQuerySchema } from '@app/contracts';
import { api, type QueryOf } from './client';

export type { StateTimelineEvent, StateTimelineKind } from '@app/contracts';

/** One page of a State's timeline, newest first; `kind` keeps one source. */
export const stateTimelineQuery = (state: string, page: number, pageSize: number, kind?: StateTimelineKind) =>
  queryOptions({
    queryKey: ['state-timeline', state, { page, pageSize, kind }],
    queryFn: ({ signal }) => api.get<StateTimelinePage>(`/states/${state}/timeline`, {
      query: { page, pageSize, kind } satisfies QueryOf<typeof stateTimelineQuerySchema>,
      signal,
    }),
  });
