import { z } from 'zod';
import { ORGANIZATION_KINDS } from '@app/domain';
import { isoDateTime, pageOf, uuid } from '../../common/openapi';

/** Describes `OrganizationEntity` as serialised. */
export const organizationViewSchema = z.object({
  id: uuid,
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  state: z.string().nullable(),
  contactEmail: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const organizationPageSchema = pageOf(organizationViewSchema);
