import { DEFAULT_LOCALE, hasOwnMessage, intlLocale, localeOf, stateName, translator, type MessageParams } from '@app/i18n';
import type { MailFact } from './templates';

/**
 * What an inbox item says, kept as catalogue keys and raw parameters (notifications.title_key, body_key, params) so
 * that it is worded in the reader's language when it is read, not when it was written: a person who changes
 * language reads the whole inbox in the new one. Raw parameters are language-free: a State's code and UN name
 * (`state`, `stateName`), ISO dates (`…Date`, `…Time`), a close or retirement reason's code (`reason`); the words
 * for them are chosen here.
 */
export type NotificationParams = Record<string, string | number>;

export interface NotificationMessage {
  titleKey: string;
  bodyKey: string;
  params: NotificationParams;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const toDate = (value: string): Date | null => {
  const date = CALENDAR_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** "6 Mar 2026" (en), "6 mars 2026" (fr), in UTC: an e-mail or inbox item cannot know the reader's time zone. */
export function formatDayIn(language: string, value: string | null | undefined): string {
  const date = value ? toDate(value) : null;
  if (!date) return translator(language)('notifications.unknownDate');
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "6 Mar 2026, 10:00 UTC" in the reader's language. */
export function formatMomentIn(language: string, value: string | null | undefined): string {
  const date = value ? toDate(value) : null;
  if (!date) return translator(language)('notifications.unknownDate');
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date);
}

// Scripts with capitals: a label inside a sentence starts lower case ("Partially fulfilled" → "partially fulfilled").
const CASED = new Set(['en', 'fr', 'es', 'ru', 'mn']);

/** A close or retirement reason's words in the reader's language; free text (a decline's) is kept as written. */
export function reasonIn(language: string, reason: string): string {
  const locale = localeOf(language) ?? DEFAULT_LOCALE;
  const t = translator(locale);
  for (const group of ['closeReason', 'retirementReason']) {
    if (hasOwnMessage(locale, `${group}.${reason}`) || hasOwnMessage(DEFAULT_LOCALE, `${group}.${reason}`)) return t(`${group}.${reason}`);
  }
  return reason;
}

/** The raw parameters as the reader's language writes them. */
export function wordParams(language: string, params: NotificationParams): MessageParams {
  const locale = localeOf(language) ?? DEFAULT_LOCALE;
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Date')) out[name] = formatDayIn(locale, String(value));
    else if (name.endsWith('Time')) out[name] = formatMomentIn(locale, String(value));
    else out[name] = value;
  }
  if (typeof params.state === 'string' && typeof params.stateName === 'string') out.stateName = stateName(locale, params.state, params.stateName);
  if (typeof params.reason === 'string' && params.reason) {
    const words = reasonIn(locale, params.reason);
    out.reason = CASED.has(locale) ? words.charAt(0).toLocaleLowerCase(locale) + words.slice(1) : words;
  }
  return out;
}

/** One of a notification's texts (its title or body) in the reader's language. */
export function notificationText(language: string, key: string, params: NotificationParams): string {
  return translator(language)(key, wordParams(language, params));
}

/**
 * An inbox item's title and body in the reader's language; a row written before the texts were keys (no
 * title_key) keeps its stored English words.
 */
export function wordNotification(
  language: string,
  n: { title: string; body: string; titleKey?: string | null; bodyKey?: string | null; params?: NotificationParams | null },
): { title: string; body: string } {
  if (!n.titleKey || !n.bodyKey) return { title: n.title, body: n.body };
  const params = n.params ?? {};
  return { title: notificationText(language, n.titleKey, params), body: notificationText(language, n.bodyKey, params) };
}

/** The key facts in the reader's language: labels, statuses, reasons, States and dates (older rows stay as stored). */
export function wordFacts(language: string, facts: MailFact[]): MailFact[] {
  const locale = localeOf(language) ?? DEFAULT_LOCALE;
  const t = translator(locale);
  return facts.map((fact) => {
    const label = fact.labelKey ? t(fact.labelKey) : fact.label;
    let value = fact.value;
    if (fact.valueKey) value = t(fact.valueKey);
    else if (fact.reason) value = reasonIn(locale, fact.reason);
    else if (fact.state) value = `${stateName(locale, fact.state, fact.stateName ?? fact.state)} (${fact.state})`;
    else if (fact.date) value = formatDayIn(locale, fact.date);
    return { label, value };
  });
}
