import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ENGAGEMENT_TEXT_LIMITS } from '@app/contracts';
import { LOCALES, formatMessage } from '@app/i18n';
import webEn from '../../apps/web/src/i18n/en.json';
import serverEn from '../../libs/i18n/src/locales/en.json';
import { ApiClient } from '../support/http';
import { useBrowserSuite } from './support/browser';
import { catalogueWords, userDataStrings, withoutData, words } from './support/visible-text';

// Issue 14: what the app says after an action is in the person's language too — the toast that confirms a save,
// and the message a form shows when the API refuses what was sent (the API's own words, answered in the language
// the page asks for). In each language the Committee's administrator saves their notification preferences, tries
// to record an engagement without a title and to save a roundtable's background longer than the API takes; no
// message may hold an English word of the web's or the server's catalogue that the locale's own catalogues do not
// also use (a brand, an acronym), nor a name from the code (an API field's path).
const suite = useBrowserSuite();

const WEB = join(__dirname, '../../apps/web/src/i18n');
const SERVER = join(__dirname, '../../libs/i18n/src/locales');

const englishWords = new Set([...catalogueWords(webEn, 'en'), ...catalogueWords(serverEn, 'en')]);
const ownWords = (locale: string) =>
  new Set(
    [WEB, SERVER].flatMap((dir) => catalogueWords(JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')), locale)),
  );

let data: string[] = [];
beforeAll(async () => {
  data = await userDataStrings(suite.baseUrl);
});

/**
 * The English catalogue words of what `shown` reads now, and the code's names ("startDate", an API field's path)
 * no person should read, with the text they were found in.
 */
async function englishIn(shown: Locator, own: Set<string>): Promise<{ word: string; text: string }[]> {
  const text = (await shown.innerText()).replace(/\s+/g, ' ').trim();
  const rest = withoutData(text, data);
  return [
    ...words(rest).filter((word) => englishWords.has(word) && !own.has(word)),
    ...(rest.match(/\p{Ll}+\p{Lu}[\p{L}\d]*/gu) ?? []),
  ].map((word) => ({ word, text }));
}

async function waitForLanguage(page: Page, locale: string): Promise<void> {
  await page.waitForFunction((l) => (globalThis as any).document.documentElement.lang === l, locale, { timeout: 10_000 });
}

describe.each(LOCALES.filter((l) => l !== 'en'))('%s', (locale) => {
  it('shows a save’s toast and an API refusal in the form in the person’s language', async () => {
    const own = ownWords(locale);
    const admin = await ApiClient.as(suite.baseUrl, 'admin');
    const preferences = (await admin.get('/api/v1/notification-preferences')).body;
    const roundtable = (await admin.get('/api/v1/engagements?pageSize=100')).body.items.find(
      (e: { title: string }) => e.title === 'National Roundtable on Prioritizing Items of the 1540 National Action Plan',
    );
    await admin.request('PATCH', '/api/v1/auth/me', { preferredLanguage: locale });
    const page = await suite.pageAs('admin');
    page.setDefaultTimeout(12_000);
    try {
      await waitForLanguage(page, locale);

      // A save: one kind of notification to another e-mail mode, and the toast that confirms it.
      await page.goto('/notifications/preferences');
      const groups = page.getByRole('radiogroup');
      await groups.first().waitFor();
      await groups.first().locator('input[type="radio"]:not(:checked)').first().check();
      await page.locator('form button[type="submit"]').click();
      const toast = page.getByRole('status').filter({ has: page.locator('.mantine-Notification-title') });
      await toast.first().waitFor();
      const toastWords = await englishIn(toast.first(), own);

      // A refusal: an engagement without a title or a date, which the API refuses; the dialog shows its answer, at
      // the fields it names and above the buttons.
      await page.goto('/committee/engagements');
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/engagements');
      await page.getByRole('button', { name: formatMessage(messageOf(locale, 'engagements.new'), locale, {}) }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: formatMessage(messageOf(locale, 'engagements.create'), locale, {}) }).click();
      expect((await answered).status()).toBe(400);
      await dialog.getByRole('alert').waitFor();
      const refusalWords = await englishIn(dialog, own);

      // A refusal of one field on a record's page: a roundtable's background longer than the API takes. Nothing
      // is saved.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page.goto(`/committee/engagements/${roundtable.id}`);
      await page
        .getByRole('textbox', { name: messageOf(locale, 'engagements.fields.background'), exact: true })
        .fill('x'.repeat(ENGAGEMENT_TEXT_LIMITS.narrative.max + 1));
      await page.locator('main button:enabled').filter({ hasText: messageOf(locale, 'engagements.save') }).click();
      const fieldRefusal = page.getByRole('main').getByRole('alert');
      await fieldRefusal.waitFor();
      const fieldRefusalWords = await englishIn(fieldRefusal, own);

      expect({ toast: toastWords, refusal: refusalWords, fieldRefusal: fieldRefusalWords }).toEqual({ toast: [], refusal: [], fieldRefusal: [] });
    } catch (error) {
      await page.screenshot({ path: `/tmp/locales-actions-${locale}.png`, fullPage: true });
      throw error;
    } finally {
      await page.context().close();
      await admin.request('PUT', '/api/v1/notification-preferences', {
        items: preferences.items.map((item: { category: string; mode: string }) => ({ category: item.category, mode: item.mode })),
      });
      await admin.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'en' });
    }
  });
});

/** A message of the web catalogue in `locale`, by its dotted key. */
function messageOf(locale: string, key: string): string {
  const catalogue = JSON.parse(readFileSync(join(WEB, `${locale}.json`), 'utf8'));
  return key.split('.').reduce((node, part) => node[part], catalogue) as string;
}
