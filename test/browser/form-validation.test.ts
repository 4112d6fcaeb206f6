import type { Locator, Page } from 'playwright-core';
import { openSection, pickOptions, useBrowserSuite } from './support/browser';

const suite = useBrowserSuite();

/** The texts an input is described by: Mantine links its help text and its error message. */
async function describedBy(input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' | ');
}

/** Records the bodies the page sends to create or change `path` (a form's save), to prove none left. */
function recordSaves(page: Page, path: RegExp): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && path.test(new URL(request.url()).pathname)) sent.push(request.postData() ?? '');
  });
  return sent;
}

test('the request form keeps a long paste, a minus sign and a future date as written, and refuses them with the API’s words before sending', async () => {
  const officer = await suite.pageAs('customs');
  await openSection(officer, 'New request');
  const saves = recordSaves(officer, /^\/api\/v1\/requests$/);

  // A 5,000-character paste stays whole; the counter under the title shows it is over the limit.
  const pasted = `Border monitoring of dual-use goods ${'and their transit '.repeat(300)}`.slice(0, 5_000);
  const title = officer.getByRole('textbox', { name: /^Title/ });
  await title.focus();
  await officer.keyboard.insertText(pasted);
  expect(await title.inputValue()).toBe(pasted);
  await officer.getByText('5,000 / 200', { exact: true }).waitFor();

  await officer
    .getByRole('textbox', { name: /^Description/ })
    .fill('Help for customs to spot dual-use goods in transit, with training on the national control list.');
  await pickOptions(officer, /^Provisions of resolution 1540/, [/^OP3\(c\)/]);
  await pickOptions(officer, /^Domains/, [/^Nuclear/]);
  await pickOptions(officer, /^Assistance types/, [/^Training/]);

  // A cost typed with a minus sign keeps it.
  const cost = officer.getByRole('textbox', { name: /^Estimated cost/ });
  await cost.pressSequentially('-5000');
  await cost.blur();
  expect(await cost.inputValue()).toBe('-5,000');

  const letterDate = officer.getByLabel(/^Date of the State's letter/);
  await letterDate.fill('2099-01-01');

  await officer.getByRole('button', { name: 'Save draft' }).click();
  await officer.getByRole('alert').filter({ hasText: 'Some fields need your attention' }).waitFor();
  expect(await describedBy(title)).toContain('must be at most 200 characters');
  expect(await describedBy(cost)).toContain('must not be negative');
  expect(await describedBy(letterDate)).toContain('must not be in the future');
  // Nothing was sent, and nothing the person wrote was changed.
  expect(saves).toEqual([]);
  expect(await title.inputValue()).toBe(pasted);
  expect(await cost.inputValue()).toBe('-5,000');
  expect(await letterDate.inputValue()).toBe('2099-01-01');

  // The form's words are the API's: the same letter date sent straight to the API is refused with the same message.
  const server = await officer.request.post(`${suite.baseUrl}/api/v1/requests`, {
    data: {
      title: 'Border monitoring of dual-use goods',
      description: 'Help for customs to spot dual-use goods in transit, with training.',
      provisions: ['OP3c'],
      domains: ['NUCLEAR'],
      assistanceTypes: ['TRAINING'],
      letterDate: '2099-01-01',
    },
  });
  expect(server.status()).toBe(400);
  expect((await server.json()).details).toEqual([{ field: 'letterDate', message: 'must not be in the future' }]);

  // Corrected, the request is saved with the title exactly as the person left it.
  const shorter = pasted.slice(0, 200).trim();
  await title.fill(shorter);
  await officer.getByText(`${shorter.length} / 200`, { exact: true }).waitFor();
  await cost.fill('5000');
  await letterDate.fill('2024-03-01');
  await officer.getByRole('button', { name: 'Save draft' }).click();
  await officer.getByRole('heading', { name: shorter, level: 1 }).waitFor();
  expect(saves).toHaveLength(1);
  expect(JSON.parse(saves[0])).toMatchObject({ title: shorter, estimatedCost: { amount: 500_000, currency: 'USD' }, letterDate: '2024-03-01' });
  await officer.context().close();
});

test('the offer form keeps a negative budget, extra decimals and a fraction of an engagement, and refuses them before sending', async () => {
  const provider = await suite.pageAs('bafa');
  await openSection(provider, 'My offers');
  await provider.getByRole('link', { name: 'New offer' }).first().click();
  await provider.getByRole('heading', { name: 'New offer', level: 1 }).waitFor();
  const saves = recordSaves(provider, /^\/api\/v1\/offers$/);

  await provider.getByRole('textbox', { name: /^Title/ }).fill('Export control licensing course');
  await provider
    .getByRole('textbox', { name: /^Description/ })
    .fill('A two-week course for licensing officers on export control of dual-use items.');
  await pickOptions(provider, /^Provisions of resolution 1540/, [/^OP3\(d\)/]);
  await pickOptions(provider, /^Assistance types/, [/^Training/]);
  await pickOptions(provider, /^Eligible regions/, [/^OSCE/]);
  const engagements = provider.getByRole('textbox', { name: /^Engagements/ });
  await engagements.pressSequentially('2.5');
  const budget = provider.getByRole('textbox', { name: /^Budget/ });
  await budget.pressSequentially('-5000');
  await budget.blur();

  await provider.getByRole('button', { name: 'Save draft' }).click();
  await provider.getByRole('alert').filter({ hasText: 'Some fields need your attention' }).waitFor();
  expect(await describedBy(engagements)).toContain('must be a whole number');
  expect(await describedBy(budget)).toContain('must not be negative');
  expect(await engagements.inputValue()).toBe('2.5');
  expect(await budget.inputValue()).toBe('-5,000');

  // More decimals than the currency has are kept and refused, not rounded.
  await budget.fill('1250.125');
  await provider.getByRole('button', { name: 'Save draft' }).click();
  await provider.getByText('must have at most 2 decimals in this currency').waitFor();
  expect(await describedBy(budget)).toContain('must have at most 2 decimals in this currency');
  expect(await budget.inputValue()).toBe('1,250.125');
  expect(saves).toEqual([]);
  await provider.context().close();
});
