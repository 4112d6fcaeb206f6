import { readFile } from 'node:fs/promises';
import { pdfText } from '../support/pdf-text';
import { newPage, openSection, useBrowserSuite } from './support/browser';

const suite = useBrowserSuite();

// Issue 12: the Committee records a roundtable with its participants and downloads its information note.
test('the Committee records a roundtable with participants and downloads its information note', async () => {
  const tag = Date.now().toString(36);
  const title = `Roundtable on the action plan ${tag}`;
  const venue = `Government House, Ulaanbaatar ${tag}`;
  const expert = await suite.pageAs('expert');
  await openSection(expert, 'Engagements');
  expect(await expert.getByRole('link', { name: 'Engagements (CSV)' }).getAttribute('href')).toBe('/api/v1/export/engagements.csv');
  await expert.getByRole('button', { name: 'New engagement' }).click();
  const dialog = expert.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByLabel('Start date').fill('2022-12-06');
  await dialog.getByLabel('End date').fill('2022-12-08');
  await dialog.getByRole('textbox', { name: 'Venue' }).fill(venue);
  await dialog.getByRole('textbox', { name: 'States concerned' }).fill('MNG');
  await dialog.getByRole('button', { name: 'Record engagement' }).click();
  await expert.getByRole('heading', { name: title, level: 1 }).waitFor();

  // Participants: one on the platform, one in free text.
  const org = expert.getByRole('combobox', { name: 'Organisation on the platform' });
  await org.click();
  await org.fill('Customs General');
  await expert.getByRole('option', { name: /^Customs General Authority/ }).click();
  await expert.getByRole('button', { name: 'Add participant' }).click();
  const participants = expert.getByRole('list', { name: 'Participants' });
  await participants.getByText('Customs General Authority (MNG)').waitFor();
  await expert.getByRole('textbox', { name: 'Or its name' }).fill('Ministry of Justice and Home Affairs of Mongolia');
  await expert.getByRole('button', { name: 'Add participant' }).click();
  await participants.getByText('Ministry of Justice and Home Affairs of Mongolia').waitFor();

  const [download] = await Promise.all([expert.waitForEvent('download'), expert.getByRole('link', { name: 'Information note (PDF)' }).click()]);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(pdf).replace(/\n/g, ' ');
  expect(text).toContain(venue);
  expect(text).toContain('Customs General Authority (MNG)');
  expect(text).toContain('Ministry of Justice and Home Affairs of Mongolia');
  expect(text).toContain('For information – not an official report');

  // The Committee publishes the note: the public register lists it, with the note as HTML and PDF, and the
  // summary Mongolia chose to publish of its action plan.
  await expert.getByRole('button', { name: 'Publish the note' }).click();
  await expert.getByText('Note published').waitFor();
  const visitor = await newPage(suite.browser, suite.baseUrl);
  await visitor.goto('/public/requests');
  const notes = visitor.getByRole('region', { name: 'Information notes' });
  const html = notes.getByRole('link', { name: `Read the information note: ${title}` });
  await html.waitFor();
  await notes.getByText(`Roundtable: ${title}`).waitFor();
  const note = await visitor.request.get((await html.getAttribute('href'))!);
  expect(note.status()).toBe(200);
  expect(await note.text()).toContain(venue);
  const pdfLink = notes.getByRole('link', { name: `Download the information note as PDF: ${title}` });
  const published = await visitor.request.get((await pdfLink.getAttribute('href'))!);
  expect(published.headers()['content-type']).toBe('application/pdf');
  expect(pdfText(await published.body()).replace(/\n/g, ' ')).toContain('Ministry of Justice and Home Affairs of Mongolia');
  const plans = visitor.getByRole('region', { name: 'National implementation action plans' });
  await plans.getByRole('article', { name: 'National Action Plan on the implementation of resolution 1540 (2022–2026)' }).getByText(/updated its priorities after a national roundtable/).waitFor();
});

// Issue 12: the Committee records what a roundtable agreed — the plan's new order and levels, and a provider's
// interest — through the form on the engagement's page.
test('the Committee records a roundtable’s prioritisation: order, levels and a provider’s interest', async () => {
  const title = `Prioritisation roundtable ${Date.now().toString(36)}`;
  const expert = await suite.pageAs('expert');
  await openSection(expert, 'Engagements');
  await expert.getByRole('button', { name: 'New engagement' }).click();
  const dialog = expert.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByLabel('Start date').fill('2022-12-06');
  await dialog.getByLabel('End date').fill('2022-12-08');
  await dialog.getByRole('textbox', { name: 'States concerned' }).fill('MNG');
  await dialog.getByRole('button', { name: 'Record engagement' }).click();
  await expert.getByRole('heading', { name: title, level: 1 }).waitFor();
  const engagementId = expert.url().split('/').pop()!;

  // Mongolia's one submitted plan is chosen; its items are listed in their current order.
  const ranking = expert.getByRole('table', { name: 'Agreed order of the items' });
  await ranking.waitFor();
  const labelOf = async (row: number) => ((await ranking.getByRole('row').nth(row).getByRole('cell').nth(1).textContent()) ?? '').trim();
  const first = await labelOf(1);
  const second = await labelOf(2);
  await expert.getByRole('button', { name: `Move up: ${second}` }).click();
  expect(await labelOf(1)).toBe(second);
  expect(await labelOf(2)).toBe(first);
  await expert.getByRole('combobox', { name: `Priority of ${second}` }).click();
  await expert.getByRole('option', { name: 'Low priority' }).click();

  // An interest needs an item and a provider: the form says so before anything is sent.
  await expert.getByRole('button', { name: 'Add interest' }).click();
  await expert.getByRole('alert').filter({ hasText: 'Choose an item and a provider first.' }).waitFor();
  const item = expert.getByRole('combobox', { name: 'Item' });
  await item.click();
  await item.fill(second.slice(0, 20));
  await expert.getByRole('option', { name: second }).click();
  const provider = expert.getByRole('combobox', { name: 'Provider' });
  await provider.click();
  await provider.fill('BAFA');
  await expert.getByRole('option', { name: /^BAFA/ }).click();
  await expert.getByRole('textbox', { name: 'Programme (if no offer on the platform)' }).fill('Export control outreach programme');
  await expert.getByRole('button', { name: 'Add interest' }).click();
  await expert.getByRole('list', { name: 'Providers’ interests' }).getByText(`→ ${second} (Export control outreach programme)`).waitFor();

  await expert.getByRole('button', { name: 'Record the prioritisation' }).click();
  await expert.getByRole('status').filter({ hasText: 'Prioritisation recorded' }).waitFor();
  await expert.getByText(/items ranked, 1 interests/).waitFor();

  const [moved] = await suite.dataSource.query(
    `SELECT i.priority_rank, i.priority_level, i.prioritised_in_engagement_id FROM action_plan_items i
      WHERE i.id = (SELECT x.item_id FROM action_plan_item_interests x WHERE x.engagement_id = $1 AND x.programme = 'Export control outreach programme')`,
    [engagementId],
  );
  expect(moved).toEqual({ priority_rank: 1, priority_level: 'low', prioritised_in_engagement_id: engagementId });
});
