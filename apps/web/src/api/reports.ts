import { queryOptions } from '@tanstack/react-query';
import { buildUrl, api } from './client';

export interface SummaryFilters {
  /** YYYY-MM-DD: requests first submitted on or after this day. */
  from?: string;
  /** YYYY-MM-DD: … and on or before this day. */
  to?: string;
  /** ISO 3166-1 alpha-3. */
  state?: string;
  /** A provider organisation's id. */
  provider?: string;
}

/** Durations in days from a request's first submission to a milestone. */
export interface Distribution {
  /** Requests that reached the milestone: the median and 90th percentile are over these. */
  count: number;
  /** Requests still waiting for it (not in the median). */
  waiting: number;
  medianDays: number | null;
  p90Days: number | null;
}

export const MILESTONES = ['acknowledge', 'circulate', 'firstSuggestion', 'agreedMatch', 'delivery'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** GET /reports/summary (apps/api reports.service.ts Summary). */
export interface ReportSummary {
  period: { from: string | null; to: string | null; state: string | null; provider: string | null };
  requests: {
    total: number;
    byStatus: Record<string, number>;
    byProvision: Record<string, number>;
    byDomain: Record<string, number>;
    byAssistanceType: Record<string, number>;
    byState: Record<string, number>;
  };
  offers: {
    total: number;
    byStatus: Record<string, number>;
    byProvider: { id: string; name: string; count: number; byStatus: Record<string, number> }[];
  };
  matches: { total: number; byStatus: Record<string, number> };
  matchRate: { circulated: number; withAgreedMatch: number; rate: number | null };
  timeToDays: Record<Milestone, Distribution>;
  timeToMatchHistogram: { bucket: string; count: number }[];
  /** Every circulated request without an agreed match; `unmatched` lists only the oldest 100. */
  unmatchedTotal: number;
  /** Circulated requests without an agreed match, oldest first (at most 100). */
  unmatched: { id: string; reference: string; title: string; state: string; circulatedAt: string; ageDays: number }[];
  providerAnswerDays: { id: string; name: string; answered: number; medianDays: number | null }[];
  feedback: {
    requester: { count: number; average: number | null };
    provider: { count: number; average: number | null };
  };
  /** Requests in each status at each month's end (YYYY-MM). */
  statusOverTime: { month: string; byStatus: Record<string, number> }[];
  coverage: { provision: string; domain: string; requested: number; offered: number }[];
}

/** GET /reports/mine for an agency: its State's requests and how long each has waited. */
export interface AgencyFigures {
  kind: 'agency';
  state: string;
  requests: {
    id: string;
    reference: string;
    title: string;
    status: string;
    submittedAt: string | null;
    circulatedAt: string | null;
    matchedAt: string | null;
    /** From submission to agreed match (or withdrawal, closing, or now when still open). */
    waitingDays: number | null;
    /** Matches the Committee put to the State (endorsed onwards). */
    matchesProposed: number;
  }[];
}

/** GET /reports/mine for a provider: each offer's uptake. */
export interface ProviderFigures {
  kind: 'provider';
  provider: string;
  offers: {
    id: string;
    title: string;
    status: string;
    capacityEngagements: number | null;
    engagementsUsed: number;
    endorsed: number;
    accepted: number;
    declined: number;
    agreed: number;
    completed: number;
  }[];
}

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
