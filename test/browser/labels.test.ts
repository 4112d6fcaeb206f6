import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@app/database';
import { DEMO } from '../support/http';
import { signIn, useBrowserSuite } from './support/browser';

const suite = useBrowserSuite();

// Codes of statuses, actions and taxonomy entries that must never reach a person as they are stored.
const RAW_CODES =
  /\b(OP3[abcd]|REPORTING|OUTREACH|COORDINATION|NUCLEAR|CHEMICAL|BIOLOGICAL|LEGISLATIVE|CUSTOMS_BORDER|ASIA_PACIFIC|clarification_requested|in_delivery|pending_verification|in_progress|match_agreed|mark_delivered|partially_fulfilled)\b/;

const day = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(at);

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

async function requestId(reference: string): Promise<string> {
  const [row] = await suite.dataSource.query('SELECT id FROM assistance_requests WHERE reference = $1', [reference]);
  return row.id;
}

// Issue 10: chips, badges, tables and the timeline use labels, provisions read as the pickers show them.
test('request lists and pages show labels, never status or taxonomy codes', async () => {
  // An American browser: dates still read "13 May 2020", as in the e-mails and inbox items.
  const context = await suite.browser.newContext({
    baseURL: suite.baseUrl,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
  });
  const expert = await context.newPage();
  await signIn(expert, suite.baseUrl, DEMO.expert, DEMO_PASSWORD);

  await expert.goto('/committee/requests?pageSize=50');
  const table = expert.getByRole('table').first();
  const controlList = table.getByRole('row').filter({ hasText: 'Drafting a national control list' });
  // The provision chip reads as in the pickers ("OP3(d) — Export and trans-shipment controls"), shortened.
  await controlList.getByText('OP3(d)', { exact: true }).waitFor();
  const report = table.getByRole('row').filter({ hasText: 'Help drafting the national report' });
  await report.getByText('National reports and action plans', { exact: true }).waitFor();
  expect(await mainText(expert)).not.toMatch(RAW_CODES);

  // Offers: the same chips.
  await expert.goto('/committee/offers?pageSize=50');
  await expert.getByRole('table').first().getByRole('row').nth(1).waitFor();
  await expert.getByRole('table').first().getByText('OP3(d)', { exact: true }).first().waitFor();
  expect(await mainText(expert)).not.toMatch(RAW_CODES);

  // The request's page: status, provisions, domains, timeline (with its close reason) all in words.
  await expert.goto(`/committee/requests/${await requestId('MNG-2020-001')}`);
  await expert.getByRole('heading', { level: 1, name: /Drafting a national control list/ }).waitFor();
  await expert.getByText('OP3(d) — Export and trans-shipment controls').first().waitFor();
  await expert.getByRole('list', { name: 'History' }).getByRole('listitem').first().waitFor();
  const page = await mainText(expert);
  expect(page).toContain('Closed');
  expect(page).not.toMatch(RAW_CODES);
  // One date style: "13 May 2020", whatever the browser's region.
  expect(page).toContain('13 May 2020');
  expect(page).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b/);
  await expert.context().close();
});

// Issue 15: seeded matches were last changed by their last step, not on the day the demo was seeded.
test('seeded matches show when they last changed', async () => {
  const completed: { reference: string; last: Date }[] = await suite.dataSource.query(
    `SELECT r.reference, (SELECT max(h.created_at) FROM history_entries h WHERE h.subject_type = 'match' AND h.subject_id = m.id) AS last
       FROM matches m JOIN assistance_requests r ON r.id = m.request_id
      WHERE m.status = 'completed' AND r.reference LIKE 'MNG-202%' ORDER BY r.reference`,
  );
  expect(completed.length).toBeGreaterThan(0);
  const expert = await suite.pageAs('expert');
  await expert.goto('/committee/matches?status=completed');
  const table = expert.getByRole('table').first();
  for (const { reference, last } of completed) {
    const row = table.getByRole('row').filter({ hasText: reference });
    // The match's own last step (2023, or last January for the most recent delivery), not the seeding day.
    expect(day(new Date(last))).not.toBe(day(new Date()));
    await row.getByText(day(new Date(last)), { exact: true }).waitFor();
  }
  const matches = await mainText(expert);
  expect(matches).not.toContain(day(new Date()));
  expect(matches).not.toMatch(RAW_CODES);
  expect(matches).toContain('Completed');
  await expert.context().close();
});
