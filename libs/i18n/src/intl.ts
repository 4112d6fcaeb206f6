import { localeOf } from './locales';
import { alpha2Of } from './state-regions';

// How each interface language writes numbers and dates with Intl. Arabic with Western digits (numbering system
// `latn`), as UN Arabic documents and our Arabic catalogues write them, so that a figure typed in a message and one
// formatted by Intl never differ in one sentence (docs/glossary.md, "Digits"). English dates as UN documents write
// them (12 May 2020) whatever the region. Mongolian, Russian, … take CLDR's own defaults.
const INTL_LOCALES: Readonly<Record<string, string>> = { en: 'en-GB', ar: 'ar-u-nu-latn', zh: 'zh-Hans' };

/** The BCP 47 tag to give Intl for an interface language (`ar` → `ar-u-nu-latn`). */
export function intlLocale(language: string): string {
  const locale = localeOf(language);
  return locale ? (INTL_LOCALES[locale] ?? locale) : language;
}

/** A State's, language's or currency's name in the reader's language, from CLDR (`MNG` → "Mongolia", "Монголия"). */
export function displayName(
  language: string,
  type: 'region' | 'language' | 'currency',
  code: string,
): string | undefined {
  try {
    const name = new Intl.DisplayNames([intlLocale(language), 'en'], { type, fallback: 'none' }).of(code);
    return name ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A State's name by its alpha-3 code in the reader's language. English keeps the UN's own short names (given by the
 * caller, "Bolivia (Plurinational State of)"); other languages take CLDR's.
 */
export function stateName(language: string, alpha3: string, unName: string): string {
  if ((localeOf(language) ?? 'en') === 'en') return unName;
  const alpha2 = alpha2Of(alpha3);
  return (alpha2 && displayName(language, 'region', alpha2)) ?? unName;
}
