import type { Page } from 'playwright-core';
import type { Role } from '@app/domain';
import { PSEUDO_LOCALE, PSEUDO_MARK } from '@app/i18n';
import type { DemoUserKey } from '../support/http';
import { newPage, useBrowserSuite } from './support/browser';
import { webRoutes } from './support/site-map';
import { clippedLabels, type ShownText, userDataStrings, visibleTexts, withoutData } from './support/visible-text';

// Every page in the pseudo-locale (en-XA: English accented and 40% longer, generated from en.json by
// libs/i18n/src/pseudo.ts when the page asks for it). Text that is not accented did not come from a catalogue: a
// hard-coded string, unless it is users' data, a code, a figure or a CLDR name (support/visible-text.ts). A label
// that does not fit its box at 40% more length is clipped. Pages with an :id are reached by the accessibility
// walk, not here (they need a record of the role).
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

let data: string[] = [];
const unmarkedSeen: Finding[] = [];

afterAll(() => {
  if (unmarkedSeen.length) console.log(`pseudo-locale: ${unmarkedSeen.length} unmarked texts (not asserted):\n${unmarkedSeen.slice(0, 40).map((f) => `  ${f.page}: ${f.text}`).join('\n')}`);
});

async function inPseudoLocale(page: Page): Promise<void> {
  await page.evaluate((locale) => (globalThis as any).localStorage.setItem('language', locale), PSEUDO_LOCALE);
}

async function check(page: Page, path: string): Promise<Finding[]> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !(globalThis as any).document.querySelector('.mantine-Loader-root'), undefined, { timeout: 15_000 }).catch(() => undefined);
  return (await clippedLabels(page)).map((s) => ({ page: path, kind: 'clipped' as const, ...s }));
}

/**
 * Visible text that carries no pseudo-locale mark: hard-coded strings, but today also text the check cannot yet tell
 * from them (server-side taxonomy in en-XA, CLDR month names, users' data the allow-list misses — docs/i18n.md).
 * Printed for the record, not asserted, until the check tells the two apart.
 */
async function unmarked(page: Page, path: string): Promise<Finding[]> {
  const hardCoded = (shown: ShownText) => !PSEUDO_MARK.test(shown.text) && /[A-Za-z]{2,}/.test(withoutData(shown.text, data));
  return (await visibleTexts(page)).filter(hardCoded).map((s) => ({ page: path, kind: 'not from a catalogue' as const, ...s }));
}

beforeAll(async () => {
  data = await userDataStrings(suite.baseUrl);
});

it('fits every label at 40% more length on the public pages', async () => {
  const page = await newPage(suite.browser, suite.baseUrl);
  await page.goto('/sign-in');
  await inPseudoLocale(page);
  const findings: Finding[] = [];
  for (const route of webRoutes().filter((r) => r.roles === null && !r.path.includes(':') && !r.path.includes('*'))) {
    findings.push(...(await check(page, route.path)));
    unmarkedSeen.push(...(await unmarked(page, route.path)));
  }
  expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe(PSEUDO_LOCALE);
  await page.context().close();
  expect(findings).toEqual([]);
});

it.each(Object.entries(ROLE_USERS))('fits every label at 40% more length on every page of a %s', async (role, who) => {
  const page = await suite.pageAs(who);
  await inPseudoLocale(page);
  const findings: Finding[] = [];
  for (const route of webRoutes().filter((r) => r.roles?.includes(role as Role) && !r.path.includes(':') && !r.path.includes('*'))) {
    findings.push(...(await check(page, route.path)));
    unmarkedSeen.push(...(await unmarked(page, route.path)));
  }
  await page.context().close();
  expect(findings).toEqual([]);
});
