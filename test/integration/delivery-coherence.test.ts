import { DataSource } from 'typeorm';
import { activeOffer, circulatedRequest, requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

// DESIGN §5, "one fact, one place": a request's matched / in-delivery / delivered status follows its agreed
// matches in the same transaction as the match transition; suggestions retire when their request or offer
// leaves matching; completing a match records what was delivered.
describe('a request and its matches tell one story', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let expert: ApiClient, bafa: ApiClient, exbs: ApiClient, osce: ApiClient, coordinator: ApiClient, customs: ApiClient;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    [expert, bafa, exbs, osce, coordinator, customs] = await Promise.all(
      (['expert', 'bafa', 'exbs', 'osce', 'coordinator', 'customs'] as const).map((k) => ApiClient.as(api.baseUrl, k)),
    );
  });
  afterAll(() => api.close());

  const act = (c: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) =>
    c.post(`/api/v1/matches/${id}/transitions`, { action, ...extra });
  const delivery = { deliveredFrom: '2026-03-02', deliveredUntil: '2026-03-06', participants: 22, deliverables: 'Five-day biorisk management course; trainer kit handed over' };

  /** A committee match taken to `agreed`. */
  async function agreedMatch(requestId: string, offerId: string, provider: ApiClient): Promise<string> {
    const { id } = (await expert.post('/api/v1/matches', { requestId, offerId })).body;
    expect((await act(expert, id, 'endorse')).status).toBe(200);
    expect((await act(provider, id, 'accept')).status).toBe(200);
    expect((await act(coordinator, id, 'confirm')).body.status).toBe('agreed');
    return id;
  }
  const requestOf = async (id: string) => (await coordinator.get(`/api/v1/requests/${id}`)).body;
  const eventsOf = async (subjectId: string): Promise<string[]> =>
    (await ds.query(`SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY created_at, id`, [subjectId])).map((e: { type: string }) => e.type);

  it('goes matched → in delivery → delivered as its agreed matches start and finish, and offers no manual delivery steps', async () => {
    const request = await circulatedRequest(api.baseUrl, { desiredStart: '2026-04-01' });
    const training = await activeOffer(api.baseUrl, 'osce');
    const equipment = await activeOffer(api.baseUrl, 'exbs');
    const leftover = await activeOffer(api.baseUrl, 'bafa');
    const suggestion = (await expert.post('/api/v1/matches', { requestId: request.id, offerId: leftover.id })).body;

    const first = await agreedMatch(request.id, training.id, osce);
    expect(await requestOf(request.id)).toMatchObject({ status: 'matched', matchedAt: expect.any(String) });
    const second = await agreedMatch(request.id, equipment.id, exbs);

    expect((await act(osce, first, 'start')).status).toBe(200);
    const started = await requestOf(request.id);
    expect(started).toMatchObject({ status: 'in_delivery', deliveryStartedAt: expect.any(String) });
    expect(started.availableActions).not.toContain('start_delivery');
    expect(started.availableActions).not.toContain('mark_delivered');

    // Completing needs the delivery record, checked field by field.
    const missing = await act(osce, first, 'complete');
    expect(missing.status).toBe(400);
    expect(missing.body.details ?? missing.body.errors ?? missing.body).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'delivery' })]));
    const backwards = await act(osce, first, 'complete', { delivery: { ...delivery, deliveredUntil: '2026-03-01' } });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('delivery.deliveredUntil');
    const done = await act(osce, first, 'complete', { delivery });
    expect(done.body).toMatchObject({ status: 'completed', delivery: { ...delivery, beforeDesiredStart: true } });
    // One agreed match is still open: the request stays in delivery.
    expect((await requestOf(request.id)).status).toBe('in_delivery');

    // The other agreed match is cancelled: every agreed match is completed or cancelled, one completed.
    expect((await act(expert, second, 'cancel', { comment: 'Export licence for the equipment refused' })).body.status).toBe('cancelled');
    const delivered = await requestOf(request.id);
    expect(delivered).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });
    expect(delivered.availableActions).toEqual([]); // nothing to withdraw or deliver by hand

    const history = (await coordinator.get(`/api/v1/requests/${request.id}/history`)).body as any[];
    const systemSteps = history.filter((h) => h.actor.role === 'system').map((h) => [h.action, h.toStatus]);
    expect(systemSteps).toEqual([
      ['match_agreed', 'matched'],
      ['start_delivery', 'in_delivery'],
      ['mark_delivered', 'delivered'],
    ]);
    expect(await eventsOf(request.id)).toEqual(expect.arrayContaining(['request.matched', 'request.delivery_started', 'request.delivered']));

    // The leftover suggestion was retired when delivery began, and cannot be endorsed.
    const retired = (await expert.get(`/api/v1/matches/${suggestion.id}`)).body;
    expect(retired).toMatchObject({ status: 'retired', retiredReason: 'request_in_delivery', availableActions: [] });
    const endorse = await act(expert, suggestion.id, 'endorse');
    expect(endorse.status).toBe(409);
    expect(endorse.body.message).toMatch(/retired: the request is being delivered/i);
    const suggestionHistory = (await expert.get(`/api/v1/matches/${suggestion.id}/history`)).body as any[];
    expect(suggestionHistory.at(-1)).toMatchObject({ action: 'retire', toStatus: 'retired', reason: 'request_in_delivery', actor: { role: 'system' } });
    // No queue counts it.
    const queue = await expert.get(`/api/v1/matches?status=suggested&requestId=${request.id}`);
    expect(queue.body.total).toBe(0);
    // The parties never see it.
    expect((await coordinator.get(`/api/v1/matches/${suggestion.id}`)).status).toBe(404);
  });

  it('reopens the request for matching when every agreed match is cancelled before delivery', async () => {
    const request = await circulatedRequest(api.baseUrl);
    const offer = await activeOffer(api.baseUrl, 'exbs');
    const id = await agreedMatch(request.id, offer.id, exbs);
    expect((await requestOf(request.id)).status).toBe('matched');
    await act(expert, id, 'cancel');
    expect((await requestOf(request.id)).status).toBe('circulated');
    const history = (await expert.get(`/api/v1/requests/${request.id}/history`)).body as any[];
    expect(history.at(-1)).toMatchObject({ action: 'agreements_cancelled', fromStatus: 'matched', toStatus: 'circulated', actor: { role: 'system' } });
  });

  it('withdrawing a request cancels what is open with providers and retires its suggestions', async () => {
    const request = await circulatedRequest(api.baseUrl);
    const capped = await activeOffer(api.baseUrl, 'bafa', { capacity: { engagements: 1 } });
    const other = await activeOffer(api.baseUrl, 'osce');
    const agreed = await agreedMatch(request.id, capped.id, bafa);
    expect((await bafa.get(`/api/v1/offers/${capped.id}`)).body.status).toBe('exhausted');
    const suggestion = (await expert.post('/api/v1/matches', { requestId: request.id, offerId: other.id })).body;

    const withdrawn = await coordinator.post(`/api/v1/requests/${request.id}/transitions`, { action: 'withdraw' });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await expert.get(`/api/v1/matches/${agreed}`)).body.status).toBe('cancelled');
    expect((await expert.get(`/api/v1/matches/${suggestion.id}`)).body).toMatchObject({ status: 'retired', retiredReason: 'request_withdrawn' });
    // The engagement it held is free again.
    expect((await bafa.get(`/api/v1/offers/${capped.id}`)).body).toMatchObject({ status: 'active', capacity: { engagementsUsed: 0 } });
  });

  it('pausing an offer retires its suggestions, which the committee can no longer endorse', async () => {
    const request = await circulatedRequest(api.baseUrl);
    const offer = await activeOffer(api.baseUrl, 'exbs');
    const suggestion = (await expert.post('/api/v1/matches', { requestId: request.id, offerId: offer.id })).body;
    expect((await exbs.post(`/api/v1/offers/${offer.id}/transitions`, { action: 'pause' })).body.status).toBe('paused');
    expect((await expert.get(`/api/v1/matches/${suggestion.id}`)).body).toMatchObject({ status: 'retired', retiredReason: 'offer_paused' });
    expect((await act(expert, suggestion.id, 'endorse')).body.message).toMatch(/the offer is paused/i);
  });

  it('an agency member marks a draft ready, the coordinator is told and counts it', async () => {
    const draft = (await customs.post('/api/v1/requests', requestInput())).body;
    const before = (await coordinator.get('/api/v1/requests?status=draft,clarification_requested&ready=true&pageSize=100')).body.total;
    expect(draft.availableActions).toContain('mark_ready');
    const ready = await customs.post(`/api/v1/requests/${draft.id}/transitions`, { action: 'mark_ready', comment: 'Ready for NCTC' });
    expect(ready.body).toMatchObject({ status: 'draft', readyForCoordinatorAt: expect.any(String) });
    expect(ready.body.availableActions).not.toContain('mark_ready');
    expect((await customs.post(`/api/v1/requests/${draft.id}/transitions`, { action: 'mark_ready' })).status).toBe(409);
    expect((await coordinator.post(`/api/v1/requests/${draft.id}/transitions`, { action: 'mark_ready' })).status).toBe(403);
    const waiting = (await coordinator.get('/api/v1/requests?status=draft,clarification_requested&ready=true&pageSize=100')).body;
    expect(waiting.total).toBe(before + 1);
    expect(waiting.items.map((r: any) => r.id)).toContain(draft.id);
    expect(await eventsOf(draft.id)).toContain('request.ready_for_coordinator');
    expect((await coordinator.get('/api/v1/requests?ready=maybe')).status).toBe(400);
  });
});
