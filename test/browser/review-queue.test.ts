import { offerInput } from '../factories';
import { ApiClient } from '../support/http';
import { historyEvent, openSection, useBrowserSuite, summary, takeAction } from './support/browser';

const suite = useBrowserSuite();

test('the Committee asks for clarification; the agency answers and the coordinator resubmits', async () => {
  const title = `BSL-3 laboratory support ${Date.now().toString(36)}`;
  const question = 'Which institution would run the laboratory, and what does the estimate include?';

  // A submitted request, set up through the API: the form is covered by request-lifecycle.test.ts.
  const customsApi = await ApiClient.as(suite.baseUrl, 'customs');
  const created = await customsApi.post('/api/v1/requests', {
    title,
    description: 'Financial and technical support to establish a biosafety level 3 laboratory.',
    provisions: ['OP3a'],
    domains: ['BIOLOGICAL'],
    assistanceTypes: ['INFRASTRUCTURE', 'FINANCIAL'],
  });
  expect(created.status).toBe(201);
  const { id, reference } = created.body as { id: string; reference: string };
  const submitted = await (
    await ApiClient.as(suite.baseUrl, 'coordinator')
  ).post(`/api/v1/requests/${id}/transitions`, {
    action: 'submit',
  });
  expect(submitted.status).toBe(200);

  // The expert asks for clarification from the review queue; the question is required.
  const expert = await suite.pageAs('expert');
  await openSection(expert, 'Review queue');
  const row = expert.getByRole('row').filter({ hasText: reference });
  await row.getByRole('button', { name: 'Ask for clarification', exact: true }).click();
  const dialog = expert.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Send question' }).click();
  await dialog.getByText('Write a comment: this action needs one.').waitFor();
  await dialog.getByRole('textbox', { name: /^Question for the State/ }).fill(question);
  await dialog.getByRole('button', { name: 'Send question' }).click();
  await dialog.waitFor({ state: 'detached' });
  await row.getByText('Clarification requested', { exact: true }).waitFor();
  await row.getByText("Waiting for the State's answer.").waitFor();
  await expert.context().close();

  // The Customs officer finds it under "Needs your answer", reads the question, edits and saves.
  const officer = await suite.pageAs('customs');
  await openSection(officer, 'My requests');
  await officer.getByRole('tab', { name: /Needs your answer/ }).click();
  await officer.getByRole('link', { name: title }).click();
  const banner = officer.getByRole('region', { name: 'The Committee asked for clarification' });
  await banner.getByText(question).waitFor();
  expect(await banner.textContent()).toContain('Asked by Lukas Berger');
  await banner.getByRole('link', { name: 'Edit the request to answer' }).click(); // the coordinator resubmits
  await officer.getByRole('heading', { name: `Edit ${reference}`, level: 1 }).waitFor();
  await officer
    .getByRole('textbox', { name: /^Description/ })
    .fill(
      'Financial and technical support to establish a BSL-3 laboratory run by the National Centre for Zoonotic Diseases; the estimate covers construction and equipment.',
    );
  await officer.getByRole('button', { name: 'Save changes' }).click();
  await officer.getByRole('heading', { name: title, level: 1 }).waitFor();
  await summary(officer, 'Request').getByText('Clarification requested', { exact: true }).waitFor();
  // Members answer; only the coordinator resubmits.
  expect(await officer.getByRole('button', { name: 'Resubmit to the Committee' }).count()).toBe(0);
  await officer.context().close();

  // The coordinator resubmits it.
  const coordinator = await suite.pageAs('coordinator');
  await coordinator.goto(`/agency/requests/${id}`);
  await coordinator.getByText('National Centre for Zoonotic Diseases', { exact: false }).first().waitFor();
  await takeAction(coordinator, coordinator, 'Resubmit to the Committee', 'Resubmit');
  await summary(coordinator, 'Request').getByText('Submitted', { exact: true }).waitFor();
  await coordinator
    .getByRole('region', { name: 'The Committee asked for clarification' })
    .waitFor({ state: 'detached' });

  const asked = historyEvent(coordinator, 'Clarification requested');
  expect(await asked.textContent()).toContain(question);
  expect(await historyEvent(coordinator, 'Edited').textContent()).toContain('by Oyunchimeg Ganbaatar (Customs)');
  expect(await historyEvent(coordinator, 'Submitted to the Committee').count()).toBe(2);
  await coordinator.context().close();
});

