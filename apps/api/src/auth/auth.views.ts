import { z } from 'zod';
import { ORGANIZATION_KINDS, ROLES } from '@app/domain';
import { isoDateTime, uuid } from '../common/openapi';

/** `AuthUser` without the session id (auth.controller.ts `Me`). */
export const meSchema = z.object({
  id: uuid,
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  preferredLanguage: z.string(),
  organization: z.object({
    id: uuid,
    name: z.string(),
    shortName: z.string(),
    kind: z.enum(ORGANIZATION_KINDS),
    state: z.string().nullable(),
  }),
});

export const loginResultSchema = z.object({
  token: z.string().describe('Bearer token for API clients; the same session is set as an httpOnly cookie'),
  expiresAt: isoDateTime,
  user: meSchema,
});
