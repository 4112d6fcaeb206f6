import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Catalogue, formatMessage, lookup, type MessageParams } from './icu';
import { DEFAULT_LOCALE, type Locale, localeOf, LOCALES, pickLocale } from './locales';
import { intlLocale } from './intl';
import { pseudoCatalogue } from './pseudo';
import { PSEUDO_LOCALE } from './pseudo-locale';

/**
 * A language the server answers in: one of the locales, or the checks' pseudo-locale (en-XA, generated from English
 * when asked for, never a file: docs/i18n.md).
 */
export type AnswerLanguage = Locale | typeof PSEUDO_LOCALE;

/**
 * The language to answer a request in. The pseudo-locale, when Accept-Language names it first, wins over the saved
 * preference (the web app in en-XA sends it, so the checks see the API's words accented too); otherwise pickLocale.
 */
export function pickAnswerLanguage(
  preferred: string | null | undefined,
  acceptLanguage?: string | null,
): AnswerLanguage {
  const first = (acceptLanguage ?? '').split(',')[0]?.split(';')[0]?.trim().toLowerCase();
  if (first === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  return pickLocale(preferred, acceptLanguage);
}

// The server's catalogues, one JSON file per locale next to this file (`locales/<locale>.json`); the build copies
// them to dist (tsconfig.build.json includes them). A locale whose file is missing answers in English.
const LOCALES_DIR = join(__dirname, 'locales');
const loaded = new Map<AnswerLanguage, Catalogue | null>();

export function catalogueFor(locale: AnswerLanguage): Catalogue | null {
  if (locale === PSEUDO_LOCALE && !loaded.has(locale)) {
    const english = catalogueFor(DEFAULT_LOCALE);
    loaded.set(locale, english && pseudoCatalogue(english));
  } else if (!loaded.has(locale)) {
    const file = join(LOCALES_DIR, `${locale}.json`);
    loaded.set(locale, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Catalogue) : null);
  }
  return loaded.get(locale) ?? null;
}

/** The message of a key in a locale, else in English, else the key itself (a missing key shows, it never throws). */
export function messageFor(
  locale: AnswerLanguage,
  key: string,
): { message: string; locale: AnswerLanguage } | undefined {
  const own = lookup(catalogueFor(locale) ?? undefined, key);
  if (own !== undefined) return { message: own, locale };
  const english = lookup(catalogueFor(DEFAULT_LOCALE) ?? undefined, key);
  return english === undefined ? undefined : { message: english, locale: DEFAULT_LOCALE };
}

export type Translate = (key: string, params?: MessageParams) => string;

/** `t(key, params)` for one reader's language (the pseudo-locale included). */
export function translator(language: string | null | undefined): Translate {
  const locale: AnswerLanguage = language === PSEUDO_LOCALE ? PSEUDO_LOCALE : (localeOf(language) ?? DEFAULT_LOCALE);
  return (key, params = {}) => {
    const found = messageFor(locale, key);
    if (!found) return key;
    try {
      return formatMessage(found.message, intlLocale(found.locale), params);
    } catch {
      // A translation that does not parse, or lacks a parameter, falls back to English rather than failing a mail.
      const english = messageFor(DEFAULT_LOCALE, key);
      return english ? formatMessage(english.message, 'en', params) : key;
    }
  };
}

/** Whether a key has its own text in a locale (not the English fallback): for the parity checks. */
export function hasOwnMessage(locale: Locale, key: string): boolean {
  return lookup(catalogueFor(locale) ?? undefined, key) !== undefined;
}

export const SERVER_LOCALES = LOCALES;
