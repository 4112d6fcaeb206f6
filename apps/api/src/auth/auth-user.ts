import type { OrganizationKind, Role } from '@app/domain';

/** The signed-in caller, as every route sees it. Shape of `GET /auth/me`. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  preferredLanguage: string;
  organization: { id: string; name: string; shortName: string; kind: OrganizationKind; state: string | null };
  sessionId: string;
}
