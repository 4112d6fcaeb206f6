import type { z } from 'zod';
import { api, type QueryOf } from './client';
import type {
  createOfferSchema,
  listOffersSchema,
  OfferAction,
  OfferCapacityView,
  offerTransitionSchema,
  OfferView,
  updateOfferSchema,
} from '@app/contracts';
import { workflowRecordApi } from './workflow-record';

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

const offers = workflowRecordApi<'offers', AssistanceOffer, OfferListParams, OfferChanges, OfferTransitionInput>('offers');

export const offerKeys = offers.keys;
export const offerListQuery = offers.listQuery;
export const offerQuery = offers.detailQuery;
export const offerHistoryQuery = offers.historyQuery;
export const updateOffer = offers.update;
export const transitionOffer = offers.transition;

export function createOffer(input: OfferInput) {
  return api.post<AssistanceOffer>('/offers', input);
}
