import { z } from 'zod';
import { OFFER_ACTIONS, OFFER_STATUSES } from '@app/domain';
import { isoDateTime, organizationRefSchema, pageOf, uuid } from '../../common/openapi';

/** Describes `OfferView` (offers.service.ts). */
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
  availableFrom: z.string().nullable(),
  availableUntil: z.string().nullable(),
  status: z.enum(OFFER_STATUSES),
  submittedAt: isoDateTime.nullable(),
  verifiedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  provider: organizationRefSchema.nullable(),
  capacity: z
    .object({
      engagements: z.number().int().nullable(),
      budget: z.object({ amount: z.number(), currency: z.string() }).nullable(),
      engagementsUsed: z.number().int(),
    })
    .optional()
    .describe('Only for the offering provider and the committee'),
  availableActions: z.array(z.enum(OFFER_ACTIONS)),
  canEdit: z.boolean(),
});

export const offerPageSchema = pageOf(offerViewSchema);
