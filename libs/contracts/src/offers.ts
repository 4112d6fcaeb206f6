import { z } from 'zod';
import { changesSchema, csvList, moneySchema, paginationSchema, planningDate, stateCodeSchema, taxonomyCode, taxonomyCodes, text, transitionFields, uuidParam } from './fields';
import { matching, rule } from './messages';
import { OFFER_SORTS, OFFER_STATUSES } from './vocabulary';

/** The lengths of an offer's texts: the API refuses more, the form counts against them. */
export const OFFER_TEXT_LIMITS = {
  title: { min: 5, max: 200 },
  description: { min: 20, max: 10_000 },
  programme: { min: 0, max: 200 },
} as const;

/** How many engagements an offer's capacity may name. */
export const ENGAGEMENTS_RANGE = { min: 1, max: 10_000 } as const;

const limited = (field: keyof typeof OFFER_TEXT_LIMITS) => text(OFFER_TEXT_LIMITS[field].max, OFFER_TEXT_LIMITS[field].min);

/** Every field of an offer a person writes, with its rules; the create and update schemas make them optional or defaulted. */
export const offerFields = {
  title: limited('title'),
  description: limited('description'),
  programme: limited('programme').nullable(),
  provisions: taxonomyCodes('provisions', { min: 1 }),
  domains: taxonomyCodes('domains'),
  assistanceTypes: taxonomyCodes('assistanceTypes', { min: 1 }),
  targetInstitutions: taxonomyCodes('targetInstitutions'),
  eligibleRegions: taxonomyCodes('regions'),
  eligibleStates: z.array(stateCodeSchema).max(200).refine((s) => new Set(s).size === s.length, rule('repeatsState')),
  deliveryModes: taxonomyCodes('deliveryModes'),
  languages: taxonomyCodes('languages', { max: 20 }),
  capacity: z.strictObject({
    engagements: z.number().int().min(ENGAGEMENTS_RANGE.min).max(ENGAGEMENTS_RANGE.max).nullable().optional(),
    budget: moneySchema.nullable().optional(),
  }),
  availableFrom: planningDate.nullable(),
  availableUntil: planningDate.nullable(),
};

const windowInOrder = (o: { availableFrom?: string | null; availableUntil?: string | null }) =>
  !o.availableFrom || !o.availableUntil || o.availableFrom <= o.availableUntil;
const windowRule = rule('beforeStart', {}, ['availableUntil']);
const servesSomeone = (o: { eligibleRegions?: string[]; eligibleStates?: string[] }) =>
  o.eligibleRegions === undefined || (o.eligibleRegions?.length ?? 0) + (o.eligibleStates?.length ?? 0) > 0;
const servesRule = rule('noEligibility', {}, ['eligibleRegions']);

const notPast = (o: { availableUntil?: string | null }) => !o.availableUntil || o.availableUntil >= new Date().toISOString().slice(0, 10);
const notPastRule = rule('past', {}, ['availableUntil']);

/** An offer's content as a whole: what an edit of every field must satisfy (the offer form checks it). */
export const offerContentSchema = z
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
  .refine(windowInOrder, windowRule)
  .refine(servesSomeone, servesRule);

/** A new offer (POST /offers): its content, and an availability that has not already ended. */
export const createOfferSchema = offerContentSchema.refine(notPast, notPastRule);
export type CreateOffer = z.infer<typeof createOfferSchema>;

/** Changes to an offer (PATCH /offers/:id): any of its fields, and the version they were made on. */
export const updateOfferSchema = changesSchema(offerFields).refine(windowInOrder, windowRule);
export type UpdateOffer = z.infer<typeof updateOfferSchema>;

/** A step in an offer's workflow (POST /offers/:id/transitions). */
export const offerTransitionSchema = z.strictObject(transitionFields);
export type OfferTransition = z.infer<typeof offerTransitionSchema>;

/** The list of offers (GET /offers). */
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
    .regex(...matching(new RegExp(`^-?(${OFFER_SORTS.join('|')})$`), 'sortOneOf', { values: OFFER_SORTS.join(', ') }))
    .default('-updatedAt'),
});
export type ListOffers = z.infer<typeof listOffersSchema>;

/** The list's filters and sort without pagination: a CSV export holds every row they select (GET /export/offers.csv). */
export const offersCsvSchema = listOffersSchema.omit({ page: true, pageSize: true });
export type OffersCsvQuery = z.infer<typeof offersCsvSchema>;
