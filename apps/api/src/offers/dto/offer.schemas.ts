import { z } from 'zod';
import { OFFER_STATUSES } from '@app/domain';
import { csvList, moneySchema, paginationSchema, planningDate, stateCodeSchema, taxonomyCode, taxonomyCodes, text, uuidParam } from '@app/common';

const offerFields = {
  title: text(200, 5),
  description: text(10_000, 20),
  programme: text(200).nullable(),
  provisions: taxonomyCodes('provisions', { min: 1 }),
  domains: taxonomyCodes('domains'),
  assistanceTypes: taxonomyCodes('assistanceTypes', { min: 1 }),
  targetInstitutions: taxonomyCodes('targetInstitutions'),
  eligibleRegions: taxonomyCodes('regions'),
  eligibleStates: z.array(stateCodeSchema).max(200).refine((s) => new Set(s).size === s.length, 'must not repeat a State'),
  deliveryModes: taxonomyCodes('deliveryModes'),
  languages: taxonomyCodes('languages', { max: 20 }),
  capacity: z.strictObject({
    engagements: z.number().int().min(1).max(10_000).nullable().optional(),
    budget: moneySchema.nullable().optional(),
  }),
  availableFrom: planningDate.nullable(),
  availableUntil: planningDate.nullable(),
};

const windowInOrder = (o: { availableFrom?: string | null; availableUntil?: string | null }) =>
  !o.availableFrom || !o.availableUntil || o.availableFrom <= o.availableUntil;
const windowMessage = { message: 'must not be before availableFrom', path: ['availableUntil'] };
const servesSomeone = (o: { eligibleRegions?: string[]; eligibleStates?: string[] }) =>
  o.eligibleRegions === undefined || (o.eligibleRegions?.length ?? 0) + (o.eligibleStates?.length ?? 0) > 0;
const servesMessage = { message: 'name at least one region (GLOBAL for all) or State', path: ['eligibleRegions'] };

const notPast = (o: { availableUntil?: string | null }) => !o.availableUntil || o.availableUntil >= new Date().toISOString().slice(0, 10);
const notPastMessage = { message: 'must not be in the past', path: ['availableUntil'] };

export const createOfferSchema = z
  .strictObject({
    ...offerFields,
    programme: offerFields.programme.optional(),
    domains: offerFields.domains.default([]),
    targetInstitutions: offerFields.targetInstitutions.default([]),
    eligibleRegions: offerFields.eligibleRegions.default([]),
    eligibleStates: offerFields.eligibleStates.default([]),
    deliveryModes: offerFields.deliveryModes.default([]),
    languages: offerFields.languages.default([]),
    capacity: offerFields.capacity.default({}),
    availableFrom: offerFields.availableFrom.optional(),
    availableUntil: offerFields.availableUntil.optional(),
  })
  .refine(windowInOrder, windowMessage)
  .refine(notPast, notPastMessage)
  .refine(servesSomeone, servesMessage);
export type CreateOffer = z.infer<typeof createOfferSchema>;

export const updateOfferSchema = z
  .strictObject({
    ...Object.fromEntries(Object.entries(offerFields).map(([k, v]) => [k, v.optional()])),
    version: z.number().int().min(1),
  } as { [K in keyof typeof offerFields]: z.ZodOptional<(typeof offerFields)[K]> } & { version: z.ZodNumber })
  .refine(windowInOrder, windowMessage);
export type UpdateOffer = z.infer<typeof updateOfferSchema>;

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
