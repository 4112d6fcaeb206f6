import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's Chromium, never a downloaded one. These flags keep it from phoning home at start-up, which the
// closed network here refuses (docs: STACK.md). launch() gives each browser a fresh temporary profile.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A page in its own browser context (own cookies), with relative `goto()` resolved against `baseUrl`. */
export async function newPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
  });
  return context.newPage();
}

/** Signs in through the form, as a person would, and waits for the role's home page heading. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(new URL('/sign-in', baseUrl).toString());
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/(committee|agency|provider)(\/|$)/);
  // The URL changes a moment before the page does: wait for the signed-in frame, then its heading.
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor({ state: 'attached' });
  await page.getByRole('heading', { level: 1 }).waitFor();
}
