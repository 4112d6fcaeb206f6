import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '@app/database';
import { DEMO, type DemoUserKey } from '../../support/http';
import { startApiInProcess } from '../../support/platform';

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
  // Found by its part, not its label: the label is in the person's language.
  await page.locator('.app-frame-navbar').waitFor({ state: 'attached' });
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** A browser, the API in this process, and helpers to open signed-in pages: one per test file. */
export interface BrowserSuite {
  browser: Browser;
  baseUrl: string;
  /** The API's own database connection, for what no page or route does (backdating, the worker's jobs). */
  dataSource: DataSource;
  /** A fresh browser context (own cookies) signed in as a demo user, on that user's home page. */
  pageAs: (who: DemoUserKey) => Promise<Page>;
  close: () => Promise<void>;
}

export async function startBrowserSuite(): Promise<BrowserSuite> {
  const api = await startApiInProcess();
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await api.close();
    throw error;
  }
  return {
    browser,
    baseUrl: api.baseUrl,
    dataSource: api.app.get(DataSource),
    pageAs: async (who) => {
      const page = await newPage(browser, api.baseUrl);
      await signIn(page, api.baseUrl, DEMO[who], DEMO_PASSWORD);
      return page;
    },
    close: async () => {
      await browser.close();
      await api.close();
    },
  };
}

/**
 * One suite per test file: started before its tests, closed after them, with the browser-test timeout.
 * `beforeStart` runs first, for what the API must see at start-up (environment variables).
 * Read the returned suite inside tests and hooks only: it exists once `beforeAll` has run.
 */
export function useBrowserSuite(beforeStart?: () => void | Promise<void>): BrowserSuite {
  let started: BrowserSuite | undefined;
  jest.setTimeout(60_000);
  beforeAll(async () => {
    await beforeStart?.();
    started = await startBrowserSuite();
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = (): BrowserSuite => {
    if (!started) throw new Error('The browser suite starts in beforeAll: use it inside a test or a hook');
    return started;
  };
  return {
    get browser() {
      return current().browser;
    },
    get baseUrl() {
      return current().baseUrl;
    },
    get dataSource() {
      return current().dataSource;
    },
    pageAs: (who) => current().pageAs(who),
    close: () => current().close(),
  };
}

/** Picks options of a Mantine (Multi)Select by the field's label and each option's visible name. */
export async function pickOptions(page: Page, label: string | RegExp, options: (string | RegExp)[]): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  for (const option of options) {
    await input.click();
    await page.getByRole('option', { name: option }).first().click();
  }
  await input.press('Escape');
}

/** Opens the workflow action's dialog, writes the comment if any, and confirms. */
export async function takeAction(
  scope: Page | Locator,
  page: Page,
  button: string,
  confirm: string,
  comment?: string,
): Promise<void> {
  await scope.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (comment !== undefined) await dialog.getByRole('textbox').fill(comment);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The status badge in a detail page's header ("Request summary" / "Offer summary"). */
export function summary(page: Page, kind: 'Request' | 'Offer'): Locator {
  return page.getByRole('group', { name: `${kind} summary` });
}

/** One event of a detail page's history timeline, by its title. */
export function historyEvent(page: Page, title: string): Locator {
  return page
    .getByRole('list', { name: 'History' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

/** Follows a link of the navbar. */
export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/** Completes a match from its "Mark completed" button, recording what was delivered. */
export async function completeWithDelivery(
  scope: Page | Locator,
  page: Page,
  delivery: { from: string; until: string; participants: number; deliverables: string },
): Promise<Locator> {
  await scope.getByRole('button', { name: 'Mark completed', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByLabel('Delivered from').fill(delivery.from);
  await dialog.getByLabel('Delivered until').fill(delivery.until);
  await dialog.getByLabel('Participants or beneficiaries').fill(String(delivery.participants));
  await dialog.getByLabel('Deliverables').fill(delivery.deliverables);
  return dialog;
}
