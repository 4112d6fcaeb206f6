import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@app/database';
import { DEMO, type DemoUserKey } from '../support/http';
import { newPage, signIn, useBrowserSuite } from './support/browser';

const suite = useBrowserSuite();

const HOMES: { who: DemoUserKey; path: string; heading: string; role: string }[] = [
  { who: 'admin', path: '/committee', heading: 'Committee workspace', role: 'Committee administrator' },
  { who: 'expert', path: '/committee', heading: 'Committee workspace', role: 'Committee member' },
  {
    who: 'coordinator',
    path: '/agency',
    heading: 'National Counter-Terrorism Council (MNG)',
    role: 'Agency coordinator',
  },
  { who: 'customs', path: '/agency', heading: 'Customs General Authority (MNG)', role: 'Agency member' },
  {
    who: 'bafa',
    path: '/provider',
    heading: 'BAFA — Federal Office for Economic Affairs and Export Control (DEU)',
    role: 'Provider member',
  },
];

async function headingText(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

describe('signing in', () => {
  test.each(HOMES)('$who lands on the $path home page with its heading', async ({ who, path, heading, role }) => {
    const page = await newPage(suite.browser, suite.baseUrl);
    try {
      await signIn(page, suite.baseUrl, DEMO[who], DEMO_PASSWORD);
      expect(new URL(page.url()).pathname).toBe(path);
      expect(await headingText(page)).toBe(heading);
      await page.getByText(role, { exact: true }).first().waitFor();
    } finally {
      await page.context().close();
    }
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
});
