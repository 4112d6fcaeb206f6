import { z } from 'zod';
import { OFFER_STATUSES } from '@app/domain';
import { csvList, paginationSchema, stateCodeSchema, taxonomyCode, text, uuidParam } from '@app/common';

// The offer's input schemas are shared with the web form (libs/contracts): one set of rules and messages.
export { createOfferSchema, updateOfferSchema, type CreateOffer, type UpdateOffer } from '@app/contracts';

export const offerTransitionSchema = z.strictObject({
  action: z.string().min(1).max(40),
  comment: text(5_000).optional(),
  reason: z.string().max(40).optional(),
  version: z.number().int().min(1).optional(),
});
export type OfferTransition = z.infer<typeof offerTransitionSchema>;

export const OFFER_SORTS = ['createdAt', 'updatedAt', 'submittedAt', 'title', 'availableUntil', 'status'] as const;

export const listOffersSchema = paginationSchema.extend({
  status: csvList(z.enum(OFFER_STATUSES)).optional(),
  provider: uuidParam.optional(),
  provision: taxonomyCode('provisions').optional(),
  domain: taxonomyCode('domains').optional(),
  type: taxonomyCode('assistanceTypes').optional(),
  servesState: stateCodeSchema.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${OFFER_SORTS.join('|')})$`), `must be one of ${OFFER_SORTS.join(', ')}, optionally prefixed with -`)
    .default('-updatedAt'),
});
export type ListOffers = z.infer<typeof listOffersSchema>;
