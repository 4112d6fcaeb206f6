/** The languages of the interface, the e-mails and the API's messages (DESIGN §9a); English is the reference. */
export const LOCALES = ['en', 'mn', 'ru', 'fr', 'es', 'ar', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Written right to left. */
export const RTL_LOCALES: readonly Locale[] = ['ar'];

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** `zh-Hans-CN` → `zh`, `EN` → `en`; undefined for a language we do not have. */
export function localeOf(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
}

/**
 * The language to answer in: the signed-in person's preference, else the best of `Accept-Language`
 * (`fr-CH, fr;q=0.9, en;q=0.8`), else English.
 */
export function pickLocale(preferred: string | null | undefined, acceptLanguage?: string | null): Locale {
  const own = localeOf(preferred);
  if (own) return own;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
