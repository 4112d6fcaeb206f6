import { DEFAULT_LOCALE, intlLocale } from '@app/i18n/browser';
import type { VALIDATION_MESSAGES } from '@app/contracts';
import { useSyncExternalStore } from 'react';
import type en from './en.json';
import { formatOrAsWritten, type MessageValues } from './message-format';

// The web app's translations: the catalogues' messages by language, `t()` and a hook that re-renders on a change of
// language. In place of i18next and react-i18next (about 17 KiB gzip of every first load, docs/performance.md), of
// which the app used this much: nested keys, English as the fallback, ICU messages (message-format.ts) and a key
// shown as itself when no catalogue has it.

type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * English is the reference catalogue: t() only accepts keys that exist in en.json, or in the validation messages the
 * web app shares with the API (added to English in forms/schema-check.ts).
 */
export type MessageKey = KeysOf<typeof en & { validation: typeof VALIDATION_MESSAGES }>;

/** The message's values, and the words to show when no catalogue has the key (a status the catalogue lacks). */
export type MessageOptions = MessageValues & { defaultValue?: string };

export interface TFunction {
  (key: MessageKey, options?: MessageOptions): string;
  /** A key made from data (a status the API sends): the words of `defaultValue` when no catalogue has it. */
  (key: string, options: MessageOptions & { defaultValue: string }): string;
}

/** Language → flattened key (`signIn.title`) → ICU message. */
const messages = new Map<string, Map<string, string>>();
let shownLanguage: string = DEFAULT_LOCALE;

function addTree(target: Map<string, string>, tree: Record<string, unknown>, prefix: string, overwrite: boolean) {
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix + name;
    if (typeof value === 'string') {
      if (overwrite || !target.has(key)) target.set(key, value);
    } else if (value && typeof value === 'object') {
      addTree(target, value as Record<string, unknown>, `${key}.`, overwrite);
    }
  }
}

/** Adds a catalogue's sections to a language; `overwrite: false` keeps the messages it has. */
export function addMessages(language: string, tree: Record<string, unknown>, overwrite = true): void {
  let target = messages.get(language);
  if (!target) messages.set(language, (target = new Map<string, string>()));
  addTree(target, tree, '', overwrite);
}

/** The message and the language it was found in: the one shown, else English. */
function lookup(key: string): [message: string, language: string] | undefined {
  for (const language of [shownLanguage, DEFAULT_LOCALE]) {
    const message = messages.get(language)?.get(key);
    if (message !== undefined) return [message, language];
  }
  return undefined;
}

function translate(key: string, options: MessageOptions = {}): string {
  const found = lookup(key);
  if (!found) return options.defaultValue ?? key;
  const [message, language] = found;
  return formatOrAsWritten(message, intlLocale(language), options);
}

/** What `useTranslation()` gives, and what code outside components reads. */
export const i18n = {
  /** The language shown (a locale of LOCALES, or the pseudo-locale). */
  get language(): string {
    return shownLanguage;
  },
  exists: (key: string): boolean => lookup(key) !== undefined,
  t: translate as TFunction,
};

interface Translation {
  t: TFunction;
  i18n: typeof i18n;
}

// A new `t` for every language, so that what is memoised on it (the theme's labels) follows a change.
let current: Translation = { t: (key: string, options?: MessageOptions) => translate(key, options), i18n };
const listeners = new Set<() => void>();

/** Shows another language; its catalogue must be in already (index.ts loads it first). */
export function showLanguage(language: string): void {
  if (language === shownLanguage) return;
  shownLanguage = language;
  current = { t: (key: string, options?: MessageOptions) => translate(key, options), i18n };
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `t` in the language shown, and the component renders again when it changes. */
export function useTranslation(): Translation {
  return useSyncExternalStore(subscribe, () => current);
}
