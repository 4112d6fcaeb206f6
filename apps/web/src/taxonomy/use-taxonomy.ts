import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  taxonomyQueryFor,
  type CodedCategory,
  type CurrencyEntry,
  type Taxonomy,
  type TaxonomyEntry,
} from '../api/taxonomy';
import { useTranslation } from '../i18n';

export interface TaxonomyLookup {
  taxonomy: Taxonomy;
  entry: (category: CodedCategory, code: string) => TaxonomyEntry | undefined;
  /** The code's label, or the code itself when the taxonomy does not know it. */
  label: (category: CodedCategory, code: string) => string;
  /** The label's short form, for chips and chart axes: "OP3(a)" of "OP3(a) — Accounting and security". */
  short: (category: CodedCategory, code: string) => string;
  stateName: (code: string) => string;
  languageName: (code: string) => string;
  currency: (code: string) => CurrencyEntry | undefined;
  /** Select options for the lists forms and filters pick from. */
  options: Record<'states' | 'languages' | 'currencies', SelectOption[]>;
}

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * The shared vocabulary of DESIGN §3, fetched once and cached for the visit. `lookup` is undefined until it
 * has loaded; pages show codes meanwhile.
 */
export function useTaxonomy() {
  const { i18n } = useTranslation();
  const query = useQuery(taxonomyQueryFor(i18n.language));
  const lookup = useMemo<TaxonomyLookup | undefined>(
    () => (query.data ? buildLookup(query.data) : undefined),
    [query.data],
  );
  return { ...query, lookup };
}

function buildLookup(taxonomy: Taxonomy): TaxonomyLookup {
  const byCategory = new Map<CodedCategory, Map<string, TaxonomyEntry>>(
    (['provisions', 'domains', 'assistanceTypes', 'targetInstitutions', 'deliveryModes', 'regions'] as const).map(
      (category) => [category, new Map(taxonomy[category].map((entry) => [entry.code, entry]))],
    ),
  );
  const states = new Map(taxonomy.states.map((state) => [state.code, state.name]));
  const languages = new Map(taxonomy.languages.map((language) => [language.code, language.name]));
  const currencies = new Map(taxonomy.currencies.map((currency) => [currency.code, currency]));
  const entry = (category: CodedCategory, code: string) => byCategory.get(category)?.get(code);
  return {
    taxonomy,
    entry,
    label: (category, code) => entry(category, code)?.label ?? code,
    short: (category, code) => shortLabel(entry(category, code)?.label ?? code),
    stateName: (code) => states.get(code) ?? code,
    languageName: (code) => languages.get(code) ?? code,
    currency: (code) => currencies.get(code),
    options: {
      states: taxonomy.states.map((state) => ({ value: state.code, label: `${state.name} (${state.code})` })),
      languages: taxonomy.languages.map((language) => ({
        value: language.code,
        label: `${language.name} (${language.code})`,
      })),
      currencies: taxonomy.currencies.map((currency) => ({
        value: currency.code,
        label: `${currency.code} — ${currency.name}`,
      })),
    },
  };
}

// A label may open with the name people cite ("OP3(a) — Accounting and security"): that is its short form, so
// a chip reads as the pickers do. A label without one is short already ("National coordination").
const SHORT_FORM_SEPARATOR = ' — ';

export function shortLabel(label: string): string {
  const at = label.indexOf(SHORT_FORM_SEPARATOR);
  return at > 0 ? label.slice(0, at) : label;
}
