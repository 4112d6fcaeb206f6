import { translator } from './catalogues';
import { intlLocale } from './intl';

// Arabic writes Western digits, in its catalogues and in what Intl formats (docs/glossary.md, "Digits").
const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/;

describe('Arabic digits', () => {
  it('Intl formats Arabic numbers, dates and amounts with Western digits', () => {
    const locale = intlLocale('ar');
    expect(locale).toBe('ar-u-nu-latn');
    const number = new Intl.NumberFormat(locale).format(1234567.5);
    const date = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date('2020-05-12T00:00:00Z'));
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(12345);
    expect(number).toMatch(/1.234.567/);
    expect(date).toMatch(/12/);
    expect(date).toMatch(/2020/);
    expect(date).toMatch(/[\u0600-\u06ff]/);
    expect(money).toMatch(/12.345/);
    for (const text of [number, date, money]) expect(text).not.toMatch(ARABIC_INDIC);
  });

  it('a region tag (ar-EG) keeps Western digits too', () => {
    expect(intlLocale('ar-EG')).toBe('ar-u-nu-latn');
  });

  it('an Arabic message with a number argument writes it with the same digits as its own text', () => {
    const t = translator('ar');
    const text = t('errors.tooManySignIns', { minutes: 15 });
    expect(text).toMatch(/15/);
    expect(text).not.toMatch(ARABIC_INDIC);
  });

  it('the Arabic catalogue itself has no Arabic-Indic digits', () => {
    const catalogue = JSON.stringify(require('./locales/ar.json'));
    expect(catalogue).not.toMatch(ARABIC_INDIC);
  });
});
