import { queryOptions } from '@tanstack/react-query';
import type { TaxonomyView } from '@app/contracts';
import { api } from './client';

// The body of GET /api/v1/taxonomy (libs/domain/src/taxonomy/taxonomy.ts). Labels and help texts are data.

export type Taxonomy = TaxonomyView;
export type TaxonomyEntry = TaxonomyView['provisions'][number];
export type RegionEntry = TaxonomyView['regions'][number];
export type StateEntry = TaxonomyView['states'][number];
export type LanguageEntry = TaxonomyView['languages'][number];
/** 10^minorUnits minor units make one unit (ISO 4217 exponent). */
export type CurrencyEntry = TaxonomyView['currencies'][number];

/** The categories whose entries carry a label and a help text. */
export type CodedCategory =
  'provisions' | 'domains' | 'assistanceTypes' | 'targetInstitutions' | 'deliveryModes' | 'regions';

// The taxonomy changes with a deployment, not during a visit: fetch it once per page load and language (its labels,
// help texts and States' names come in the interface language, which each call sends as Accept-Language).
export const taxonomyQueryFor = (language: string) =>
  queryOptions({
    queryKey: ['taxonomy', language],
    queryFn: ({ signal }) => api.get<Taxonomy>('/taxonomy', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
