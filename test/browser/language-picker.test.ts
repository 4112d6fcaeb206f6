import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@app/database';
import ar from '../../apps/web/src/i18n/ar.json';
import en from '../../apps/web/src/i18n/en.json';
import fr from '../../apps/web/src/i18n/fr.json';
import { ApiClient, DEMO } from '../support/http';
import { waitFor } from '../support/platform';
import { readWebManifest } from '../support/web-build';
import { newPage, useBrowserSuite } from './support/browser';

// The language picker switches the interface at run time. The sign-in page loads only the first part of a catalogue
// (apps/web/src/i18n/parts.ts); the signed-in frame's words (navigation, page titles) are in the frame part and every
// other page's in the rest, each fetched for the language shown before what needs it renders, and again when the
// language changes.
const suite = useBrowserSuite();

async function pick(page: Page, label: string, locale: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).selectOption(locale);
  await page.waitForFunction((l) => (globalThis as any).document.documentElement.lang === l, locale, {
    timeout: 10_000,
  });
}

const savedPreference = (client: ApiClient, locale: string) =>
  waitFor(
    async () =>
      (await client.request<{ preferredLanguage: string }>('GET', '/api/v1/auth/me')).body.preferredLanguage === locale,
    10_000,
    `preferred language ${locale}`,
  );

const dir = (page: Page) => page.evaluate(() => (globalThis as any).document.documentElement.dir as string);

it('switches the sign-in page, then the signed-in frame, between languages, Arabic right to left', async () => {
  const page = await newPage(suite.browser, suite.baseUrl);
  const admin = await ApiClient.as(suite.baseUrl, 'admin');
  try {
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: en.signIn.title, exact: true }).waitFor();

    await pick(page, en.language.label, 'fr');
    await page.getByRole('heading', { name: fr.signIn.title, exact: true }).waitFor();
    expect(await dir(page)).toBe('ltr');

    await page.getByLabel(fr.signIn.email, { exact: true }).fill(DEMO.admin);
    await page.getByLabel(fr.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: fr.signIn.submit, exact: true }).click();
    await page.waitForURL(/\/committee(\/|$)/);
    // The frame renders with its words (the navigation's name is in the catalogue's frame part), in French or, once
    // the person's saved preference applies, in English.
    const navigation = (label: string) => page.getByRole('navigation', { name: label, exact: true });
    await navigation(fr.nav.label).or(navigation(en.nav.label)).waitFor();
    await page.waitForLoadState('networkidle');
    const language = await page.evaluate(() => (globalThis as any).document.documentElement.lang as string);
    const shown = { en, fr }[language as 'en' | 'fr'];
    await navigation(shown.nav.label).waitFor();

    await pick(page, shown.language.label, 'ar');
    expect(await dir(page)).toBe('rtl');
    await navigation(ar.nav.label).waitFor();
    await page.getByRole('link', { name: ar.sections.reviewQueue.title }).first().waitFor();

    await pick(page, ar.language.label, 'fr');
    expect(await dir(page)).toBe('ltr');
    await navigation(fr.nav.label).waitFor();
    await page.getByRole('link', { name: fr.sections.reviewQueue.title }).first().waitFor();
    // The choice is the person's preferred language from now on (saved just after it is shown).
    await savedPreference(admin, 'fr');
  } finally {
    await page.context().close();
    await admin.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'en' });
  }
});

it('keeps the last of two quick picks, shown and saved, when the first save answers late', async () => {
  const page = await newPage(suite.browser, suite.baseUrl);
  const admin = await ApiClient.as(suite.baseUrl, 'admin');
  try {
    await page.goto('/sign-in');
    await page.getByLabel(en.signIn.email, { exact: true }).fill(DEMO.admin);
    await page.getByLabel(en.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
    await page.getByRole('navigation', { name: en.nav.label, exact: true }).waitFor();
    await page.waitForLoadState('networkidle');

    // The save of Arabic reaches the API at once, but its answer comes back two seconds late: French is picked,
    // shown and meant to be saved meanwhile.
    let arabicAnswered = false;
    await page.route('**/api/v1/auth/me', async (route) => {
      const body = route.request().method() === 'PATCH' ? (route.request().postData() ?? '') : '';
      if (!body.includes('"ar"')) return route.continue();
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.fulfill({ response });
      arabicAnswered = true;
    });
    await pick(page, en.language.label, 'ar');
    await pick(page, ar.language.label, 'fr');
    await waitFor(async () => arabicAnswered, 10_000, 'the late answer to the first save');

    await savedPreference(admin, 'fr');
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang as string)).toBe('fr');
    expect(await dir(page)).toBe('ltr');
    await page.getByRole('navigation', { name: fr.nav.label, exact: true }).waitFor();
  } finally {
    await page.unroute('**/api/v1/auth/me');
    await page.context().close();
    await admin.request('PATCH', '/api/v1/auth/me', { preferredLanguage: 'en' });
  }
});

it('gives a reader of another language the rest of its own catalogue, not English’s as well', async () => {
  // The chunks each language's later parts are built into (apps/web/vite.config.ts, catalogueParts).
  const manifest = readWebManifest();
  const chunk = (locale: string, part: 'frame' | 'rest') =>
    `/${manifest[Object.keys(manifest).find((key) => key.endsWith(`src/i18n/${locale}.json?part=${part}`))!].file}`;
  const page = await newPage(suite.browser, suite.baseUrl);
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  try {
    await page.goto('/sign-in');
    await pick(page, en.language.label, 'fr');
    // The public register waits for the rest of the catalogue before it renders, as every page but sign-in does.
    await page.goto('/public/requests');
    await page.getByRole('table', { name: fr.publicRequests.tableLabel, exact: true }).waitFor();
    for (const part of ['frame', 'rest'] as const) {
      expect(fetched).toContain(chunk('fr', part));
      expect(fetched).not.toContain(chunk('en', part));
    }
  } finally {
    await page.context().close();
  }
});
