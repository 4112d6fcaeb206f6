import type { Page } from 'playwright-core';
import { activeOffer, circulatedRequest } from '../factories';
import { useBrowserSuite } from './support/browser';
import { suggestOffersFor } from './support/matching';

const suite = useBrowserSuite();

/** Picks an offer in the request page's "why" panel; the answer is a region named by its headline. */
async function explain(page: Page, title: string, headline: string | RegExp) {
  const panel = page.getByRole('region', { name: 'Why is an offer suggested, or not?' });
  const box = panel.getByRole('combobox', { name: 'Offer' });
  await box.click();
  await box.fill(title.split(' ').slice(-2).join(' '));
  await page.getByRole('option', { name: new RegExp(`^${title} — `) }).click();
  const answer = panel.getByRole('region', { name: headline });
  await answer.waitFor();
  return answer;
}

// Issue 10: a suggestion must be about the request, and the Committee can see why a verified offer is not
// suggested, in words and with the figures.
test('a committee member sees why an offer is suggested, why one sharing only the kind of help is not, and why one is not eligible', async () => {
  const tag = Date.now().toString(36);
  const request = await circulatedRequest(suite.baseUrl, {
    title: `National control list of dual-use items ${tag}`,
    description: `Drafting a national control list of dual-use items and licensing procedures for their export ${tag}.`,
  });
  // Fits: covers OP3(d), the provision asked for.
  const fits = await activeOffer(suite.baseUrl, 'bafa', {
    title: `Dual-use control list drafting ${tag}`,
    description: `Legal drafting of national control lists of dual-use items and licensing procedures ${tag}.`,
  });
  // Shares the kinds of help, the domains and the institution, but none of the provisions, and is about
  // something else: the kind of offer that used to pass the threshold on those alone.
  const unrelated = await activeOffer(suite.baseUrl, 'exbs', {
    title: 'Radiation portal monitors for border crossings',
    description: 'Fixed detectors and handheld isotope identifiers for customs officers at land borders.',
    provisions: ['OP3c'],
    assistanceTypes: ['LEGISLATIVE', 'EXPERTISE'],
  });
  // Serves Africa only.
  const elsewhere = await activeOffer(suite.baseUrl, 'wco', {
    title: `Customs enforcement for African States ${tag}`,
    eligibleRegions: ['AFRICA'],
    eligibleStates: [],
  });
  await suggestOffersFor(suite.dataSource, request.id);

  const expert = await suite.pageAs('expert');
  await expert.goto(`/committee/requests/${request.id}`);
  const suggestions = expert.getByRole('region', { name: 'Suggestions' });
  await suggestions.getByRole('article', { name: fits.title }).waitFor();
  expect(await suggestions.getByRole('article', { name: unrelated.title }).count()).toBe(0);
  // The reason names the provision as the pickers do, never as a raw code.
  await suggestions.getByRole('article', { name: fits.title }).getByText(/^covers OP3\(d\) — 1 of 1 requested provision; offers Legislative drafting and review/).waitFor();

  const suggested = await explain(expert, fits.title, /^Suggested: number \d+ of \d+$/);
  await suggested.getByText('It covers OP3(d) — Export and trans-shipment controls (1 of 1 requested provisions).').waitFor();

  const notRelevant = await explain(expert, unrelated.title, 'Not suggested: not about this request');
  await notRelevant
    .getByText(
      /^It covers none of the requested provisions \(OP3\(d\) — Export and trans-shipment controls; it lists OP3\(c\) — Border controls and law enforcement\), and its text relevance, 0\.[01]\d, is under the 0\.20 an offer needs without one\.$/,
    )
    .waitFor();
  await notRelevant.getByText(/^The engine suggests only offers that are about the request, whatever they score; this one scores 0\.\d\d against a threshold of 0\.35\.$/).waitFor();
  // With the score's breakdown, bar by bar.
  await notRelevant.getByRole('listitem', { name: /^Assistance type coverage:/ }).waitFor();

  const ineligible = await explain(expert, elsewhere.title, 'Not eligible: the offer does not serve the requesting State');
  await ineligible.getByText(/^Mongolia is not among those the offer serves — regions: African States; States: none\.$/).waitFor();
});
