// eslint-disable-next-line no-restricted-imports -- the test holds the web's dates to the e-mails' own function
import { formatMailDate, formatMailDateTime } from '../../../libs/mail/src/dates';
import { formatMessage } from './i18n/message-format';
import en from './i18n/en.json';
import { durationParts, formatDate, formatDateTime, formatDuration, formatMoney, type DurationPart } from './format';

// The reader's time zone for formatDateTime: the e-mails' (UTC), so both can be compared.
process.env.TZ = 'UTC';

const words = (part: DurationPart | null): string => {
  if (!part) return en.duration.lessThanHour;
  return formatMessage(en.duration[part.unit], 'en', { count: part.count });
};
const duration = (days: number) => formatDuration(days, words);

describe('durations as people say them', () => {
  it.each([
    [2275.2, '6 years 3 months'],
    [730.5, '2 years'],
    [400, '1 year 1 month'],
    [40, '1 month 10 days'],
    [60.5, '2 months'],
    [120, '3 months 29 days'],
    [12.4, '12 days'],
    [1, '1 day'],
    [0.125, '3 hours'],
    [1 / 24, '1 hour'],
    [0.01, 'less than an hour'],
    [0, 'less than an hour'],
  ])('%d days read "%s"', (days, said) => {
    expect(duration(days)).toBe(said);
  });

  it('never shows a fraction or a thousands separator', () => {
    for (let days = 0; days < 4000; days += 7.3) expect(duration(days)).not.toMatch(/[.,]\d|\d,\d/);
  });

  it('uses at most two units, largest first', () => {
    for (let days = 0; days < 4000; days += 3.7) {
      const units = durationParts(days).map((part) => part.unit);
      expect(units.length).toBeLessThanOrEqual(2);
      expect([['years', 'months'], ['months', 'days'], ['years'], ['months'], ['days'], ['hours'], []]).toContainEqual(
        units,
      );
    }
  });
});

describe('dates: one style in the web app and in e-mails', () => {
  it('writes day, short month, year whatever the English region', () => {
    expect(formatDate('2020-05-12', 'en')).toBe('12 May 2020');
    expect(formatDate('2020-05-12', 'en-US')).toBe('12 May 2020');
    expect(formatDateTime('2020-05-12T14:05:00Z', 'en')).toBe('12 May 2020, 14:05 UTC');
  });

  it('reads as the e-mails and inbox items write it', () => {
    for (const iso of ['2020-05-12', '2023-02-28', '2026-12-02'])
      expect(formatDate(iso, 'en')).toBe(formatMailDate(iso));
    for (const iso of ['2020-05-12T14:05:00Z', '2026-12-02T09:00:00Z']) {
      expect(formatDateTime(iso, 'en')).toBe(formatMailDateTime(new Date(iso)));
    }
  });
});

describe('dates and numbers in each locale, through Intl', () => {
  it('writes Arabic with Western digits, as the Arabic catalogues do (docs/glossary.md)', () => {
    expect(formatDate('2020-05-12', 'ar')).toMatch(/2020/);
    expect(formatDate('2020-05-12', 'ar')).toMatch(/[\u0600-\u06ff]/);
    expect(formatDate('2020-05-12', 'ar')).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
    expect(formatMoney(1234500, 'USD', 2, 'ar')).toMatch(/12,345/);
    expect(formatMoney(1234500, 'USD', 2, 'ar')).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
  });

  it('writes Mongolian, Russian and Chinese dates as CLDR does', () => {
    expect(formatDate('2020-05-12', 'mn')).toMatch(/2020/);
    expect(formatDate('2020-05-12', 'mn')).not.toMatch(/May/);
    expect(formatDate('2020-05-12', 'ru')).toMatch(/мая|май/);
    expect(formatDate('2020-05-12', 'zh')).toMatch(/年/);
  });
});
