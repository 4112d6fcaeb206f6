import { z } from 'zod';
import { organizationKindSchema, roleSchema } from '../enums';
import { pageOf, timestamp, uuid } from './common';

/** An organisation as stored (GET /organizations/:id). */
export const organizationViewSchema = z.object({
  id: uuid,
  name: z.string(),
  shortName: z.string(),
  kind: organizationKindSchema,
  state: z.string().nullable(),
  contactEmail: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type OrganizationView = z.infer<typeof organizationViewSchema>;

export const organizationPageSchema = pageOf(organizationViewSchema);

/** A user with their organisation (GET /users/:id); the password hash is never selected. */
export const userViewSchema = z.object({
  id: uuid,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  organizationId: uuid,
  organization: organizationViewSchema,
  active: z.boolean(),
  preferredLanguage: z.string(),
  lastLoginAt: timestamp.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type UserView = z.infer<typeof userViewSchema>;

export const userPageSchema = pageOf(userViewSchema);
