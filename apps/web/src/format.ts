import { intlLocale } from '@app/i18n/browser';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The locale to format numbers and amounts in: the interface language, refined by the browser's own region when
 * they agree (English interface in an Indian browser → en-IN, "12,34,567"). Dates have one style instead (below).
 */
export function formattingLocale(language: string): string {
  const primary = language.toLowerCase().split('-')[0];
  // Arabic and Chinese keep their own script and numbering system (intlLocale: Arabic with Western digits), whatever
  // region the browser names (ar-EG alone would bring Arabic-Indic digits back).
  if (intlLocale(primary) !== primary && primary !== 'en') return intlLocale(primary);
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return browser.find((tag) => tag.toLowerCase().split('-')[0] === primary) ?? language;
}

// Dates read one way in the whole app, and in its e-mails and inbox items (libs/mail dates.ts): day, month,
// year ("12 May 2020"), as UN documents write them, whatever the browser's region ("May 12, 2020" in an
// American one would sit next to "12 May 2020" in a notification written by the server).
// Other languages write dates as CLDR says (Mongolian "2020 оны 5-р сарын 12", Arabic with Western digits).
function dateLocale(language: string): string {
  return intlLocale(language);
}

/**
 * A date for people ("12 May 2020"). A calendar date (`2020-05-12`, no time) is shown as that day everywhere,
 * whatever the reader's time zone.
 */
export function formatDate(iso: string, language: string): string {
  const calendar = CALENDAR_DATE.test(iso);
  const date = new Date(calendar ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(dateLocale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(calendar ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** A moment for people, with the time and the reader's time zone ("12 May 2020, 14:05 UTC"). */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(dateLocale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** A month for chart axes ("May 2020"). `month` is `YYYY-MM`. */
export function formatMonth(month: string, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

export type DurationUnit = 'years' | 'months' | 'days' | 'hours';
export type DurationPart = { unit: DurationUnit; count: number };

const HOURS_PER_DAY = 24;
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * A length of time as people say it, in its largest unit and the next one: 2,275.2 days are 6 years 3 months,
 * 40 days 1 month 10 days, 12.4 days 12 days, 0.13 days 3 hours. An empty list means less than an hour.
 */
export function durationParts(days: number): DurationPart[] {
  const hours = Math.round(Math.max(0, days) * HOURS_PER_DAY);
  if (hours === 0) return [];
  if (hours < HOURS_PER_DAY) return [{ unit: 'hours', count: hours }];
  const wholeDays = Math.round(days);
  if (wholeDays < 31) return [{ unit: 'days', count: wholeDays }];
  const totalMonths = Math.round(days / DAYS_PER_MONTH);
  if (totalMonths >= 12) {
    const years = Math.floor(totalMonths / 12);
    return withNext({ unit: 'years', count: years }, { unit: 'months', count: totalMonths % 12 });
  }
  const months = Math.floor(days / DAYS_PER_MONTH);
  const rest = Math.round(days - months * DAYS_PER_MONTH);
  // Rounding may fill the month: 60.5 days are 2 months, not 1 month 30 days.
  if (rest >= Math.round(DAYS_PER_MONTH)) return [{ unit: 'months', count: months + 1 }];
  return withNext({ unit: 'months', count: months }, { unit: 'days', count: rest });
}

function withNext(first: DurationPart, next: DurationPart): DurationPart[] {
  return next.count > 0 ? [first, next] : [first];
}

/** Words for each part of a duration ("3 months"), from the interface language. */
export type DurationWords = (part: DurationPart | null) => string;

/** A duration in days, in words: "6 years 3 months", "12 days", "3 hours", "less than an hour". */
export function formatDuration(days: number, words: DurationWords): string {
  const parts = durationParts(days);
  return parts.length ? parts.map(words).join(' ') : words(null);
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
