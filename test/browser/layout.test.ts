import type { Locator, Page } from 'playwright-core';
import { circulatedRequest, requestInput } from '../factories';
import { ApiClient, type DemoUserKey } from '../support/http';
import { newPage, useBrowserSuite } from './support/browser';

// Issue 10, points 7, 8, 9 and 14: what a first-time user saw of the layout, on a desktop and on a phone.
const suite = useBrowserSuite();

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A signed-in page at the given window size, opened on `path` once its level-1 heading is there. */
async function open(who: DemoUserKey, path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await suite.pageAs(who);
  await page.setViewportSize(viewport);
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/**
 * The blank space above what comes first after the page title (a form, a card, a field or a table): from the
 * lowest text between them (the title, the line under it, an intro paragraph) to the top of that content.
 */
function gapUnderTitle(page: Page): Promise<number> {
  // Runs in the page; this project compiles without the DOM library, hence the node-type numbers.
  const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
  const TEXT = 3; // Node.TEXT_NODE
  return page.locator('main h1').evaluate(
    (title, [following, text]) => {
      const main = title.closest('main')!;
      const follows = (a: typeof title, b: typeof title) => (a.compareDocumentPosition(b) & following) !== 0;
      const content = [...main.querySelectorAll('form, .mantine-Paper-root, .mantine-InputWrapper-root, table')].find(
        (element) => follows(title, element) && !element.contains(title) && element.getBoundingClientRect().height > 0,
      );
      if (!content) throw new Error('no form, card, field or table after the page title');
      const texts = [title, ...main.querySelectorAll('*')].filter(
        (element) =>
          (element === title || (follows(title, element) && follows(element, content) && !element.contains(content))) &&
          [...element.childNodes].some((node) => node.nodeType === text && node.textContent!.trim()),
      );
      const textBottom = Math.max(...texts.map((element) => element.getBoundingClientRect().bottom));
      return content.getBoundingClientRect().top - textBottom;
    },
    [FOLLOWING, TEXT],
  );
}

/** Whether the element is wholly inside the window as it is now, with nothing to scroll to see it. */
async function inWindow(locator: Locator, viewport: { width: number; height: number }): Promise<boolean> {
  const box = await locator.boundingBox();
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

describe('point 7: the form or first card follows the page title', () => {
  const pages: [string, DemoUserKey, string, string][] = [
    ['New request', 'customs', '/agency/requests/new', 'form'],
    ['New offer', 'bafa', '/provider/offers/new', 'form'],
    ['My figures', 'coordinator', '/agency/figures', '[role="list"]'],
    ['E-mail settings', 'customs', '/notifications/preferences', 'table'],
    ['Reports', 'expert', '/committee/reports', '[role="search"]'],
    ['Matching weights', 'admin', '/committee/matching-weights', 'section'],
  ];

  for (const viewport of [DESKTOP, PHONE]) {
    test(`at ${viewport.width}×${viewport.height}`, async () => {
      const gaps: Record<string, number> = {};
      for (const [name, who, path, content] of pages) {
        const page = await open(who, path, viewport);
        await page.locator(`main ${content}`).first().waitFor();
        gaps[name] = Math.round(await gapUnderTitle(page));
        await page.context().close();
      }
      // The intro line and the usual spacing, never a band of blank screen.
      expect(Object.entries(gaps).filter(([, gap]) => gap > 80)).toEqual([]);
      expect(Object.keys(gaps)).toHaveLength(pages.length);
    });
  }
});

test('point 8: the duplicate warning shows beside the form’s top at 1440×900, with an honest figure', async () => {
  const title = `Radiological source security training for customs officers at Zamiin-Uud ${Date.now().toString(36)}`;
  const customsApi = await ApiClient.as(suite.baseUrl, 'customs');
  const existing = await customsApi.post('/api/v1/requests', requestInput({ title }));
  expect(existing.status).toBe(201);

  const page = await open('customs', '/agency/requests/new', DESKTOP);
  // A shorter, different title: it reads much like the open request, but it is not the same.
  await page.getByRole('textbox', { name: /^Title/ }).fill('Radiological source security training for customs officers');
  const warning = page.getByRole('status').filter({ hasText: 'This may duplicate an open request' });
  await warning.waitFor();
  const item = warning.getByRole('listitem').filter({ hasText: existing.body.reference });
  const figure = Number(/(\d+)%/.exec((await item.textContent()) ?? '')?.[1]);
  expect(figure).toBeGreaterThanOrEqual(45);
  expect(figure).toBeLessThan(100);
  expect(await page.evaluate('window.scrollY')).toBe(0);
  expect(await inWindow(warning, DESKTOP)).toBe(true);
  await page.context().close();
});

test('point 9: a request is found by its reference, whole or in part, in the lists and the public register', async () => {
  const request = await circulatedRequest(suite.baseUrl, { visibility: 'public' });
  const reference: string = request.reference;

  const expert = await open('expert', '/committee/requests', DESKTOP);
  await expert.getByRole('searchbox', { name: 'Search' }).fill(reference);
  await expert.waitForURL((url) => url.searchParams.get('q') === reference);
  // The list narrows to the one request (until the answer comes, the previous page stays on screen).
  await expert.getByText('1–1 of 1', { exact: true }).waitFor();
  const table = expert.getByRole('table', { name: 'Requests' });
  expect(await table.getByRole('row').filter({ hasText: reference }).count()).toBe(1);
  expect(await table.getByRole('row').count()).toBe(2); // the heading row and the request's
  await expert.context().close();

  const officer = await open('customs', '/agency/requests', DESKTOP);
  await officer.getByRole('searchbox', { name: 'Search' }).fill(reference.slice(4).toLowerCase());
  await officer.getByRole('row').filter({ hasText: reference }).waitFor();
  await officer.context().close();

  const visitor = await newPage(suite.browser, suite.baseUrl);
  await visitor.goto('/public/requests');
  await visitor.getByRole('searchbox', { name: 'Search' }).fill(reference.slice(4));
  await visitor.waitForURL((url) => url.searchParams.get('q') === reference.slice(4));
  await visitor.getByRole('table', { name: 'Published assistance requests' }).getByRole('row').filter({ hasText: reference }).waitFor();
  await visitor.context().close();
});

test('on a phone the header fits the window, and signing out is in the opened navigation', async () => {
  const page = await open('coordinator', '/agency', PHONE);
  const header = page.getByRole('banner');
  for (const control of [
    header.getByRole('button', { name: 'Toggle navigation' }),
    header.getByRole('link', { name: '1540 Assistance' }),
    header.getByRole('combobox'),
  ]) {
    expect(await inWindow(control, PHONE)).toBe(true);
  }
  expect(
    await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number),
  ).toBeLessThanOrEqual(PHONE.width);
  expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

  await header.getByRole('button', { name: 'Toggle navigation' }).click();
  const signOut = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Sign out' });
  await signOut.waitFor();
  expect(await inWindow(signOut, PHONE)).toBe(true);
  await signOut.click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await page.context().close();
});

describe('point 14: on a phone, status and actions are on screen without scrolling sideways', () => {
  test('the review queue, my requests and the public register', async () => {
    // A word only this request carries, so each list can be narrowed to it.
    const token = `zq${Date.now().toString(36)}`;
    const customsApi = await ApiClient.as(suite.baseUrl, 'customs');
    const created = await customsApi.post('/api/v1/requests', requestInput({ title: `Customs laboratory equipment ${token}` }));
    const { id, reference } = created.body as { id: string; reference: string };
    expect((await (await ApiClient.as(suite.baseUrl, 'coordinator')).post(`/api/v1/requests/${id}/transitions`, { action: 'submit' })).status).toBe(200);
    const published = await circulatedRequest(suite.baseUrl, { visibility: 'public' });

    const expert = await open('expert', `/committee/review-queue?q=${token}`, PHONE);
    const queued = expert.getByRole('row').filter({ hasText: reference });
    await queued.waitFor();
    await queued.scrollIntoViewIfNeeded();
    expect(await inWindow(queued.getByText('Submitted', { exact: true }), PHONE)).toBe(true);
    expect(await inWindow(queued.getByRole('button', { name: 'Acknowledge', exact: true }), PHONE)).toBe(true);
    await expert.context().close();

    const officer = await open('customs', `/agency/requests?q=${token}`, PHONE);
    const mine = officer.getByRole('row').filter({ hasText: reference });
    await mine.waitFor();
    await mine.scrollIntoViewIfNeeded();
    expect(await inWindow(mine.getByText('Submitted', { exact: true }), PHONE)).toBe(true);
    expect(await inWindow(mine.getByRole('link'), PHONE)).toBe(true);
    await officer.context().close();

    const visitor = await newPage(suite.browser, suite.baseUrl);
    await visitor.setViewportSize(PHONE);
    await visitor.goto('/public/requests');
    const listed = visitor.getByRole('row').filter({ hasText: published.reference });
    await listed.waitFor();
    await listed.scrollIntoViewIfNeeded();
    expect(await inWindow(listed.getByText('Circulated', { exact: true }).first(), PHONE)).toBe(true);
    await visitor.context().close();
  });
});
