import { z } from 'zod';
import { LOCALES } from '../../i18n/src/locales';
import { paginationSchema, uuidParam } from './fields';
import { ROLES } from './vocabulary';

const password = z.string().min(10, 'must be at least 10 characters').max(200);

/** A new user (POST /users). */
export const createUserSchema = z.strictObject({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  displayName: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  organizationId: uuidParam,
  password,
  preferredLanguage: z.enum(LOCALES).optional(),
});
export type CreateUser = z.infer<typeof createUserSchema>;

/** Changes to a user (PATCH /users/:id). */
export const updateUserSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  role: z.enum(ROLES).optional(),
  password: password.optional(),
  preferredLanguage: z.enum(LOCALES).optional(),
  active: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
});
export type UpdateUser = z.infer<typeof updateUserSchema>;

/** `PATCH /auth/me`: what a person changes about themselves. */
export const ownPreferencesSchema = z.strictObject({ preferredLanguage: z.enum(LOCALES) });
export type OwnPreferences = z.infer<typeof ownPreferencesSchema>;

/** The list of users (GET /users). */
export const listUsersSchema = paginationSchema.extend({
  organizationId: uuidParam.optional(),
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(100).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ListUsers = z.infer<typeof listUsersSchema>;

/** A sign-in (POST /auth/login). */
export const loginSchema = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
  /** The browser's interface language: a first sign-in keeps it as the person's preferred language. */
  language: z.enum(LOCALES).optional(),
});
export type Login = z.infer<typeof loginSchema>;
