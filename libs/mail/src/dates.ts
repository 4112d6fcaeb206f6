// One date style for e-mails and inbox items, the web app's (apps/web/src/format.ts): "12 May 2020" and
// "12 May 2020, 14:05 UTC". E-mails cannot know the reader's time zone, so moments are shown in UTC.
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: Date | string): Date | null {
  const date = typeof value === 'string' && CALENDAR_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A day for people ("12 May 2020"); a calendar date (`2020-05-12`) is that day. */
export function formatMailDate(value: Date | string | null | undefined): string {
  const date = value == null ? null : toDate(value);
  return date ? DATE.format(date) : 'an unknown date';
}

/** A moment for people ("12 May 2020, 14:05 UTC"). */
export function formatMailDateTime(value: Date | string | null | undefined): string {
  const date = value == null ? null : toDate(value);
  return date ? DATE_TIME.format(date) : 'an unknown time';
}
