import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

const uniq = () => randomUUID().slice(0, 8);

describe('notifications API: inbox, preferences, delivery log', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  let admin: ApiClient, expert: ApiClient, bafa: ApiClient;
  /** Two fresh provider members, so nothing the run's workers notify demo users about gets in the way. */
  let alice: { id: string; client: ApiClient };
  let bob: { id: string; client: ApiClient };

  async function providerMember(name: string): Promise<{ id: string; client: ApiClient }> {
    const [org] = await ds.query(`SELECT id FROM organizations WHERE short_name = 'WCO'`);
    const email = `${name}-${uniq()}@wco.example`;
    const created = await admin.post('/api/v1/users', { email, displayName: name, role: 'provider_member', organizationId: org.id, password: 'inbox-test-password' });
    expect(created.status).toBe(201);
    return { id: created.body.id, client: await ApiClient.as(api.baseUrl, email, 'inbox-test-password') };
  }

  /** What the worker writes for one event and one reader. */
  async function notify(userId: string, title: string, minutesAgo: number, readAt: Date | null = null): Promise<string> {
    const [row] = await ds.query(
      `INSERT INTO notifications (user_id, category, event_id, event_type, subject_type, subject_id, title, body, link_path, facts, email_mode, read_at, created_at)
       VALUES ($1, 'matches', $2, 'match.endorsed', 'match', $3, $4, 'Please accept or decline it.', '/provider/requests/x', $5::jsonb, 'immediate', $6, now() - make_interval(mins => $7))
       RETURNING id`,
      [userId, randomUUID(), randomUUID(), title, JSON.stringify([{ label: 'Reference', value: 'MNG-2026-001' }]), readAt, minutesAgo],
    );
    return row.id;
  }

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    [admin, expert, bafa] = await Promise.all((['admin', 'expert', 'bafa'] as const).map((k) => ApiClient.as(api.baseUrl, k)));
    alice = await providerMember('Alice');
    bob = await providerMember('Bob');
  });
  afterAll(() => api.close());

  it('lists one’s own notifications unread first, then newest, paginated, with the unread count', async () => {
    const oldUnread = await notify(alice.id, 'old unread', 60);
    const newRead = await notify(alice.id, 'new but read', 1, new Date());
    const newUnread = await notify(alice.id, 'new unread', 5);
    const oldRead = await notify(alice.id, 'old read', 120, new Date());
    await notify(bob.id, 'Bob’s', 2);

    const page = await alice.client.get('/api/v1/notifications');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 4, page: 1, pageSize: 20, unread: 2 });
    expect(page.body.items.map((n: any) => n.id)).toEqual([newUnread, oldUnread, newRead, oldRead]);
    expect(page.body.items[0]).toEqual({
      id: newUnread,
      category: 'matches',
      eventType: 'match.endorsed',
      subjectType: 'match',
      subjectId: expect.any(String),
      title: 'new unread',
      body: 'Please accept or decline it.',
      link: '/provider/requests/x',
      facts: [{ label: 'Reference', value: 'MNG-2026-001' }],
      emailMode: 'immediate',
      readAt: null,
      createdAt: expect.any(String),
    });

    const second = await alice.client.get('/api/v1/notifications?page=2&pageSize=3');
    expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 3, unread: 2 });
    expect(second.body.items.map((n: any) => n.id)).toEqual([oldRead]);
    const unreadOnly = await alice.client.get('/api/v1/notifications?unreadOnly=true');
    expect(unreadOnly.body.items.map((n: any) => n.id)).toEqual([newUnread, oldUnread]);
    expect((await alice.client.get('/api/v1/notifications/unread-count')).body).toEqual({ unread: 2 });
  });

  it('marks one read, and all read; another person’s notification is 404', async () => {
    const mine = await notify(bob.id, 'to read', 3);
    const alices = await notify(alice.id, 'not Bob’s', 3);

    expect((await bob.client.post(`/api/v1/notifications/${alices}/read`)).status).toBe(404);
    expect((await admin.post(`/api/v1/notifications/${alices}/read`)).status).toBe(404);
    expect((await bob.client.post(`/api/v1/notifications/${randomUUID()}/read`)).status).toBe(404);
    expect((await bob.client.post('/api/v1/notifications/not-a-uuid/read')).status).toBe(400);

    const read = await bob.client.post(`/api/v1/notifications/${mine}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: mine, readAt: expect.any(String) });
    // Again: still read, same time.
    expect((await bob.client.post(`/api/v1/notifications/${mine}/read`)).body.readAt).toBe(read.body.readAt);

    await notify(bob.id, 'another', 1);
    const all = await bob.client.post('/api/v1/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ updated: 2, unread: 0 });
    expect((await bob.client.get('/api/v1/notifications')).body.unread).toBe(0);
    // Alice's stay unread.
    const [{ read_at }] = await ds.query('SELECT read_at FROM notifications WHERE id = $1', [alices]);
    expect(read_at).toBeNull();
  });

  it('needs a session', async () => {
    const anonymous = new ApiClient(api.baseUrl);
    expect((await anonymous.get('/api/v1/notifications')).status).toBe(401);
    expect((await anonymous.get('/api/v1/notification-preferences')).status).toBe(401);
  });

  it('keeps e-mail preferences per category: immediate by default; validated', async () => {
    const initial = await alice.client.get('/api/v1/notification-preferences');
    expect(initial.status).toBe(200);
    expect(initial.body.modes).toEqual(['immediate', 'digest', 'off']);
    expect(initial.body.items.map((i: any) => [i.category, i.mode])).toEqual([
      ['requests', 'immediate'],
      ['circulations', 'immediate'],
      ['offers', 'immediate'],
      ['matches', 'immediate'],
      ['reminders', 'immediate'],
    ]);
    expect(initial.body.items[0]).toEqual({ category: 'requests', label: 'Requests', description: expect.any(String), mode: 'immediate' });

    const put = await alice.client.put('/api/v1/notification-preferences', { items: [{ category: 'circulations', mode: 'digest' }, { category: 'offers', mode: 'off' }] });
    expect(put.status).toBe(200);
    const modes = Object.fromEntries(put.body.items.map((i: any) => [i.category, i.mode]));
    expect(modes).toEqual({ requests: 'immediate', circulations: 'digest', offers: 'off', matches: 'immediate', reminders: 'immediate' });
    // Only the named categories change; another person's are untouched.
    await alice.client.put('/api/v1/notification-preferences', { items: [{ category: 'offers', mode: 'immediate' }] });
    const after = Object.fromEntries((await alice.client.get('/api/v1/notification-preferences')).body.items.map((i: any) => [i.category, i.mode]));
    expect(after).toMatchObject({ circulations: 'digest', offers: 'immediate' });
    expect((await bob.client.get('/api/v1/notification-preferences')).body.items.every((i: any) => i.mode === 'immediate')).toBe(true);

    const bad = async (body: unknown, field: string) => {
      const res = await alice.client.put('/api/v1/notification-preferences', body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: any) => d.field)).toContain(field);
    };
    await bad({ items: [{ category: 'gossip', mode: 'immediate' }] }, 'items.0.category');
    await bad({ items: [{ category: 'matches', mode: 'weekly' }] }, 'items.0.mode');
    await bad({ items: [{ category: 'matches', mode: 'off' }, { category: 'matches', mode: 'digest' }] }, 'items');
    await bad({ items: [] }, 'items');
    await bad({ items: [{ category: 'matches', mode: 'off', extra: 1 }] }, 'items.0.extra');
    await bad({ items: [{ category: 'matches', mode: 'off' }], userId: bob.id }, 'userId');
  });

  it('shows the committee every e-mail delivery with status, attempts and last error, filtered and paginated', async () => {
    const failedId = randomUUID();
    const sentId = randomUUID();
    const notificationId = await notify(alice.id, 'delivered to Alice', 1);
    await ds.query(
      `INSERT INTO notification_deliveries (id, user_id, notification_id, kind, recipient, status, attempts, last_error, message_id, sent_at)
       VALUES ($1, $2, $3, 'notification', 'alice@wco.example', 'sent', 2, '421 Try again later', $5, now()),
              ($4, $2, NULL, 'digest', 'alice@wco.example', 'failed', 1, '550 Mailbox unavailable', $6, NULL)`,
      [sentId, alice.id, notificationId, failedId, `<${sentId}@assistance-1540>`, `<${failedId}@assistance-1540>`],
    );
    await ds.query(`UPDATE notifications SET digest_delivery_id = $1 WHERE id = $2`, [failedId, await notify(alice.id, 'in a digest', 2)]);

    const failed = await expert.get('/api/v1/notifications/deliveries?status=failed&pageSize=100');
    expect(failed.status).toBe(200);
    expect(failed.body.items.every((d: any) => d.status === 'failed')).toBe(true);
    expect(failed.body.items.find((d: any) => d.id === failedId)).toMatchObject({
      kind: 'digest',
      status: 'failed',
      attempts: 1,
      lastError: '550 Mailbox unavailable',
      messageId: `<${failedId}@assistance-1540>`,
      recipient: { userId: alice.id, email: 'alice@wco.example', displayName: 'Alice' },
      notification: null,
      digestSize: 1,
    });
    const sent = await admin.get('/api/v1/notifications/deliveries?status=sent,pending&kind=notification&pageSize=100');
    expect(sent.body.items.find((d: any) => d.id === sentId)).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: '421 Try again later',
      sentAt: expect.any(String),
      notification: { id: notificationId, title: 'delivered to Alice', category: 'matches', eventType: 'match.endorsed' },
    });
    expect(sent.body.items.some((d: any) => d.id === failedId)).toBe(false);
    expect(sent.body.counts).toEqual({ pending: expect.any(Number), sending: expect.any(Number), sent: expect.any(Number), failed: expect.any(Number) });
    const onePage = await expert.get('/api/v1/notifications/deliveries?pageSize=1&page=1');
    expect(onePage.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(onePage.body.items).toHaveLength(1);
    expect(onePage.body.total).toBeGreaterThanOrEqual(2);

    expect((await bafa.get('/api/v1/notifications/deliveries')).status).toBe(403);
    expect((await alice.client.get('/api/v1/notifications/deliveries')).status).toBe(403);
    expect((await expert.get('/api/v1/notifications/deliveries?status=lost')).status).toBe(400);
  });

  it('has no demo mailbox when the catcher is off (tests) — the route answers 404 as an unknown path', async () => {
    const res = await expert.get('/api/v1/dev/mailbox');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /api/v1/dev/mailbox' });
    expect((await new ApiClient(api.baseUrl).get('/api/v1/dev/mailbox')).status).toBe(404);
  });
});
