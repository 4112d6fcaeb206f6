import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { parseCsv } from '../../apps/api/src/data-exchange/csv';
import { ApiClient } from '../support/http';
import { openSection, useBrowserSuite } from './support/browser';

const suite = useBrowserSuite();

const BOM = '\uFEFF';
const percent = (rate: number) =>
  new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(rate);

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, text: await readFile(path, 'utf8') };
}

function kpi(page: Page, label: string) {
  return page
    .getByRole('list', { name: 'Key figures' })
    .getByRole('listitem', { name: label })
    .locator('[data-kpi-value]');
}

// Issue 6: the dashboard shows the figures of the seeded demo world as the summary API computes them, each chart's
// CSV holds exactly its figures, and the filters live in the address.
test('the Committee dashboard shows the summary figures, its charts download as CSV, filters stay in the URL', async () => {
  const expertApi = await ApiClient.as(suite.baseUrl, 'expert');
  const all = (await expertApi.get('/api/v1/reports/summary')).body;
  expect(all.requests.total).toBeGreaterThan(0);

  const expert = await suite.pageAs('expert');
  await openSection(expert, 'Reports');
  await kpi(expert, 'Requests submitted')
    .filter({ hasText: String(all.requests.total) })
    .waitFor();
  expect(await kpi(expert, 'Match rate').textContent()).toBe(percent(all.matchRate.rate));
  expect(await kpi(expert, 'Circulated, still unmatched').textContent()).toBe(
    String(all.requests.byStatus.circulated ?? 0),
  );
  // Waits read as people say them ("6 years 3 months", "12 days"), never "2,275.2 days".
  const median = all.timeToDays.agreedMatch.medianDays;
  const medianShown = await kpi(expert, 'Median time to agreed match').textContent();
  expect(medianShown).toMatch(/^\d+ (year|month|day|hour)s?( \d+ (month|day)s?)?$/);
  expect(medianShown).toMatch(median >= 365 ? /year/ : median >= 31 ? /month/ : /day|hour/);
  // The status chart starts where the data starts: the first letter of May 2020.
  const overTime = expert.getByRole('region', { name: 'Requests by status over time' });
  await overTime.getByText('Table', { exact: true }).click();
  const firstMonth = overTime.getByRole('table').getByRole('row').nth(1).locator('td').first();
  expect(await firstMonth.textContent()).toBe(all.statusOverTime[0].month);
  expect(all.statusOverTime[0].month).toBe('2020-05');

  // The time to each step, as a table: waits in words on screen, days in the CSV.
  const steps = expert.getByRole('region', { name: 'Time to each step' });
  await steps.getByText('Table', { exact: true }).click();
  const stepHeader = await steps.getByRole('table').getByRole('columnheader').allTextContents();
  expect(stepHeader.slice(1, 3)).toEqual(['Median', '90th percentile']);
  const stepCells = await steps.getByRole('table').getByRole('row').nth(1).locator('td').allTextContents();
  expect(stepCells[1]).toMatch(/^(—|less than an hour|\d+ (year|month|day|hour)s?( \d+ (month|day)s?)?)$/);
  const stepsCsv = parseCsv((await downloaded(expert, () => steps.getByRole('button', { name: 'Download CSV' }).click())).text);
  expect(stepsCsv[0].slice(1, 3)).toEqual(['Median (days)', '90th percentile (days)']);
  expect(stepsCsv[1][1]).toMatch(/^(\d+(\.\d+)?)?$/);

  // The time-to-match chart's figures, as its table and as its CSV.
  const histogram = expert.getByRole('region', { name: 'Time to agreed match' });
  await histogram.getByRole('img', { name: 'Time to agreed match' }).locator('svg').waitFor();
  await histogram.getByText('Table', { exact: true }).click();
  const rows = histogram.getByRole('table').getByRole('row');
  await rows.nth(1).waitFor();
  const shown = await rows.evaluateAll((trs) =>
    trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
  );
  expect(shown).toEqual(all.timeToMatchHistogram.map((b: any) => [b.bucket, String(b.count)]));

  const csv = await downloaded(expert, () => histogram.getByRole('button', { name: 'Download CSV' }).click());
  expect(csv.download.suggestedFilename()).toBe('a1540-time-to-agreed-match.csv');
  expect(csv.text.startsWith(BOM)).toBe(true);
  expect(csv.text).toContain('\r\n');
  expect(parseCsv(csv.text)).toEqual([
    ['Time from submission', 'Requests'],
    ...all.timeToMatchHistogram.map((b: any) => [b.bucket, String(b.count)]),
  ]);

  // The coverage grid flags gaps: a provision and domain asked for with no active offer.
  const coverage = expert.getByRole('region', { name: 'Coverage: provisions × domains' });
  const gaps = all.coverage.filter((c: any) => c.requested > 0 && c.offered === 0);
  expect(await coverage.locator('td[data-tone="gap"]').count()).toBe(gaps.length);
  const coverageCsv = parseCsv(
    (await downloaded(expert, () => coverage.getByRole('button', { name: 'Download CSV' }).click())).text,
  );
  expect(coverageCsv.slice(1)).toEqual(
    all.coverage.map((c: any) => [
      c.provision,
      c.domain,
      String(c.requested),
      String(c.offered),
      String(Math.max(0, c.requested - c.offered)),
    ]),
  );

  // The unmatched list links to each request, oldest first.
  const unmatched = expert.getByRole('region', { name: 'Circulated requests still unmatched' });
  for (const request of all.unmatched.slice(0, 3)) {
    expect(await unmatched.getByRole('link', { name: request.reference }).getAttribute('href')).toBe(
      `/committee/requests/${request.id}`,
    );
  }

  // Filters go into the address and change the figures; the server exports follow them.
  await expert.getByLabel('Submitted from').fill('2022-01-01');
  await expert.waitForURL(/from=2022-01-01/);
  const state = expert.getByRole('combobox', { name: 'State' });
  await state.click();
  await state.fill('Mongolia');
  await expert.getByRole('option', { name: 'Mongolia (MNG)' }).click();
  await expert.waitForURL(/state=MNG/);
  const filtered = (await expertApi.get('/api/v1/reports/summary?from=2022-01-01&state=MNG')).body;
  expect(filtered.requests.total).toBeLessThan(all.requests.total);
  await kpi(expert, 'Requests submitted')
    .filter({ hasText: new RegExp(`^${filtered.requests.total}$`) })
    .waitFor();
  expect(await kpi(expert, 'Circulated, still unmatched').textContent()).toBe(
    String(filtered.requests.byStatus.circulated ?? 0),
  );
  const exportLink = expert.getByRole('link', { name: 'Requests (CSV)' });
  await expert.locator('a[href="/api/v1/reports/export.csv?entity=requests&state=MNG"]', { hasText: 'Requests (CSV)' }).waitFor();
  expect(new URL(expert.url()).searchParams.get('state')).toBe('MNG');
  const exported = await downloaded(expert, () => exportLink.click());
  expect(exported.text.startsWith(BOM)).toBe(true);
  const [header, ...requestRows] = parseCsv(exported.text);
  const statusAt = header.indexOf('status');
  // Every circulated request of the State in the export is one the dashboard counts as still unmatched.
  const circulated = requestRows.filter((row) => row[statusAt] === 'circulated').length;
  expect(circulated).toBe(all.unmatched.filter((u: any) => u.state === 'MNG').length);

  // Reloading the address restores the view.
  await expert.reload();
  await kpi(expert, 'Requests submitted')
    .filter({ hasText: new RegExp(`^${filtered.requests.total}$`) })
    .waitFor();
  expect(await expert.getByLabel('Submitted from').inputValue()).toBe('2022-01-01');
  await expert.context().close();
});

