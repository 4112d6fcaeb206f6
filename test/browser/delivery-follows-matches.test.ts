import { activeOffer, circulatedRequest, requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { completeWithDelivery, summary, useBrowserSuite } from './support/browser';

const suite = useBrowserSuite();

// Issue 10, points 1, 2, 4, 5, 6 as people meet them: the provider records the delivery once, on the match; the
// request follows by itself (no "Start delivery" or "Withdraw" left to the State); a leftover suggestion is
// retired and says why; an agency member tells the coordinator a draft is ready; every shared comment says who
// reads it.
test('the provider records the delivery once and the request is delivered by itself', async () => {
  const tag = Date.now().toString(36);
  const [expert, japan, coordinator] = await Promise.all(
    (['expert', 'japan', 'coordinator'] as const).map((who) => ApiClient.as(suite.baseUrl, who)),
  );
  const request = await circulatedRequest(suite.baseUrl, { title: `BSL-3 laboratory biosafety training ${tag}`, desiredStart: '2026-06-01' });
  const training = await activeOffer(suite.baseUrl, 'japan', { title: `Biorisk management course ${tag}` });
  const leftover = await activeOffer(suite.baseUrl, 'bafa', { title: `Export control seminar ${tag}` });
  const suggestion = (await expert.post('/api/v1/matches', { requestId: request.id, offerId: leftover.id })).body;
  const match = (await expert.post('/api/v1/matches', { requestId: request.id, offerId: training.id })).body;
  for (const [who, action] of [[expert, 'endorse'], [japan, 'accept'], [coordinator, 'confirm'], [japan, 'start']] as const) {
    expect((await who.post(`/api/v1/matches/${match.id}/transitions`, { action })).status).toBe(200);
  }

  // Japan completes the match on its page: the dialog asks what was delivered and warns about the early start.
  const provider = await suite.pageAs('japan');
  await provider.goto(`/provider/requests/${request.id}?match=${match.id}`);
  const card = provider.getByRole('article', { name: training.title });
  const dialog = await completeWithDelivery(card, provider, {
    from: '2026-05-18',
    until: '2026-05-22',
    participants: 24,
    deliverables: 'Five-day biorisk management course for laboratory staff; standard operating procedures drafted.',
  });
  await dialog.getByText(/before the State's desired start/).waitFor();
  await dialog.getByText(/The 1540 Committee, .* and the requesting State's agencies will read this comment/).waitFor();
  await dialog.getByRole('button', { name: 'Mark completed', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await card.getByText('Completed', { exact: true }).waitFor();
  await provider.context().close();

  // The coordinator sees the request delivered, with what was delivered, and no manual delivery step or withdraw.
  const state = await suite.pageAs('coordinator');
  await state.goto(`/agency/requests/${request.id}`);
  await summary(state, 'Request').getByText('Delivered', { exact: true }).waitFor();
  const delivered = state.getByRole('group', { name: 'Delivered' });
  await delivered.getByText(/24 participants or beneficiaries/).waitFor();
  await delivered.getByText(/Five-day biorisk management course/).waitFor();
  for (const name of ['Start delivery', 'Mark delivered', 'Withdraw']) {
    expect(await state.getByRole('button', { name, exact: true }).count()).toBe(0);
  }
  await state.context().close();

  // The Committee finds the leftover suggestion retired, with the reason, and nothing to endorse on it.
  const committee = await suite.pageAs('expert');
  await committee.goto(`/committee/requests/${request.id}`);
  const retired = committee.getByRole('article', { name: leftover.title });
  await retired.getByText('Retired: the request is being delivered').waitFor();
  expect(await retired.getByRole('button', { name: 'Endorse', exact: true }).count()).toBe(0);
  expect((await expert.get(`/api/v1/matches/${suggestion.id}`)).body.status).toBe('retired');
  await committee.context().close();
});

test('an agency member tells the coordinator a draft is ready; the coordinator sees it waiting', async () => {
  const customs = await ApiClient.as(suite.baseUrl, 'customs');
  const draft = (await customs.post('/api/v1/requests', requestInput({ title: `Radiation portal monitors at the border ${Date.now().toString(36)}` }))).body;

  const member = await suite.pageAs('customs');
  await member.goto(`/agency/requests/${draft.id}`);
  await member.getByRole('button', { name: 'Ready for the coordinator', exact: true }).click();
  const dialog = member.getByRole('dialog');
  await dialog.getByText("Your State's coordinator and agencies will read this comment.").waitFor();
  await dialog.getByRole('textbox').fill('Customs has checked the figures; please submit.');
  await dialog.getByRole('button', { name: 'Notify the coordinator', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await member.getByText(/Your State's coordinator was told on .* that this draft is ready to submit/).waitFor();
  expect(await member.getByRole('button', { name: 'Ready for the coordinator', exact: true }).count()).toBe(0);
  await member.context().close();

  const coordinator = await suite.pageAs('coordinator');
  await coordinator.goto('/agency');
  const waiting = coordinator.getByRole('group', { name: 'Ready to submit' });
  await waiting.locator('[data-waiting-count]').waitFor();
  expect(Number(await waiting.locator('[data-waiting-count]').textContent())).toBeGreaterThanOrEqual(1);
  await waiting.getByRole('link', { name: 'Open ready drafts' }).click();
  await coordinator.getByRole('link', { name: new RegExp(draft.reference) }).or(coordinator.getByText(draft.title)).first().waitFor();
  await coordinator.goto(`/agency/requests/${draft.id}`);
  await coordinator.getByText(/marked this draft ready for you to submit/).waitFor();
  // The coordinator submits; the comment box says the Committee and the State's agencies read it, not providers.
  await coordinator.getByRole('button', { name: 'Submit to the Committee', exact: true }).click();
  const submit = coordinator.getByRole('dialog');
  await submit.getByText(/will read this comment; providers will not/).waitFor();
  await submit.getByRole('button', { name: 'Cancel', exact: true }).click();
  await coordinator.context().close();
});
