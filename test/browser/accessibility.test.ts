import axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import type { Role } from '@app/domain';
import en from '../../apps/web/src/i18n/en.json';
import { formatMessage } from '@app/i18n';
import { ApiClient, type DemoUserKey } from '../support/http';
import { newPage, pickOptions, useBrowserSuite } from './support/browser';
import { patternOf, webRoutes } from './support/site-map';

const suite = useBrowserSuite();

// The WCAG 2.1 A and AA rules: the level the United Nations' own sites are bound to.
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// One demo person of each role.
const PEOPLE: { who: DemoUserKey; role: Role }[] = [
  { who: 'admin', role: 'committee_admin' },
  { who: 'expert', role: 'committee_member' },
  { who: 'coordinator', role: 'agency_coordinator' },
  { who: 'customs', role: 'agency_member' },
  { who: 'bafa', role: 'provider_member' },
];

// A page of a pattern already checked is still opened when some page of the role has not been reached yet, to
// follow its links (an edit page is linked only from an editable record); at most this many such extra visits.
const EXTRA_VISITS = 12;

const routes = webRoutes();

interface Finding {
  page: string;
  rule: string;
  help: string;
  count: number;
  targets: string[];
}

/** Runs axe-core's WCAG 2.1 A/AA rules over the page as it is now. */
async function audit(page: Page, name: string): Promise<Finding[]> {
  // Evaluated by the DevTools protocol, which the page's Content-Security-Policy (script-src 'self') allows.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source);
  const results: AxeResults = await page.evaluate(
    (tags) =>
      (globalThis as any).axe.run((globalThis as any).document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_21_AA,
  );
  return results.violations.map((violation) => ({
    page: name,
    rule: violation.id,
    help: violation.help,
    count: violation.nodes.length,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
}

// Requests the page has in flight, so `settle` knows when a page has its data.
const inFlight = new WeakMap<Page, Set<unknown>>();

function trackRequests(page: Page): void {
  const requests = new Set<unknown>();
  page.on('request', (request) => requests.add(request));
  page.on('requestfinished', (request) => requests.delete(request));
  page.on('requestfailed', (request) => requests.delete(request));
  inFlight.set(page, requests);
}

/** The page's requests are answered and none followed for a moment (a query that waits for another's answer). */
async function networkQuiet(page: Page): Promise<void> {
  const requests = inFlight.get(page);
  if (!requests) return page.waitForLoadState('networkidle');
  let quietSince = Date.now();
  const deadline = Date.now() + 15_000;
  while (Date.now() - quietSince < 150) {
    if (Date.now() > deadline) throw new Error(`${page.url()}: requests still in flight after 15 s`);
    if (requests.size > 0) quietSince = Date.now();
    await page.waitForTimeout(25);
  }
}

/**
 * Opens an address of the app as its links do, without reloading it (the app and axe stay loaded): the first
 * time with a page load. The headings of the page left are marked, so `settle` waits for the new page's own.
 */
async function open(page: Page, address: string): Promise<void> {
  if (!page.url().startsWith('http')) {
    await page.goto(address);
    return;
  }
  const here = new URL(page.url());
  if (here.pathname + here.search === address) return;
  await page.evaluate((to) => {
    const { document, history, dispatchEvent, PopStateEvent } = globalThis as any;
    for (const heading of document.querySelectorAll('h1')) heading.setAttribute('data-left', '');
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, address);
}

/** Waits until the page has its heading and its data, and nothing is fading in (axe reads the colours shown). */
async function settle(page: Page): Promise<void> {
  await page.locator('h1:not([data-left])').first().waitFor();
  await networkQuiet(page);
  await page.waitForFunction(() =>
    (globalThis as any).document
      .getAnimations()
      .every(
        (animation: any) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity,
      ),
  );
}

/** The app's own addresses this page links to (path and query). */
async function linksOn(page: Page): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as any).href as string));
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin)
    .map((url) => url.pathname + url.search);
}

/**
 * Opens every page of `patterns` reachable by links from `start`, as a person clicking through would, and checks
 * the first page of each pattern (one request detail stands for all). Returns what axe found and the patterns
 * no link led to.
 */
