import { flatten, LOCALES, type Locale, translator } from '@app/i18n';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOTIFICATION_CATEGORIES } from './categories';
import { renderDigestMail, renderNotificationMail } from './templates';

// Every e-mail template in every locale: each renders, carries the language and direction, and uses only its own
// locale's words (none of the English frame shows through where the locale has its catalogue).
const english = flatten(JSON.parse(readFileSync(join(__dirname, '../../i18n/src/locales/en.json'), 'utf8')));
const frameKeys = [...english.keys()].filter((key) => key.startsWith('mail.'));

const mail = {
  title: 'MNG-2026-004',
  body: 'Body text written by the platform.',
  facts: [{ label: 'Reference', value: 'MNG-2026-004' }],
  url: 'https://assist.example.org/provider/requests/r1?match=m1',
  recipientName: 'Батболд Дорж',
  settingsUrl: 'https://assist.example.org/notifications/preferences',
};

const digestItems = NOTIFICATION_CATEGORIES.map((category, i) => ({
  category,
  title: `Item ${i}`,
  body: 'Item body',
  url: `https://assist.example.org/x/${i}`,
  createdAt: new Date('2026-03-01T10:00:00Z'),
}));

// English sentences of the frame that a translated e-mail must not contain (its own words replace them).
const englishWords = (locale: Locale): string[] => {
  const t = translator(locale);
  return frameKeys
    .filter((key) => !/\{/.test(english.get(key)!) && english.get(key)!.length > 12)
    .filter((key) => t(key) !== english.get(key))
    .map((key) => english.get(key)!);
};

describe.each(LOCALES)('e-mails in %s', (locale) => {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';

  it.each(NOTIFICATION_CATEGORIES)('renders the %s e-mail', (category) => {
    const out = renderNotificationMail({ ...mail, category, language: locale });
    expect(out.html).toContain(`<html lang="${locale}" dir="${dir}">`);
    expect(out.text).toContain(mail.recipientName);
    expect(out.text).toContain(mail.url);
    expect(out.html).toContain('MNG-2026-004');
    expect(out.subject.length).toBeGreaterThan(mail.title.length);
    for (const sentence of englishWords(locale)) {
      expect(out.text).not.toContain(sentence);
      expect(out.html).not.toContain(sentence);
    }
  });

  it('renders the daily digest with its count in the locale’s plural', () => {
    const out = renderDigestMail({ recipientName: mail.recipientName, items: digestItems, inboxUrl: 'https://x/n', settingsUrl: 'https://x/s', language: locale });
    expect(out.html).toContain(`dir="${dir}"`);
    expect(out.subject).toContain(translator(locale)('mail.digest.title', { count: digestItems.length }));
    for (const item of digestItems) expect(out.text).toContain(item.title);
    for (const sentence of englishWords(locale)) expect(out.text).not.toContain(sentence);
  });
});

describe('a locale without its catalogue', () => {
  it('falls back to English, never to keys', () => {
    const out = renderNotificationMail({ ...mail, category: 'matches', language: 'xx' });
    expect(out.text).toContain('Open the match');
    expect(out.text).not.toMatch(/mail\.categories/);
  });
});
