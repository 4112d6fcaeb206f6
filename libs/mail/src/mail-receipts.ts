import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MailSettings } from './mail-transport';

/**
 * Mail receipts: a tiny HTTP interface to the store behind an SMTP server, answering "has the message with this
 * Message-ID been received?". SMTP itself cannot be asked, so a worker that died between the server's `250` and
 * recording `sent` would otherwise have to send again. `GET <base>/<Message-ID, URL-encoded>` answers
 * 200 `{ messageId, receivedAt }` when it has the message and 404 when it has not.
 */
export interface MailReceipt {
  messageId: string;
  receivedAt: string;
}

/** When the store received this Message-ID, if it did. */
export type ReceiptLookup = (messageId: string) => string | undefined;

/** The receipts source the worker asks: SMTP_RECEIPTS_URL, else the demo catcher's when the demo catcher runs. */
export function receiptsUrl(mail: MailSettings): string | undefined {
  if (mail.SMTP_RECEIPTS_URL) return mail.SMTP_RECEIPTS_URL;
  return !mail.SMTP_URL && mail.MAIL_CATCHER === 'on' ? `http://127.0.0.1:${mail.DEMO_RECEIPTS_PORT}` : undefined;
}

/** Serves receipts from `lookup` on loopback; `port` 0 picks a free one. */
export class ReceiptsServer {
  private server: Server | null = null;

  constructor(private readonly lookup: ReceiptLookup) {}

  get port(): number | null {
    return (this.server?.address() as AddressInfo | null)?.port ?? null;
  }

  async start(port: number, host = '127.0.0.1'): Promise<void> {
    const server = createServer((req, res) => {
      const messageId = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0]);
      const receivedAt = req.method === 'GET' && messageId ? this.lookup(messageId) : undefined;
      res.writeHead(receivedAt ? 200 : 404, { 'content-type': 'application/json' });
      res.end(receivedAt ? JSON.stringify({ messageId, receivedAt } satisfies MailReceipt) : '{}');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Asks a receipts source about one Message-ID: its receipt, or null when the store does not have it. Throws when the source does not answer. */
export async function fetchReceipt(baseUrl: string, messageId: string, timeoutMs = 5_000): Promise<MailReceipt | null> {
  const res = await fetch(`${baseUrl.replace(/\/$/, '')}/${encodeURIComponent(messageId)}`, { signal: AbortSignal.timeout(timeoutMs) });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`The mail receipts source answered ${res.status}`);
  return (await res.json()) as MailReceipt;
}

/** The Message-IDs a store received, with when, forgetting the oldest beyond `limit`. */
export class ReceiptLog {
  private readonly received = new Map<string, string>();

  constructor(private readonly limit = 100_000) {}

  /** Notes a received message; false when it had been received before. */
  add(messageId: string, receivedAt = new Date().toISOString()): boolean {
    if (this.received.has(messageId)) return false;
    this.received.set(messageId, receivedAt);
    if (this.received.size > this.limit) this.received.delete(this.received.keys().next().value!);
    return true;
  }

  readonly lookup: ReceiptLookup = (messageId) => this.received.get(messageId);
}
