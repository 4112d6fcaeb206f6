import { randomUUID } from 'node:crypto';
import { loadConfig } from '@app/config';
import { createMailTransport, renderNotificationMail } from '@app/mail';
import type { Page } from 'playwright-core';
import { freePort, waitFor } from '../support/platform';
import { ApiClient } from '../support/http';
import { newPage, openSection, signIn, useBrowserSuite } from './support/browser';

const suite = useBrowserSuite(async () => {
  // This file's API runs the demo mail catcher (off for the other tests), on a port of its own.
  process.env.MAIL_CATCHER = 'on';
  process.env.DEMO_SMTP_PORT = String(await freePort());
});

const PASSWORD = 'Inbox-test-password-42';

/** A provider organisation and member of its own, so no other test's events reach this inbox. */
async function freshProviderUser(): Promise<{ id: string; email: string }> {
  const admin = await ApiClient.as(suite.baseUrl, 'admin');
  const tag = randomUUID().slice(0, 8);
  const org = await admin.post('/api/v1/organizations', {
    name: `Inbox test programme ${tag}`,
    shortName: `ITP ${tag}`,
    kind: 'provider',
  });
  expect(org.status).toBe(201);
  const email = `inbox-${tag}@itp.example`;
  const user = await admin.post('/api/v1/users', {
    email,
    displayName: `Inbox Tester ${tag}`,
    role: 'provider_member',
    organizationId: org.body.id,
    password: PASSWORD,
  });
  expect(user.status).toBe(201);
  return { id: user.body.id, email };
}

/** What the worker's notification writer stores for one event and reader (no worker runs in browser tests). */
async function notify(
  userId: string,
  item: {
    category: string;
    title: string;
    body: string;
    link: string;
    subjectId: string;
    readAt?: Date;
    minutesAgo?: number;
  },
): Promise<void> {
  await suite.dataSource.query(
    `INSERT INTO notifications (user_id, category, event_id, event_type, subject_type, subject_id, title, body, link_path, facts, email_mode, read_at, created_at)
     VALUES ($1, $2, gen_random_uuid(), $3, 'request', $4, $5, $6, $7, $8, 'immediate', $9, now() - make_interval(mins => $10))`,
    [
      userId,
      item.category,
      `${item.category}.test`,
      item.subjectId,
      item.title,
      item.body,
      item.link,
      JSON.stringify([{ label: 'Reference', value: item.title.split(' ').pop() }]),
      item.readAt ?? null,
      item.minutesAgo ?? 0,
    ],
  );
}

function badge(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' }).locator('[data-unread-badge]');
}

