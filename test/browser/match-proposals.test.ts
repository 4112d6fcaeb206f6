import type { Locator, Page } from 'playwright-core';
import { activeOffer, circulatedRequest } from '../factories';
import { ApiClient } from '../support/http';
import { completeWithDelivery, openSection, useBrowserSuite, takeAction } from './support/browser';

const suite = useBrowserSuite();

// Matches people propose (DESIGN §5: committee and provider_interest origins), a State's rejection with its
// reason, and feedback from both sides once the assistance is completed (resolution 2663 OP20).
test('manual match and offer of help, a rejection with its reason, delivery and feedback from both sides', async () => {
  const tag = Date.now().toString(36);
  const request = await circulatedRequest(suite.baseUrl, {
    title: `Customs risk profiling for strategic goods ${tag}`,
  });
  const wco = await activeOffer(suite.baseUrl, 'wco', { title: `Strategic trade enforcement course ${tag}` });
  const bafa = await activeOffer(suite.baseUrl, 'bafa', { title: `Licensing practice peer exchange ${tag}` });
  const api = {
    expert: await ApiClient.as(suite.baseUrl, 'expert'),
    wco: await ApiClient.as(suite.baseUrl, 'wco'),
    bafa: await ApiClient.as(suite.baseUrl, 'bafa'),
  };

  // A Committee expert matches the WCO course by hand, picking among active offers that serve Mongolia.
  const expert = await suite.pageAs('expert');
  await expert.goto(`/committee/requests/${request.id}`);
  const suggestions = expert.getByRole('region', { name: 'Suggestions' });
  await suggestions.getByRole('button', { name: 'Manual match' }).click();
  const dialog = expert.getByRole('dialog', { name: `Match an offer with ${request.reference}` });
  await dialog.getByRole('button', { name: 'Create match' }).click();
  await dialog.getByText('Pick an offer.').waitFor();
  const picker = dialog.getByRole('combobox', { name: 'Offer' });
  await picker.fill(wco.title);
  await expert.getByRole('option', { name: `${wco.title} — WCO` }).click();
  await dialog.getByRole('textbox', { name: /^Notes/ }).fill('Customs focus fits the WCO course.');
  await dialog.getByRole('button', { name: 'Create match' }).click();
  await dialog.waitFor({ state: 'detached' });
  const manual = suggestions.getByRole('article', { name: wco.title });
  await manual.getByText('Committee match', { exact: true }).waitFor();
  await manual.getByText('Customs focus fits the WCO course.').waitFor();
  await expert.context().close();

  // The provider offers help from the request itself, with one of its own active offers.
  const provider = await suite.pageAs('bafa');
  await provider.goto(`/provider/requests/${request.id}`);
  await provider.getByRole('button', { name: 'Offer help' }).click();
  const offerHelp = provider.getByRole('dialog', { name: `Offer help with ${request.reference}` });
  await offerHelp.getByRole('combobox', { name: 'Offer' }).click();
  await provider.getByRole('option', { name: bafa.title }).click();
  await offerHelp.getByRole('button', { name: 'Send our interest' }).click();
  await offerHelp.waitFor({ state: 'detached' });
  const interest = provider.getByRole('region', { name: 'Your matches' }).getByRole('article', { name: bafa.title });
  await interest.getByText("Provider's interest", { exact: true }).waitFor();
  await interest.getByText('Suggested', { exact: true }).waitFor();
  await provider.context().close();

  // The Committee endorses both; the providers accept (through the API: those pages are tested elsewhere).
  const matches = (await api.expert.get(`/api/v1/requests/${request.id}/matches`)).body.items as any[];
  const byOffer = (offerId: string) => matches.find((m) => m.offer.id === offerId);
  for (const [match, client] of [
    [byOffer(wco.id), api.wco],
    [byOffer(bafa.id), api.bafa],
  ] as const) {
    expect(match.origin).toBe(client === api.wco ? 'committee' : 'provider_interest');
    expect((await api.expert.post(`/api/v1/matches/${match.id}/transitions`, { action: 'endorse' })).status).toBe(200);
    expect((await client.post(`/api/v1/matches/${match.id}/transitions`, { action: 'accept' })).status).toBe(200);
  }

  // The coordinator rejects BAFA's (a reason is required) and confirms WCO's, on the request's page.
  const coordinator = await suite.pageAs('coordinator');
  await coordinator.goto(`/agency/requests/${request.id}`);
  const section = coordinator.getByRole('region', { name: 'Matches' });
  const bafaCard = section.getByRole('article', { name: bafa.title });
  await bafaCard.getByRole('button', { name: 'Reject', exact: true }).click();
  const reject = coordinator.getByRole('dialog');
  await reject.getByRole('button', { name: 'Reject', exact: true }).click();
  await reject.getByText('Write the reason: this action needs one.').waitFor();
  await reject
    .getByRole('textbox', { name: 'Why your State rejects it' })
    .fill('Licensing is covered by another partner.');
  await reject.getByRole('button', { name: 'Reject', exact: true }).click();
  await reject.waitFor({ state: 'detached' });
  await section.getByRole('button', { name: /^Show 1 closed match/ }).click();
  await bafaCard.getByText('Rejected by State', { exact: true }).waitFor();
  await bafaCard.getByText('Licensing is covered by another partner.').waitFor();
  await takeAction(section.getByRole('article', { name: wco.title }), coordinator, 'Confirm', 'Confirm match');
  await section.getByRole('article', { name: wco.title }).getByText('Agreed', { exact: true }).waitFor();
  await coordinator.context().close();

  // WCO delivers: starts, completes, and gives its feedback.
  const wcoPage = await suite.pageAs('wco');
  await openSection(wcoPage, 'Matches');
  await wcoPage.getByRole('tab', { name: /Agreed and in progress/ }).click();
  const row = () => wcoPage.getByRole('row').filter({ hasText: request.title });
  await takeAction(row(), wcoPage, 'Start delivery', 'Start');
  await row().getByText('In progress', { exact: true }).waitFor();
  const completion = await completeWithDelivery(row(), wcoPage, {
    from: '2026-02-02',
    until: '2026-02-06',
    participants: 30,
    deliverables: 'Five-day course for customs officers; trainer kit handed over.',
  });
  await completion.getByRole('button', { name: 'Mark completed', exact: true }).click();
  await completion.waitFor({ state: 'detached' });
  await wcoPage.getByRole('tab', { name: /Completed/ }).click();
  await giveFeedback(row(), wcoPage, 4, 'Motivated trainees; the customs academy will repeat the course.');
  await row().getByText('From the provider: 4 of 5').waitFor();
  expect(await row().getByRole('button', { name: 'Give feedback' }).count()).toBe(0);
  await wcoPage.context().close();

  // The requesting State gives its own.
  const agency = await suite.pageAs('coordinator');
  await openSection(agency, 'Matches');
  await agency.getByRole('tab', { name: /Completed/ }).click();
  const done = agency.getByRole('row').filter({ hasText: request.title });
  await giveFeedback(done, agency, 5, 'Exactly what our officers needed.', 'keyboard');
  await done.getByText('From the requesting State: 5 of 5').waitFor();
  await agency.context().close();

  const final = (await api.expert.get(`/api/v1/matches/${byOffer(wco.id).id}`)).body;
  expect(final).toMatchObject({
    status: 'completed',
    feedback: {
      requester: { rating: 5, comment: 'Exactly what our officers needed.' },
      provider: { rating: 4, comment: 'Motivated trainees; the customs academy will repeat the course.' },
    },
  });
});

/** Rates a completed match in its feedback dialog; sending without a rating is refused first. */
async function giveFeedback(scope: Locator, page: Page, stars: number, comment: string, by: 'mouse' | 'keyboard' = 'mouse'): Promise<void> {
  await scope.getByRole('button', { name: 'Give feedback' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Send feedback' }).click();
  await dialog.getByText('Choose a rating from 1 to 5.').waitFor();
  // Each star is a hidden radio input with a visible label (the star) a person clicks, or reaches with arrows.
  const star = dialog.getByLabel(stars === 1 ? '1 star' : `${stars} stars`, { exact: true });
  if (by === 'mouse') {
    await dialog.locator(`label[for="${await star.getAttribute('id')}"]`).click();
    expect(await star.isChecked()).toBe(true);
  } else {
    await dialog.getByLabel('1 star', { exact: true }).focus();
    for (let i = 1; i < stars; i++) await page.keyboard.press('ArrowRight');
  }
  await dialog.getByRole('textbox', { name: 'Comment (optional)' }).fill(comment);
  await dialog.getByRole('button', { name: 'Send feedback' }).click();
  await dialog.waitFor({ state: 'detached' });
}
