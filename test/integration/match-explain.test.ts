import { randomUUID } from 'node:crypto';
import { activeOffer, circulatedRequest, requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

/**
 * GET /requests/:id/matches/explain: why the engine does or does not suggest an offer, for the Committee. The
 * request asks for three cross-cutting provisions in the delivery-systems domain, which the offers other tests
 * create do not cover, so the offers made here decide its suggestions.
 */
describe('why an offer is or is not suggested', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let expert: ApiClient, admin: ApiClient, bafa: ApiClient, coordinator: ApiClient;
  let request: any;
  const tag = randomUUID().slice(0, 8);
  const need = {
    title: `National coordination mechanism for missile technology controls ${tag}`,
    description: 'An interagency coordination mechanism, a national report and outreach to industry on missile technology controls.',
  };
  // Covers everything the request asks for, in its own words: the best an offer can be.
  const perfect = {
    ...need,
    provisions: ['COORDINATION', 'REPORTING', 'OUTREACH'],
    domains: ['DELIVERY'],
    assistanceTypes: ['EXPERTISE', 'WORKSHOP'],
    targetInstitutions: ['FOREIGN_AFFAIRS'],
    languages: ['en'],
    availableFrom: null,
    availableUntil: null,
  };
  const explain = (client: ApiClient, offerId: string, requestId = request.id) =>
    client.get(`/api/v1/requests/${requestId}/matches/explain?offerId=${offerId}`);

  beforeAll(async () => {
    api = await startApiInProcess();
    [expert, admin, bafa, coordinator] = await Promise.all((['expert', 'admin', 'bafa', 'coordinator'] as const).map((k) => ApiClient.as(api.baseUrl, k)));
    request = await circulatedRequest(api.baseUrl, {
      ...need,
      provisions: ['COORDINATION', 'REPORTING', 'OUTREACH'],
      domains: ['DELIVERY'],
      assistanceTypes: ['EXPERTISE', 'WORKSHOP'],
      targetInstitutions: ['FOREIGN_AFFAIRS'],
      languages: ['en'],
      desiredStart: '2031-01-01',
      desiredEnd: '2031-12-31',
    });
  });
  afterAll(() => api.close());

  it('ranks the best offers as suggested and says which suggestion an outranked one would have had to beat', async () => {
    // Eleven equal offers for ten places: ties go by offer id, so the one with the greatest id is left out.
    const offers: any[] = [];
    for (let i = 0; i < 11; i++) offers.push(await activeOffer(api.baseUrl, 'bafa', perfect));
    const byId = [...offers].sort((a, b) => (a.id < b.id ? -1 : 1));

    const first = await explain(expert, byId[0].id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      outcome: 'suggested',
      rank: 1,
      kept: 10,
      topK: 10,
      // Other files in this tier may change the active profile's threshold (test/integration/matches.test.ts).
      threshold: expect.any(Number),
      request: { id: request.id, reference: request.reference, status: 'circulated' },
      offer: { id: byId[0].id, status: 'active', provider: { shortName: 'BAFA' } },
      relevance: { requested: ['COORDINATION', 'REPORTING', 'OUTREACH'], covered: ['COORDINATION', 'REPORTING', 'OUTREACH'], basis: 'provisions' },
      ineligible: null,
      lowestKept: null,
    });
    expect(first.body.reason).toMatch(/^covers National coordination, National reports and action plans and Industry and public outreach — 3 of 3 requested provisions;/);
    expect(first.body.reason).not.toMatch(/\b(COORDINATION|OUTREACH|EXPERTISE|MNG)\b/);
    expect(first.body.components.reduce((sum: number, c: any) => sum + c.contribution, 0)).toBeCloseTo(first.body.score, 9);

    const last = await explain(admin, byId[10].id);
    expect(last.body).toMatchObject({
      outcome: 'outranked',
      rank: null,
      score: first.body.score,
      lowestKept: { offerId: byId[9].id, rank: 10, score: first.body.score, provider: 'BAFA', title: byId[9].title },
    });
  });

  it('says an offer covering none of the requested provisions, with unrelated text, is not relevant, whatever it scores', async () => {
    const offer = await activeOffer(api.baseUrl, 'bafa', {
      ...perfect,
      title: 'Radiation portal monitors at border crossings',
      description: 'Fixed detectors and handheld isotope identifiers for customs officers.',
      provisions: ['OP3c'],
    });
    const res = await explain(expert, offer.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      outcome: 'not_relevant',
      relevance: { requested: ['COORDINATION', 'REPORTING', 'OUTREACH'], covered: [], offered: ['OP3c'], basis: null, textThreshold: 0.2 },
    });
    // It shares the kinds of help, the domain and the institution, which its unrelated text leaves at half weight
    // (text support): the answer names relevance, the rule that decides first, not the score.
    expect(res.body.relevance.text).toBeLessThan(0.2);
    const text = res.body.components.find((c: any) => c.key === 'textRelevance').value;
    const support = 0.5 + 0.5 * Math.min(1, text / 0.2);
    const types = res.body.components.find((c: any) => c.key === 'assistanceTypeCoverage');
    expect(types.value).toBe(1);
    // Other files may have put another profile in force: divide by its own total weight.
    const total = res.body.components.reduce((sum: number, c: any) => sum + c.weight, 0);
    expect(types.contribution).toBeCloseTo((support * types.weight) / total, 9);
  });

  it('gives the score and its components against the threshold', async () => {
    const offer = await activeOffer(api.baseUrl, 'bafa', {
      title: 'Radiation portal monitors',
      description: 'Fixed detectors and handheld isotope identifiers for customs officers.',
      provisions: ['COORDINATION', 'OP3c'],
      domains: ['DELIVERY'],
      assistanceTypes: ['EQUIPMENT'],
      targetInstitutions: ['CUSTOMS_BORDER'],
      languages: ['fr'],
    });
    const res = await explain(expert, offer.id);
    expect(res.body).toMatchObject({ outcome: 'below_threshold', relevance: { covered: ['COORDINATION'], basis: 'provisions' } });
    expect(res.body.score).toBeLessThan(res.body.threshold);
    expect(res.body.components.map((c: any) => c.key)).toContain('provisionCoverage');
  });

  it('names the hard rule that failed, with the values on both sides', async () => {
    const africa = await activeOffer(api.baseUrl, 'bafa', { ...perfect, eligibleRegions: ['AFRICA'], eligibleStates: ['KEN'] });
    expect((await explain(expert, africa.id)).body).toMatchObject({
      outcome: 'ineligible',
      score: null,
      ineligible: { rule: 'state_not_served', state: 'MNG', eligibleRegions: ['AFRICA'], eligibleStates: ['KEN'] },
    });

    const early = await activeOffer(api.baseUrl, 'bafa', { ...perfect, availableFrom: '2029-01-01', availableUntil: '2030-06-30' });
    expect((await explain(expert, early.id)).body).toMatchObject({
      outcome: 'ineligible',
      ineligible: {
        rule: 'availability_disjoint',
        desiredStart: '2031-01-01',
        desiredEnd: '2031-12-31',
        availableFrom: '2029-01-01',
        availableUntil: '2030-06-30',
      },
    });

    const nuclear = await activeOffer(api.baseUrl, 'bafa', { ...perfect, domains: ['NUCLEAR'] });
    expect((await explain(expert, nuclear.id)).body).toMatchObject({
      outcome: 'ineligible',
      ineligible: { rule: 'no_domain_overlap', requestedDomains: ['DELIVERY'], offeredDomains: ['NUCLEAR'] },
    });

    const paused = await activeOffer(api.baseUrl, 'bafa', perfect);
    expect((await bafa.post(`/api/v1/offers/${paused.id}/transitions`, { action: 'pause', version: paused.version })).status).toBe(200);
    expect((await explain(expert, paused.id)).body).toMatchObject({
      outcome: 'ineligible',
      offer: { status: 'paused' },
      ineligible: { rule: 'offer_inactive', offerStatus: 'paused' },
    });
  });

  it('says when the request is not open for matching', async () => {
    const created = await coordinator.post('/api/v1/requests', requestInput());
    const submitted = await coordinator.post(`/api/v1/requests/${created.body.id}/transitions`, { action: 'submit', version: created.body.version });
    expect(submitted.status).toBe(200);
    const offer = await activeOffer(api.baseUrl, 'bafa');
    expect((await explain(expert, offer.id, created.body.id)).body).toMatchObject({
      outcome: 'request_not_open',
      request: { status: 'submitted' },
      score: null,
    });
  });

  it('refuses a missing or malformed offerId naming it, other roles, and records the caller cannot see', async () => {
    const offer = await activeOffer(api.baseUrl, 'bafa', perfect);
    const missing = await expert.get(`/api/v1/requests/${request.id}/matches/explain`);
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: any) => d.field)).toEqual(['offerId']);
    const malformed = await explain(expert, 'not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([{ field: 'offerId', message: expect.stringMatching(/UUID/) }]);

    expect((await explain(bafa, offer.id)).status).toBe(403);
    expect((await explain(coordinator, offer.id)).status).toBe(403);
    expect((await explain(new ApiClient(api.baseUrl), offer.id)).status).toBe(401);

    expect((await explain(expert, randomUUID())).status).toBe(404);
    expect((await explain(expert, offer.id, randomUUID())).status).toBe(404);
    // A draft is the State's own: the Committee does not see it.
    const draft = await coordinator.post('/api/v1/requests', requestInput());
    expect((await explain(expert, offer.id, draft.body.id)).status).toBe(404);
  });
});
