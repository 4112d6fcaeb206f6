import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

// The body of GET /api/v1/taxonomy (libs/domain/src/taxonomy/taxonomy.ts). Labels and help texts are data.

export interface TaxonomyEntry {
  code: string;
  label: string;
  help: string;
}

export interface RegionEntry extends TaxonomyEntry {
  states: string[];
}

export interface StateEntry {
  code: string;
  name: string;
  observer: boolean;
}

export interface LanguageEntry {
  code: string;
  name: string;
}

export interface CurrencyEntry {
  code: string;
  name: string;
  /** 10^minorUnits minor units make one unit (ISO 4217 exponent). */
  minorUnits: number;
}

export interface Taxonomy {
  provisions: TaxonomyEntry[];
  domains: TaxonomyEntry[];
  assistanceTypes: TaxonomyEntry[];
  targetInstitutions: TaxonomyEntry[];
  deliveryModes: TaxonomyEntry[];
  regions: RegionEntry[];
  states: StateEntry[];
  languages: LanguageEntry[];
  currencies: CurrencyEntry[];
}

/** The categories whose entries carry a label and a help text. */
export type CodedCategory =
  'provisions' | 'domains' | 'assistanceTypes' | 'targetInstitutions' | 'deliveryModes' | 'regions';

// The taxonomy changes with a deployment, not during a visit: fetch it once per page load.
export const taxonomyQuery = queryOptions({
  queryKey: ['taxonomy'],
  queryFn: ({ signal }) => api.get<Taxonomy>('/taxonomy', { signal }),
  staleTime: Infinity,
  gcTime: Infinity,
});
