import { openSection, useBrowserSuite } from './support/browser';

const suite = useBrowserSuite();

test('the coordinator reorders the plan’s priorities and requests assistance for an item', async () => {
  const page = await suite.pageAs('coordinator');
  page.setDefaultTimeout(12_000);
  try {
    await openSection(page, 'Action plans');
    // The list offers the plans' and the items' CSV exports.
    expect(await page.getByRole('link', { name: 'Action plans (CSV)' }).getAttribute('href')).toBe('/api/v1/export/action-plans.csv');
    expect(await page.getByRole('link', { name: 'Action plan items (CSV)' }).getAttribute('href')).toBe('/api/v1/export/action-plan-items.csv');
    await page.getByRole('link', { name: /^National Action Plan on the implementation of resolution 1540/ }).click();
    await page.getByRole('heading', { name: /^National Action Plan on the implementation/, level: 1 }).waitFor();

    // After the roundtable the control list ranks first and the BSL-3 laboratory second: move the laboratory up.
    const items = page.getByTestId('plan-items');
    await items.getByText('1. 3.1 Adopt and maintain a national control list', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Move “Establish a biosafety level 3 (BSL-3) laboratory” up' }).click();
    await items.getByText('1. 5.1 Establish a biosafety level 3 (BSL-3) laboratory').waitFor();
    await items.getByText('2. 3.1 Adopt and maintain a national control list', { exact: false }).waitFor();
    await page.reload();
    await page.getByTestId('plan-items').getByText('1. 5.1 Establish a biosafety level 3 (BSL-3) laboratory').waitFor();

    // The legislation review needs assistance and has no request yet: request it from the item.
    const legislation = page
      .getByTestId('plan-item')
      .filter({ hasText: 'Review national legislation against the obligations of resolution 1540' });
    // Its documents open on demand, under the item.
    await legislation.getByRole('button', { name: 'Documents', exact: true }).click();
    const documents = legislation.getByRole('region', { name: 'Documents of Review national legislation against the obligations of resolution 1540' });
    await documents.getByText('No documents yet.').waitFor();
    await legislation.getByRole('button', { name: 'Hide documents' }).click();
    await legislation.getByRole('button', { name: 'Request assistance for this item' }).click();
    await page
      .getByRole('heading', {
        name: 'Review national legislation against the obligations of resolution 1540',
        level: 1,
      })
      .waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/agency\/requests\/[0-9a-f-]{36}$/);
    const link = page.getByTestId('request-plan-item');
    await link.waitFor();
    expect(await link.textContent()).toContain('2.1 Review national legislation');

    // Back on the plan, the item shows its draft request.
    await link.click();
    const item = page
      .getByTestId('plan-item')
      .filter({ hasText: 'Review national legislation against the obligations of resolution 1540' });
    await item.getByText('Draft', { exact: true }).waitFor();
  } catch (e) {
    await page.screenshot({ path: '/tmp/action-plans-failure.png', fullPage: true });
    throw e;
  }
  await page.context().close();
});

test('the Committee opens Mongolia’s timeline from the reports dashboard and filters it by kind', async () => {
  const page = await suite.pageAs('expert');
  await openSection(page, 'Reports');
  await page.getByRole('table', { name: 'By State' }).getByRole('link', { name: 'Timeline of MNG' }).click();
  await page.getByRole('heading', { name: 'Timeline: Mongolia', level: 1 }).waitFor();
  const timeline = page.getByLabel('Timeline of Mongolia');
  await timeline.getByText('Plan submitted (version 1)').waitFor();
  await timeline.getByText('Request submitted').first().waitFor();
  await page.locator('.mantine-SegmentedControl-root').getByText('Engagements', { exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('kind') === 'engagement');
  await timeline.getByText('Request submitted').first().waitFor({ state: 'detached' });
  await timeline.getByText('Engagement held').first().waitFor();
  expect(await timeline.getByText('Plan submitted (version 1)').count()).toBe(0);
  // Each event opens its record: the roundtable's page.
  await timeline.getByRole('link', { name: /Roundtable/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /Roundtable/ }).waitFor();
});