test('the Committee finds a request in a long queue by searching, and pages through what matches', async () => {
  // A word only these requests carry, so the search narrows the queue to them whatever else waits.
  const token = `zq${Date.now().toString(36)}`;
  const customsApi = await ApiClient.as(suite.baseUrl, 'customs');
  const coordinatorApi = await ApiClient.as(suite.baseUrl, 'coordinator');
  for (let i = 1; i <= 11; i += 1) {
    const created = await customsApi.post('/api/v1/requests', {
      title: `Export control training ${token} ${i}`,
      description: 'Training for licensing officers on dual-use export controls.',
      provisions: ['OP3d'],
      domains: ['NUCLEAR'],
      assistanceTypes: ['TRAINING'],
    });
    expect(created.status).toBe(201);
    const { id } = created.body as { id: string };
    expect((await coordinatorApi.post(`/api/v1/requests/${id}/transitions`, { action: 'submit' })).status).toBe(200);
  }

  const expert = await suite.pageAs('expert');
  await expert.goto('/committee/review-queue?pageSize=10');
  await expert.getByRole('heading', { name: 'Review queue', level: 1 }).waitFor();
  await expert.getByRole('searchbox', { name: 'Search' }).fill(token);
  await expert.waitForURL((url) => url.searchParams.get('q') === token);

  const table = expert.getByRole('table', { name: 'Requests' });
  await expert.getByText('1–10 of 11', { exact: true }).waitFor();
  expect(await table.getByRole('row').filter({ hasText: token }).count()).toBe(10);
  const pages = expert.getByRole('navigation', { name: 'Pages of the list' });
  await pages.getByRole('button', { name: '2', exact: true }).click();
  await expert.getByText('11–11 of 11', { exact: true }).waitFor();
  expect(await table.getByRole('row').filter({ hasText: token }).count()).toBe(1);
  await expert.context().close();
});

test('the Committee’s home page counts what waits in each queue and links to it', async () => {
  const expertApi = await ApiClient.as(suite.baseUrl, 'expert');
  // An offer submitted for verification, so at least one queue is not empty.
  const bafaApi = await ApiClient.as(suite.baseUrl, 'bafa');
  const offer = await bafaApi.post('/api/v1/offers', offerInput({ title: `Licensing workshop ${Date.now().toString(36)}` }));
  expect((await bafaApi.post(`/api/v1/offers/${offer.body.id}/transitions`, { action: 'submit' })).status).toBe(200);
  const total = async (path: string) => (await expertApi.get(path)).body.total as number;
  const expected = {
    'Requests to review': await total('/api/v1/requests?status=submitted,acknowledged,clarification_requested&pageSize=1'),
    'Offers to verify': await total('/api/v1/offers?status=pending_verification&pageSize=1'),
    'Suggestions to review': await total('/api/v1/matches?status=suggested&pageSize=1'),
  };
  expect(expected['Offers to verify']).toBeGreaterThan(0);

  const expert = await suite.pageAs('expert');
  const waiting = expert.getByRole('region', { name: 'What waits for the Committee' });
  for (const [label, count] of Object.entries(expected)) {
    await waiting.getByRole('group', { name: label }).locator('[data-waiting-count]').filter({ hasText: new RegExp(`^${count}$`) }).waitFor();
  }
  // Each count is what its list holds.
  await waiting.getByRole('link', { name: 'Open the review queue' }).click();
  const requests = expected['Requests to review'];
  await expert.getByText(`1–${Math.min(requests, 20)} of ${requests}`, { exact: true }).waitFor();
  await expert.goBack();
  await waiting.getByRole('link', { name: 'Open offers to verify' }).click();
  await expert.waitForURL((url) => url.pathname === '/committee/review-queue' && url.searchParams.get('tab') === 'offers');
  await expert.getByRole('row').filter({ hasText: offer.body.title }).waitFor();
  await expert.context().close();
});

test('circulating waits for the State’s objection window: the button says until when', async () => {
  const customsApi = await ApiClient.as(suite.baseUrl, 'customs');
  const created = await customsApi.post('/api/v1/requests', {
    title: `Border radiation monitoring ${Date.now().toString(36)}`,
    description: 'Radiation portal monitors and training for the main border crossing points.',
    provisions: ['OP3c'],
    domains: ['NUCLEAR'],
    assistanceTypes: ['EQUIPMENT'],
  });
  const { id, reference } = created.body as { id: string; reference: string };
  expect((await (await ApiClient.as(suite.baseUrl, 'coordinator')).post(`/api/v1/requests/${id}/transitions`, { action: 'submit' })).status).toBe(200);
  const acknowledged = await (await ApiClient.as(suite.baseUrl, 'expert')).post(`/api/v1/requests/${id}/transitions`, { action: 'acknowledge' });
  expect(acknowledged.body.objectionWindowClosesAt).toEqual(expect.any(String));

  const expert = await suite.pageAs('expert');
  await openSection(expert, 'Review queue');
  const row = expert.getByRole('row').filter({ hasText: reference });
  const circulate = row.getByRole('button', { name: 'Circulate to providers', exact: true });
  await circulate.waitFor();
  expect(await circulate.isDisabled()).toBe(true);
  expect(await circulate.getAttribute('aria-description')).toMatch(/^The State may object until .+; circulate after that\.$/);
  await expert.context().close();
});
