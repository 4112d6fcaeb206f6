import { DEFAULT_LOCALE, intlLocale, type Locale, localeOf, LOCALES, PSEUDO_LOCALE, RTL_LOCALES } from '@app/i18n/browser';
import i18n from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

// English is bundled; every other `<locale>.json` next to this file is its own chunk, fetched when a person picks the
// language. The validation messages are the API's own (libs/i18n/src/locales/<locale>.json, `validation`): the same
// words next to a form field as in the server's 400. A locale whose file is missing shows English (the parity test
// in libs/i18n fails for it).
const webCatalogues = import.meta.glob<Record<string, unknown>>(['./*.json', '!./en.json'], { import: 'default' });
const serverValidation = import.meta.glob<Record<string, string>>('../../../../libs/i18n/src/locales/*.json', {
  import: 'validation',
});

export const defaultLanguage = DEFAULT_LOCALE;
/** The languages a person can pick; the pseudo-locale is for the checks only (docs/i18n.md). */
export const supportedLanguages: readonly Locale[] = LOCALES;
export const languageStorageKey = 'language';

export function isRightToLeft(language: string): boolean {
  return RTL_LOCALES.includes(localeOf(language) ?? DEFAULT_LOCALE);
}

function usableLanguage(tag: string | null | undefined): string | undefined {
  if (tag === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  return localeOf(tag);
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(languageStorageKey);
  } catch {
    // Storage can be disabled (privacy settings); the browser language still applies.
    return null;
  }
}

/** The language before anyone signs in: the one picked in this browser, else the browser's own (navigator.languages). */
export function browserLanguage(): string {
  const stored = usableLanguage(readStoredLanguage());
  if (stored) return stored;
  for (const tag of navigator.languages ?? []) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

async function loadLanguage(language: string): Promise<void> {
  if (language === DEFAULT_LOCALE || i18n.hasResourceBundle(language, 'translation')) return;
  if (language === PSEUDO_LOCALE) {
    const { pseudoCatalogue } = await import('@app/i18n/browser');
    const validation = (await serverValidation['../../../../libs/i18n/src/locales/en.json']?.()) ?? {};
    i18n.addResourceBundle(language, 'translation', pseudoCatalogue({ ...en, validation }), true, true);
    return;
  }
  const [web, validation] = await Promise.all([
    webCatalogues[`./${language}.json`]?.(),
    serverValidation[`../../../../libs/i18n/src/locales/${language}.json`]?.(),
  ]);
  i18n.addResourceBundle(language, 'translation', { ...(web ?? {}), ...(validation ? { validation } : {}) }, true, true);
}

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
}

/**
 * Switches the interface (loading the catalogue first) and remembers the choice in this browser; the signed-in
 * person's choice is also saved as their preferred language by the caller (language-picker.tsx).
 */
export async function setLanguage(language: string): Promise<void> {
  const usable = usableLanguage(language);
  if (!usable) return;
  try {
    localStorage.setItem(languageStorageKey, usable);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  await loadLanguage(usable);
  await i18n.changeLanguage(usable);
}

i18n.on('languageChanged', applyToDocument);

const initial = browserLanguage();

/** Resolves once the first language's catalogue is in (main.tsx waits for it before the first render). */
export const i18nReady: Promise<unknown> = i18n
  // Plurals and numbers inside messages as the locale writes them (Arabic with Western digits, intlLocale).
  .use(new ICU({ parseLngForICU: intlLocale }))
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en } },
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES, PSEUDO_LOCALE],
    // React escapes rendered text already.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(() => loadLanguage(initial))
  .then(() => i18n.changeLanguage(initial))
  .catch(() => applyToDocument(DEFAULT_LOCALE));

export { i18n };
