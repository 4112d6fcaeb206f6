import { activeOffer, circulatedRequest } from '../factories';
import { ApiClient, DEMO } from '../support/http';
import { waitFor } from '../support/platform';
import { waitForQuiescence } from '../support/quiescence';
import { NotificationsWorld, startNotificationsWorld } from './notifications.helpers';

const inbox = async (client: ApiClient) => (await client.get('/api/v1/notifications?pageSize=100')).body.items as any[];

/** DESIGN §4b: a thread message reaches the other side by the notification rules, inbox and e-mail, preferences honoured. */
describe('thread messages notify the other side', () => {
  let world: NotificationsWorld;
  let bafa: ApiClient, coordinator: ApiClient, customs: ApiClient, expert: ApiClient, exbs: ApiClient;

  beforeAll(async () => {
    world = await startNotificationsWorld();
    [bafa, coordinator, customs, expert, exbs] = await Promise.all(
      (['bafa', 'coordinator', 'customs', 'expert', 'exbs'] as const).map((k) => ApiClient.as(world.api.baseUrl, k)),
    );
  }, 90_000);
  afterAll(() => world?.close());

  it('the Committee’s message on a request reaches the State (inbox and e-mail), never a provider or its author', async () => {
    const request = await circulatedRequest(world.api.baseUrl);
    // The coordinator takes request e-mails in the daily digest: the inbox item comes now, the e-mail later.
    await coordinator.put('/api/v1/notification-preferences', { items: [{ category: 'requests', mode: 'digest' }] });
    const posted = await expert.post(`/api/v1/requests/${request.id}/messages`, {
      body: 'Please send the annex with the list of laboratories.',
    });
    expect(posted.status).toBe(201);

    const item = await waitFor(
      async () =>
        (await inbox(customs)).find((n) => n.eventType === 'request.message_posted' && n.subjectId === request.id),
      30_000,
      'the agency’s inbox item',
    );
    expect(item.title).toBe(`New message on ${request.reference}`);
    expect(item.body).toContain('“Please send the annex with the list of laboratories.”');
    await waitFor(
      async () => world.peer.to(DEMO.customs).find((m) => m.subject.includes(`New message on ${request.reference}`)),
      30_000,
      'the agency’s e-mail',
    );
    const coordinatorItem = await waitFor(
      async () =>
        (await inbox(coordinator)).find((n) => n.eventType === 'request.message_posted' && n.subjectId === request.id),
      30_000,
      'the coordinator’s item',
    );
    expect(coordinatorItem.emailMode).toBe('digest');

    await waitForQuiescence({ ds: world.ds, prefix: world.env.QUEUE_PREFIX });
    expect(world.peer.to(DEMO.coordinator).some((m) => m.subject.includes(`New message on ${request.reference}`))).toBe(
      false,
    );
    expect(
      (await inbox(expert)).some((n) => n.eventType === 'request.message_posted' && n.subjectId === request.id),
    ).toBe(false);
    expect(
      (await inbox(bafa)).some((n) => n.eventType === 'request.message_posted' && n.subjectId === request.id),
    ).toBe(false);

    // The State's answer goes to the Committee.
    await customs.post(`/api/v1/requests/${request.id}/messages`, { body: 'The annex is attached to our letter.' });
    await waitFor(
      async () =>
        (await inbox(expert)).find((n) => n.eventType === 'request.message_posted' && n.subjectId === request.id),
      30_000,
      'the Committee’s item',
    );
  });

  it('the provider’s message on a match reaches the Committee and the State, not another provider', async () => {
    const offer = await activeOffer(world.api.baseUrl, 'bafa', { eligibleRegions: ['ASIA_PACIFIC'] });
    const request = await circulatedRequest(world.api.baseUrl);
    const created = await expert.post('/api/v1/matches', { requestId: request.id, offerId: offer.id });
    const matchId =
      created.status === 201
        ? created.body.id
        : (await expert.get(`/api/v1/matches?requestId=${request.id}&offerId=${offer.id}`)).body.items[0].id;
    expect((await expert.post(`/api/v1/matches/${matchId}/transitions`, { action: 'endorse' })).status).toBe(200);

    expect((await bafa.post(`/api/v1/matches/${matchId}/messages`, { body: 'We can start in March.' })).status).toBe(
      201,
    );
    for (const client of [expert, coordinator, customs]) {
      const item = await waitFor(
        async () =>
          (await inbox(client)).find((n) => n.eventType === 'match.message_posted' && n.subjectId === matchId),
        30_000,
        'an inbox item',
      );
      expect(item.title).toContain(`New message on the match of ${request.reference}`);
    }
    await waitForQuiescence({ ds: world.ds, prefix: world.env.QUEUE_PREFIX });
    expect((await inbox(bafa)).some((n) => n.eventType === 'match.message_posted' && n.subjectId === matchId)).toBe(
      false,
    );
    expect((await inbox(exbs)).some((n) => n.eventType === 'match.message_posted' && n.subjectId === matchId)).toBe(
      false,
    );
  });
});