test('agencies see their waiting times and providers their offers’ uptake', async () => {
  const coordinatorApi = await ApiClient.as(suite.baseUrl, 'coordinator');
  const mine = (await coordinatorApi.get('/api/v1/reports/mine')).body;
  const coordinator = await suite.pageAs('coordinator');
  await openSection(coordinator, 'My figures');
  const waiting = coordinator.getByRole('table', { name: 'Waiting times of our requests' });
  await waiting.getByRole('row').nth(1).waitFor();
  expect(await waiting.getByRole('row').count()).toBe(mine.requests.length + 1);
  const oldest = mine.requests.find((r: any) => r.waitingDays !== null);
  // Waits in words ("9 months"), not "273.3".
  const waited = waiting
    .getByRole('row')
    .filter({ hasText: oldest.reference })
    .getByText(/^\d+ (year|month|day|hour)s?( \d+ (month|day)s?)?$/);
  await waited.waitFor();
  const csv = await downloaded(coordinator, () => coordinator.getByRole('button', { name: 'Download CSV' }).click());
  expect(parseCsv(csv.text)).toHaveLength(mine.requests.length + 1);
  await coordinator.context().close();

  const providerApi = await ApiClient.as(suite.baseUrl, 'exbs');
  const uptake = (await providerApi.get('/api/v1/reports/mine')).body;
  const provider = await suite.pageAs('exbs');
  await openSection(provider, 'My figures');
  const offers = provider.getByRole('table', { name: 'Uptake of our offers' });
  await offers.getByRole('row').nth(1).waitFor();
  expect(await offers.getByRole('row').count()).toBe(uptake.offers.length + 1);
  const endorsed = uptake.offers.reduce((sum: number, o: any) => sum + o.endorsed, 0);
  await provider
    .getByRole('listitem', { name: 'Matches endorsed for us' })
    .getByText(String(endorsed), { exact: true })
    .waitFor();
  await provider.context().close();
});
