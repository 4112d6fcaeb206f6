import {
  REGION_STATES,
  REGIONS,
  STATE_CODES,
  type LanguageCode,
  type RegionCode,
  type StateCode,
  type TargetInstitutionCode,
} from '@app/domain';
import { chance, createPrng, int, pick, sample, unique } from '../random';
import type { SyntheticOrganisation } from './records';
import { THEMES } from './themes';

// The fixed cast: State agencies in every State but Mongolia, and providers, one user each. Synthetic rows are
// recognisable: their organisations are named "Synthetic …" and their users have @synthetic.example addresses.

export const SYNTHETIC_NAME_PREFIX = 'Synthetic ';
export const SYNTHETIC_EMAIL_DOMAIN = 'synthetic.example';

interface AgencyKind {
  name: string;
  short: string;
  slug: string;
  institutions: readonly TargetInstitutionCode[];
}

const POINT_OF_CONTACT: AgencyKind = {
  name: 'National 1540 Point of Contact',
  short: 'NPC',
  slug: 'npc',
  institutions: ['FOREIGN_AFFAIRS'],
};

const AGENCY_KINDS: readonly AgencyKind[] = [
  { name: 'Customs Service', short: 'Customs', slug: 'customs', institutions: ['CUSTOMS_BORDER'] },
  { name: 'Export Control Agency', short: 'ECA', slug: 'eca', institutions: ['LICENSING'] },
  { name: 'Nuclear Regulatory Authority', short: 'NRA', slug: 'nra', institutions: ['NUCLEAR_REGULATOR'] },
  { name: 'Public Health and Biosafety Agency', short: 'PHBA', slug: 'health', institutions: ['HEALTH_BIOSAFETY'] },
  { name: 'Chemicals Management Authority', short: 'CMA', slug: 'chem', institutions: ['CHEMICALS_ENVIRONMENT'] },
  { name: 'Financial Intelligence Unit', short: 'FIU', slug: 'fiu', institutions: ['FINANCIAL_INTELLIGENCE'] },
  {
    name: 'Border Police',
    short: 'Border Police',
    slug: 'border',
    institutions: ['LAW_ENFORCEMENT', 'CUSTOMS_BORDER'],
  },
  { name: 'Emergency Management Agency', short: 'EMA', slug: 'ema', institutions: ['EMERGENCY_MANAGEMENT'] },
];

const STATE_PROVIDER_UNITS = [
  'Export Control Outreach Programme',
  'Nonproliferation Assistance Office',
  'Border Security Programme',
  'Biosecurity Engagement Programme',
  'Chemical Security Programme',
  'Nuclear Security Cooperation Unit',
  'Counter-Proliferation Finance Programme',
];

const INTERNATIONAL_PROVIDER_UNITS = [
  'Regional Customs Training Centre',
  'Regional Security Directorate',
  'Centre of Excellence for CBRN Risk Mitigation',
  'Nonproliferation Institute',
  'Export Control Academy',
];

// prettier-ignore
const DONOR_STATES: readonly StateCode[] = [
  'USA', 'GBR', 'FRA', 'DEU', 'JPN', 'CAN', 'AUS', 'NLD', 'NOR', 'SWE', 'FIN', 'DNK', 'ITA', 'ESP', 'CHE', 'KOR',
  'NZL', 'AUT', 'BEL', 'CZE', 'POL', 'RUS', 'CHN', 'TUR', 'SGP', 'ARE',
];

// Languages a State's agencies write in, besides English.
// prettier-ignore
const RUSSIAN_SPEAKING: ReadonlySet<string> = new Set([
  'RUS', 'BLR', 'KAZ', 'KGZ', 'TJK', 'TKM', 'UZB', 'ARM', 'AZE', 'MDA',
]);
// prettier-ignore
const FRENCH_SPEAKING: ReadonlySet<string> = new Set([
  'BEN', 'BFA', 'BDI', 'CMR', 'CAF', 'TCD', 'COM', 'COG', 'CIV', 'COD', 'DJI', 'GAB', 'GIN', 'HTI', 'MDG', 'MLI',
  'MRT', 'MAR', 'NER', 'RWA', 'SEN', 'TGO', 'TUN', 'DZA', 'LBN',
]);
// prettier-ignore
const ARABIC_SPEAKING: ReadonlySet<string> = new Set([
  'BHR', 'EGY', 'IRQ', 'JOR', 'KWT', 'LBY', 'OMN', 'QAT', 'SAU', 'SDN', 'SYR', 'ARE', 'YEM', 'DZA', 'MAR', 'TUN',
  'LBN',
]);
const LATIN_AMERICA: ReadonlySet<string> = new Set(REGION_STATES.LATIN_AMERICA_CARIBBEAN);

