import { createTransport, Transporter } from 'nodemailer';
import type { AppConfig } from '@app/config';

export type MailSettings = AppConfig['mail'];

/** The demo mail catcher runs when no real SMTP server is configured (and it is not switched off). */
export function demoCatcherEnabled(mail: MailSettings): boolean {
  return !mail.SMTP_URL && mail.MAIL_CATCHER === 'on';
}

/** Where e-mail goes: the configured server, or the demo catcher on this machine. */
export function smtpUrl(mail: MailSettings): string {
  return mail.SMTP_URL ?? `smtp://127.0.0.1:${mail.DEMO_SMTP_PORT}`;
}

/**
 * A nodemailer transport. Pooled by default: a few long-lived connections each carry many messages, which is
 * what one worker process should hold (closed on shutdown). `pool: false` opens one connection per message
 * (the benchmark's baseline). Timeouts are short so a dead server frees the job for a retry quickly.
 */
export function createMailTransport(mail: MailSettings, { pool = true }: { pool?: boolean } = {}): Transporter {
  const demo = !mail.SMTP_URL;
  return createTransport({
    url: smtpUrl(mail),
    pool,
    maxConnections: mail.MAIL_POOL_SIZE,
    maxMessages: 500,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // The catcher on loopback speaks plain SMTP; a real server negotiates STARTTLS as it offers.
    ...(demo ? { ignoreTLS: true } : {}),
  } as Parameters<typeof createTransport>[0]);
}
