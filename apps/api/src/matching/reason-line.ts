import { DEFAULT_LOCALE, hasOwnMessage, intlLocale, localeOf, stateName, translator } from '@app/i18n';
import { type ReasonPart, taxonomyName } from '@app/matching';

type Category = 'provisions' | 'assistanceTypes' | 'regions';

/**
 * A pair's reason line in the reader's language, from the engine's clauses (codes and figures): the taxonomy's
 * names from the catalogue (a provision by its short form, "Par. 3 c)"), States' names from CLDR, lists and
 * figures through Intl. The components beside it are unchanged; only the sentences are worded.
 */
export function reasonLineIn(language: string, parts: readonly ReasonPart[]): string {
  const locale = localeOf(language) ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const name = (category: Category, code: string): string => {
    const key = `taxonomy.${category}.${code}.label`;
    const label = hasOwnMessage(locale, key) ? t(key) : taxonomyName(category, code);
    return category === 'provisions' ? label.split(' — ')[0] : label;
  };
  const state = (code: string) => stateName(locale, code, taxonomyName('states', code));
  const list = (items: string[]) => new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(items);
  const say = (part: ReasonPart): string => {
    const key = `matching.reason.${part.key}`;
    switch (part.key) {
      case 'coversNone':
        return t(key, { count: part.count });
      case 'coversSome':
        return t(key, { provisions: list(part.provisions.map((p) => name('provisions', p))), shared: part.provisions.length, count: part.count });
      case 'named':
        return t(key, { provisions: list(part.provisions.map((p) => name('provisions', p))) });
      case 'textClose':
      case 'textLow':
        return t(key, { text: Number(part.text), least: Number(part.least) });
      case 'offersTypes':
        return t(key, { types: list(part.types.map((type) => name('assistanceTypes', type))) });
      case 'servesDirectly':
      case 'servesGlobally':
        return t(key, { state: state(part.state) });
      case 'servesVia':
        return t(key, { state: state(part.state), region: name('regions', part.region) });
      case 'prior':
        return t(key, { count: part.count, state: state(part.state) });
      case 'budget':
        return t(key, { percent: part.percent });
      case 'mentioned':
        return t(key, { terms: list(part.terms) });
      default:
        return t(key);
    }
  };
  return parts.map(say).join(t('matching.reason.separator'));
}
