import { activeOffer, circulatedRequest } from '../factories';
import { ApiClient } from '../support/http';
import { openSection, useBrowserSuite, summary, takeAction } from './support/browser';
import { suggestOffersFor } from './support/matching';

const suite = useBrowserSuite();

// DESIGN §5's match workflow end to end in the browser: the engine suggests, a Committee expert endorses one
// suggestion and dismisses another, the provider accepts, the State's coordinator confirms, the request is matched.
test('the Committee endorses a ranked suggestion, the provider accepts it, the coordinator confirms it', async () => {
  const tag = Date.now().toString(36);
  const request = await circulatedRequest(suite.baseUrl, {
    title: `National control list of dual-use items ${tag}`,
    description: `Drafting a national control list of dual-use items and licensing procedures for their export ${tag}.`,
  });
  // An export-control drafting programme that fits, and a training course that fits less well.
  const bafa = await activeOffer(suite.baseUrl, 'bafa', {
    title: `Dual-use control list drafting ${tag}`,
    description: `Legal drafting of national control lists of dual-use items and licensing procedures for export ${tag}.`,
    assistanceTypes: ['LEGISLATIVE', 'EXPERTISE'],
    languages: ['en', 'mn'],
  });
  const exbs = await activeOffer(suite.baseUrl, 'exbs', {
    title: `Export enforcement training ${tag}`,
    description: 'Classroom training for customs officers on detecting strategic goods at the border.',
    assistanceTypes: ['TRAINING'],
    targetInstitutions: ['CUSTOMS_BORDER'],
  });
  expect(await suggestOffersFor(suite.dataSource, request.id)).toBeGreaterThanOrEqual(2);
  const expertApi = await ApiClient.as(suite.baseUrl, 'expert');
  const ranked = (await expertApi.get(`/api/v1/requests/${request.id}/matches`)).body.items as any[];
  const bafaMatch = ranked.find((m) => m.offer.id === bafa.id);
  const exbsMatch = ranked.find((m) => m.offer.id === exbs.id);
  expect(bafaMatch.score).toBeGreaterThan(exbsMatch.score);

  // The expert sees the suggestions best first, each with its score, reason and a bar per component.
  const expert = await suite.pageAs('expert');
  await expert.goto(`/committee/requests/${request.id}`);
  const suggestions = expert.getByRole('region', { name: 'Suggestions' });
  const bafaCard = suggestions.getByRole('article', { name: bafa.title });
  await bafaCard.waitFor();
  const shownScores = await suggestions
    .getByRole('group', { name: /^Score \d\.\d\d$/ })
    .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('aria-label')!.replace('Score ', ''))));
  expect(shownScores.length).toBeGreaterThanOrEqual(2);
  expect(shownScores).toEqual([...shownScores].sort((a, b) => b - a));
  expect(shownScores[0]).toBeCloseTo(ranked[0].score, 2);
  await bafaCard.getByRole('group', { name: `Score ${bafaMatch.score.toFixed(2)}` }).waitFor();
  await bafaCard.getByText(bafaMatch.reason, { exact: true }).waitFor();
  await bafaCard.getByText('Engine suggestion', { exact: true }).waitFor();

  const toggle = bafaCard.getByRole('button', { name: /score breakdown/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  const bars = bafaCard.getByRole('list', { name: 'Score breakdown' }).getByRole('listitem');
  await bars.first().waitFor();
  expect(await bars.count()).toBe(bafaMatch.components.length);
  const provision = bafaMatch.components.find((c: any) => c.key === 'provisionCoverage');
  const provisionBar = bafaCard.getByRole('listitem', { name: /^Provision coverage:/ });
  expect(await provisionBar.getAttribute('aria-label')).toContain(`adds ${provision.contribution.toFixed(2)}`);
  await bafaCard.getByRole('listitem', { name: /^Assistance type coverage:/ }).waitFor();
  await bafaCard.getByRole('listitem', { name: /^Text relevance:/ }).waitFor();

  // Endorse the fitting one; dismiss the other, which asks why.
  await takeAction(bafaCard, expert, 'Endorse', 'Endorse');
  await bafaCard.getByText('Endorsed', { exact: true }).waitFor();
  await bafaCard.getByText(/^Waiting for BAFA/).waitFor();
  const exbsCard = suggestions.getByRole('article', { name: exbs.title });
  await exbsCard.getByRole('button', { name: 'Dismiss', exact: true }).click();
  const dialog = expert.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await dialog.getByText('Write a comment: this action needs one.').waitFor();
  await dialog.getByRole('textbox').fill('Customs training; the State asks for legislative drafting.');
  await dialog.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await exbsCard.waitFor({ state: 'hidden' }); // closed matches fold away
  await suggestions.getByRole('button', { name: /^Show 1 closed match/ }).waitFor();
  await expert.context().close();

  // The provider finds the endorsed match under Matches and accepts it.
  const provider = await suite.pageAs('bafa');
  await openSection(provider, 'Matches');
  await provider.getByRole('tab', { name: /To answer/ }).click();
  const row = provider.getByRole('row').filter({ hasText: request.title });
  await takeAction(row, provider, 'Accept', 'Accept');
  // Accepted, it waits for the State's confirmation.
  await provider.getByRole('tab', { name: /With the State/ }).click();
  await provider.getByRole('row').filter({ hasText: request.title }).getByText('Accepted by provider').waitFor();
  await provider.context().close();

  // The coordinator is told on the home page, opens the matches waiting for confirmation and confirms.
  const coordinator = await suite.pageAs('coordinator');
  const coordinatorApi = await ApiClient.as(suite.baseUrl, 'coordinator');
  const toConfirmCount = (await coordinatorApi.get('/api/v1/matches?status=accepted&pageSize=1')).body.total;
  expect(toConfirmCount).toBeGreaterThan(0);
  const waiting = coordinator.getByRole('region', { name: 'What waits for you' });
  await waiting
    .getByRole('group', { name: 'Matches to confirm' })
    .locator('[data-waiting-count]')
    .filter({ hasText: new RegExp(`^${toConfirmCount}$`) })
    .waitFor();
  await waiting.getByRole('link', { name: 'Open matches to confirm' }).click();
  await coordinator.getByRole('heading', { name: 'Matches', level: 1 }).waitFor();
  const toConfirm = coordinator.getByRole('row').filter({ hasText: request.title });
  await takeAction(toConfirm, coordinator, 'Confirm', 'Confirm match');
  await coordinator.getByRole('tab', { name: /Agreed and in progress/ }).click();
  const agreed = coordinator.getByRole('row').filter({ hasText: request.title });
  await agreed.getByText('Agreed', { exact: true }).waitFor();

  // The request is matched, and its page shows the agreed match with its story.
  await agreed.getByRole('link', { name: request.title }).click();
  await coordinator.getByRole('heading', { name: request.title, level: 1 }).waitFor();
  await summary(coordinator, 'Request').getByText('Matched', { exact: true }).waitFor();
  const card = coordinator.getByRole('region', { name: 'Matches' }).getByRole('article', { name: bafa.title });
  await card.getByText('Agreed', { exact: true }).waitFor();
  await card.getByRole('button', { name: 'Show history' }).click();
  for (const step of ['Endorsed by the Committee', 'Accepted by the provider', 'Confirmed by the State']) {
    await card.getByRole('heading', { name: step, exact: true }).waitFor();
  }
  await coordinator.context().close();
});
