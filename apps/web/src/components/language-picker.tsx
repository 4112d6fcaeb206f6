import { LOCALES, localeOf } from '@app/i18n/browser';
import { NativeSelect } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { CurrentUser } from '../api/auth';
import { setLanguage, useTranslation } from '../i18n';

// Each language by its own name ("Монгол", "العربية"), as a reader looks for it: from CLDR, not typed here.
const ownName = (locale: string) => {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
};
const OPTIONS = LOCALES.map((locale) => ({ value: locale, label: ownName(locale) }));

/** The language last picked while signed in, until its save is done: the stored preference is about to become it. */
let unsavedPick: string | null = null;
let saves: Promise<void> = Promise.resolve();

/**
 * Saves are made one at a time, in the order picked, and a pick overtaken by a later one is not saved: the preference
 * stored is the last language shown, whatever order the answers come back in.
 */
function savePick(locale: string, save: (locale: string) => Promise<void>): Promise<void> {
  const done = () => {
    if (unsavedPick === locale) unsavedPick = null;
  };
  saves = saves.then(() => (unsavedPick === locale ? save(locale) : undefined)).then(done, done);
  return saves;
}

/**
 * The language switcher of every page: the browser's own list (NativeSelect), not Mantine's Select, whose combobox,
 * popover and floating-ui would be about 30 KiB gzip of every first load (docs/performance.md). The choice is remembered in this browser; signed in, the frame also
 * `save`s it as the person's preferred language (their e-mails and the API's messages follow it).
 */
export function LanguagePicker({ save }: { save?: (locale: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const value = localeOf(i18n.language) ?? null;

  const choose = async (locale: string | null) => {
    if (!locale) return;
    if (save) unsavedPick = locale;
    // A quicker later pick wins: only the language shown is saved as the preference.
    const shown = await setLanguage(locale).catch(() => false);
    if (!save) return;
    if (shown) await savePick(locale, save);
    else if (unsavedPick === locale) unsavedPick = null;
  };

  return (
    <NativeSelect
      aria-label={t('language.label')}
      data={OPTIONS}
      value={value ?? undefined}
      onChange={(event) => void choose(event.currentTarget.value)}
      size="sm"
      w={130}
      data-testid="language-picker"
    />
  );
}

/**
 * Once signed in, the interface follows the person's saved preference (on another computer too). The pseudo-locale
 * of the checks is kept (docs/i18n.md).
 */
export function useFollowPreferredLanguage(user: CurrentUser): void {
  const { i18n } = useTranslation();
  const applied = useRef<string | null>(null);
  useEffect(() => {
    const preferred = localeOf(user.preferredLanguage);
    if (!preferred || applied.current === preferred || i18n.language === 'en-XA') return;
    // An earlier pick's save answering after a later pick: the later one is on its way to being the preference.
    if (unsavedPick !== null && unsavedPick !== preferred) return;
    applied.current = preferred;
    if (preferred !== i18n.language) void setLanguage(preferred);
  }, [user.preferredLanguage, i18n]);
}
