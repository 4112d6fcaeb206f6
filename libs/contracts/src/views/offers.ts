import { z } from 'zod';
import { offerActionSchema, offerStatusSchema } from '../enums';
import { day, moneyView, organizationRefSchema, pageOf, timestamp, uuid } from './common';

/** What an offer can still take on: only the offering provider and the Committee see it. */
export const offerCapacitySchema = z.object({
  engagements: z.number().int().nullable(),
  budget: moneyView.nullable(),
  engagementsUsed: z.number().int(),
});
export type OfferCapacityView = z.infer<typeof offerCapacitySchema>;

/** An offer as the caller may see it (GET /offers/:id and every write on an offer). */
export const offerViewSchema = z.object({
  id: uuid,
  organizationId: uuid,
  title: z.string(),
  description: z.string(),
  programme: z.string().nullable(),
  provisions: z.array(z.string()),
  domains: z.array(z.string()),
  assistanceTypes: z.array(z.string()),
  targetInstitutions: z.array(z.string()),
  eligibleRegions: z.array(z.string()),
  eligibleStates: z.array(z.string()),
  deliveryModes: z.array(z.string()),
  languages: z.array(z.string()),
  availableFrom: day.nullable(),
  availableUntil: day.nullable(),
  status: offerStatusSchema,
  submittedAt: timestamp.nullable(),
  verifiedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  provider: organizationRefSchema.nullable(),
  capacity: offerCapacitySchema.optional().describe('Only for the offering provider and the committee'),
  availableActions: z.array(offerActionSchema),
  /** Whether the caller may edit the offer's content now (the API decides). */
  canEdit: z.boolean(),
});
export type OfferView = z.infer<typeof offerViewSchema>;

export const offerPageSchema = pageOf(offerViewSchema);
