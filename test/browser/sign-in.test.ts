import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@app/database';
import { ApiClient, DEMO, type DemoUserKey } from '../support/http';
import { newPage, signIn, useBrowserSuite } from './support/browser';

const suite = useBrowserSuite();

// Each home page counts what waits for the person: the label of each count, and the API list that has it.
const COMMITTEE_WAITING: [string, string][] = [
  ['Requests to review', '/api/v1/requests?status=submitted,acknowledged,clarification_requested'],
  ['Offers to verify', '/api/v1/offers?status=pending_verification'],
  ['Suggestions to review', '/api/v1/matches?status=suggested'],
];
const HOMES: { who: DemoUserKey; path: string; heading: string; role: string; waiting: [string, string][] }[] = [
  {
    who: 'admin',
    path: '/committee',
    heading: 'Committee workspace',
    role: 'Committee administrator',
    waiting: COMMITTEE_WAITING,
  },
  {
    who: 'expert',
    path: '/committee',
    heading: 'Committee workspace',
    role: 'Committee member',
    waiting: COMMITTEE_WAITING,
  },
  {
    who: 'coordinator',
    path: '/agency',
    heading: 'National Counter-Terrorism Council (MNG)',
    role: 'Agency coordinator',
    waiting: [
      ['Questions to answer', '/api/v1/requests?status=clarification_requested'],
      ['Drafts', '/api/v1/requests?status=draft'],
      ['Ready to submit', '/api/v1/requests?status=draft,clarification_requested&ready=true'],
      ['Matches to confirm', '/api/v1/matches?status=accepted'],
    ],
  },
  {
    who: 'customs',
    path: '/agency',
    heading: 'Customs General Authority (MNG)',
    role: 'Agency member',
    waiting: [
      ['Questions to answer', '/api/v1/requests?status=clarification_requested&organizationId=:org'],
      ['Drafts', '/api/v1/requests?status=draft&organizationId=:org'],
    ],
  },
  {
    who: 'bafa',
    path: '/provider',
    heading: 'BAFA — Federal Office for Economic Affairs and Export Control (DEU)',
    role: 'Provider member',
    waiting: [
      ['Matches to answer', '/api/v1/matches?status=endorsed'],
      ['Offers in draft', '/api/v1/offers?status=draft'],
      ['Circulated requests', '/api/v1/requests?status=circulated,matched'],
    ],
  },
];

async function headingText(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

describe('signing in', () => {
  test.each(HOMES)(
    '$who lands on the $path home page with its heading and what waits',
    async ({ who, path, heading, role, waiting }) => {
      const page = await newPage(suite.browser, suite.baseUrl);
      try {
        await signIn(page, suite.baseUrl, DEMO[who], DEMO_PASSWORD);
        expect(new URL(page.url()).pathname).toBe(path);
        expect(await headingText(page)).toBe(heading);
        await page.getByText(role, { exact: true }).first().waitFor();
        const api = await ApiClient.as(suite.baseUrl, who);
        const me = (await api.get('/api/v1/auth/me')).body;
        const counts = page.getByRole('region', { name: /^What waits for/ });
        expect(await counts.getByRole('group').count()).toBe(waiting.length);
        for (const [label, list] of waiting) {
          const total = (await api.get(`${list.replace(':org', me.organization.id)}&pageSize=1`)).body.total;
          expect(total).toEqual(expect.any(Number));
          await counts
            .getByRole('group', { name: label })
            .locator('[data-waiting-count]')
            .filter({ hasText: new RegExp(`^${total}$`) })
            .waitFor();
        }
      } finally {
        await page.context().close();
      }
    },
  );

  test('the first Tab stop skips the header and navigation to the page', async () => {
    const page = await suite.pageAs('expert');
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the page content' });
    expect(await skip.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('#main-content').evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.context().close();
  });

  test('a wrong password shows the error and keeps the person on the sign-in page', async () => {
    const page = await newPage(suite.browser, suite.baseUrl);
    try {
      await page.goto('/sign-in');
      await page.getByLabel('E-mail', { exact: true }).fill(DEMO.nec);
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Invalid e-mail or password');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
    } finally {
      await page.context().close();
    }
  });

  test('signing out ends the session: signed-in pages send the person back to sign in', async () => {
    const page = await suite.pageAs('expert');
    try {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/sign-in$/);
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

      await page.goto('/committee/review-queue');
      await page.waitForURL(/\/sign-in$/);
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    } finally {
      await page.context().close();
    }
  });

  test('a sign-out the server refuses keeps the person signed in and says so; the next one works', async () => {
    const page = await suite.pageAs('expert');
    try {
      await page.route('**/api/v1/auth/logout', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"statusCode":503,"error":"Service Unavailable","message":"down"}',
        }),
      );
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('Signing out did not work, so you are still signed in. Try again.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/committee');
      await page.unroute('**/api/v1/auth/logout');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/sign-in$/);
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    } finally {
      await page.context().close();
    }
  });

  test('when a session ends, the next person to sign in on that page sees none of the last one’s data', async () => {
    // Provider home counts are cached under keys that do not name the user: BAFA and UNODA must differ in one.
    const drafts = async (who: DemoUserKey) =>
      (await (await ApiClient.as(suite.baseUrl, who)).get('/api/v1/offers?status=draft&pageSize=1')).body.total;
    const [first, next] = [await drafts('bafa'), await drafts('unoda')];
    expect(first).not.toBe(next);
    const page = await newPage(suite.browser, suite.baseUrl);
    try {
      await signIn(page, suite.baseUrl, DEMO.bafa, DEMO_PASSWORD);
      const draftCount = page
        .getByRole('region', { name: /^What waits for/ })
        .getByRole('group', { name: 'Offers in draft' })
        .locator('[data-waiting-count]');
      await draftCount.filter({ hasText: new RegExp(`^${first}$`) }).waitFor();
      // The session ends behind the page's back; the next call it makes is refused and sends it to sign in.
      await page.context().clearCookies();
      await page.locator('.app-frame-navbar').getByRole('link').nth(1).click();
      await page.waitForURL(/\/sign-in$/);
      await page.getByLabel('E-mail', { exact: true }).fill(DEMO.unoda);
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      // Back on the page where the session ended; home by the header's link, inside the app (a reload would empty
      // the cache anyway).
      await page.waitForURL(/\/provider(\/|$)/);
      await page.locator('.app-frame-navbar').waitFor({ state: 'attached' });
      await page.getByRole('link', { name: '1540 Assistance' }).first().click();
      await page.waitForURL(/\/provider$/);
      await draftCount.filter({ hasText: new RegExp(`^${next}$`) }).waitFor();
    } finally {
      await page.context().close();
    }
  });
});
