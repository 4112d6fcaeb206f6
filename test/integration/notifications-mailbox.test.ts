import { Socket } from 'node:net';
import { loadConfig } from '@app/config';
import { createMailTransport } from '@app/mail';
import { ApiClient } from '../support/http';
import { freePort, startApiInProcess, waitFor } from '../support/platform';

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = new Socket();
    socket.once('error', () => resolve(true));
    socket.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(false);
    });
  });

describe('demo mailbox', () => {
  const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_CATCHER: process.env.MAIL_CATCHER, DEMO_SMTP_PORT: process.env.DEMO_SMTP_PORT };
  afterAll(() => Object.assign(process.env, saved));

  it('without SMTP_URL an SMTP catcher runs in the API and the committee sees every e-mail, newest first', async () => {
    const port = await freePort();
    Object.assign(process.env, { SMTP_URL: '', MAIL_CATCHER: 'on', DEMO_SMTP_PORT: String(port) });
    const api = await startApiInProcess();
    // The worker's transport, as configured by the same settings.
    const transport = createMailTransport(loadConfig().mail);
    try {
      const send = (n: number, messageId: string) =>
        transport.sendMail({ from: 'no-reply@assistance-1540.example', to: 'donor@bafa.example', subject: `Test ${n}`, text: `Plain ${n}`, html: `<p>HTML ${n}</p>`, messageId });
      await send(1, '<first@assistance-1540>');
      await send(2, '<second@assistance-1540>');
      // A resend with the same Message-ID (after a crash) shows once.
      await send(2, '<second@assistance-1540>');

      const expert = await ApiClient.as(api.baseUrl, 'expert');
      const mailbox = await waitFor(async () => {
        const res = await expert.get('/api/v1/dev/mailbox');
        return res.body.items?.length === 2 ? res.body : null;
      }, 5_000, 'two messages');
      expect(mailbox.items[0]).toEqual({
        messageId: '<second@assistance-1540>',
        from: 'no-reply@assistance-1540.example',
        to: ['donor@bafa.example'],
        subject: 'Test 2',
        text: 'Plain 2',
        html: '<p>HTML 2</p>',
        receivedAt: expect.any(String),
      });
      expect(mailbox.items[1].messageId).toBe('<first@assistance-1540>');

      expect((await (await ApiClient.as(api.baseUrl, 'bafa')).get('/api/v1/dev/mailbox')).status).toBe(403);
      expect((await new ApiClient(api.baseUrl).get('/api/v1/dev/mailbox')).status).toBe(401);
    } finally {
      transport.close();
      await api.close();
    }
    // Shut down with the API.
    expect(await refused(port)).toBe(true);
  });

  it('with SMTP_URL set there is neither a catcher nor a mailbox route', async () => {
    const port = await freePort();
    Object.assign(process.env, { SMTP_URL: 'smtp://127.0.0.1:9', MAIL_CATCHER: 'on', DEMO_SMTP_PORT: String(port) });
    const api = await startApiInProcess();
    try {
      expect(await refused(port)).toBe(true);
      const res = await (await ApiClient.as(api.baseUrl, 'admin')).get('/api/v1/dev/mailbox');
      expect(res.status).toBe(404);
    } finally {
      await api.close();
    }
  });
});
