export const ROLES = [
  'committee_admin',
  'committee_member',
  'agency_coordinator',
  'agency_member',
  'provider_member',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ['committee', 'state_agency', 'provider'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

// Automatic transitions (a match agreed, an offer expiring) are taken by the system, never by a user.
export const SYSTEM_ROLE = 'system';
export type ActorRole = Role | typeof SYSTEM_ROLE;
export const ACTOR_ROLES: readonly ActorRole[] = [...ROLES, SYSTEM_ROLE];

const KIND_OF_ROLE: Readonly<Record<Role, OrganizationKind>> = {
  committee_admin: 'committee',
  committee_member: 'committee',
  agency_coordinator: 'state_agency',
  agency_member: 'state_agency',
  provider_member: 'provider',
};

export const COMMITTEE_ROLES = rolesForKind('committee');
export const AGENCY_ROLES = rolesForKind('state_agency');
export const PROVIDER_ROLES = rolesForKind('provider');

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

export function kindOfRole(role: Role): OrganizationKind {
  return KIND_OF_ROLE[role];
}

/** Every user belongs to one organisation; the organisation's kind decides which roles its users may hold. */
export function roleAllowedForKind(role: Role, kind: OrganizationKind): boolean {
  return KIND_OF_ROLE[role] === kind;
}

export function rolesForKind(kind: OrganizationKind): readonly Role[] {
  return ROLES.filter((role) => KIND_OF_ROLE[role] === kind);
}

export function isCommittee(role: ActorRole): boolean {
  return role !== SYSTEM_ROLE && KIND_OF_ROLE[role] === 'committee';
}

export function isAgency(role: ActorRole): boolean {
  return role !== SYSTEM_ROLE && KIND_OF_ROLE[role] === 'state_agency';
}

export function isProvider(role: ActorRole): boolean {
  return role !== SYSTEM_ROLE && KIND_OF_ROLE[role] === 'provider';
}
