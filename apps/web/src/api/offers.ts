import { queryOptions } from '@tanstack/react-query';
import { api, type Paginated } from './client';
import type { OfferAction, OfferCapacityView, OfferView } from '@app/contracts';
import type { HistoryItem } from './history';
import type { Money } from './requests';

export type { OfferAction };

/** What an offer can still take on (the offering provider and the Committee only). */
export type OfferCapacity = OfferCapacityView;

/** What a provider writes about an offer: shared by the offer as read and as written. */
interface OfferContent {
  title: string;
  description: string;
  programme: string | null;
  provisions: string[];
  domains: string[];
  assistanceTypes: string[];
  targetInstitutions: string[];
  eligibleRegions: string[];
  eligibleStates: string[];
  deliveryModes: string[];
  languages: string[];
  availableFrom: string | null;
  availableUntil: string | null;
}

/** GET /offers/:id and every write on an offer. */
export type AssistanceOffer = OfferView;

export interface OfferInput extends OfferContent {
  capacity: { engagements: number | null; budget: Money | null };
}

export const OFFER_SORTS = ['createdAt', 'updatedAt', 'submittedAt', 'title', 'availableUntil', 'status'] as const;
export type OfferSort = (typeof OFFER_SORTS)[number];

export interface OfferListParams {
  page: number;
  pageSize: number;
  status?: string;
  provider?: string;
  provision?: string;
  domain?: string;
  type?: string;
  servesState?: string;
  q?: string;
  sort?: string;
}

export interface OfferTransitionInput {
  action: OfferAction;
  comment?: string;
  reason?: string;
  version: number;
}

export const offerKeys = {
  all: ['offers'] as const,
  list: (params: OfferListParams) => ['offers', 'list', params] as const,
  detail: (id: string) => ['offers', 'detail', id] as const,
  history: (id: string) => ['offers', 'detail', id, 'history'] as const,
};

export const offerListQuery = (params: OfferListParams) =>
  queryOptions({
    queryKey: offerKeys.list(params),
    queryFn: ({ signal }) => api.get<Paginated<AssistanceOffer>>('/offers', { query: { ...params }, signal }),
  });

export const offerQuery = (id: string) =>
  queryOptions({
    queryKey: offerKeys.detail(id),
    queryFn: ({ signal }) => api.get<AssistanceOffer>(`/offers/${id}`, { signal }),
  });

export const offerHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: offerKeys.history(id),
    queryFn: ({ signal }) => api.get<HistoryItem[]>(`/offers/${id}/history`, { signal }),
  });

export function createOffer(input: OfferInput) {
  return api.post<AssistanceOffer>('/offers', input);
}

export function updateOffer(id: string, input: Partial<OfferInput> & { version: number }) {
  return api.patch<AssistanceOffer>(`/offers/${id}`, input);
}

export function transitionOffer(id: string, input: OfferTransitionInput) {
  return api.post<AssistanceOffer>(`/offers/${id}/transitions`, input);
}
