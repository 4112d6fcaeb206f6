import { z } from 'zod';
import { ROLES } from '@app/domain';
import { isoDateTime, pageOf, uuid } from '../../common/openapi';
import { organizationViewSchema } from '../../organizations/dto/organization.views';

/** Describes `UserEntity` as serialised (the password hash is never selected). */
export const userViewSchema = z.object({
  id: uuid,
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organizationId: uuid,
  organization: organizationViewSchema,
  active: z.boolean(),
  preferredLanguage: z.string(),
  lastLoginAt: isoDateTime.nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const userPageSchema = pageOf(userViewSchema);
