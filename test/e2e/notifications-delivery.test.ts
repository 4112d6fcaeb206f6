import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { JOBS } from '@app/queue';
import { activeOffer, offerInput } from '../factories';
import { ApiClient, DEMO } from '../support/http';
import { waitFor } from '../support/platform';
import { waitForQuiescence } from '../support/quiescence';
import { DeliveryRow, deliveriesFor, NotificationsWorld, settledDeliveries, startNotificationsWorld } from './notifications.helpers';

const toBafa = (s: { to: string[] }) => s.to.includes(DEMO.bafa);

/**
 * E-mail delivery against a real SMTP server with faults: temporary and permanent refusals, the server down
 * and back, a worker killed between the server's acceptance and the record. Each test checks what the
 * recipient's mailbox holds (one copy per notification) and what the committee's delivery log says.
 */
describe('e-mail delivery faults', () => {
  let world: NotificationsWorld;

  beforeAll(async () => {
    world = await startNotificationsWorld();
  }, 90_000);
  afterAll(async () => {
    await world?.close();
  });

  /** Makes and verifies an offer for BAFA: `offer.verified` notifies BAFA's one member. */
  const verifiedOffer = () => activeOffer(world.api.baseUrl, 'bafa');

  it('421: retried with backoff, then sent — exactly one e-mail', async () => {
    world.peer.failNext(2, 421, toBafa);
    const offer = await verifiedOffer();
    const [delivery] = await settledDeliveries(world.ds, 'offer.verified', offer.id, 1);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 3, recipient: DEMO.bafa });
    expect(delivery.last_error).toMatch(/^421 /);
    const tries = world.peer.submissions.filter((s) => s.messageId === delivery.message_id);
    expect(tries.map((s) => s.code)).toEqual([421, 421, 250]);
    // Backoff: the retries came after growing pauses (200 ms, then 400 ms).
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(150);
    expect(tries[2].at - tries[1].at).toBeGreaterThanOrEqual(350);
    expect(world.peer.mailbox().filter((m) => m.messageId === delivery.message_id)).toHaveLength(1);

    // The committee sees the story of the delivery.
    const expert = await ApiClient.as(world.api.baseUrl, 'expert');
    const log = await expert.get('/api/v1/notifications/deliveries?status=sent&pageSize=100');
    const row = log.body.items.find((d: any) => d.id === delivery.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, kind: 'notification', messageId: delivery.message_id, recipient: { email: DEMO.bafa } });
    expect(row.lastError).toMatch(/^421 /);
    expect(row.notification).toMatchObject({ eventType: 'offer.verified', subjectId: offer.id, category: 'offers' });
  });

  it('550: recorded as failed after one attempt, never retried', async () => {
    world.peer.failNext(1, 550, toBafa);
    const offer = await verifiedOffer();
    const [delivery] = await settledDeliveries(world.ds, 'offer.verified', offer.id, 1);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });
    expect(delivery.last_error).toMatch(/^550 /);
    const job = await world.mailQueue.getJob(delivery.id);
    expect(await job!.getState()).toBe('failed');
    expect(job!.attemptsMade).toBe(1);
    // No retry is scheduled anywhere: still one try.
    await waitForQuiescence({ ds: world.ds, prefix: world.env.QUEUE_PREFIX });
    expect(world.peer.submissions.filter((s) => s.messageId === delivery.message_id)).toHaveLength(1);
    expect(world.peer.mailbox().some((m) => m.messageId === delivery.message_id)).toBe(false);

    const expert = await ApiClient.as(world.api.baseUrl, 'expert');
    const failed = await expert.get('/api/v1/notifications/deliveries?status=failed');
    expect(failed.body.items.map((d: any) => d.id)).toContain(delivery.id);
    expect(failed.body.items.every((d: any) => d.status === 'failed')).toBe(true);
    expect(failed.body.counts.failed).toBeGreaterThanOrEqual(1);
  });

  it('SMTP down, then back: every e-mail is delivered once', async () => {
    await world.peer.down();
    const donor = await ApiClient.as(world.api.baseUrl, 'bafa');
    const offers: { id: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await donor.post('/api/v1/offers', offerInput());
      await donor.post(`/api/v1/offers/${created.body.id}/transitions`, { action: 'submit' });
      offers.push(created.body);
    }
    // offer.submitted tells the committee: two members, so six e-mails, all refused at the door for now.
    const failing = await waitFor(async () => {
      const rows = (await Promise.all(offers.map((o) => deliveriesFor(world.ds, 'offer.submitted', o.id)))).flat();
      return rows.length === 6 && rows.every((d) => d.attempts >= 2 && d.status !== 'sent') ? rows : null;
    }, 30_000, 'retries while the server is down');
    expect(failing.every((d) => /ECONNREFUSED|ESOCKET|ECONNECTION/.test(d.last_error ?? ''))).toBe(true);

    await world.peer.up();
    const settled: DeliveryRow[] = [];
    for (const o of offers) settled.push(...(await settledDeliveries(world.ds, 'offer.submitted', o.id, 2, 45_000)));
    expect(settled.map((d) => d.status)).toEqual(Array(6).fill('sent'));
    for (const d of settled) {
      expect(world.peer.acceptedCount(d.message_id)).toBe(1);
    }
    expect(new Set(settled.map((d) => d.recipient))).toEqual(new Set([DEMO.admin, DEMO.expert]));
  });

  it('a worker killed after the server accepted and before recording it: reconciled, not sent twice', async () => {
    // Events first, mail later: the events are handled with the mail queue paused, so the crash can only hit
    // an e-mail (job ids are delivery ids; the notifications exist).
    await world.mailQueue.pause();
    const faulty = await world.startWorker({ FAULT_INJECTION: 'exit-after-send' });
    expect(await world.worker.stop()).toBe(0);
    const offer = await verifiedOffer();
    const rows = await waitFor(async () => {
      const all = [...(await deliveriesFor(world.ds, 'offer.submitted', offer.id)), ...(await deliveriesFor(world.ds, 'offer.verified', offer.id))];
      return all.length === 3 ? all : null;
    }, 30_000, 'three deliveries');

    await world.mailQueue.resume();
    expect(await faulty.exited).toBe('SIGKILL');
    const sendingAtCrash = await world.ds.query(`SELECT id FROM notification_deliveries WHERE id = ANY($1::uuid[]) AND status = 'sending'`, [rows.map((r) => r.id)]);
    expect(sendingAtCrash.length).toBeGreaterThanOrEqual(1);

    // A fresh worker takes the stalled jobs over (after their locks expire) and finishes them.
    await world.startWorker();
    const settled = [
      ...(await settledDeliveries(world.ds, 'offer.submitted', offer.id, 2, 45_000)),
      ...(await settledDeliveries(world.ds, 'offer.verified', offer.id, 1, 45_000)),
    ];
    expect(settled.map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
    // The worker died right after the server accepted a message and the acceptance was noted in its job: the
    // retry found the delivery `sending`, read the note (or asked the peer's receipts) and recorded `sent`
    // without sending again (one attempt). Sends still in flight at the kill (accepted, not yet noted) are
    // found in the peer's receipts, so no message reaches the server twice.
    for (const d of settled) expect(world.peer.acceptedCount(d.message_id)).toBe(1);
    const reconciled = settled.filter((d) => sendingAtCrash.some((s: { id: string }) => s.id === d.id) && d.attempts === 1);
    expect(reconciled.length).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it('a connection lost after the server accepted: reconciled from the receipts, not sent again', async () => {
    // The server takes the message, then goes away before replying (as when it is stopped mid-session): the worker
    // cannot tell whether the message arrived, so the delivery stays `sending` and the retry asks the receipts.
    world.peer.dropAfterAccepting(1, toBafa);
    const offer = await verifiedOffer();
    const [delivery] = await settledDeliveries(world.ds, 'offer.verified', offer.id, 1, 45_000);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1 });
    expect(delivery.smtp_response).toMatch(/^Reconciled: received at .* \(mail receipts\)$/);
    expect(world.peer.acceptedCount(delivery.message_id)).toBe(1);
  }, 60_000);

  it('the sweep re-enqueues a delivery whose job was lost (e.g. with Redis), and it is sent once', async () => {
    const [user] = await world.ds.query(`SELECT id, email FROM users WHERE email = $1`, [DEMO.wco]);
    const [n] = await world.ds.query(
      `INSERT INTO notifications (user_id, category, event_id, event_type, subject_type, subject_id, title, body, link_path, email_mode)
       VALUES ($1, 'offers', $2, 'offer.verified', 'offer', $3, 'Your offer “Lost job” is active', 'The 1540 Committee verified it.', '/provider/offers/x', 'immediate')
       RETURNING id`,
      [user.id, randomUUID(), randomUUID()],
    );
    const id = randomUUID();
    // Pending for ten minutes, and no job in the queue.
    await world.ds.query(
      `INSERT INTO notification_deliveries (id, user_id, notification_id, recipient, message_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, now() - interval '10 minutes', now() - interval '10 minutes')`,
      [id, user.id, n.id, user.email, `<${id}@assistance-1540>`],
    );
    expect(await world.mailQueue.getJob(id)).toBeUndefined();
    await world.notificationsQueue.add(JOBS.mailSweep, {}, { jobId: `sweep-${randomUUID()}` });
    await waitFor(async () => (await world.ds.query(`SELECT status FROM notification_deliveries WHERE id = $1`, [id]))[0].status === 'sent', 30_000, 'the swept delivery');
    expect(world.peer.acceptedCount(`<${id}@assistance-1540>`)).toBe(1);
    expect(world.peer.to(DEMO.wco).find((m) => m.messageId === `<${id}@assistance-1540>`)?.subject).toBe('[1540] Your offer “Lost job” is active');
  });

  it('a delivery left sending: reconciled from the server’s receipts when it has the message, sent once when not', async () => {
    const [user] = await world.ds.query(`SELECT id, email FROM users WHERE email = $1`, [DEMO.wco]);
    const leftSending = async () => {
      const [n] = await world.ds.query(
        `INSERT INTO notifications (user_id, category, event_id, event_type, subject_type, subject_id, title, body, link_path, email_mode)
         VALUES ($1, 'offers', $2, 'offer.verified', 'offer', $3, 'Your offer “In flight” is active', 'The 1540 Committee verified it.', '/provider/offers/x', 'immediate')
         RETURNING id`,
        [user.id, randomUUID(), randomUUID()],
      );
      const id = randomUUID();
      // A worker marked it sending, handed it over (or not) and died; its job is gone too.
      await world.ds.query(
        `INSERT INTO notification_deliveries (id, user_id, notification_id, recipient, message_id, status, attempts, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'sending', 1, now() - interval '10 minutes', now() - interval '10 minutes')`,
        [id, user.id, n.id, user.email, `<${id}@assistance-1540>`],
      );
      return { id, messageId: `<${id}@assistance-1540>` };
    };
    const delivered = await leftSending();
    const notDelivered = await leftSending();
    const transport = createTransport({ url: world.peer.url, ignoreTLS: true });
    await transport.sendMail({ from: 'no-reply@assistance-1540.example', to: DEMO.wco, subject: 'In flight', text: '…', messageId: delivered.messageId });
    transport.close();

    await world.notificationsQueue.add(JOBS.mailSweep, {}, { jobId: `sweep-${randomUUID()}` });
    const rows: { id: string; status: string; attempts: number; smtp_response: string }[] = await waitFor(async () => {
      const found = await world.ds.query(`SELECT id, status, attempts, smtp_response FROM notification_deliveries WHERE id = ANY($1::uuid[])`, [[delivered.id, notDelivered.id]]);
      return found.every((r: { status: string }) => r.status === 'sent') ? found : null;
    }, 30_000, 'both deliveries sent');
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(delivered.id)).toMatchObject({ attempts: 1, smtp_response: expect.stringMatching(/^Reconciled: received at .* \(mail receipts\)$/) });
    expect(byId.get(notDelivered.id)).toMatchObject({ attempts: 2, smtp_response: expect.stringMatching(/^250 /) });
    expect(world.peer.acceptedCount(delivered.messageId)).toBe(1);
    expect(world.peer.acceptedCount(notDelivered.messageId)).toBe(1);
  });
});
