import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { JOBS } from '@app/queue';
import { activeOffer, circulatedRequest, requestInput } from '../factories';
import { ApiClient, DEMO } from '../support/http';
import { waitFor } from '../support/platform';
import { waitForQuiescence } from '../support/quiescence';
import { deliveriesFor, NotificationsWorld, startNotificationsWorld } from './notifications.helpers';

/** Runs a scheduled job now and waits for it to finish; returns what it returned. */
async function runJob(queue: Queue, name: string): Promise<any> {
  const job = await queue.add(name, {}, { jobId: `${name}-${randomUUID()}` });
  return waitFor(
    async () => {
      const state = await queue.getJobState(job.id!);
      if (state === 'failed') throw new Error(`${name} failed: ${(await queue.getJob(job.id!))!.failedReason}`);
      // Read the job after its state says completed: a copy read before may predate its return value.
      return state === 'completed' ? { value: (await queue.getJob(job.id!))!.returnvalue } : null;
    },
    20_000,
    `the ${name} job`,
  ).then((r) => r.value);
}

async function endorsedMatch(baseUrl: string, provider: 'bafa' | 'wco' = 'bafa', requestOverrides: Record<string, unknown> = {}) {
  const expert = await ApiClient.as(baseUrl, 'expert');
  const offer = await activeOffer(baseUrl, provider, { eligibleRegions: ['ASIA_PACIFIC'] });
  const request = await circulatedRequest(baseUrl, requestOverrides);
  const created = await expert.post('/api/v1/matches', { requestId: request.id, offerId: offer.id });
  // The engine may have suggested the pair already (or just now).
  const matchId =
    created.status === 201
      ? created.body.id
      : (await expert.get(`/api/v1/matches?requestId=${request.id}&offerId=${offer.id}`)).body.items[0]?.id;
  if (!matchId) throw new Error(JSON.stringify(created.body));
  const endorsed = await expert.post(`/api/v1/matches/${matchId}/transitions`, { action: 'endorse' });
  if (endorsed.status !== 200) throw new Error(JSON.stringify(endorsed.body));
  return { offer, request, match: endorsed.body };
}

const DAY_MS = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

const inbox = async (client: ApiClient) => (await client.get('/api/v1/notifications?pageSize=100')).body;

