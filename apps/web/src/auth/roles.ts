import type { Role } from '../api/auth';

export const ALL_ROLES = [
  'committee_admin',
  'committee_member',
  'agency_coordinator',
  'agency_member',
  'provider_member',
] as const satisfies readonly Role[];

export const COMMITTEE_ROLES = ['committee_admin', 'committee_member'] as const satisfies readonly Role[];
export const COMMITTEE_ADMIN_ROLES = ['committee_admin'] as const satisfies readonly Role[];
export const AGENCY_ROLES = ['agency_coordinator', 'agency_member'] as const satisfies readonly Role[];
export const PROVIDER_ROLES = ['provider_member'] as const satisfies readonly Role[];

export type Workspace = 'committee' | 'agency' | 'provider';

export function workspaceOf(role: Role): Workspace {
  switch (role) {
    case 'committee_admin':
    case 'committee_member':
      return 'committee';
    case 'agency_coordinator':
    case 'agency_member':
      return 'agency';
    case 'provider_member':
      return 'provider';
  }
}

/** Where a role lands after signing in. */
export function homePathFor(role: Role): string {
  return `/${workspaceOf(role)}`;
}
