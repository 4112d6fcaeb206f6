import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '@app/i18n';
import en from '../../apps/web/src/i18n/en.json';
import { ApiClient, type DemoUserKey } from '../support/http';
import { useBrowserSuite } from './support/browser';
import { catalogueWords, userDataStrings, visibleTexts, withoutData, words } from './support/visible-text';

// In each language, each role's main page shows no English word of the catalogue: the person's preferred
// language is set (PATCH /auth/me), they sign in, and the visible text is read. Users' data, codes, figures and
// CLDR names are taken out first (support/visible-text.ts); words the locale's own catalogue also uses (a brand,
// an acronym) are allowed. Fails until the translations are in (docs/i18n.md).
const suite = useBrowserSuite();

const MAIN_PAGES: readonly DemoUserKey[] = ['admin', 'coordinator', 'bafa'];
const WEB = join(__dirname, '../../apps/web/src/i18n');

const englishWords = new Set(catalogueWords(en, 'en'));

let data: string[] = [];
beforeAll(async () => {
  data = await userDataStrings(suite.baseUrl);
});

describe.each(LOCALES.filter((l) => l !== 'en'))('%s', (locale) => {
  const own = (() => {
    try {
      return new Set(catalogueWords(JSON.parse(readFileSync(join(WEB, `${locale}.json`), 'utf8')), locale));
    } catch {
      return new Set<string>();
    }
  })();

  it.each(MAIN_PAGES)('shows %s’s main page without English words from the catalogue', async (who) => {
    const client = await ApiClient.as(suite.baseUrl, who);
    await client.request('PATCH', '/api/v1/auth/me', { preferredLanguage: locale });
    try {
      const page = await suite.pageAs(who);
      await page.waitForFunction((l) => (globalThis as any).document.documentElement.lang === l, locale, { timeout: 10_000 });
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => (globalThis as any).document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');
      const english = (await visibleTexts(page))
        .flatMap((shown) => words(withoutData(shown.text, data)).map((word) => ({ word, text: shown.text })))
        .filter(({ word }) => englishWords.has(word) && !own.has(word));
      await page.context().close();
      expect(english).toEqual([]);
    } finally {
      await client.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'en' });
    }
  });
});
