import type { OrganizationKind, Role } from '@app/domain';

export const DEMO_PASSWORD = 'demo-1540-pass';

export interface DemoOrganization {
  key: string;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  state: string | null;
  contactEmail: string;
}

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  organization: string;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { key: 'committee', name: '1540 Committee Group of Experts', shortName: '1540 GoE', kind: 'committee', state: null, contactEmail: '1540experts@committee.example' },
  { key: 'nctc', name: 'National Counter-Terrorism Council (MNG)', shortName: 'NCTC', kind: 'state_agency', state: 'MNG', contactEmail: 'nctc@nctc.mn.example' },
  { key: 'customs', name: 'Customs General Authority (MNG)', shortName: 'Customs', kind: 'state_agency', state: 'MNG', contactEmail: 'info@customs.mn.example' },
  { key: 'nec', name: 'Nuclear Energy Commission (MNG)', shortName: 'NEC', kind: 'state_agency', state: 'MNG', contactEmail: 'info@nec.mn.example' },
  { key: 'gasi', name: 'General Authority for Specialized Inspection (MNG)', shortName: 'GASI', kind: 'state_agency', state: 'MNG', contactEmail: 'info@gasi.mn.example' },
  { key: 'bafa', name: 'BAFA — Federal Office for Economic Affairs and Export Control (DEU)', shortName: 'BAFA', kind: 'provider', state: 'DEU', contactEmail: 'outreach@bafa.example' },
  { key: 'exbs', name: 'Export Control and Related Border Security Program (USA)', shortName: 'EXBS', kind: 'provider', state: 'USA', contactEmail: 'exbs@exbs.example' },
  { key: 'wco', name: 'World Customs Organization', shortName: 'WCO', kind: 'provider', state: null, contactEmail: 'capacity@wco.example' },
  { key: 'osce', name: 'Organization for Security and Co-operation in Europe', shortName: 'OSCE', kind: 'provider', state: null, contactEmail: 'cpc@osce.example' },
  { key: 'unoda', name: 'United Nations Office for Disarmament Affairs', shortName: 'UNODA', kind: 'provider', state: null, contactEmail: 'unoda@unoda.example' },
  { key: 'japan', name: 'Ministry of Foreign Affairs of Japan (JPN)', shortName: 'MOFA Japan', kind: 'provider', state: 'JPN', contactEmail: 'npd@japan.example' },
];

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@committee.example', displayName: 'Amina Diallo', role: 'committee_admin', organization: 'committee' },
  { email: 'expert@committee.example', displayName: 'Lukas Berger', role: 'committee_member', organization: 'committee' },
  { email: 'coordinator@nctc.mn.example', displayName: 'Bat-Erdene Dorj', role: 'agency_coordinator', organization: 'nctc' },
  { email: 'officer@customs.mn.example', displayName: 'Oyunchimeg Ganbaatar', role: 'agency_member', organization: 'customs' },
  { email: 'officer@nec.mn.example', displayName: 'Tsetsegmaa Batbold', role: 'agency_member', organization: 'nec' },
  { email: 'officer@gasi.mn.example', displayName: 'Enkhbayar Sukhbaatar', role: 'agency_member', organization: 'gasi' },
  { email: 'donor@bafa.example', displayName: 'Katrin Vogel', role: 'provider_member', organization: 'bafa' },
  { email: 'donor@exbs.example', displayName: 'Michael Reyes', role: 'provider_member', organization: 'exbs' },
  { email: 'donor@wco.example', displayName: 'Pierre Lambert', role: 'provider_member', organization: 'wco' },
  { email: 'donor@osce.example', displayName: 'Elena Petrova', role: 'provider_member', organization: 'osce' },
  { email: 'donor@unoda.example', displayName: 'Sofia Marquez', role: 'provider_member', organization: 'unoda' },
  { email: 'donor@japan.example', displayName: 'Haruto Sato', role: 'provider_member', organization: 'japan' },
];
