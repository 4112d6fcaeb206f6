import { historyEvent, openSection, pickOptions, useBrowserSuite, summary, takeAction } from './support/browser';

const suite = useBrowserSuite();

// The Mongolia path of DESIGN §1 in the browser: the Customs officer drafts, the State's coordinator submits,
// a Committee expert acknowledges and circulates, and a provider finds the request among circulated ones.
test('a request goes from draft to circulated, with every step in its history', async () => {
  const title = `National control list of dual-use items ${Date.now().toString(36)}`;

  // Customs officer drafts the request through the form, waiving the objection window.
  const officer = await suite.pageAs('customs');
  await openSection(officer, 'New request');
  await officer.getByRole('textbox', { name: /^Title/ }).fill(title);
  await officer
    .getByRole('textbox', { name: /^Description/ })
    .fill('Help drafting a national list of dual-use items and setting up the monitoring of their export and transit.');
  await pickOptions(officer, /^Provisions of resolution 1540/, [/^OP3\(d\)/, /^OP3\(c\)/]);
  await pickOptions(officer, /^Domains/, [/^Nuclear/, /^Chemical/]);
  await pickOptions(officer, /^Assistance types/, [/^Legislative drafting/]);
  await officer.getByRole('radio', { name: 'High priority' }).check();
  await officer.getByRole('checkbox', { name: 'The State waives its objection window' }).check();
  await officer.getByRole('button', { name: 'Save draft' }).click();

  await officer.getByRole('heading', { name: title, level: 1 }).waitFor();
  const requestPath = new URL(officer.url()).pathname;
  expect(requestPath).toMatch(/^\/agency\/requests\/[0-9a-f-]{36}$/);
  const requestId = requestPath.split('/').pop()!;
  await summary(officer, 'Request').getByText('Draft', { exact: true }).waitFor();
  const reference = (await summary(officer, 'Request')
    .getByText(/^MNG-\d{4}-\d{3}$/)
    .textContent())!;
  // A member drafts; only the coordinator submits.
  expect(await officer.getByRole('button', { name: 'Submit to the Committee' }).count()).toBe(0);
  await officer.context().close();

  // The coordinator submits it from the State's list.
  const coordinator = await suite.pageAs('coordinator');
  await openSection(coordinator, 'My requests');
  await coordinator.getByRole('link', { name: title }).click();
  await coordinator.getByRole('heading', { name: title, level: 1 }).waitFor();
  await takeAction(coordinator, coordinator, 'Submit to the Committee', 'Submit');
  await summary(coordinator, 'Request').getByText('Submitted', { exact: true }).waitFor();
  await coordinator.context().close();

  // A Committee expert acknowledges it from the review queue, then circulates it at once (waived window).
  const expert = await suite.pageAs('expert');
  await openSection(expert, 'Review queue');
  const row = expert.getByRole('row').filter({ hasText: reference });
  await takeAction(row, expert, 'Acknowledge', 'Acknowledge');
  await row.getByText('Acknowledged', { exact: true }).waitFor();
  await row.getByText('Objection window waived').waitFor();
  await takeAction(row, expert, 'Circulate to providers', 'Circulate');
  await row.waitFor({ state: 'detached' }); // circulated requests leave the queue

  await expert.goto(`/committee/requests/${requestId}`);
  await summary(expert, 'Request').getByText('Circulated', { exact: true }).waitFor();
  const steps: [string, string][] = [
    ['Drafted', 'by Oyunchimeg Ganbaatar (Customs)'],
    ['Submitted to the Committee', 'by Bat-Erdene Dorj (NCTC)'],
    ['Acknowledged by the Committee', 'by Lukas Berger (1540 GoE)'],
    ['Circulated to providers', 'by Lukas Berger (1540 GoE)'],
  ];
  for (const [event, actor] of steps) {
    const item = historyEvent(expert, event);
    await item.waitFor();
    expect(await item.textContent()).toContain(actor);
    expect(await item.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  }
  expect(await expert.getByRole('list', { name: 'History' }).getByRole('listitem').count()).toBe(steps.length);
  await expert.context().close();

  // A provider now finds it under Circulated requests and can read it, without workflow buttons.
  const provider = await suite.pageAs('bafa');
  await openSection(provider, 'Circulated requests');
  await provider.getByRole('searchbox', { name: 'Search' }).fill(title);
  await provider.getByRole('link', { name: title }).click();
  await provider.getByRole('heading', { name: title, level: 1 }).waitFor();
  await summary(provider, 'Request').getByText('Circulated', { exact: true }).waitFor();
  expect(await provider.getByRole('button', { name: /Withdraw|Circulate|Submit|Edit/ }).count()).toBe(0);
  await provider.context().close();
});
