import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { intlLocale, LOCALES, PSEUDO_LOCALE } from '@app/i18n/browser';
// eslint-disable-next-line no-restricted-imports -- the test holds the web's formatter to the server's own
import { type Catalogue, flatten, placeholdersOf } from '../../../../libs/i18n/src/icu';
// eslint-disable-next-line no-restricted-imports -- the pseudo-locale's messages, as the web app generates them
import { pseudoCatalogue } from '../../../../libs/i18n/src/pseudo';
import { IntlMessageFormat } from 'intl-messageformat';
import { formatMessage, formatOrAsWritten, type MessageValues } from './message-format';

// The reference: what i18next-icu gave the web app (intl-messageformat, tags ignored), and the server still gives.
const references = new Map<string, IntlMessageFormat>();
function reference(message: string, locale: string, values: MessageValues): string {
  const key = `${locale}\u0000${message}`;
  let format = references.get(key);
  if (!format) references.set(key, (format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true })));
  const out = format.format(values as never);
  return Array.isArray(out) ? out.join('') : String(out);
}

function outcome(format: () => string): string {
  try {
    return format();
  } catch {
    return '<error>';
  }
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
const webDir = path.join(__dirname);
const serverDir = path.join(__dirname, '../../../../libs/i18n/src/locales');

/** Every message the web app formats, by language: its catalogue with the server's validation messages. */
function catalogues(): [string, Map<string, string>][] {
  const out: [string, Map<string, string>][] = [];
  for (const locale of LOCALES) {
    const web = read(path.join(webDir, `${locale}.json`));
    const validation = read(path.join(serverDir, `${locale}.json`)).validation as Catalogue;
    out.push([locale, flatten({ ...web, validation })]);
  }
  const en = read(path.join(webDir, 'en.json'));
  const validation = read(path.join(serverDir, 'en.json')).validation as Catalogue;
  out.push([PSEUDO_LOCALE, flatten(pseudoCatalogue({ ...en, validation }))]);
  return out;
}

// Counts every plural arm meets in the seven languages (ar: zero one two few many other; ru: one few many other),
// a fraction, and a figure with group separators.
const COUNTS = [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 101, 111, 1.5, 1234567];

describe('the web app’s ICU message format', () => {
  it('has every message of every catalogue read by this browser’s formatter and by intl-messageformat alike', () => {
    const all = catalogues();
    expect(readdirSync(webDir).filter((file) => file.endsWith('.json'))).toHaveLength(LOCALES.length);
    let compared = 0;
    for (const [language, messages] of all) {
      const locale = intlLocale(language);
      for (const [key, message] of messages) {
        const args = placeholdersOf(message).map((placeholder) => placeholder.split(':') as [string, string]);
        const valueSets: MessageValues[] = COUNTS.map((count) =>
          Object.fromEntries(args.map(([name, kind]) => [name, kind === 'argument' ? `«${name}»` : count])),
        );
        // A plain argument given a number, and none at all (both formatters refuse a missing value).
        valueSets.push(Object.fromEntries(args.map(([name]) => [name, 7])), {});
        for (const values of valueSets) {
          const ours = outcome(() => formatMessage(message, locale, values));
          const theirs = outcome(() => reference(message, locale, values));
          if (ours !== theirs) throw new Error(`${language} ${key} ${JSON.stringify(values)}: ${ours} ≠ ${theirs}`);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(8 * 1000);
  });

  it.each([
    ["It''s {name}’s turn", { name: 'Ana' }, "It's Ana’s turn"],
    ["l'offre de {name}", { name: 'Ana' }, "l'offre de Ana"],
    ["'{name}' is written so", { name: 'Ana' }, '{name} is written so'],
    ["'{'{name}'}'", { name: 'Ana' }, '{Ana}'],
    ["{n, plural, one {# item ('#')} other {# items '#' ''quoted''}}", { n: 3 }, "3 items # 'quoted'"],
    ['{n, plural, offset:1 =0 {nobody} one {you} other {you and # others}}', { n: 4 }, 'you and 3 others'],
    ['{n, plural, =0 {none} other {{n, number} of {total, number}}}', { n: 0, total: 2 }, 'none'],
    ['{kind, select, provider {A provider} other {Someone}} asked', { kind: 'provider' }, 'A provider asked'],
    ['{kind, select, provider {A provider} other {Someone # }}', { kind: 'agency' }, 'Someone # '],
    ['{ name } < {max, number} > 1,000', { name: 'x', max: 12345 }, 'x < 12,345 > 1,000'],
  ])('formats %s as intl-messageformat does', (message, values, expected) => {
    expect(formatMessage(message, 'en', values)).toBe(expected);
    expect(reference(message, 'en', values)).toBe(expected);
  });

  it('shows a message it cannot read, or lacks a value for, as written, as i18next-icu did', () => {
    expect(formatOrAsWritten('{count, plural, one {# day}}', intlLocale('en'), { count: 1 })).toBe('{count, plural, one {# day}}');
    expect(formatOrAsWritten('{when, date, short}', intlLocale('en'), { when: new Date(0) })).toBe('{when, date, short}');
    expect(formatOrAsWritten('Hello {name}', intlLocale('fr'), {})).toBe('Hello {name}');
    expect(formatOrAsWritten('{count, plural, one {# jour} other {# jours}}', intlLocale('fr'), { count: 1234 })).toBe(
      '1\u202f234 jours',
    );
    expect(formatOrAsWritten('{count, number}', intlLocale('ar'), { count: 1234 })).toBe('1,234');
  });
});
