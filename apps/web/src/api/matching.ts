import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Match, ScoreComponentKey } from './matches';

/** GET /matching/profile: the weights in force (apps/api matching.service.ts). */
export interface WeightsProfile {
  version: number;
  weights: Record<ScoreComponentKey, number>;
  threshold: number;
  topK: number;
  createdAt?: string;
  comment?: string | null;
}

export interface WeightsProfileInput {
  weights: Record<ScoreComponentKey, number>;
  threshold: number;
  topK: number;
  comment?: string;
}

export type RescoreStatus = 'queued' | 'running' | 'completed' | 'failed';
export const RESCORE_STATUSES: readonly RescoreStatus[] = ['queued', 'running', 'completed', 'failed'];

/** A full rescore's progress handle (RescoreView). */
export interface Rescore {
  id: string;
  status: RescoreStatus;
  /** `manual`, `weights_changed`, `nightly`, … */
  trigger: string;
  weightsVersion: number | null;
  requests: number;
  progress: { done: number; total: number; percent: number };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function isRescoreFinished(run: Rescore): boolean {
  return run.status === 'completed' || run.status === 'failed';
}

export interface PlannedMatch {
  matchId: string;
  requestId: string;
  reference: string;
  requestTitle: string;
  /** The requesting State (ISO 3166-1 alpha-3). */
  state: string;
  offerId: string;
  offerTitle: string;
  /** The provider's short name. */
  provider: string;
  score: number;
  status: string;
  reason: string;
}

export interface AllocationPlan {
  /** Sum of the proposed matches' scores: the greatest possible within every offer's capacity. */
  total: number;
  requests: number;
  offers: number;
  candidates: number;
  matches: PlannedMatch[];
}

export interface EndorsePlanResult {
  endorsed: Match[];
  skipped: { matchId: string; reason: string }[];
}

export const matchingKeys = {
  profile: ['matching', 'profile'] as const,
  rescores: ['matching', 'rescores'] as const,
  rescore: (id: string) => ['matching', 'rescores', id] as const,
};

export const weightsProfileQuery = queryOptions({
  queryKey: matchingKeys.profile,
  queryFn: ({ signal }) => api.get<WeightsProfile>('/matching/profile', { signal }),
});

export const rescoresQuery = queryOptions({
  queryKey: matchingKeys.rescores,
  queryFn: ({ signal }) => api.get<Rescore[]>('/matching/rescores', { signal }),
});

export const rescoreQuery = (id: string) =>
  queryOptions({
    queryKey: matchingKeys.rescore(id),
    queryFn: ({ signal }) => api.get<Rescore>(`/matching/rescores/${id}`, { signal }),
  });

/** PUT /matching/profile answers with the new profile and the rescore it started. */
export type SavedWeightsProfile = WeightsProfile & { rescore: Rescore };

export function saveWeightsProfile(input: WeightsProfileInput) {
  return api.put<SavedWeightsProfile>('/matching/profile', input);
}

export function startRescore() {
  return api.post<Rescore>('/matching/rescore');
}

export function computeAllocationPlan(requestIds?: string[]) {
  return api.post<AllocationPlan>('/matching/allocation-plan', requestIds ? { requestIds } : {});
}

export function endorsePlan(input: { matchIds: string[]; comment?: string }) {
  return api.post<EndorsePlanResult>('/matching/allocation-plan/endorse', input);
}