describe('notifications end to end: events → inbox and e-mail', () => {
  let world: NotificationsWorld;
  let bafa: ApiClient;
  let coordinator: ApiClient;
  let expert: ApiClient;

  beforeAll(async () => {
    world = await startNotificationsWorld();
    [bafa, coordinator, expert] = await Promise.all([
      ApiClient.as(world.api.baseUrl, 'bafa'),
      ApiClient.as(world.api.baseUrl, 'coordinator'),
      ApiClient.as(world.api.baseUrl, 'expert'),
    ]);
  }, 90_000);
  afterAll(async () => {
    await world?.close();
  });
  beforeEach(async () => {
    await bafa.put('/api/v1/notification-preferences', { items: [{ category: 'matches', mode: 'immediate' }] });
  });

  it('endorsing a match puts an item in each provider member’s inbox and an e-mail in the mailbox (its latency: npm run bench:notifications)', async () => {
    const { request, match, offer } = await endorsedMatch(world.api.baseUrl);

    const item = await waitFor(async () => (await inbox(bafa)).items.find((n: any) => n.eventType === 'match.endorsed' && n.subjectId === match.id), 30_000, 'the inbox item');
    expect(item).toMatchObject({
      category: 'matches',
      subjectType: 'match',
      title: `Match endorsed: your offer for ${request.reference}`,
      link: `/provider/requests/${request.id}?match=${match.id}`,
      emailMode: 'immediate',
      readAt: null,
    });
    expect(item.facts).toEqual(expect.arrayContaining([
      { label: 'Reference', value: request.reference },
      { label: 'Provider', value: expect.stringContaining('BAFA') },
      { label: 'Match status', value: 'Endorsed' },
    ]));

    const mail = await waitFor(async () => world.peer.to(DEMO.bafa).find((m) => m.subject.includes(request.reference) && m.subject.includes('Match endorsed')), 30_000, 'the e-mail');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@assistance-1540>$/);
    expect(mail.text).toContain(`/provider/requests/${request.id}?match=${match.id}`);
    expect(mail.text).toContain(`Reference: ${request.reference}`);
    expect(mail.text).toContain('State: Mongolia (MNG)');
    expect(mail.html).toContain(`href="http://localhost:`);
    expect(mail.html).toContain(offer.title);
    // Statuses by their names, as the web app shows them, not their codes.
    expect(mail.text).toContain('Match status: Endorsed');
    expect(mail.text).not.toMatch(/: endorsed\b/);
    // The footer's settings link opens the e-mail settings page, not the inbox.
    const settingsUrl = `http://localhost:${new URL(mail.html.match(/href="(http:\/\/localhost:[^"]+)"/)![1]).port}/notifications/preferences`;
    expect(mail.text).toContain(`Choose which e-mails you get (immediately, in a daily digest, or none): ${settingsUrl}\n`);
    expect(mail.html).toContain(`<a href="${settingsUrl.replace(/=/g, '&#x3D;')}" style="color:#1c4e80">Choose which e-mails you get</a>`);
    const [delivery] = (await deliveriesFor(world.ds, 'match.endorsed', match.id)).filter((d) => d.recipient === DEMO.bafa);
    expect(delivery.message_id).toBe(mail.messageId);
    await waitFor(async () => (await deliveriesFor(world.ds, 'match.endorsed', match.id)).every((d) => d.status === 'sent'), 30_000, 'sent status');

    // The State's coordinator hears too, in their own words and link; the committee member who acted does not.
    const coordinatorItem = await waitFor(async () => (await inbox(coordinator)).items.find((n: any) => n.eventType === 'match.endorsed' && n.subjectId === match.id), 30_000, 'coordinator item');
    expect(coordinatorItem.link).toBe(`/agency/requests/${request.id}?match=${match.id}`);
    await waitFor(async () => world.peer.to(DEMO.coordinator).some((m) => m.subject.includes(`proposed for ${request.reference}`)), 30_000, 'coordinator e-mail');
    expect((await inbox(expert)).items.some((n: any) => n.eventType === 'match.endorsed' && n.subjectId === match.id)).toBe(false);

    // Reading it clears the badge count.
    const before = (await bafa.get('/api/v1/notifications/unread-count')).body.unread;
    const read = await bafa.post(`/api/v1/notifications/${item.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await bafa.get('/api/v1/notifications/unread-count')).body.unread).toBe(before - 1);
  });

  it('with matches switched off the provider gets the inbox item but no e-mail', async () => {
    const put = await bafa.put('/api/v1/notification-preferences', { items: [{ category: 'matches', mode: 'off' }] });
    expect(put.body.items.find((i: any) => i.category === 'matches').mode).toBe('off');
    const { request, match } = await endorsedMatch(world.api.baseUrl);

    const item = await waitFor(async () => (await inbox(bafa)).items.find((n: any) => n.eventType === 'match.endorsed' && n.subjectId === match.id), 30_000, 'the inbox item');
    expect(item.emailMode).toBe('off');
    // The coordinator's e-mail from the same event arrives; the provider's never exists.
    await waitFor(async () => world.peer.to(DEMO.coordinator).some((m) => m.subject.includes(`proposed for ${request.reference}`)), 30_000, 'coordinator e-mail');
    await waitForQuiescence({ ds: world.ds, prefix: world.env.QUEUE_PREFIX });
    expect(world.peer.to(DEMO.bafa).filter((m) => m.subject.includes(request.reference) && m.subject.includes('Match endorsed'))).toHaveLength(0);
    expect((await deliveriesFor(world.ds, 'match.endorsed', match.id)).map((d) => d.recipient)).toEqual([DEMO.coordinator]);
  });

  it('in digest mode nothing goes out at once; the digest job sends one e-mail with everything, once', async () => {
    await bafa.put('/api/v1/notification-preferences', { items: [{ category: 'matches', mode: 'digest' }] });
    const first = await endorsedMatch(world.api.baseUrl);
    const second = await endorsedMatch(world.api.baseUrl);
    for (const { match } of [first, second]) {
      await waitFor(async () => (await inbox(bafa)).items.find((n: any) => n.subjectId === match.id && n.emailMode === 'digest'), 30_000, 'digest-mode inbox items');
    }
    await waitFor(async () => world.peer.to(DEMO.coordinator).some((m) => m.subject.includes(`proposed for ${second.request.reference}`)), 30_000, 'coordinator e-mail');
    expect(world.peer.to(DEMO.bafa).filter((m) => [first, second].some((x) => m.subject.includes(x.request.reference)))).toHaveLength(0);

    const digestsBefore = world.peer.to(DEMO.bafa).filter((m) => m.subject.includes('daily digest')).length;
    const result = await runJob(world.notificationsQueue, JOBS.digest);
    expect(result.digests).toBeGreaterThanOrEqual(1);
    const digest = await waitFor(async () => world.peer.to(DEMO.bafa).filter((m) => m.subject.includes('daily digest'))[digestsBefore], 30_000, 'the digest e-mail');
    for (const { request } of [first, second]) {
      expect(digest.text).toContain(`Match endorsed: your offer for ${request.reference}`);
      expect(digest.html).toContain(request.reference);
    }
    expect(digest.text).toContain('== Matches ==');

    // Nothing is sent twice: a second run finds nothing new for this provider.
    await runJob(world.notificationsQueue, JOBS.digest);
    await waitForQuiescence({ ds: world.ds, prefix: world.env.QUEUE_PREFIX });
    expect(world.peer.to(DEMO.bafa).filter((m) => m.subject.includes('daily digest'))).toHaveLength(digestsBefore + 1);
    const [row] = await world.ds.query(
      `SELECT d.status, d.kind, (SELECT count(*)::int FROM notifications n WHERE n.digest_delivery_id = d.id) AS size
         FROM notification_deliveries d WHERE d.message_id = $1`,
      [digest.messageId],
    );
    expect(row).toMatchObject({ status: 'sent', kind: 'digest', size: 2 });
  });

  it('a circulated request reaches its State’s agencies and the providers whose active offers serve the State', async () => {
    const japan = await ApiClient.as(world.api.baseUrl, 'japan');
    const customs = await ApiClient.as(world.api.baseUrl, 'customs');
    await activeOffer(world.api.baseUrl, 'wco', { eligibleStates: ['MNG'], eligibleRegions: [] });
    await activeOffer(world.api.baseUrl, 'japan', { eligibleStates: ['KAZ'], eligibleRegions: [] });
    const request = await circulatedRequest(world.api.baseUrl);
    const wco = await ApiClient.as(world.api.baseUrl, 'wco');

    const wcoItem = await waitFor(async () => (await inbox(wco)).items.find((n: any) => n.eventType === 'request.circulated' && n.subjectId === request.id), 30_000, 'the provider’s item');
    expect(wcoItem).toMatchObject({ category: 'circulations', link: `/provider/requests/${request.id}` });
    const agencyItem = await waitFor(async () => (await inbox(customs)).items.find((n: any) => n.eventType === 'request.circulated' && n.subjectId === request.id), 30_000, 'the agency’s item');
    expect(agencyItem).toMatchObject({ category: 'requests', link: `/agency/requests/${request.id}` });
    expect((await inbox(japan)).items.some((n: any) => n.subjectId === request.id)).toBe(false);

    // A committee-confidential request is circulated to no provider.
    const confidential = await circulatedRequest(world.api.baseUrl, { visibility: 'committee' });
    await waitFor(async () => (await inbox(customs)).items.find((n: any) => n.eventType === 'request.circulated' && n.subjectId === confidential.id), 30_000, 'the agency’s item');
    expect((await inbox(wco)).items.some((n: any) => n.subjectId === confidential.id)).toBe(false);
  });

  it('sends each reminder once: objection window over, unanswered match, expiring offer, follow-up', async () => {
    const agency = await ApiClient.as(world.api.baseUrl, 'customs');
    const admin = await ApiClient.as(world.api.baseUrl, 'admin');
    // Acknowledged today, window not waived.
    let r = (await agency.post('/api/v1/requests', requestInput({ objectionWindowWaived: false }))).body;
    r = (await coordinator.post(`/api/v1/requests/${r.id}/transitions`, { action: 'submit' })).body;
    r = (await expert.post(`/api/v1/requests/${r.id}/transitions`, { action: 'acknowledge' })).body;
    // Endorsed today, and never answered.
    const { match, request: matched } = await endorsedMatch(world.api.baseUrl);
    // Available until a year and six days from now.
    const offer = await activeOffer(world.api.baseUrl, 'bafa', { availableUntil: isoDay(Date.now() + 371 * DAY_MS) });
    // Delivered today (set directly: how a request gets delivered is not this test's subject).
    await world.ds.query(`UPDATE assistance_requests SET status = 'delivered', delivered_at = now() WHERE id = $1`, [matched.id]);

    // A year and a day pass for the worker: the window has closed, the match has waited far over two weeks, the
    // offer ends in five days and the follow-up is due. A worker sends the reminders due as it starts, and the
    // job run here finds the rest (two runs at once send each reminder once all the same).
    await world.worker.stop();
    const later = await world.startWorker({ TEST_CLOCK_OFFSET_MS: String(366 * DAY_MS) });
    try {
      await runJob(world.notificationsQueue, JOBS.reminders);
      await waitForQuiescence({ ds: world.ds, prefix: world.env.QUEUE_PREFIX });
      const again = await runJob(world.notificationsQueue, JOBS.reminders);
      expect(again).toEqual({ objection_window_over: 0, match_unanswered: 0, offer_expiring: 0, follow_up_due: 0, engagement_action_due: 0 });
    } finally {
      // Later tests get a worker on today's clock.
      await later.stop();
      world.worker = await world.startWorker();
    }

    const reminder = (items: any[], type: string, subjectId: string) => items.filter((n) => n.eventType === type && n.subjectId === subjectId);
    await waitFor(async () => reminder((await inbox(admin)).items, 'reminder.objection_window_over', r.id).length === 1, 30_000, 'the committee reminder');
    const [circulateNow] = reminder((await inbox(expert)).items, 'reminder.objection_window_over', r.id);
    expect(circulateNow).toMatchObject({ category: 'reminders', title: `Circulate now: the objection window of ${r.reference} has closed`, link: `/committee/requests/${r.id}` });
    await waitFor(async () => reminder((await inbox(bafa)).items, 'reminder.match_unanswered', match.id).length === 1, 30_000, 'the unanswered-match reminder');
    await waitFor(async () => reminder((await inbox(bafa)).items, 'reminder.offer_expiring', offer.id).length === 1, 30_000, 'the expiring-offer reminder');
    const [followUp] = await waitFor(async () => {
      const found = reminder((await inbox(coordinator)).items, 'reminder.follow_up_due', matched.id);
      return found.length ? found : null;
    }, 30_000, 'the follow-up reminder');
    expect(followUp.body).toMatch(/2663/);
    // Dates read as the web app writes them ("12 May 2020"), in the inbox and in the e-mail alike.
    const dayAsWebShowsIt = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
    const [expiring] = reminder((await inbox(bafa)).items, 'reminder.offer_expiring', offer.id);
    expect(expiring.title).toBe(`Your offer “${offer.title}” expires on ${dayAsWebShowsIt(offer.availableUntil)}`);
    expect(followUp.body).toContain(`delivered on ${dayAsWebShowsIt(isoDay(Date.now()))}`);
    const expiringMail = await waitFor(async () => world.peer.to(DEMO.bafa).find((m) => m.subject.includes(`Your offer “${offer.title}” expires on`)), 30_000, 'the expiring-offer e-mail');
    expect(expiringMail.text).toContain(`available until ${dayAsWebShowsIt(offer.availableUntil)}`);
    expect(expiringMail.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(reminder((await inbox(bafa)).items, 'reminder.follow_up_due', matched.id)).toHaveLength(1);
    await waitFor(async () => world.peer.to(DEMO.admin).some((m) => m.subject.includes(`Circulate now: the objection window of ${r.reference}`)), 30_000, 'the reminder e-mail');
    const [{ n }] = await world.ds.query(`SELECT count(*)::int AS n FROM reminders_sent WHERE subject_id = ANY($1::uuid[])`, [[r.id, match.id, offer.id, matched.id]]);
    expect(n).toBe(4);
  });
});

describe('demo mode: no SMTP server configured', () => {
  let world: NotificationsWorld;

  beforeAll(async () => {
    world = await startNotificationsWorld({ demo: true });
  }, 90_000);
  afterAll(async () => {
    await world?.close();
  });

  it('endorsing a match puts an e-mail in the demo mailbox the committee can read', async () => {
    const { request, match } = await endorsedMatch(world.api.baseUrl);
    const expert = await ApiClient.as(world.api.baseUrl, 'expert');
    const mail = await waitFor(async () => {
      const res = await expert.get('/api/v1/dev/mailbox');
      return res.body.items.find((m: any) => m.to.includes(DEMO.bafa) && m.subject.includes(`Match endorsed: your offer for ${request.reference}`));
    }, 30_000, 'the e-mail in the demo mailbox');
    expect(mail).toMatchObject({ messageId: expect.stringMatching(/@assistance-1540>$/), from: expect.stringContaining('no-reply@assistance-1540.example') });
    expect(mail.text).toContain(`/provider/requests/${request.id}?match=${match.id}`);
    expect(mail.html).toContain('<table');
    const bafa = await ApiClient.as(world.api.baseUrl, 'bafa');
    expect((await bafa.get('/api/v1/dev/mailbox')).status).toBe(403);
    expect((await inbox(bafa)).items.some((n: any) => n.subjectId === match.id)).toBe(true);
  });
});
