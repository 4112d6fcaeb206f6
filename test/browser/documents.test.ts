import { readFile } from 'node:fs/promises';
import { requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { SAMPLES } from '../support/multipart';
import { useBrowserSuite } from './support/browser';

const suite = useBrowserSuite();

// DESIGN §4b in the browser: a State agency attaches its note verbale to a draft request, downloads it back, is
// told plainly when a file is not what its name says, and sends a message with a document in the thread.
test('a State user uploads, lists and downloads a document, is refused a renamed web page, and attaches one to a message', async () => {
  const title = `Annexes for the control list ${Date.now().toString(36)}`;
  const customs = await ApiClient.as(suite.baseUrl, 'customs');
  const request = (await customs.post('/api/v1/requests', requestInput({ title }))).body;

  const page = await suite.pageAs('customs');
  await page.goto(`/agency/requests/${request.id}`);
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  const documents = page.getByRole('region', { name: 'Documents', exact: true });
  await documents.getByText('No documents yet.').waitFor();

  // A 300 KB PDF through the upload control; its title comes from the file name.
  const pdf = Buffer.concat([SAMPLES.pdf, Buffer.alloc(300 * 1024 - SAMPLES.pdf.length, 0x20)]);
  await documents.getByLabel('Choose a file').setInputFiles({ name: 'note-verbale.pdf', mimeType: 'application/pdf', buffer: pdf });
  await documents.getByRole('textbox', { name: /^Title/ }).waitFor();
  expect(await documents.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe('note-verbale');
  await documents.getByRole('button', { name: 'Upload document' }).click();
  const table = documents.getByRole('table', { name: 'Documents' });
  await table.getByText('note-verbale.pdf · 300 KB').waitFor();

  // Downloaded, it is the same bytes.
  const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('link', { name: 'Download note-verbale' }).click()]);
  expect(download.suggestedFilename()).toBe('note-verbale.pdf');
  expect((await readFile(await download.path())).equals(pdf)).toBe(true);

  // A web page renamed .pdf is refused by its content, with a message that says so.
  await documents.getByLabel('Choose a file').setInputFiles({ name: 'annex.pdf', mimeType: 'application/pdf', buffer: SAMPLES.html });
  await documents.getByRole('button', { name: 'Upload document' }).click();
  const refusal = documents.getByRole('alert');
  await refusal.getByText('The document was not added').waitFor();
  expect(await refusal.textContent()).toMatch(/This kind of file is not accepted\..*web page or markup/);
  expect(await table.getByRole('row').count()).toBe(2); // the header and the PDF

  // A message with a document: uploaded to the request, then named by the message.
  const thread = page.getByRole('region', { name: 'Conversation with the Committee' });
  await thread.getByRole('button', { name: 'Attach a document' }).waitFor();
  await thread.locator('input[type=file]').setInputFiles({ name: 'draft-list.csv', mimeType: 'text/csv', buffer: SAMPLES.text });
  await thread.getByText(/^Attached: draft-list\.csv/).waitFor();
  await thread.getByRole('textbox', { name: 'Write a message' }).fill('The draft list of dual-use items is attached.');
  await thread.getByRole('button', { name: 'Send' }).click();
  const message = thread.getByRole('log').locator('[data-message-document]');
  await message.getByRole('link', { name: 'Download draft-list' }).waitFor();
  await thread.getByText('The draft list of dual-use items is attached.').waitFor();
  expect(await message.textContent()).toContain('draft-list.csv');
  // And the request lists it among its documents.
  await table.getByText(/^draft-list\.csv · /).waitFor();

  // A message whose post fails leaves its upload behind, unnamed: the composer uploaded it as correspondence, so
  // it is kept from providers all the same (docs/documents.md, "In threads and letters").
  await page.route('**/api/v1/requests/*/messages', (route) =>
    route.request().method() === 'POST' ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"statusCode":503,"error":"Service Unavailable","message":"down"}' }) : route.fallback(),
  );
  await thread.locator('input[type=file]').setInputFiles({ name: 'unsent.csv', mimeType: 'text/csv', buffer: SAMPLES.text });
  await thread.getByRole('textbox', { name: 'Write a message' }).fill('This one is not sent.');
  await thread.getByRole('button', { name: 'Send' }).click();
  await table.getByText(/^unsent\.csv · /).waitFor();
  const flags: { file_name: string; for_correspondence: boolean }[] = await suite.dataSource.query(
    'SELECT file_name, for_correspondence FROM documents WHERE parent_id = $1 ORDER BY file_name',
    [request.id],
  );
  expect(flags).toEqual([
    { file_name: 'draft-list.csv', for_correspondence: true },
    { file_name: 'note-verbale.pdf', for_correspondence: false },
    { file_name: 'unsent.csv', for_correspondence: true },
  ]);
  await page.context().close();
});
