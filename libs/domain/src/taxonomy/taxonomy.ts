import {
  ASSISTANCE_TYPE_TEXT,
  ASSISTANCE_TYPES,
  type AssistanceTypeCode,
  DELIVERY_MODE_TEXT,
  DELIVERY_MODES,
  type DeliveryModeCode,
  DOMAIN_TEXT,
  DOMAINS,
  type DomainCode,
  PROVISION_TEXT,
  PROVISIONS,
  type ProvisionCode,
  TARGET_INSTITUTION_TEXT,
  TARGET_INSTITUTIONS,
  type TargetInstitutionCode,
} from './codes.data';
import { CURRENCIES, CURRENCY_CODES, type Currency, type CurrencyCode } from './currencies.data';
import { LANGUAGE_CODES, LANGUAGES, type LanguageCode } from './languages.data';
import { REGION_STATES, REGION_TEXT, REGIONS, type RegionCode } from './regions.data';
import { OBSERVER_STATES, STATE_CODES, STATES, type StateCode } from './states.data';
import { type TaxonomyEntry, taxonomyEntries } from './taxonomy-text';

export interface RegionEntry extends TaxonomyEntry<RegionCode> {
  readonly states: readonly StateCode[];
}

export interface StateEntry {
  readonly code: StateCode;
  readonly name: string;
  /** A non-member observer State of the UN (Holy See, State of Palestine). */
  readonly observer: boolean;
}

export interface LanguageEntry {
  readonly code: LanguageCode;
  readonly name: string;
}

export interface CurrencyEntry extends Currency {
  readonly code: CurrencyCode;
}

/** The body of `GET /api/v1/taxonomy`: every code of every category, in display order. */
export interface Taxonomy {
  readonly provisions: readonly TaxonomyEntry<ProvisionCode>[];
  readonly domains: readonly TaxonomyEntry<DomainCode>[];
  readonly assistanceTypes: readonly TaxonomyEntry<AssistanceTypeCode>[];
  readonly targetInstitutions: readonly TaxonomyEntry<TargetInstitutionCode>[];
  readonly deliveryModes: readonly TaxonomyEntry<DeliveryModeCode>[];
  readonly regions: readonly RegionEntry[];
  readonly states: readonly StateEntry[];
  readonly languages: readonly LanguageEntry[];
  readonly currencies: readonly CurrencyEntry[];
}

export type TaxonomyCategory = keyof Taxonomy;
export type TaxonomyCode<C extends TaxonomyCategory> = Taxonomy[C][number]['code'];

const REGION_LISTS: Readonly<Record<RegionCode, readonly StateCode[]>> = { GLOBAL: STATE_CODES, ...REGION_STATES };

const REGION_MEMBERS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  REGIONS.map((region) => [region, new Set(REGION_LISTS[region])]),
);

const REGIONS_OF_STATE: ReadonlyMap<string, readonly RegionCode[]> = new Map(
  STATE_CODES.map((state) => [state, REGIONS.filter((region) => REGION_LISTS[region].includes(state))]),
);

export const TAXONOMY: Taxonomy = {
  provisions: taxonomyEntries(PROVISIONS, PROVISION_TEXT),
  domains: taxonomyEntries(DOMAINS, DOMAIN_TEXT),
  assistanceTypes: taxonomyEntries(ASSISTANCE_TYPES, ASSISTANCE_TYPE_TEXT),
  targetInstitutions: taxonomyEntries(TARGET_INSTITUTIONS, TARGET_INSTITUTION_TEXT),
  deliveryModes: taxonomyEntries(DELIVERY_MODES, DELIVERY_MODE_TEXT),
  regions: REGIONS.map((code) => ({ code, ...REGION_TEXT[code], states: REGION_LISTS[code] })),
  states: STATE_CODES.map((code) => ({
    code,
    name: STATES[code],
    observer: OBSERVER_STATES.includes(code),
  })),
  languages: LANGUAGE_CODES.map((code) => ({ code, name: LANGUAGES[code] })),
  currencies: CURRENCY_CODES.map((code) => ({ code, ...CURRENCIES[code] })),
};

function codesOf(entries: readonly { readonly code: string }[]): ReadonlySet<unknown> {
  return new Set(entries.map((entry) => entry.code));
}

const CODES: Readonly<Record<TaxonomyCategory, ReadonlySet<unknown>>> = {
  provisions: codesOf(TAXONOMY.provisions),
  domains: codesOf(TAXONOMY.domains),
  assistanceTypes: codesOf(TAXONOMY.assistanceTypes),
  targetInstitutions: codesOf(TAXONOMY.targetInstitutions),
  deliveryModes: codesOf(TAXONOMY.deliveryModes),
  regions: codesOf(TAXONOMY.regions),
  states: codesOf(TAXONOMY.states),
  languages: codesOf(TAXONOMY.languages),
  currencies: codesOf(TAXONOMY.currencies),
};

export function isTaxonomyCode<C extends TaxonomyCategory>(category: C, code: unknown): code is TaxonomyCode<C> {
  return CODES[category].has(code);
}

const LABELS = new Map<TaxonomyCategory, ReadonlyMap<string, string>>();

/** A code's label (or a State's or language's name), for text people read; the code itself when unknown. */
export function taxonomyLabel(category: TaxonomyCategory, code: string): string {
  let labels = LABELS.get(category);
  if (!labels) {
    const entries = TAXONOMY[category] as readonly { code: string; label?: string; name?: string }[];
    labels = new Map(entries.map((e) => [e.code, e.label ?? e.name ?? e.code]));
    LABELS.set(category, labels);
  }
  return labels.get(code) ?? code;
}

export function isStateCode(code: unknown): code is StateCode {
  return isTaxonomyCode('states', code);
}

export function stateName(code: StateCode): string;
export function stateName(code: string): string | undefined;
export function stateName(code: string): string | undefined {
  return isStateCode(code) ? STATES[code] : undefined;
}

/** The States a region holds; GLOBAL holds every State, observers included. */
export function statesInRegion(region: RegionCode): readonly StateCode[] {
  return REGION_LISTS[region];
}

/** Every region that holds the State, GLOBAL first; none for a code that is not a State. */
export function regionsOfState(state: string): readonly RegionCode[] {
  return REGIONS_OF_STATE.get(state) ?? [];
}

export function regionContainsState(region: string, state: string): boolean {
  return REGION_MEMBERS.get(region)?.has(state) ?? false;
}

export interface StateEligibility {
  readonly eligibleStates: readonly string[];
  readonly eligibleRegions: readonly string[];
}

/** DESIGN §3: an offer serves a State it names, or one in any of its regions (GLOBAL holds them all). */
export function offerServesState(offer: StateEligibility, state: string): boolean {
  return (
    (isStateCode(state) && offer.eligibleStates.includes(state)) ||
    offer.eligibleRegions.some((region) => regionContainsState(region, state))
  );
}