export function secondLanguage(state: string): LanguageCode | null {
  if (RUSSIAN_SPEAKING.has(state)) return 'ru';
  if (FRENCH_SPEAKING.has(state)) return 'fr';
  if (ARABIC_SPEAKING.has(state)) return 'ar';
  if (LATIN_AMERICA.has(state) && state !== 'BRA' && !REGION_STATES.CARICOM.includes(state as StateCode)) return 'es';
  if (state === 'BRA') return 'pt';
  return null;
}

export interface Agency extends SyntheticOrganisation {
  kind: 'state_agency';
  state: string;
  institutions: readonly TargetInstitutionCode[];
}

export interface Provider extends SyntheticOrganisation {
  kind: 'provider';
  regions: readonly RegionCode[];
  themes: readonly string[];
  languages: readonly LanguageCode[];
  weight: number;
}

export interface Cast {
  agenciesByState: Map<string, Agency[]>;
  stateWeights: Record<string, number>;
  providers: Provider[];
  providerWeights: Record<string, number>;
}

const PROVIDER_COUNT = 250;
// Mongolia's requests are the demo story's (DESIGN §1); synthetic ones would take its reference numbers.
const EXCLUDED_STATES: ReadonlySet<string> = new Set(['MNG']);
const REQUEST_REGIONS: readonly RegionCode[] = REGIONS.filter((r) => r !== 'GLOBAL');

/** The same organisations on every run, whatever the seed, so a second run reuses them. */
export function buildCast(): Cast {
  const rng = createPrng(0x1540);
  const agenciesByState = new Map<string, Agency[]>();
  const stateWeights: Record<string, number> = {};
  const donors = new Set<string>(REGION_STATES.WEOG);
  for (const state of STATE_CODES) {
    if (EXCLUDED_STATES.has(state)) continue;
    // Donor States ask for little; a few States ask for a lot.
    stateWeights[state] = donors.has(state) ? 0.05 : 0.2 + rng() * rng() * 4;
    const kinds = [POINT_OF_CONTACT, ...sample(rng, AGENCY_KINDS, int(rng, 1, 3))];
    agenciesByState.set(
      state,
      kinds.map((kind) => ({
        name: `${SYNTHETIC_NAME_PREFIX}${kind.name} (${state})`,
        shortName: `${kind.short} ${state}`,
        kind: 'state_agency',
        state,
        email: `${kind.slug}.${state.toLowerCase()}@${SYNTHETIC_EMAIL_DOMAIN}`,
        role: kind === POINT_OF_CONTACT ? 'agency_coordinator' : 'agency_member',
        institutions: kind.institutions,
      })),
    );
  }
  const providers: Provider[] = [];
  const providerWeights: Record<string, number> = {};
  for (let i = 1; i <= PROVIDER_COUNT; i++) {
    const n = String(i).padStart(3, '0');
    const international = chance(rng, 0.35);
    const state = international ? null : pick(rng, DONOR_STATES);
    const unit = pick(rng, international ? INTERNATIONAL_PROVIDER_UNITS : STATE_PROVIDER_UNITS);
    const regions: RegionCode[] = chance(rng, 0.2) ? ['GLOBAL'] : sample(rng, REQUEST_REGIONS, int(rng, 1, 2));
    const languages = unique<LanguageCode>([
      'en',
      ...(chance(rng, 0.35) ? (['fr'] as const) : []),
      ...(chance(rng, 0.25) || regions.some((r) => r === 'CENTRAL_ASIA' || r === 'EASTERN_EUROPE' || r === 'OSCE')
        ? (['ru'] as const)
        : []),
      ...(chance(rng, 0.2) ? (['es'] as const) : []),
      ...(chance(rng, 0.1) ? (['ar'] as const) : []),
      ...(chance(rng, 0.04) ? (['mn'] as const) : []),
    ]);
    const provider: Provider = {
      name: `${SYNTHETIC_NAME_PREFIX}${unit} ${n}${state ? ` (${state})` : ''}`,
      shortName: `SYN-P${n}`,
      kind: 'provider',
      state,
      email: `provider-${n}@${SYNTHETIC_EMAIL_DOMAIN}`,
      role: 'provider_member',
      regions,
      themes: sample(
        rng,
        THEMES.map((t) => t.key),
        int(rng, 2, 4),
      ),
      languages,
      weight: 0.3 + rng() * 2,
    };
    providers.push(provider);
    providerWeights[String(providers.length - 1)] = provider.weight;
  }
  return { agenciesByState, stateWeights, providers, providerWeights };
}

/** The cast as organisation records, each with its one user: agencies State by State, then providers. */
export function castOrganisations(cast: Cast): SyntheticOrganisation[] {
  const members: SyntheticOrganisation[] = [...[...cast.agenciesByState.values()].flat(), ...cast.providers];
  return members.map(({ name, shortName, kind, state, email, role }) => ({
    name,
    shortName,
    kind,
    state,
    email,
    role,
  }));
}
