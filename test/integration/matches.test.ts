import { DataSource } from 'typeorm';
import { activeOffer, circulatedRequest, offerInput } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

describe('match workflow', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let expert: ApiClient, bafa: ApiClient, exbs: ApiClient, coordinator: ApiClient, customs: ApiClient, admin: ApiClient;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    [expert, bafa, exbs, coordinator, customs, admin] = await Promise.all(
      (['expert', 'bafa', 'exbs', 'coordinator', 'customs', 'admin'] as const).map((k) => ApiClient.as(api.baseUrl, k)),
    );
  });
  afterAll(() => api.close());

  const act = (c: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) => c.post(`/api/v1/matches/${id}/transitions`, { action, ...extra });

  it('endorse → accept → confirm uses one unit of capacity and marks the request matched; the last unit exhausts the offer', async () => {
    const offer = await activeOffer(api.baseUrl, 'bafa', { capacity: { engagements: 1 } });
    const request = await circulatedRequest(api.baseUrl);
    const created = await expert.post('/api/v1/matches', { requestId: request.id, offerId: offer.id, notes: 'BAFA drafted similar lists in the region' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'suggested', origin: 'committee', availableActions: ['endorse', 'dismiss', 'cancel'] });
    const id = created.body.id;

    // Suggestions stay with the committee until endorsed.
    expect((await bafa.get(`/api/v1/matches/${id}`)).status).toBe(404);
    expect((await act(bafa, id, 'accept')).status).toBe(404);
    expect((await act(expert, id, 'endorse')).body.status).toBe('endorsed');
    expect((await bafa.get(`/api/v1/matches/${id}`)).body.availableActions).toEqual(['accept', 'decline']);
    expect((await act(exbs, id, 'accept')).status).toBe(404); // another provider's offer
    expect((await act(bafa, id, 'decline')).status).toBe(400); // a reason is required
    expect((await act(bafa, id, 'accept')).body.status).toBe('accepted');
    expect((await act(customs, id, 'confirm')).status).toBe(403); // the State's coordinator confirms
    const agreed = await act(coordinator, id, 'confirm', { comment: 'Welcome; NCTC will host' });
    expect(agreed.body).toMatchObject({ status: 'agreed', agreedAt: expect.any(String) });

    expect((await coordinator.get(`/api/v1/requests/${request.id}`)).body).toMatchObject({ status: 'matched', matchedAt: expect.any(String) });
    expect((await bafa.get(`/api/v1/offers/${offer.id}`)).body).toMatchObject({ status: 'exhausted', capacity: { engagementsUsed: 1 } });
    const offerHistory = await bafa.get(`/api/v1/offers/${offer.id}/history`);
    expect(offerHistory.body.at(-1)).toMatchObject({ action: 'exhaust', toStatus: 'exhausted', actor: { role: 'system' } });

    // Another request cannot be agreed on the exhausted offer.
    const other = await circulatedRequest(api.baseUrl);
    expect((await expert.post('/api/v1/matches', { requestId: other.id, offerId: offer.id })).status).toBe(409);

    // Start, complete, then both sides give feedback once.
    expect((await act(bafa, id, 'start')).body.status).toBe('in_progress');
    expect((await bafa.post(`/api/v1/matches/${id}/feedback`, { rating: 5 })).status).toBe(409);
    const delivery = { deliveredFrom: '2026-01-12', deliveredUntil: '2026-01-16', participants: 18, deliverables: 'Draft control list' };
    expect((await act(expert, id, 'complete', { delivery })).body.status).toBe('completed');
    expect((await bafa.post(`/api/v1/matches/${id}/feedback`, { rating: 6 })).status).toBe(400);
    expect((await bafa.post(`/api/v1/matches/${id}/feedback`, { rating: 4, comment: 'Good cooperation' })).status).toBe(200);
    const both = await coordinator.post(`/api/v1/matches/${id}/feedback`, { rating: 5, comment: 'The list was adopted' });
    expect(both.body.feedback).toEqual({ requester: { rating: 5, comment: 'The list was adopted' }, provider: { rating: 4, comment: 'Good cooperation' } });
    expect((await bafa.post(`/api/v1/matches/${id}/feedback`, { rating: 1 })).status).toBe(409);
    expect((await expert.post(`/api/v1/matches/${id}/feedback`, { rating: 1 })).status).toBe(403);

    const history = await expert.get(`/api/v1/matches/${id}/history`);
    expect(history.body.map((h: any) => h.action)).toEqual(['create', 'endorse', 'accept', 'confirm', 'start', 'complete', 'feedback', 'feedback']);
    void admin;
  });

  it('a declined match records its reason; cancelling an agreed match frees the capacity', async () => {
    const offer = await activeOffer(api.baseUrl, 'exbs', { capacity: { engagements: 1 } });
    const r1 = await circulatedRequest(api.baseUrl);
    const r2 = await circulatedRequest(api.baseUrl);
    const m1 = (await expert.post('/api/v1/matches', { requestId: r1.id, offerId: offer.id })).body;
    await act(expert, m1.id, 'endorse');
    const declined = await act(exbs, m1.id, 'decline', { reason: 'No trainers available before 2027' });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'No trainers available before 2027' });

    const m2 = (await expert.post('/api/v1/matches', { requestId: r2.id, offerId: offer.id })).body;
    await act(expert, m2.id, 'endorse');
    await act(exbs, m2.id, 'accept');
    await act(coordinator, m2.id, 'confirm');
    expect((await exbs.get(`/api/v1/offers/${offer.id}`)).body.status).toBe('exhausted');
    expect((await act(expert, m2.id, 'cancel', { comment: 'Funding withdrawn' })).body.status).toBe('cancelled');
    expect((await exbs.get(`/api/v1/offers/${offer.id}`)).body).toMatchObject({ status: 'active', capacity: { engagementsUsed: 0 } });
  });

  it("answers an offer's matches only to those who may see the offer", async () => {
    const draft = (await exbs.post('/api/v1/offers', offerInput())).body;
    const active = await activeOffer(api.baseUrl, 'exbs');
    for (const client of [expert, coordinator, customs, bafa]) expect((await client.get(`/api/v1/offers/${draft.id}/matches`)).status).toBe(404);
    expect((await exbs.get(`/api/v1/offers/${draft.id}/matches`)).status).toBe(200);
    expect((await expert.get(`/api/v1/offers/${active.id}/matches`)).status).toBe(200);
    expect((await bafa.get(`/api/v1/offers/${active.id}/matches`)).status).toBe(404); // another provider's offer
  });

  it('lets a provider express interest in a circulated request for its own offers only', async () => {
    const offer = await activeOffer(api.baseUrl, 'bafa');
    const request = await circulatedRequest(api.baseUrl);
    const interest = await bafa.post('/api/v1/matches', { requestId: request.id, offerId: offer.id, notes: 'We can help' });
    expect(interest.body).toMatchObject({ origin: 'provider_interest', status: 'suggested' });
    expect((await bafa.get(`/api/v1/matches/${interest.body.id}`)).status).toBe(200);
    expect((await exbs.post('/api/v1/matches', { requestId: request.id, offerId: offer.id })).status).toBe(400);
    expect((await bafa.post('/api/v1/matches', { requestId: request.id, offerId: offer.id })).status).toBe(409);
    const confidential = await circulatedRequest(api.baseUrl, { visibility: 'committee' });
    const hidden = await bafa.post('/api/v1/matches', { requestId: confidential.id, offerId: offer.id });
    expect(hidden.status).toBe(400);
    expect(hidden.body.details[0].field).toBe('requestId');
    expect((await customs.post('/api/v1/matches', { requestId: request.id, offerId: offer.id })).status).toBe(403);
  });

  it('proposes the allocation with the greatest total score within capacity and endorses it in one step', async () => {
    // Two requests compete for one engagement of offer A; offer B can take the other.
    const a = await activeOffer(api.baseUrl, 'osce', { capacity: { engagements: 1 } });
    const b = await activeOffer(api.baseUrl, 'unoda', { capacity: { engagements: 1 } });
    const r1 = await circulatedRequest(api.baseUrl);
    const r2 = await circulatedRequest(api.baseUrl);
    const ids: Record<string, string> = {};
    for (const [r, o, score] of [[r1, a, 0.9], [r1, b, 0.8], [r2, a, 0.85], [r2, b, 0.2]] as const) {
      const m = await expert.post('/api/v1/matches', { requestId: r.id, offerId: o.id });
      await ds.query('UPDATE matches SET score = $2 WHERE id = $1', [m.body.id, score]);
      ids[`${r.id}:${o.id}`] = m.body.id;
    }
    const plan = await expert.post('/api/v1/matching/allocation-plan', { requestIds: [r1.id, r2.id] });
    expect(plan.status).toBe(200);
    // Greedy would take r1→A (0.9) and then r2→B (0.2) = 1.1; the optimum is r1→B + r2→A = 1.65.
    expect(plan.body.total).toBeCloseTo(1.65, 6);
    expect(plan.body.matches.map((m: any) => m.matchId).sort()).toEqual([ids[`${r1.id}:${b.id}`], ids[`${r2.id}:${a.id}`]].sort());
    const endorsed = await expert.post('/api/v1/matching/allocation-plan/endorse', { matchIds: plan.body.matches.map((m: any) => m.matchId) });
    expect(endorsed.body.endorsed.map((m: any) => m.status)).toEqual(['endorsed', 'endorsed']);
    expect(endorsed.body.skipped).toEqual([]);
    expect((await bafa.post('/api/v1/matching/allocation-plan', {})).status).toBe(403);
  });

  it('versions the weights profile and starts a rescore when it changes', async () => {
    const before = await expert.get('/api/v1/matching/profile');
    expect(before.body).toMatchObject({ version: expect.any(Number), threshold: expect.any(Number), topK: expect.any(Number) });
    expect((await expert.put('/api/v1/matching/profile', before.body)).status).toBe(403);
    const weights = { ...before.body.weights, textRelevance: 0.2 };
    const bad = await admin.put('/api/v1/matching/profile', { weights: { ...weights, luck: 1 }, threshold: 0.3, topK: 10 });
    expect(bad.status).toBe(400);
    const saved = await admin.put('/api/v1/matching/profile', { weights, threshold: 0.3, topK: 10, comment: 'More weight on text' });
    expect(saved.body.version).toBe(before.body.version + 1);
    // Listed newest first (other files may have started rescores since): the one this change started is there.
    const runs = await expert.get('/api/v1/matching/rescores');
    expect(runs.body.find((r: any) => r.id === saved.body.rescore.id)).toMatchObject({ trigger: 'weights_changed', weightsVersion: saved.body.version, status: 'queued' });
    const manual = await expert.post('/api/v1/matching/rescore');
    expect(manual.status).toBe(202);
    expect(manual.body).toMatchObject({ status: 'queued', progress: { done: 0, total: 0, percent: 0 } });
  });
});
