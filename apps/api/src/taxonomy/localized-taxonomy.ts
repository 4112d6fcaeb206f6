import { type Taxonomy, TAXONOMY } from '@app/domain';
import { type AnswerLanguage, displayName, stateName, translator } from '@app/i18n';

const cache = new Map<AnswerLanguage, Taxonomy>();

/**
 * The taxonomy in a reader's language: labels and help texts from the catalogues (`taxonomy.<category>.<code>`, generated for the pseudo-locale),
 * States', languages' and currencies' names from CLDR (Intl.DisplayNames). Codes never change.
 */
export function localizedTaxonomy(locale: AnswerLanguage): Taxonomy {
  if (locale === 'en') return TAXONOMY;
  let found = cache.get(locale);
  if (!found) {
    const t = translator(locale);
    const coded = <E extends { code: string; label: string; help: string }>(category: string, entries: readonly E[]): E[] =>
      entries.map((e) => ({ ...e, label: t(`taxonomy.${category}.${e.code}.label`), help: t(`taxonomy.${category}.${e.code}.help`) }));
    found = {
      provisions: coded('provisions', TAXONOMY.provisions),
      domains: coded('domains', TAXONOMY.domains),
      assistanceTypes: coded('assistanceTypes', TAXONOMY.assistanceTypes),
      targetInstitutions: coded('targetInstitutions', TAXONOMY.targetInstitutions),
      deliveryModes: coded('deliveryModes', TAXONOMY.deliveryModes),
      regions: coded('regions', TAXONOMY.regions),
      states: TAXONOMY.states.map((s) => ({ ...s, name: stateName(locale, s.code, s.name) })),
      languages: TAXONOMY.languages.map((l) => ({ ...l, name: displayName(locale, 'language', l.code) ?? l.name })),
      currencies: TAXONOMY.currencies.map((c) => ({ ...c, name: displayName(locale, 'currency', c.code) ?? c.name })),
    };
    cache.set(locale, found);
  }
  return found;
}
