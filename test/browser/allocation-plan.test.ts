import { activeOffer, circulatedRequest } from '../factories';
import { ApiClient } from '../support/http';
import { openSection, useBrowserSuite } from './support/browser';
import { suggestOffersFor } from './support/matching';

const suite = useBrowserSuite();

// DESIGN §6.7: the plan proposes the best allocation within capacity; the Committee deselects what should not go
// ahead and endorses the rest in one step, and sees what could not be endorsed and why.
test('the Committee computes the allocation plan and endorses a selection of it in one step', async () => {
  const tag = Date.now().toString(36);
  const theme = {
    provisions: ['OUTREACH'],
    domains: ['RELATED'],
    assistanceTypes: ['WORKSHOP'],
    targetInstitutions: ['EMERGENCY_MANAGEMENT'],
    languages: ['en'],
  };
  const requests = [
    await circulatedRequest(suite.baseUrl, {
      ...theme,
      title: `Industry outreach roundtable on related materials ${tag} A`,
      description: `Roundtable with industry on related materials and emergency management ${tag}.`,
    }),
    await circulatedRequest(suite.baseUrl, {
      ...theme,
      title: `Industry outreach roundtable on related materials ${tag} B`,
      description: `Roundtable with industry on related materials and emergency management ${tag}.`,
    }),
  ];
  // Two offers with one engagement each: two requests, so the plan must give each its own offer.
  for (const provider of ['osce', 'unoda'] as const) {
    await activeOffer(suite.baseUrl, provider, {
      ...theme,
      title: `Outreach roundtables with industry ${tag} (${provider})`,
      description: `Roundtables with industry on related materials and emergency management ${tag}.`,
      eligibleRegions: ['GLOBAL'],
      capacity: { engagements: 1 },
    });
  }
  for (const request of requests) expect(await suggestOffersFor(suite.dataSource, request.id)).toBeGreaterThan(0);
  const expertApi = await ApiClient.as(suite.baseUrl, 'expert');
  const planned = (await expertApi.post('/api/v1/matching/allocation-plan', {})).body;

  const expert = await suite.pageAs('expert');
  await openSection(expert, 'Allocation plan');
  await expert.getByRole('button', { name: 'Compute the plan' }).first().click();
  const table = expert.getByRole('table', { name: 'Proposed matches' });
  await table.waitFor();
  await expert.getByRole('listitem', { name: `Total score: ${planned.total.toFixed(2)}` }).waitFor();
  await expert.getByRole('listitem', { name: `Proposed matches: ${planned.matches.length}` }).waitFor();

  // Each of our requests gets exactly one proposal, each from a different offer, with its reason.
  const rows = requests.map((request) => table.getByRole('row').filter({ hasText: request.reference }));
  for (const row of rows) expect(await row.count()).toBe(1);
  // Each row says which request it serves, not only its reference.
  await rows[0].getByText(`Industry outreach roundtable on related materials ${tag} A`, { exact: true }).waitFor();
  const mine = planned.matches.filter((m: any) => requests.some((r) => r.id === m.requestId));
  expect(mine).toHaveLength(2);
  expect(new Set(mine.map((m: any) => m.offerId)).size).toBe(2);
  await rows[0].getByText(mine.find((m: any) => m.requestId === requests[0].id).reason, { exact: true }).waitFor();

  // Only our two go ahead; one of them is dismissed by a colleague before the endorsement.
  await expert.getByRole('button', { name: 'Select none' }).click();
  await expert.getByRole('status').filter({ hasText: '0 matches selected' }).waitFor();
  for (const row of rows) await row.getByRole('checkbox').check();
  await expert.getByRole('status').filter({ hasText: '2 matches selected' }).waitFor();
  const dismissed = mine.find((m: any) => m.requestId === requests[1].id);
  const endorsed = mine.find((m: any) => m.requestId === requests[0].id);
  expect(
    (
      await expertApi.post(`/api/v1/matches/${dismissed.matchId}/transitions`, {
        action: 'dismiss',
        comment: 'Not now',
      })
    ).status,
  ).toBe(200);

  await expert
    .getByRole('textbox', { name: 'Comment for the history (optional)' })
    .fill('Outreach round, plan of the week');
  await expert.getByRole('button', { name: 'Endorse 2 matches' }).click();
  await expert.getByRole('main').getByRole('status').filter({ hasText: '1 match endorsed' }).waitFor();
  const skipped = expert.getByRole('alert').filter({ hasText: '1 match was not endorsed' });
  await skipped.getByText(/dismissed/).waitFor();
  await rows[0].getByText('Endorsed now').waitFor();
  await rows[1].getByText('Not endorsed').waitFor();
  expect(await rows[0].getByRole('checkbox').isDisabled()).toBe(true);

  const after = (await expertApi.get(`/api/v1/matches/${endorsed.matchId}`)).body;
  expect(after.status).toBe('endorsed');
  const history = (await expertApi.get(`/api/v1/matches/${endorsed.matchId}/history`)).body;
  expect(history.at(-1)).toMatchObject({ action: 'endorse', comment: 'Outreach round, plan of the week' });
  expect((await expertApi.get(`/api/v1/matches/${dismissed.matchId}`)).body.status).toBe('dismissed');
  await expert.context().close();
});