async function walk(page: Page, start: string, patterns: string[], label: string) {
  const findings: Finding[] = [];
  const checked = new Set<string>();
  const queued = new Set<string>();
  const seen = new Set<string>([start]);
  const queue = [start];
  const spare: string[] = [];
  const unreached = () => patterns.filter((pattern) => !checked.has(pattern));
  let extraVisits = 0;

  for (;;) {
    let address = queue.shift();
    if (!address && unreached().length > 0 && extraVisits < EXTRA_VISITS) {
      address = spare.shift();
      extraVisits += 1;
    }
    if (!address) break;
    const pattern = patternOf(patterns, address.split('?')[0]);
    await open(page, address);
    await settle(page);
    if (pattern && !checked.has(pattern)) {
      checked.add(pattern);
      findings.push(...(await audit(page, `${address} (${label})`)));
    }
    for (const link of await linksOn(page)) {
      if (seen.has(link)) continue;
      seen.add(link);
      const target = patternOf(patterns, link.split('?')[0]);
      if (!target) continue;
      if (!checked.has(target) && !queued.has(target)) {
        queued.add(target);
        queue.push(link);
      } else if (target.includes(':')) {
        spare.push(link);
      }
    }
  }
  return { findings, unreached: unreached() };
}

function describeFindings(findings: Finding[]): string[] {
  return findings.map(
    (finding) =>
      `${finding.page}: ${finding.rule} ×${finding.count} (${finding.help}) at ${finding.targets.join(' | ')}`,
  );
}

test.each(PEOPLE)(
  'every page a $role opens meets WCAG 2.1 AA',
  async ({ who, role }) => {
    const page = await suite.pageAs(who);
    trackRequests(page);
    const patterns = routes.filter((route) => route.roles?.includes(role)).map((route) => route.path);
    const { findings, unreached } = await walk(page, new URL(page.url()).pathname, patterns, role);

    // The page shown for a section of another role.
    const elsewhere = routes.find((route) => route.roles && !route.roles.includes(role) && !route.path.includes(':'));
    await open(page, elsewhere!.path);
    await settle(page);
    findings.push(...(await audit(page, `${elsewhere!.path} (${role}, not theirs)`)));
    await page.context().close();

    expect(unreached).toEqual([]);
    expect(describeFindings(findings)).toEqual([]);
  },
  180_000,
);

test('the sign-in page, the public register and the page for an unknown address meet WCAG 2.1 AA', async () => {
  const page = await newPage(suite.browser, suite.baseUrl);
  trackRequests(page);
  // Public routes are those without roles; "/" only redirects, "*" is every unknown address.
  const patterns = routes
    .filter((route) => !route.roles && route.path !== '/' && route.path !== '*')
    .map((route) => route.path);
  const { findings, unreached } = await walk(page, '/sign-in', patterns, 'anonymous');

  await open(page, '/no-such-page');
  await settle(page);
  findings.push(...(await audit(page, '/no-such-page (anonymous)')));
  await page.context().close();

  expect(unreached).toEqual([]);
  expect(describeFindings(findings)).toEqual([]);
}, 120_000);

