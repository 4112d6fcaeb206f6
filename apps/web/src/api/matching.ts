import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import type {
  allocationPlanSchema,
  AllocationPlanView,
  endorsePlanSchema,
  EndorsePlanResultView,
  PlannedMatchView,
  profileSchema,
  PutProfileResultView,
  RescoreStatus,
  RescoreView,
  WeightsProfileView,
  WeightsProposalView,
} from '@app/contracts';
import { RESCORE_STATUSES } from '@app/contracts/vocabulary';

/** GET /matching/profile: the weights in force. */
export type WeightsProfile = WeightsProfileView;

/** PUT /matching/profile: a weight per score component, the threshold and top-k. */
export type WeightsProfileInput = z.input<typeof profileSchema>;

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
  const input: z.input<typeof allocationPlanSchema> = requestIds ? { requestIds } : {};
  return api.post<AllocationPlan>('/matching/allocation-plan', input);
}

export function endorsePlan(input: z.input<typeof endorsePlanSchema>) {
  return api.post<EndorsePlanResult>('/matching/allocation-plan/endorse', input);
}
