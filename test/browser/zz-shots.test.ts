import type { Page } from 'playwright-core';
import { ApiClient } from '../support/http';
import { startBrowserSuite } from './support/browser';

jest.setTimeout(120_000);

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}

test('screenshots', async () => {
  const suite = await startBrowserSuite();
  try {
    const b = suite.baseUrl;
    const customs = await ApiClient.as(b, 'customs');
    const nec = await ApiClient.as(b, 'nec');
    const coord = await ApiClient.as(b, 'coordinator');
    const expert = await ApiClient.as(b, 'expert');
    const mk = async (c: ApiClient, body: any) => {
      const r = await c.post('/api/v1/requests', body);
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
      return r.body;
    };
    const tr = async (c: ApiClient, id: string, action: string, extra: any = {}) => {
      const r = await c.post(`/api/v1/requests/${id}/transitions`, { action, ...extra });
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
      return r.body;
    };
    const orgs = (await customs.get('/api/v1/organizations?kind=provider&pageSize=100')).body.items;
    const list = await mk(customs, {
      title: 'National control list of dual-use items', description: 'Help drafting a national list of dual-use items and monitoring their export, transit and trans-shipment, including training for customs officers.',
      provisions: ['OP3d', 'OP3c'], domains: ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL'], assistanceTypes: ['LEGISLATIVE', 'TRAINING'], targetInstitutions: ['CUSTOMS_BORDER', 'LICENSING'],
      priority: 'high', estimatedCost: { amount: 12000000, currency: 'USD' }, desiredStart: '2027-01-15', desiredEnd: '2027-12-31', languages: ['mn', 'en', 'ru'],
      preferredProviderIds: [orgs[0].id, orgs[2].id], napReference: 'NAP 2.3', letterDate: '2026-05-12', visibility: 'public', objectionWindowWaived: true,
      assistanceReceived: 'A 2019 EXBS workshop on commodity identification.',
    });
    await tr(coord, list.id, 'submit'); await tr(expert, list.id, 'acknowledge', { comment: 'Received with thanks.' }); await tr(expert, list.id, 'circulate');
    const bsl = await mk(nec, { title: 'Biosafety level 3 laboratory', description: 'Financial and technical support to establish a BSL-3 laboratory for the diagnosis of dangerous pathogens.', provisions: ['OP3a', 'OP3b'], domains: ['BIOLOGICAL'], assistanceTypes: ['INFRASTRUCTURE', 'FINANCIAL', 'EQUIPMENT'], priority: 'medium', estimatedCost: { amount: 250000000, currency: 'JPY' } });
    await tr(coord, bsl.id, 'submit'); await tr(expert, bsl.id, 'acknowledge');
    const rep = await mk(customs, { title: 'Help drafting the national report', description: 'Expert help to prepare the national report to the 1540 Committee and a voluntary National Implementation Action Plan.', provisions: ['REPORTING'], domains: ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL', 'DELIVERY'], assistanceTypes: ['EXPERTISE'], priority: 'low' });
    await tr(coord, rep.id, 'submit');
    const clar = await mk(customs, { title: 'Radiation detection portals at border crossings', description: 'Radiation portal monitors and training for the main road and rail crossings with China and Russia.', provisions: ['OP3c'], domains: ['NUCLEAR', 'RELATED'], assistanceTypes: ['EQUIPMENT', 'TRAINING'], priority: 'high' });
    await tr(coord, clar.id, 'submit');
    await tr(expert, clar.id, 'request_clarification', { comment: 'Which crossings, and how many portals per crossing? Please also say what equipment is already in place.' });
    await mk(customs, { title: 'Customs officer training on commodity identification', description: 'Train-the-trainer course for customs officers on identifying dual-use commodities.', provisions: ['OP3c'], domains: ['CHEMICAL'], assistanceTypes: ['TRAINING'] });

    const bafa = await ApiClient.as(b, 'bafa');
    const wco = await ApiClient.as(b, 'wco');
    const mo = async (c: ApiClient, body: any, submit = true) => {
      const r = await c.post('/api/v1/offers', body);
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
      if (submit) await c.post(`/api/v1/offers/${r.body.id}/transitions`, { action: 'submit' });
      return r.body;
    };
    const o1 = await mo(bafa, { title: 'Export control licensing course', description: 'A two-week course for licensing officers on export control of dual-use items, with a study visit to Eschborn.', programme: 'EU P2P Export Control Programme', provisions: ['OP3d'], assistanceTypes: ['TRAINING', 'WORKSHOP'], domains: [], eligibleRegions: ['OSCE', 'CENTRAL_ASIA'], eligibleStates: ['MNG'], deliveryModes: ['IN_COUNTRY', 'STUDY_VISIT'], languages: ['en', 'ru', 'de'], capacity: { engagements: 4, budget: { amount: 30000000, currency: 'EUR' } }, availableFrom: '2026-09-01', availableUntil: '2027-12-31' });
    await expert.post(`/api/v1/offers/${o1.id}/transitions`, { action: 'verify' });
    await mo(bafa, { title: 'Legislative review of export control law', description: 'Review of draft export control legislation against international best practice, with written comments.', provisions: ['OP2', 'OP3d'], assistanceTypes: ['LEGISLATIVE'], eligibleRegions: ['GLOBAL'] });
    await mo(bafa, { title: 'Control list translation support', description: 'Translation of the EU dual-use list into national languages, with terminology workshops.', provisions: ['OP3d'], assistanceTypes: ['TRANSLATION'], eligibleRegions: ['GLOBAL'] }, false);
    await mo(wco, { title: 'STCE commodity identification training', description: 'Strategic Trade Control Enforcement training for customs: risk management, commodity identification and investigation.', provisions: ['OP3c'], assistanceTypes: ['TRAINING'], eligibleRegions: ['GLOBAL'], deliveryModes: ['REGIONAL', 'VIRTUAL'] });

    const pages: [string, string, string][] = [
      ['customs', '/agency/requests', 'agency-my-requests'],
      ['coordinator', '/agency/requests', 'agency-coordinator-requests'],
      ['customs', '/agency/requests/new', 'agency-new-request'],
      ['customs', `/agency/requests/${list.id}`, 'agency-request-detail'],
      ['customs', `/agency/requests/${clar.id}`, 'agency-request-clarification'],
      ['customs', `/agency/requests/${clar.id}/edit`, 'agency-request-edit'],
      ['expert', '/committee/review-queue', 'committee-review-queue'],
      ['expert', '/committee/review-queue?tab=offers', 'committee-review-queue-offers'],
      ['expert', '/committee/requests', 'committee-requests'],
      ['expert', `/committee/requests/${bsl.id}`, 'committee-request-detail'],
      ['expert', '/committee/offers', 'committee-offers'],
      ['expert', `/committee/offers/${o1.id}`, 'committee-offer-detail'],
      ['bafa', '/provider/offers', 'provider-my-offers'],
      ['bafa', '/provider/offers/new', 'provider-new-offer'],
      ['bafa', `/provider/offers/${o1.id}`, 'provider-offer-detail'],
      ['bafa', `/provider/offers/${o1.id}/edit`, 'provider-offer-edit'],
      ['bafa', '/provider/requests', 'provider-circulated'],
      ['bafa', `/provider/requests/${list.id}`, 'provider-request-detail'],
      ['exbs', '/provider/offers', 'provider-empty-offers'],
    ];
    const cache: Record<string, Page> = {};
    for (const [who, path, name] of pages) {
      cache[who] ??= await suite.pageAs(who as any);
      const page = cache[who];
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await shot(page, name);
    }
    // Interactions: MultiSelect dropdown with help, dialog, duplicate warning.
    const page = cache.customs;
    await page.goto('/agency/requests/new');
    await page.getByRole('textbox', { name: /^Title/ }).fill('National control list of dual-use goods');
    await page.getByRole('combobox', { name: /^Provisions/ }).click();
    await page.waitForTimeout(900);
    await page.screenshot({ path: '/tmp/shots/agency-new-request-picker.png' });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForTimeout(300);
    await shot(page, 'agency-new-request-errors');
    const ex = cache.expert;
    await ex.goto('/committee/review-queue');
    await ex.getByRole('row').filter({ hasText: 'Biosafety' }).getByRole('button', { name: 'Circulate to providers' }).click();
    await ex.getByRole('dialog').waitFor();
    await ex.waitForTimeout(400);
    await ex.getByRole('dialog').getByRole('button', { name: 'Circulate' }).click();
    await ex.waitForTimeout(800);
    await ex.screenshot({ path: '/tmp/shots/committee-circulate-early.png' });
    await ex.setViewportSize({ width: 420, height: 900 });
    await ex.goto(`/committee/requests/${bsl.id}`);
    await ex.getByRole('heading', { level: 1 }).waitFor();
    await shot(ex, 'mobile-request-detail');
  } finally {
    await suite.close();
  }
});