// Issue 5: the inbox lists unread items first, each links to its subject, reading them updates the badge, and
// the badge picks up new notifications by itself.
test('the inbox shows unread items first, links to their subjects, and the badge follows', async () => {
  const [request] = await suite.dataSource.query(
    `SELECT id, reference FROM assistance_requests WHERE status = 'circulated' AND visibility <> 'committee' ORDER BY reference LIMIT 1`,
  );
  const user = await freshProviderUser();
  const link = `/provider/requests/${request.id}`;
  await notify(user.id, {
    category: 'reminders',
    title: `Reminder: offer expires soon ${request.reference}`,
    body: 'Your offer expires in 14 days.',
    link,
    subjectId: request.id,
    minutesAgo: 30,
  });
  await notify(user.id, {
    category: 'circulations',
    title: `New request circulated: ${request.reference}`,
    body: 'A request your offers can serve was circulated.',
    link,
    subjectId: request.id,
    minutesAgo: 20,
  });
  await notify(user.id, {
    category: 'offers',
    title: 'Offer verified: old news',
    body: 'Read already.',
    link,
    subjectId: request.id,
    readAt: new Date(),
    minutesAgo: 1,
  });

  const page = await newPage(suite.browser, suite.baseUrl);
  await signIn(page, suite.baseUrl, user.email, PASSWORD);
  await badge(page).filter({ hasText: '2' }).waitFor();
  await page.getByRole('link', { name: 'Notifications 2 unread notifications' }).click();
  await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();

  // Unread first (newest first among them), then the read one, though it is the newest.
  const items = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
  await items.first().waitFor();
  expect(await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')))).toEqual([
    `New request circulated: ${request.reference}`,
    `Reminder: offer expires soon ${request.reference}`,
    'Offer verified: old news',
  ]);
  await page.getByRole('main').getByRole('status').filter({ hasText: '2 unread' }).waitFor();

  // Marking one read, and opening another through its link, each take one off the badge.
  await items.nth(1).getByRole('button', { name: 'Mark read' }).click();
  await badge(page).filter({ hasText: '1' }).waitFor();
  await items
    .first()
    .getByRole('link', { name: `New request circulated: ${request.reference}` })
    .click();
  await page.waitForURL(`**${link}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await badge(page).waitFor({ state: 'detached' });

  // A notification that arrives while the page is open shows up on its own (the badge polls).
  await notify(user.id, {
    category: 'matches',
    title: `Match endorsed: your offer for ${request.reference}`,
    body: 'Please accept or decline it.',
    link: `${link}?match=${randomUUID()}`,
    subjectId: request.id,
  });
  await badge(page).filter({ hasText: '1' }).waitFor({ timeout: 20_000 });

  await page.getByRole('link', { name: 'Notifications 1 unread notification' }).click();
  await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: 'All read' }).waitFor();
  await badge(page).waitFor({ state: 'detached' });
  expect(await page.locator('[data-unread]').count()).toBe(0);

  // E-mail settings: matches in the daily digest from now on.
  await page.getByRole('link', { name: 'E-mail settings' }).click();
  await page.getByRole('heading', { name: 'E-mail settings', level: 1 }).waitFor();
  await page
    .getByRole('radiogroup', { name: 'E-mail for Matches' })
    .getByRole('radio', { name: 'Daily digest' })
    .check();
  await page
    .getByRole('radiogroup', { name: 'E-mail for Reminders' })
    .getByRole('radio', { name: 'No e-mail' })
    .check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('E-mail settings saved').waitFor();
  await page.reload();
  expect(
    await page
      .getByRole('radiogroup', { name: 'E-mail for Matches' })
      .getByRole('radio', { name: 'Daily digest' })
      .isChecked(),
  ).toBe(true);
  const client = await ApiClient.as(suite.baseUrl, user.email, PASSWORD);
  const modes = Object.fromEntries(
    (await client.get('/api/v1/notification-preferences')).body.items.map((i: any) => [i.category, i.mode]),
  );
  expect(modes).toEqual({
    requests: 'immediate',
    circulations: 'immediate',
    offers: 'immediate',
    matches: 'digest',
    reminders: 'off',
  });
  await page.context().close();
});

// DESIGN §7 demo mode: an e-mail sent through the platform's own SMTP path lands in the mailbox, where the
// Committee reads it as sent; deliveries show each e-mail's status, attempts and last error.
test('the Committee reads the demo mailbox and the e-mail deliveries', async () => {
  const subject = `Match endorsed: your offer for MNG-2020-003 ${randomUUID().slice(0, 6)}`;
  const mail = renderNotificationMail({
    category: 'matches',
    title: subject,
    body: 'The 1540 Committee endorsed your offer for Mongolia’s request. Please accept or decline it.',
    facts: [{ label: 'Reference', value: 'MNG-2020-003' }],
    url: `${suite.baseUrl}/provider/matches`,
    recipientName: 'Katrin Vogel',
    settingsUrl: `${suite.baseUrl}/notifications/preferences`,
  });
  const transport = createMailTransport(loadConfig().mail, { pool: false });
  await transport.sendMail({
    from: 'no-reply@assistance-1540.example',
    to: 'donor@bafa.example',
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
  });
  transport.close();

  // A delivery that failed for good, as the worker records a 550.
  const [bafa] = await suite.dataSource.query(`SELECT id, email FROM users WHERE email = 'donor@bafa.example'`);
  await suite.dataSource.query(
    `INSERT INTO notification_deliveries (user_id, kind, channel, recipient, status, attempts, last_error, message_id, last_attempt_at)
     VALUES ($1, 'digest', 'email', $2, 'failed', 1, '550 5.1.1 <donor@bafa.example>: mailbox unavailable', $3, now())`,
    [bafa.id, bafa.email, `<${randomUUID()}@assistance-1540>`],
  );

  const expert = await suite.pageAs('expert');
  await openSection(expert, 'Mailbox');
  const table = expert.getByRole('table', { name: 'Received e-mails' });
  const row = table.getByRole('row').filter({ hasText: mail.subject });
  await row.getByText('donor@bafa.example').waitFor();
  await row.getByRole('button', { name: `Open ${mail.subject}` }).click();
  await expert.waitForURL(/message=/);
  const message = expert.getByRole('article', { name: 'E-mail' });
  await message.getByRole('heading', { name: mail.subject }).waitFor();
  const frame = message.locator('iframe');
  expect(await frame.getAttribute('sandbox')).toBe('');
  await expert.frameLocator('iframe').getByText('Dear Katrin Vogel,').waitFor();
  await message.getByRole('tab', { name: 'Plain text' }).click();
  await message.getByText(/Please accept or decline it\./).waitFor();
  await expert.reload();
  await expert.getByRole('article', { name: 'E-mail' }).getByRole('heading', { name: mail.subject }).waitFor();

  await openSection(expert, 'E-mail deliveries');
  const deliveries = expert.getByRole('table', { name: 'E-mail deliveries' });
  const failed = deliveries.getByRole('row').filter({ hasText: '550 5.1.1' });
  await failed.getByText('Failed', { exact: true }).waitFor();
  await failed.getByText('Daily digest of 0 notifications').waitFor();
  expect(await failed.locator('td').nth(4).textContent()).toBe('1');
  await expert.getByRole('button', { name: /^Failed/ }).click();
  await expert.waitForURL(/status=failed/);
  // Only failed deliveries remain listed.
  const statuses = () => deliveries.locator('tbody tr td:nth-child(4)').allTextContents();
  await waitFor(async () => (await statuses()).every((status) => status === 'Failed'), 5_000, 'the failed filter');
  expect((await statuses()).length).toBeGreaterThanOrEqual(1);
  await expert.context().close();
});
