import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

// Every `<code>.json` next to this file is a catalogue: dropping in `mn.json` or `ru.json` adds the language.
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>('./*.json', { eager: true });

const resources = Object.fromEntries(
  Object.entries(catalogues).map(([file, module]) => [
    file.replace(/^\.\/(.+)\.json$/, '$1'),
    { translation: module.default },
  ]),
);
// Validation messages in English are the API's own (libs/contracts); forms/schema-check.ts adds them when a form
// first loads, so the contracts stay out of the first page load.

export const defaultLanguage = 'en';
export const supportedLanguages: readonly string[] = Object.keys(resources).sort();

const storageKey = 'language';

function initialLanguage(): string {
  const stored = readStoredLanguage();
  if (stored && supportedLanguages.includes(stored)) return stored;
  for (const tag of navigator.languages ?? []) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary && supportedLanguages.includes(primary)) return primary;
  }
  return defaultLanguage;
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    // Storage can be disabled (privacy settings); the browser language still applies.
    return null;
  }
}

/** For the language picker: switches the interface and remembers the choice in this browser. */
export async function setLanguage(language: string): Promise<void> {
  if (!supportedLanguages.includes(language)) return;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...supportedLanguages],
  // React escapes rendered text already.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
