import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Catalogue, formatMessage, lookup, type MessageParams } from './icu';
import { DEFAULT_LOCALE, type Locale, localeOf, LOCALES } from './locales';
import { intlLocale } from './intl';

// The server's catalogues, one JSON file per locale next to this file (`locales/<locale>.json`); the build copies
// them to dist (tsconfig.build.json includes them). A locale whose file is missing answers in English.
const LOCALES_DIR = join(__dirname, 'locales');
const loaded = new Map<Locale, Catalogue | null>();

export function catalogueFor(locale: Locale): Catalogue | null {
  if (!loaded.has(locale)) {
    const file = join(LOCALES_DIR, `${locale}.json`);
    loaded.set(locale, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Catalogue) : null);
  }
  return loaded.get(locale) ?? null;
}

/** The message of a key in a locale, else in English, else the key itself (a missing key shows, it never throws). */
export function messageFor(locale: Locale, key: string): { message: string; locale: Locale } | undefined {
  const own = lookup(catalogueFor(locale) ?? undefined, key);
  if (own !== undefined) return { message: own, locale };
  const english = lookup(catalogueFor(DEFAULT_LOCALE) ?? undefined, key);
  return english === undefined ? undefined : { message: english, locale: DEFAULT_LOCALE };
}

export type Translate = (key: string, params?: MessageParams) => string;

/** `t(key, params)` for one reader's language. */
export function translator(language: string | null | undefined): Translate {
  const locale = localeOf(language) ?? DEFAULT_LOCALE;
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
