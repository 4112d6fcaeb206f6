import { historyEvent, openSection, pickOptions, useBrowserSuite, summary, takeAction } from './support/browser';

const suite = useBrowserSuite();

test('a provider posts an offer, the Committee verifies it, the provider pauses and resumes it', async () => {
  const title = `Export control licensing course ${Date.now().toString(36)}`;

  // The provider drafts the offer and submits it for verification.
  const provider = await suite.pageAs('bafa');
  await openSection(provider, 'My offers');
  await provider.getByRole('link', { name: 'New offer' }).first().click();
  await provider.getByRole('heading', { name: 'New offer', level: 1 }).waitFor();
  await provider.getByRole('textbox', { name: /^Title/ }).fill(title);
  await provider
    .getByRole('textbox', { name: /^Description/ })
    .fill('A two-week course for licensing officers on export control of dual-use items, with a study visit.');
  await provider.getByRole('textbox', { name: 'Programme' }).fill('EU P2P Export Control Programme');
  await pickOptions(provider, /^Provisions of resolution 1540/, [/^OP3\(d\)/]);
  await pickOptions(provider, /^Assistance types/, [/^Training/]);
  await pickOptions(provider, /^Eligible regions/, [/^OSCE/]);
  await pickOptions(provider, /^Delivery modes/, [/^In country/, /^Study visit/]);
  await provider.getByRole('textbox', { name: /^Engagements/ }).fill('3');
  await provider.getByRole('button', { name: 'Save draft' }).click();

  await provider.getByRole('heading', { name: title, level: 1 }).waitFor();
  const offerPath = new URL(provider.url()).pathname;
  expect(offerPath).toMatch(/^\/provider\/offers\/[0-9a-f-]{36}$/);
  await summary(provider, 'Offer').getByText('Draft', { exact: true }).waitFor();
  await takeAction(provider, provider, 'Submit for verification', 'Submit');
  await summary(provider, 'Offer').getByText('Pending verification', { exact: true }).waitFor();

  // A Committee expert verifies it from the review queue.
  const expert = await suite.pageAs('expert');
  await openSection(expert, 'Review queue');
  await expert.getByRole('tab', { name: /Offers to verify/ }).click();
  const row = expert.getByRole('row').filter({ hasText: title });
  await takeAction(row, expert, 'Verify', 'Verify offer');
  await row.waitFor({ state: 'detached' });
  await expert.context().close();

  // The provider sees it active, pauses it and resumes it; each step is in the history.
  await provider.reload();
  await summary(provider, 'Offer').getByText('Active', { exact: true }).waitFor();
  await takeAction(provider, provider, 'Pause', 'Pause offer');
  await summary(provider, 'Offer').getByText('Paused', { exact: true }).waitFor();
  await takeAction(provider, provider, 'Resume', 'Resume offer');
  await summary(provider, 'Offer').getByText('Active', { exact: true }).waitFor();

  const verified = historyEvent(provider, 'Verified by the Committee');
  await verified.waitFor();
  expect(await verified.textContent()).toContain('by Lukas Berger (1540 GoE)');
  for (const event of ['Drafted', 'Submitted for verification', 'Paused', 'Resumed']) {
    const item = historyEvent(provider, event);
    await item.waitFor();
    expect(await item.textContent()).toContain('by Katrin Vogel (BAFA)');
  }

  // My offers lists it as active, with the actions it now allows.
  await openSection(provider, 'My offers');
  const listed = provider.getByRole('row').filter({ hasText: title });
  await listed.getByText('Active', { exact: true }).waitFor();
  await listed.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  await provider.context().close();
});

test('leaving a form with unsaved edits asks first', async () => {
  const provider = await suite.pageAs('bafa');
  await openSection(provider, 'My offers');
  await provider.getByRole('link', { name: 'New offer' }).first().click();
  await provider.getByRole('heading', { name: 'New offer', level: 1 }).waitFor();
  // Untouched, the form lets the person go at once.
  await openSection(provider, 'My offers');
  await provider.getByRole('link', { name: 'New offer' }).first().click();
  await provider.getByRole('textbox', { name: /^Title/ }).fill('Half-written offer');

  await provider.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My offers', exact: true }).click();
  const prompt = provider.getByRole('dialog', { name: 'Leave without saving?' });
  await prompt.getByRole('button', { name: 'Stay on the form' }).click();
  await prompt.waitFor({ state: 'detached' });
  expect(await provider.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe('Half-written offer');

  await provider.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My offers', exact: true }).click();
  await prompt.getByRole('button', { name: 'Leave without saving' }).click();
  await provider.getByRole('heading', { name: 'My offers', level: 1 }).waitFor();
  await provider.context().close();
});
