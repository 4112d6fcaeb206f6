import type { Page } from 'playwright-core';
import { type Role, TAXONOMY } from '@app/domain';
import { intlLocale, PSEUDO_LOCALE } from '@app/i18n';
import type { DemoUserKey } from '../support/http';
import { newPage, useBrowserSuite } from './support/browser';
import { patternOf, webRoutes } from './support/site-map';
import { clippedLabels, collectCldrNames, storedStrings, intlWords, outsidePseudoMessages, visibleTexts, withoutData } from './support/visible-text';

// Every page in the pseudo-locale (en-XA: English accented, 40% longer and bracketed ⟦…⟧, generated from the
// catalogues by libs/i18n/src/pseudo.ts: the web app's when the page asks for it, the server's — taxonomy labels,
// API messages — when the request's Accept-Language names it first). Two checks on each page:
// - not from a catalogue: once every ⟦message⟧ is taken out of a visible text (or an aria-label, title, placeholder,
//   alt), what is left may only be users' data (every text the database holds), CLDR's words (the States', languages'
//   and currencies' names the taxonomy sent, and what Intl writes for the locale: month names, time zones, currency
//   symbols), codes and figures. A word left over is a hard-coded string, and fails with its page;
// - clipped: a label that does not fit its box at 40% more length.
// Pages with an :id (a record's page, its edit form) are opened through the first link to them the walk meets, as
// a person would reach one: one record stands for the others.
const suite = useBrowserSuite();

const ROLE_USERS: Record<Role, DemoUserKey> = {
  committee_admin: 'admin',
  committee_member: 'expert',
  agency_coordinator: 'coordinator',
  agency_member: 'customs',
  provider_member: 'bafa',
};

interface Finding {
  page: string;
  kind: 'not from a catalogue' | 'clipped';
  text: string;
  where: string;
}

/** One walk of pages in one browser context, in the pseudo-locale, with what the API told it so far. */
let data = new Set<string>();
beforeAll(async () => {
  data = await storedStrings(suite.dataSource);
});

class Walk {
  private readonly names = new Set<string>();
  private readonly answers: { settled: () => Promise<void> };
  private cldr: string[] = [];
  readonly findings: Finding[] = [];

  constructor(private readonly page: Page) {
    this.answers = collectCldrNames(page, this.names);
  }

  async start(): Promise<void> {
    await this.page.evaluate((locale) => (globalThis as any).localStorage.setItem('language', locale), PSEUDO_LOCALE);
    this.cldr = await intlWords(this.page, intlLocale(PSEUDO_LOCALE), TAXONOMY.currencies.map((c) => c.code));
  }

  async visit(path: string): Promise<void> {
    await this.page.goto(path);
    await this.page.waitForLoadState('networkidle');
    await this.page
      .waitForFunction(() => !(globalThis as any).document.querySelector('.mantine-Loader-root'), undefined, { timeout: 15_000 })
      .catch(() => undefined);
    await this.answers.settled();
    for (const shown of await clippedLabels(this.page)) this.findings.push({ page: path, kind: 'clipped', ...shown });
    const allowed = [...data, ...this.names, ...this.cldr];
    for (const shown of await visibleTexts(this.page, { attributes: true })) {
      if (/[A-Za-z]{2,}/.test(withoutData(outsidePseudoMessages(shown.text), allowed))) {
        this.findings.push({ page: path, kind: 'not from a catalogue', ...shown });
      }
    }
  }

  /** Every page of `patterns`: the fixed addresses, then each record's page by the first link to one. */
  async visitAll(patterns: readonly string[]): Promise<void> {
    const queue = patterns.filter((p) => !p.includes(':') && !p.includes('*'));
    const reached = new Set(queue);
    while (queue.length) {
      const path = queue.shift()!;
      await this.visit(path);
      const origin = new URL(this.page.url()).origin;
      const links: string[] = await this.page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as any).href as string));
      for (const href of links) {
        const url = new URL(href);
        const pattern = url.origin === origin ? patternOf(patterns, url.pathname) : undefined;
        if (!pattern || reached.has(pattern)) continue;
        reached.add(pattern);
        queue.push(url.pathname + url.search);
      }
    }
  }
}

const report = (findings: Finding[]) => findings.map((f) => `${f.page}: ${f.kind}: ${JSON.stringify(f.text)} (${f.where})`);

it('shows only catalogue text, fitting its labels at 40% more length, on the public pages', async () => {
  const page = await newPage(suite.browser, suite.baseUrl);
  const walk = new Walk(page);
  await page.goto('/sign-in');
  await walk.start();
  await walk.visitAll(webRoutes().filter((r) => r.roles === null).map((r) => r.path));
  expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe(PSEUDO_LOCALE);
  await page.context().close();
  expect(report(walk.findings)).toEqual([]);
});

it.each(Object.entries(ROLE_USERS))('shows only catalogue text, fitting its labels at 40% more length, on every page of a %s', async (role, who) => {
  const page = await suite.pageAs(who);
  const walk = new Walk(page);
  await walk.start();
  await walk.visitAll(webRoutes().filter((r) => r.roles?.includes(role as Role)).map((r) => r.path));
  expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe(PSEUDO_LOCALE);
  await page.context().close();
  expect(report(walk.findings)).toEqual([]);
}, 240_000);
