import { DEFAULT_LOCALE, type Locale, localeOf, LOCALES, PSEUDO_LOCALE, RTL_LOCALES } from '@app/i18n/browser';
import type { CataloguePart } from './parts';
import { addMessages, showLanguage } from './translator';

type WebCatalogue = Record<string, unknown>;

// Every `<locale>.json` next to this file comes in three parts (CATALOGUE_PARTS in parts.ts): `first`, the sections
// the entry and the sign-in page use, fetched before the first render; `frame`, what the signed-in frame and the home
// pages add, fetched before they render; `rest`, every other section, fetched before any other page renders
// (loadSections, routes.tsx). English's first part is bundled (the first paint of most readers, and the fallback of
// every language); every other part is its own chunk. The validation messages are the API's own
// (libs/i18n/src/locales/<locale>.json, `validation`): the same words next to a form field as in the server's 400;
// they come with the rest, as the forms do. Each locale has every key of English's, and a missing locale file fails,
// in the parity test of libs/i18n (catalogues.spec.ts): English's later parts are loaded for English only.
const englishFirst = Object.values(
  import.meta.glob<WebCatalogue>('./en.json', { query: '?part=first', import: 'default', eager: true }),
)[0];
const partChunks: Record<CataloguePart, Record<string, () => Promise<WebCatalogue>>> = {
  first: import.meta.glob<WebCatalogue>(['./*.json', '!./en.json'], { query: '?part=first', import: 'default' }),
  frame: import.meta.glob<WebCatalogue>('./*.json', { query: '?part=frame', import: 'default' }),
  rest: import.meta.glob<WebCatalogue>('./*.json', { query: '?part=rest', import: 'default' }),
};
/** The parts in the order they are wanted: a page that wants one has every earlier one too. */
const PART_ORDER: readonly CataloguePart[] = ['first', 'frame', 'rest'];
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

async function webPart(language: string, part: CataloguePart): Promise<WebCatalogue> {
  if (language === DEFAULT_LOCALE && part === 'first') return englishFirst;
  return (await partChunks[part][`./${language}.json`]?.()) ?? {};
}

const loadedParts = new Map<string, Promise<void>>();

function loadPart(language: string, part: CataloguePart): Promise<void> {
  const id = `${language}/${part}`;
  let loading = loadedParts.get(id);
  if (!loading) {
    loading = (async () => {
      const source = language === PSEUDO_LOCALE ? DEFAULT_LOCALE : language;
      const [web, validation] = await Promise.all([
        webPart(source, part),
        // English's validation messages are the contracts' own (forms/schema-check.ts), except in the pseudo-locale.
        part === 'rest' && language !== DEFAULT_LOCALE
          ? serverValidation[`../../../../libs/i18n/src/locales/${source}.json`]?.()
          : undefined,
      ]);
      const bundle = { ...web, ...(validation ? { validation } : {}) };
      if (language === PSEUDO_LOCALE) {
        // Generated here, with the ICU parser it needs: neither is in the first load of a real language.
        const { pseudoCatalogue } = await import('@app/i18n/pseudo');
        addMessages(language, pseudoCatalogue(bundle));
      } else {
        addMessages(language, bundle);
      }
    })();
    // A failed fetch is tried again the next time the part is wanted.
    loading.catch(() => loadedParts.delete(id));
    loadedParts.set(id, loading);
  }
  return loading;
}

/** How many parts (PART_ORDER) the pages opened so far needed: a language picked later loads as many. */
let partsWanted = 1;
/** The language shown, or being loaded to be shown. */
let targetLanguage: string = DEFAULT_LOCALE;

async function loadLanguage(language: string): Promise<void> {
  // The language's own parts only (English's rest was loaded as the fallback of a missing key until issue 16: 21 KiB
  // gzip on the first page of every reader of another language, never read since the parity test).
  await Promise.all(PART_ORDER.slice(0, partsWanted).map((part) => loadPart(language, part)));
}

/**
 * The catalogue of the language shown up to `part`: the frame and the home pages wait for `frame`, every other page
 * but sign-in for `rest` (routes.tsx), so no key ever shows in place of its words.
 */
export function loadSections(part: Exclude<CataloguePart, 'first'>): Promise<void> {
  partsWanted = Math.max(partsWanted, PART_ORDER.indexOf(part) + 1);
  return loadLanguage(targetLanguage);
}

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
}

function show(language: string): void {
  showLanguage(language);
  applyToDocument(language);
}

/**
 * Switches the interface (loading the catalogue first) and remembers the choice in this browser; the signed-in
 * person's choice is also saved as their preferred language by the caller (language-picker.tsx). Resolves to whether
 * the language is shown: not when it is not one of ours, nor when a later pick was made while it loaded.
 */
export async function setLanguage(language: string): Promise<boolean> {
  const usable = usableLanguage(language);
  if (!usable) return false;
  try {
    localStorage.setItem(languageStorageKey, usable);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  targetLanguage = usable;
  await loadLanguage(usable);
  // A later pick may have been shown while this one loaded.
  if (targetLanguage !== usable) return false;
  show(usable);
  return true;
}

addMessages(DEFAULT_LOCALE, englishFirst);
const initial = browserLanguage();
targetLanguage = initial;

/** Resolves once the first language's catalogue is in (main.tsx waits for it before the first render). */
export const i18nReady: Promise<unknown> = loadLanguage(initial)
  .then(() => show(initial))
  .catch(() => applyToDocument(DEFAULT_LOCALE));

export { i18n, useTranslation, type MessageKey, type TFunction } from './translator';
