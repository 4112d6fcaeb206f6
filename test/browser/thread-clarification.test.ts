import { requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { useBrowserSuite } from './support/browser';

const suite = useBrowserSuite();

// DESIGN §4b: the Committee's question is in the request's thread; the coordinator answers it there, and the
// expert sees the unread message on the home page and in the thread.
test('a coordinator answers a clarification in the thread and the expert sees the unread count', async () => {
  const title = `Border monitoring equipment ${Date.now().toString(36)}`;
  const customs = await ApiClient.as(suite.baseUrl, 'customs');
  const coordinatorApi = await ApiClient.as(suite.baseUrl, 'coordinator');
  const expertApi = await ApiClient.as(suite.baseUrl, 'expert');
  const created = await customs.post('/api/v1/requests', requestInput({ title }));
  await coordinatorApi.post(`/api/v1/requests/${created.body.id}/transitions`, { action: 'submit' });
  await expertApi.post(`/api/v1/requests/${created.body.id}/transitions`, {
    action: 'request_clarification',
    comment: 'Which border crossings would the equipment serve?',
  });

  const coordinator = await suite.pageAs('coordinator');
  await coordinator.goto(`${suite.baseUrl}/agency/requests/${created.body.id}`);
  const thread = coordinator.getByRole('region', { name: 'Conversation with the Committee' });
  await thread.getByText('Which border crossings would the equipment serve?').waitFor();
  await thread.getByText('The Committee asks for clarification').waitFor();
  await thread.getByRole('textbox', { name: 'Write a message' }).fill('Zamyn-Uud and Altanbulag, on the railway.');
  await thread.getByRole('button', { name: 'Send' }).click();
  await thread.getByText('Answer to the clarification').waitFor();
  await coordinator.context().close();

  const expert = await suite.pageAs('expert');
  await expert.goto(`${suite.baseUrl}/committee`);
  const unread = expert.getByRole('region', { name: 'Unread messages' }).or(expert.locator('section[aria-labelledby="unread-threads"]'));
  const link = unread.getByRole('link', { name: new RegExp(title) });
  await link.waitFor();
  expect(await unread.locator('[data-unread-thread]').filter({ hasText: title }).getByText('1', { exact: true }).count()).toBe(1);
  await link.click();
  const panel = expert.getByRole('region', { name: 'Conversation with the Committee' });
  await panel.getByText('Zamyn-Uud and Altanbulag, on the railway.').waitFor();
  await panel.getByText('1 unread', { exact: true }).waitFor();
  // Read now: the home page no longer lists it.
  await expert.goto(`${suite.baseUrl}/committee`);
  await expert.locator('[data-unread-total]').waitFor();
  await expect(unread.getByRole('link', { name: new RegExp(title) }).count()).resolves.toBe(0);
  await expert.context().close();
});
