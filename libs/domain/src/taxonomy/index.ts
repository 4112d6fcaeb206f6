export * from './codes.data';
export * from './currencies.data';
export * from './languages.data';
export * from './regions.data';
export * from './states.data';
export * from './taxonomy';
export * from './thesaurus.data';
export type { TaxonomyEntry, TaxonomyText } from './taxonomy-text';