/** Opens the dialog that `button` opens, checks the page with it open, and closes it. */
async function auditDialog(page: Page, button: string, name: string): Promise<Finding[]> {
  await page.getByRole('main').getByRole('button', { name: button, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await settle(page);
  const findings = await audit(page, `${name}, dialog "${button}"`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return findings;
}

test('the dialogs and the page controls of a long list meet WCAG 2.1 AA', async () => {
  const page = await suite.pageAs('admin');
  trackRequests(page);
  const findings: Finding[] = [];

  // The workflow's confirmation dialog (one component for every request, offer and match action).
  const api = await ApiClient.as(suite.baseUrl, 'admin');
  const submitted = (await api.get('/api/v1/requests?status=submitted&pageSize=1')).body.items[0];
  await open(page, `/committee/requests/${submitted.id}`);
  await settle(page);
  findings.push(...(await auditDialog(page, en.requestActions.acknowledge.button, 'request detail')));

  // The administration's dialogs.
  await open(page, '/committee/admin/users');
  await settle(page);
  findings.push(...(await auditDialog(page, en.admin.users.new, '/committee/admin/users')));
  findings.push(...(await auditDialog(page, en.admin.password.button, '/committee/admin/users')));
  await open(page, '/committee/admin/organisations');
  await settle(page);
  findings.push(...(await auditDialog(page, en.admin.organizations.new, '/committee/admin/organisations')));

  // A new engagement the API refused: its answer at the fields and in an alert.
  await open(page, '/committee/engagements');
  await settle(page);
  await page.getByRole('main').getByRole('button', { name: en.engagements.new, exact: true }).click();
  const engagement = page.getByRole('dialog');
  await engagement.getByRole('button', { name: en.engagements.create, exact: true }).click();
  await engagement.getByRole('alert').waitFor();
  await settle(page);
  findings.push(...(await audit(page, '/committee/engagements, dialog "New engagement" refused')));
  await page.keyboard.press('Escape');
  await engagement.waitFor({ state: 'detached' });

  // A list of several pages: its previous and next buttons show only arrows.
  await open(page, '/committee/requests');
  await settle(page);
  await pickOptions(page, en.list.pageSize, [formatMessage(en.list.perPage, 'en', { count: 10 })]);
  const pages = page.getByRole('navigation', { name: en.list.pagination });
  await pages.waitFor();
  await settle(page);
  findings.push(...(await audit(page, '/committee/requests, 10 per page')));
  await page.context().close();

  expect(describeFindings(findings)).toEqual([]);
}, 120_000);

// Issue 12: the pages of Mongolia's action plan and of the December 2022 roundtable, whichever record a walk
// happens to reach first: the plan with its ranked items, an item with its documents open, the roundtable with
// its participants, follow-ups and prioritisation form, and its information note as HTML.
test.each([
  { who: 'admin' as const, home: '/committee' },
  { who: 'coordinator' as const, home: '/agency' },
])('Mongolia’s action plan, an item, the roundtable and its note meet WCAG 2.1 AA ($who)', async ({ who, home }) => {
  const api = await ApiClient.as(suite.baseUrl, who);
  const plan = (await api.get('/api/v1/action-plans?pageSize=100')).body.items.find((p: { title: string }) =>
    p.title.startsWith('National Action Plan on the implementation of resolution 1540'),
  );
  const roundtable = (await api.get('/api/v1/engagements?pageSize=100')).body.items.find(
    (e: { title: string }) => e.title === 'National Roundtable on Prioritizing Items of the 1540 National Action Plan',
  );
  expect(plan).toBeDefined();
  expect(roundtable).toBeDefined();
  const page = await suite.pageAs(who);
  trackRequests(page);
  const findings: Finding[] = [];

  await open(page, `${home}/action-plans/${plan.id}`);
  await settle(page);
  findings.push(...(await audit(page, `${home}/action-plans/:id (Mongolia’s plan, ${who})`)));
  const item = page.getByTestId('plan-item').first();
  await item.getByRole('button', { name: en.actionPlans.itemDocuments.show, exact: true }).click();
  await item.getByRole('region', { name: formatMessage(en.actionPlans.itemDocuments.title, 'en', { title: '' }).trim() }).waitFor();
  await settle(page);
  findings.push(...(await audit(page, `${home}/action-plans/:id (an item’s documents, ${who})`)));

  await open(page, `${home}/engagements/${roundtable.id}`);
  await settle(page);
  findings.push(...(await audit(page, `${home}/engagements/:id (the December 2022 roundtable, ${who})`)));

  // The link carries the language the page shows (`lang=`), so the note opens in it.
  const note = `/api/v1/engagements/${roundtable.id}/information-note?format=html&lang=en`;
  expect(await page.getByRole('link', { name: en.engagements.noteHtml }).first().getAttribute('href')).toBe(note);
  await page.goto(note);
  findings.push(...(await audit(page, `${note} (${who})`)));
  await page.context().close();

  expect(describeFindings(findings)).toEqual([]);
}, 120_000);
