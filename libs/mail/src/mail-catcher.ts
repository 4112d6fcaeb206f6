import { simpleParser, AddressObject } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ReceiptLog, ReceiptsServer } from './mail-receipts';

export interface CaughtMessage {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

export interface MailCatcherOptions {
  port: number;
  host?: string;
  /** How many messages to keep in memory (the oldest go first). */
  keep?: number;
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? '').filter(Boolean));

/**
 * The demo mailbox: a real SMTP server (smtp-server) on loopback that parses what it receives (mailparser)
 * and keeps the last messages in memory. Like many mailbox stores it keeps one copy per Message-ID, so a
 * message re-sent after a crash shows once. It answers receipts (mail-receipts.ts) for far more messages than
 * it keeps, so a worker that died mid-send asks it instead of sending again.
 */
export class MailCatcher {
  private readonly server: SMTPServer;
  private readonly messages: CaughtMessage[] = [];
  private readonly seen = new Set<string>();
  private readonly receipts = new ReceiptLog();
  private readonly receiptsServer = new ReceiptsServer(this.receipts.lookup);
  private readonly keep: number;
  private boundPort: number | null = null;

  constructor(private readonly options: MailCatcherOptions) {
    this.keep = options.keep ?? 200;
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      disableReverseLookup: true,
      size: 10 * 1024 * 1024,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.store({
              messageId: mail.messageId ?? `<no-id-${Date.now()}@catcher>`,
              from: mail.from?.text ?? '',
              to: addresses(mail.to),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              receivedAt: new Date().toISOString(),
            });
            callback(null, 'Message caught');
          },
          (err: Error) => callback(err),
        );
      },
    });
    // A client that goes away mid-session (a worker killed while sending) resets its connection; without a
    // listener that 'error' event would take the API process down with it.
    this.server.on('error', () => undefined);
  }

  get port(): number | null {
    return this.boundPort;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.server.server.once('error', onError);
      this.server.listen(this.options.port, this.options.host ?? '127.0.0.1', () => {
        this.server.server.off('error', onError);
        this.boundPort = (this.server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  /** Serves receipts on `port` (loopback); separate from start() so a taken port costs only the receipts. */
  async startReceipts(port: number): Promise<void> {
    await this.receiptsServer.start(port, this.options.host ?? '127.0.0.1');
  }

  async stop(): Promise<void> {
    await this.receiptsServer.stop();
    if (this.boundPort === null) return;
    this.boundPort = null;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Newest first. */
  list(): CaughtMessage[] {
    return [...this.messages].reverse();
  }

  private store(message: CaughtMessage): void {
    this.receipts.add(message.messageId, message.receivedAt);
    if (this.seen.has(message.messageId)) return;
    this.seen.add(message.messageId);
    this.messages.push(message);
    while (this.messages.length > this.keep) this.seen.delete(this.messages.shift()!.messageId);
  }
}
