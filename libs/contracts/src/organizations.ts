import { z } from 'zod';
import { paginationSchema, stateCodeSchema } from './fields';
import { ORGANIZATION_KINDS } from './vocabulary';

/** A new organisation (POST /organizations). */
export const createOrganizationSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  shortName: z.string().trim().min(1).max(40),
  kind: z.enum(ORGANIZATION_KINDS),
  state: stateCodeSchema.optional(),
  contactEmail: z.email().max(254).optional(),
});
export type CreateOrganization = z.infer<typeof createOrganizationSchema>;

/** Changes to an organisation (PATCH /organizations/:id). */
export const updateOrganizationSchema = z.strictObject({
  name: z.string().trim().min(2).max(200).optional(),
  shortName: z.string().trim().min(1).max(40).optional(),
  state: stateCodeSchema.nullable().optional(),
  contactEmail: z.email().max(254).nullable().optional(),
  active: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
});
export type UpdateOrganization = z.infer<typeof updateOrganizationSchema>;

/** The list of organisations (GET /organizations). */
export const listOrganizationsSchema = paginationSchema.extend({
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  state: stateCodeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ListOrganizations = z.infer<typeof listOrganizationsSchema>;
