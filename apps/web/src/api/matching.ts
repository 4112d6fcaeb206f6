import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type {
  AllocationPlanView,
  EndorsePlanResultView,
  PlannedMatchView,
  PutProfileResultView,
  RescoreStatus,
  RescoreView,
  WeightsProfileView,
  WeightsProposalView,
} from '@app/contracts';
import { RESCORE_STATUSES } from '@app/contracts/vocabulary';
import type { ScoreComponentKey } from './matches';

/** GET /matching/profile: the weights in force. */
export type WeightsProfile = WeightsProfileView;

export interface WeightsProfileInput {
  weights: Record<ScoreComponentKey, number>;
  threshold: number;
  topK: number;
  comment?: string;
}

export { RESCORE_STATUSES };
export type { RescoreStatus };

/** A full rescore's progress handle. */
export type Rescore = RescoreView;

export function isRescoreFinished(run: Rescore): boolean {
  return run.status === 'completed' || run.status === 'failed';
}

export type PlannedMatch = PlannedMatchView;
/** POST /matching/allocation-plan: the best allocation within every offer's capacity. */
export type AllocationPlan = AllocationPlanView;
export type EndorsePlanResult = EndorsePlanResultView;

export const matchingKeys = {
  profile: ['matching', 'profile'] as const,
  rescores: ['matching', 'rescores'] as const,
  rescore: (id: string) => ['matching', 'rescores', id] as const,
  proposals: ['matching', 'proposals'] as const,
};

/** A weights profile fitted from the Committee's decisions, waiting to be applied or dismissed. */
export type WeightsProposal = WeightsProposalView;

export const weightsProposalsQuery = queryOptions({
  queryKey: matchingKeys.proposals,
  queryFn: ({ signal }) => api.get<WeightsProposal[]>('/matching/proposals', { signal }),
});

export function requestWeightsProposal() {
  return api.post<WeightsProposal>('/matching/proposals');
}

export function applyWeightsProposal(id: string) {
  return api.post<{ proposal: WeightsProposal; profile: SavedWeightsProfile }>(`/matching/proposals/${id}/apply`, {});
}

export function dismissWeightsProposal(id: string) {
  return api.post<WeightsProposal>(`/matching/proposals/${id}/dismiss`);
}

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
export type SavedWeightsProfile = PutProfileResultView;

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
