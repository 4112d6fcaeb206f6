import {
  ACTOR_ROLES,
  COMMITTEE_ROLES,
  isAgency,
  isCommittee,
  isProvider,
  isRole,
  kindOfRole,
  ORGANIZATION_KINDS,
  ROLES,
  roleAllowedForKind,
  rolesForKind,
} from './roles';

describe('roles', () => {
  it('pairs each role with the one organisation kind of DESIGN §2', () => {
    const allowed = ROLES.flatMap((role) =>
      ORGANIZATION_KINDS.filter((kind) => roleAllowedForKind(role, kind)).map((kind) => `${role}@${kind}`),
    );
    expect(allowed).toEqual([
      'committee_admin@committee',
      'committee_member@committee',
      'agency_coordinator@state_agency',
      'agency_member@state_agency',
      'provider_member@provider',
    ]);
    expect(kindOfRole('agency_coordinator')).toBe('state_agency');
  });

  it('lists the roles a kind allows', () => {
    expect(rolesForKind('committee')).toEqual(['committee_admin', 'committee_member']);
    expect(rolesForKind('state_agency')).toEqual(['agency_coordinator', 'agency_member']);
    expect(rolesForKind('provider')).toEqual(['provider_member']);
    expect(COMMITTEE_ROLES).toEqual(['committee_admin', 'committee_member']);
  });

  it('classifies roles, with the system in no organisation', () => {
    expect(ACTOR_ROLES.filter(isCommittee)).toEqual(['committee_admin', 'committee_member']);
    expect(ACTOR_ROLES.filter(isAgency)).toEqual(['agency_coordinator', 'agency_member']);
    expect(ACTOR_ROLES.filter(isProvider)).toEqual(['provider_member']);
  });

  it('recognises only real roles', () => {
    expect(isRole('agency_member')).toBe(true);
    expect(isRole('system')).toBe(false);
    expect(isRole('admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
