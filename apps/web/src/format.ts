const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The locale to format in: the interface language, refined by the browser's own region when they agree
 * (English interface in a British browser → en-GB, "29 Nov 2026", not the American "Nov 29, 2026").
 */
export function formattingLocale(language: string): string {
  const primary = language.toLowerCase().split('-')[0];
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return browser.find((tag) => tag.toLowerCase().split('-')[0] === primary) ?? language;
}

/**
 * A date for people, in the interface language ("12 May 2020"). A calendar date (`2020-05-12`, no time) is
 * shown as that day everywhere, whatever the reader's time zone.
 */
export function formatDate(iso: string, language: string): string {
  const calendar = CALENDAR_DATE.test(iso);
  const date = new Date(calendar ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(formattingLocale(language), {
    dateStyle: 'medium',
    ...(calendar ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** A moment for people, with the time and the reader's time zone ("12 May 2020, 14:05 UTC"). */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(formattingLocale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** An amount held in minor units, in the currency's own format ("US$12,345.00"). */
export function formatMoney(amountMinor: number, currency: string, minorUnits: number, language: string): string {
  const major = amountMinor / 10 ** minorUnits;
  try {
    return new Intl.NumberFormat(formattingLocale(language), {
      style: 'currency',
      currency,
      minimumFractionDigits: minorUnits,
      maximumFractionDigits: minorUnits,
    }).format(major);
  } catch {
    return `${major.toFixed(minorUnits)} ${currency}`;
  }
}

/** Major units typed by a person (12.5 dollars) to the integer minor units the API stores (1250 cents). */
export function toMinorUnits(amountMajor: number, minorUnits: number): number {
  return Math.round(amountMajor * 10 ** minorUnits);
}

export function fromMinorUnits(amountMinor: number, minorUnits: number): number {
  return amountMinor / 10 ** minorUnits;
}
