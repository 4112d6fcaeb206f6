import { queryOptions } from '@tanstack/react-query';
import type {
  AgencyReportView,
  DistributionView,
  ProviderReportView,
  summaryQuerySchema,
  SummaryView,
} from '@app/contracts';
import { buildUrl, api, type QueryOf } from './client';

/**
 * GET /reports/summary: `from` and `to` (YYYY-MM-DD) bound the day requests were first submitted, `state` an
 * ISO 3166-1 alpha-3 code, `provider` a provider organisation's id.
 */
export type SummaryFilters = QueryOf<typeof summaryQuerySchema>;

/** Durations in days from a request's first submission to a milestone. */
export type Distribution = DistributionView;

export const MILESTONES = ['acknowledge', 'circulate', 'firstSuggestion', 'agreedMatch', 'delivery'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** GET /reports/summary. */
export type ReportSummary = SummaryView;
/** GET /reports/mine for an agency: its State's requests and how long each has waited. */
export type AgencyFigures = AgencyReportView;
/** GET /reports/mine for a provider: each offer's uptake. */
export type ProviderFigures = ProviderReportView;

export const EXPORT_ENTITIES = ['requests', 'offers', 'matches', 'history'] as const;
export type ExportEntity = (typeof EXPORT_ENTITIES)[number];

export const reportSummaryQuery = (filters: SummaryFilters) =>
  queryOptions({
    queryKey: ['reports', 'summary', filters],
    queryFn: ({ signal }) => api.get<ReportSummary>('/reports/summary', { query: { ...filters }, signal }),
  });

export const myFiguresQuery = queryOptions({
  queryKey: ['reports', 'mine'],
  queryFn: ({ signal }) => api.get<AgencyFigures | ProviderFigures>('/reports/mine', { signal }),
});

/**
 * The server's CSV export of an entity, with the dashboard filters each export understands: requests by State,
 * offers by provider, history by period and State. Matches take none of them.
 */
export function exportCsvUrl(entity: ExportEntity, filters: SummaryFilters): string {
  const query: Record<string, string | undefined> = { entity };
  if (entity === 'requests') query.state = filters.state;
  if (entity === 'offers') query.provider = filters.provider;
  if (entity === 'history') Object.assign(query, { from: filters.from, to: filters.to, state: filters.state });
  return buildUrl('/reports/export.csv', query);
}
