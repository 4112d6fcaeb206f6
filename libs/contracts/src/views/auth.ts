import { z } from 'zod';
import { organizationKindSchema, roleSchema } from '../enums';
import { timestamp, uuid } from './common';

/** The signed-in person (GET /auth/me): the session's user without its id. */
export const meSchema = z.object({
  id: uuid,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  preferredLanguage: z.string(),
  organization: z.object({
    id: uuid,
    name: z.string(),
    shortName: z.string(),
    kind: organizationKindSchema,
    state: z.string().nullable(),
  }),
});
export type MeView = z.infer<typeof meSchema>;

/** POST /auth/login. */
export const loginResultSchema = z.object({
  token: z.string().describe('Bearer token for API clients; the same session is set as an httpOnly cookie'),
  expiresAt: timestamp,
  user: meSchema,
});
export type LoginResultView = z.infer<typeof loginResultSchema>;
