import { NOTIFICATION_CATEGORIES } from './categories';
import { deliveryMessageId } from './message-id';
import { renderDigestMail, renderNotificationMail } from './templates';

const mail = {
  title: 'Match endorsed: your offer for MNG-2026-004',
  body: 'The 1540 Committee endorsed your offer “Biosafety <training>” for Mongolia’s request.\nPlease accept or decline it.',
  facts: [
    { label: 'Reference', value: 'MNG-2026-004' },
    { label: 'State', value: 'Mongolia (MNG)' },
    { label: 'Comment', value: '<script>alert(1)</script> & more' },
  ],
  url: 'https://assist.example.org/provider/requests/r1?match=m1',
  recipientName: 'Katrin Vogel',
  settingsUrl: 'https://assist.example.org/notifications/preferences',
};

describe('e-mail templates', () => {
  it.each(NOTIFICATION_CATEGORIES)('render %s as HTML and plain text with the facts and the link', (category) => {
    const out = renderNotificationMail({ ...mail, category });
    expect(out.subject).toBe('[1540] Match endorsed: your offer for MNG-2026-004');
    expect(out.text).toContain('Dear Katrin Vogel,');
    expect(out.text).toContain('Reference: MNG-2026-004');
    expect(out.text).toContain('Comment: <script>alert(1)</script> & more');
    expect(out.text).toContain(mail.url);
    expect(out.text).toContain('Please accept or decline it.');
    expect(out.html).toContain(`href="${mail.url.replace(/&/g, '&amp;').replace(/=/g, '&#x3D;')}"`);
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(out.html).not.toContain('<script>');
    expect(out.html).toContain('Biosafety &lt;training&gt;');
    expect(out.html).toContain('<p style="margin:0 0 12px">Please accept or decline it.</p>');
  });

  it('frames each category for what the reader does next', () => {
    expect(renderNotificationMail({ ...mail, category: 'reminders' }).text).toContain('REMINDER: something waits for you.');
    expect(renderNotificationMail({ ...mail, category: 'circulations' }).html).toContain('express interest');
    expect(renderNotificationMail({ ...mail, category: 'offers' }).text).toContain('Open the offer:');
  });

  it('keeps a subject on one line', () => {
    expect(renderNotificationMail({ ...mail, category: 'requests', title: 'Two\nlines' }).subject).toBe('[1540] Two lines');
  });

  it('groups a digest by category', () => {
    const items = [
      { category: 'matches' as const, title: 'Match endorsed: A', body: 'Body A', url: 'https://x/a', createdAt: new Date() },
      { category: 'requests' as const, title: 'Request B circulated', body: 'Body B', url: 'https://x/b', createdAt: new Date() },
    ];
    const out = renderDigestMail({ recipientName: 'Katrin Vogel', items, inboxUrl: 'https://x/notifications', settingsUrl: 'https://x/s' });
    expect(out.subject).toBe('[1540] Your daily digest: 2 notifications');
    expect(out.text.indexOf('== Requests ==')).toBeLessThan(out.text.indexOf('== Matches =='));
    expect(out.text).toContain('* Match endorsed: A\n  Body A\n  https://x/a');
    expect(out.html).toContain('<a href="https://x/b"');
  });
});

describe('deliveryMessageId', () => {
  it('is derived from the delivery id, the same on every attempt', () => {
    expect(deliveryMessageId('0b6f3c1e-7a41-4c39-9f0e-0c5d7d2f1a11')).toBe('<0b6f3c1e-7a41-4c39-9f0e-0c5d7d2f1a11@assistance-1540>');
  });
});
