import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Paginated, type QueryOf } from './client';
import type {
  createOfferSchema,
  listOffersSchema,
  OfferAction,
  OfferCapacityView,
  offerTransitionSchema,
  OfferView,
  updateOfferSchema,
} from '@app/contracts';
import type { HistoryItem } from './history';

export type { OfferAction };

/** What an offer can still take on (the offering provider and the Committee only). */
export type OfferCapacity = OfferCapacityView;

/** GET /offers/:id and every write on an offer. */
export type AssistanceOffer = OfferView;

/** A new offer as POST /offers takes it (the offer form writes every field). */
export type OfferInput = z.input<typeof createOfferSchema>;
/** Changes to an offer as PATCH /offers/:id takes them, with the version they were made on. */
type OfferChanges = z.input<typeof updateOfferSchema>;

/** GET /offers: `status` comma-separated, `sort` a field of the contract's OFFER_SORTS with `-` first for descending. */
export type OfferListParams = QueryOf<typeof listOffersSchema>;

/** POST /offers/:id/transitions, with an action the workflow knows. */
export type OfferTransitionInput = z.input<typeof offerTransitionSchema> & { action: OfferAction };

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

export function updateOffer(id: string, input: OfferChanges) {
  return api.patch<AssistanceOffer>(`/offers/${id}`, input);
}

export function transitionOffer(id: string, input: OfferTransitionInput) {
  return api.post<AssistanceOffer>(`/offers/${id}/transitions`, input);
}
