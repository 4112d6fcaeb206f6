import { mkdirSync } from 'node:fs';
import { startBrowserSuite, type BrowserSuite } from './support/browser';
import { suggestOffersFor } from './support/matching';
import { freePort } from '../support/platform';
import { loadConfig } from '@app/config';
import { createMailTransport, renderNotificationMail } from '@app/mail';

jest.setTimeout(180_000);
let suite: BrowserSuite;
beforeAll(async () => {
  process.env.MAIL_CATCHER = 'on';
  process.env.DEMO_SMTP_PORT = String(await freePort());
  suite = await startBrowserSuite();
});
afterAll(async () => {
  await suite?.close();
});

const dir = '/tmp/shots';

test('screens', async () => {
  mkdirSync(dir, { recursive: true });
  const ds = suite.dataSource;
  const open: { id: string; reference: string }[] = await ds.query(
    `SELECT id, reference FROM assistance_requests WHERE status IN ('circulated','matched') ORDER BY reference`,
  );
  for (const r of open) await suggestOffersFor(ds, r.id);
  console.log(open.map((r) => r.reference).join(' '));
  const [ex] = await ds.query(`SELECT id FROM users WHERE email='expert@committee.example'`);
  const items = [
    ['requests', 'Request submitted: MNG-2026-003', 'Mongolia submitted “Biosafety and biosecurity inspection of laboratories”. Acknowledge it or ask for clarification.', null],
    ['reminders', 'Objection window over: circulate MNG-2026-004', 'The State’s 5-working-day objection window has passed. The request can be circulated now.', null],
    ['matches', 'BAFA accepted the match for MNG-2022-004', 'BAFA accepted to help with “Countering proliferation financing”. The State’s coordinator confirms next.', null],
    ['offers', 'Offer submitted for verification: Asian Export Control Seminar', 'MOFA Japan submitted an offer. Verify it or return it to the provider.', new Date()],
  ];
  for (const [i, [cat, title, body, read]] of items.entries()) {
    await ds.query(
      `INSERT INTO notifications (user_id, category, event_id, event_type, subject_type, subject_id, title, body, link_path, facts, email_mode, read_at, created_at)
       VALUES ($1,$2,gen_random_uuid(),'x','request',$3,$4,$5,$6,$7,'immediate',$8, now() - make_interval(mins => $9))`,
      [ex.id, cat, open[0].id, title, body, `/committee/requests/${open[0].id}`, JSON.stringify([{ label: 'Reference', value: 'MNG-2026-003' }, { label: 'State', value: 'Mongolia (MNG)' }]), read, i * 7],
    );
  }
  const transport = createMailTransport(loadConfig().mail, { pool: false });
  for (const [cat, title, body] of items) {
    const mail = renderNotificationMail({ category: cat as 'requests', title: title as string, body: body as string, facts: [{ label: 'Reference', value: 'MNG-2026-003' }], url: 'http://localhost/x', recipientName: 'Lukas Berger', settingsUrl: 'http://localhost/s' });
    await transport.sendMail({ from: '1540 Assistance <no-reply@assistance-1540.example>', to: 'expert@committee.example', subject: mail.subject, text: mail.text, html: mail.html });
  }
  transport.close();
  await ds.query(`INSERT INTO notification_deliveries (user_id, kind, channel, recipient, status, attempts, last_error, message_id, last_attempt_at, sent_at)
     VALUES ($1,'digest','email','expert@committee.example','failed',1,'550 5.1.1 <x@y>: mailbox unavailable','<a@b>',now(), null),
            ($1,'digest','email','expert@committee.example','sent',2,'421 4.7.0 Try again later','<c@b>',now(), now())`, [ex.id]);
  const shots = (process.env.SHOTS ?? '').split(',').filter(Boolean);
  const want = (name: string) => shots.length === 0 || shots.includes(name);

  const expert = await suite.pageAs(process.env.SHOT_AS === 'admin' ? 'admin' : 'expert');
  await expert.setViewportSize({ width: 1400, height: 900 });
  const snap = async (page: typeof expert, name: string, path: string, wait?: string) => {
    if (!want(name)) return;
    await page.goto(path);
    if (wait) await page.getByText(wait).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
  };
  const first = open.find((r) => r.reference.startsWith('MNG')) ?? open[0];
  await snap(expert, 'request', `/committee/requests/${first.id}`, 'Suggestions');
  await snap(expert, 'matches', '/committee/matches');
  await snap(expert, 'plan', '/committee/allocation-plan');
  if (want('plan2')) {
    await expert.goto('/committee/allocation-plan');
    await expert.getByRole('button', { name: 'Compute the plan' }).first().click();
    await expert.waitForTimeout(1500);
    await expert.screenshot({ path: `${dir}/plan2.png`, fullPage: true });
  }
  await snap(expert, 'weights', '/committee/matching-weights');
  await snap(expert, 'reports', '/committee/reports', 'Match rate');
  await snap(expert, 'mailbox', '/committee/mailbox');
  if (want('mailbox2')) {
    await expert.goto('/committee/mailbox');
    await expert.getByRole('button', { name: /^Open / }).first().click();
    await expert.waitForTimeout(1200);
    await expert.screenshot({ path: `${dir}/mailbox2.png`, fullPage: true });
  }
  await snap(expert, 'deliveries', '/committee/deliveries');
  await snap(expert, 'inbox', '/notifications');
  const offer: { id: string }[] = await ds.query(`SELECT offer_id AS id FROM matches GROUP BY offer_id ORDER BY count(*) DESC LIMIT 1`);
  if (offer[0]) await snap(expert, 'offer', `/committee/offers/${offer[0].id}`);

  const coordinator = await suite.pageAs('coordinator');
  await coordinator.setViewportSize({ width: 1400, height: 900 });
  await snap(coordinator, 'agency-home', '/agency');
  await snap(coordinator, 'agency-matches', '/agency/matches');
  await snap(coordinator, 'agency-figures', '/agency/figures');
  await snap(coordinator, 'prefs', '/notifications/preferences');
  const provider = await suite.pageAs('bafa');
  await provider.setViewportSize({ width: 1400, height: 900 });
  await snap(provider, 'provider-matches', '/provider/matches');
  await snap(provider, 'provider-figures', '/provider/figures');
  await snap(provider, 'provider-request', `/provider/requests/${first.id}`);
});
