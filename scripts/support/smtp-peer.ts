import { simpleParser, AddressObject } from 'mailparser';
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ReceiptLog, ReceiptsServer } from '@app/mail';

/** Every message the peer was handed (DATA), whatever it answered. */
export interface Submission {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** 250, or the failure code the peer was told to answer with. */
  code: number;
  at: number;
}

interface FailureRule {
  remaining: number;
  /** The reply code, or `drop`: accept the message, then go down and come back without replying. */
  code: number | 'drop';
  match?: (s: Submission) => boolean;
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? '').filter(Boolean));

/**
 * A real SMTP server in the calling process (smtp-server + mailparser) with faults on demand: answer 4xx/5xx
 * for the next N messages, go down and come back on the same port. The e2e tests and the fault suite
 * (scripts/faults.ts) use it as the independent receiving side. `submissions` records every attempt (unless
 * told not to keep them); `mailbox()` is what a recipient's store would hold — one copy per Message-ID, as
 * mailbox stores and many MTAs de-duplicate; `acceptedCount` says how often a Message-ID was accepted (more
 * than 1 = sent twice). It answers mail receipts at `receiptsUrl` (libs/mail/src/mail-receipts.ts), also
 * while its SMTP side is down, as a mail store behind a server would.
 */
export class SmtpPeer {
  readonly submissions: Submission[] = [];
  private server: SMTPServer | null = null;
  private rules: FailureRule[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly acceptedCounts = new Map<string, number>();
  private readonly receipts = new ReceiptLog(Number.MAX_SAFE_INTEGER);
  private readonly receiptsServer = new ReceiptsServer(this.receipts.lookup);

  private constructor(
    public port: number,
    private readonly keepSubmissions: boolean,
  ) {}

  /** `keepSubmissions: false` keeps only the counts per Message-ID (a long run of thousands of e-mails). */
  static async start(port = 0, { keepSubmissions = true }: { keepSubmissions?: boolean } = {}): Promise<SmtpPeer> {
    const peer = new SmtpPeer(port, keepSubmissions);
    await peer.receiptsServer.start(0);
    await peer.up();
    return peer;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get receiptsUrl(): string {
    return `http://127.0.0.1:${this.receiptsServer.port}`;
  }

  /** Answer `code` (e.g. 421, 550) after DATA for the next `count` messages that `match` (default: any). */
  failNext(count: number, code: number, match?: (s: Submission) => boolean): void {
    this.rules.push({ remaining: count, code, match });
  }

  /**
   * Accept the next `count` messages that `match` (counted and in the receipts), then drop every connection before
   * replying, as a server that dies just after storing a message: the client cannot know the message arrived.
   */
  dropAfterAccepting(count: number, match?: (s: Submission) => boolean): void {
    this.rules.push({ remaining: count, code: 'drop', match });
  }

  /** Accepted messages, one per Message-ID (the first copy), oldest first. */
  mailbox(): Submission[] {
    const seen = new Set<string>();
    return this.accepted().filter((s) => (seen.has(s.messageId) ? false : (seen.add(s.messageId), true)));
  }

  accepted(): Submission[] {
    return this.submissions.filter((s) => s.code === 250);
  }

  /** How often the server accepted a message with this Message-ID (more than 1 = a resend). */
  acceptedCount(messageId: string): number {
    return this.acceptedCounts.get(messageId) ?? 0;
  }

  to(address: string): Submission[] {
    return this.mailbox().filter((s) => s.to.includes(address));
  }

  /** Stop listening and drop open connections: clients get connection refused until `up()`. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async up(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      disableReverseLookup: true,
      closeTimeout: 50,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            const submission: Submission = {
              messageId: mail.messageId ?? '',
              from: mail.from?.text ?? '',
              to: addresses(mail.to),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              code: 250,
              at: Date.now(),
            };
            const rule = this.rules.find((r) => r.remaining > 0 && (!r.match || r.match(submission)));
            if (rule) rule.remaining--;
            if (rule && rule.code !== 'drop') submission.code = rule.code;
            if (this.keepSubmissions) this.submissions.push(submission);
            // Going down (down() was called): the connection is told 421, so the message is not taken.
            if (this.server !== server) return callback(Object.assign(new Error('Server shutting down (test peer)'), { responseCode: 421 }));
            if (!rule || rule.code === 'drop') {
              this.acceptedCounts.set(submission.messageId, this.acceptedCount(submission.messageId) + 1);
              this.receipts.add(submission.messageId);
            }
            if (!rule) return callback(null, 'OK: queued');
            if (rule.code === 'drop') return void this.sockets.forEach((socket) => socket.destroy());
            const err = new Error(rule.code >= 500 ? 'Mailbox unavailable (test peer)' : 'Try again later (test peer)') as Error & { responseCode: number };
            err.responseCode = rule.code;
            callback(err);
          },
          (err: Error) => callback(err),
        );
      },
    });
    // A client killed mid-session resets its connection; that is the client's fault, not the test's.
    server.on('error', () => undefined);
    server.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.server.off('error', reject);
        this.port = (server.server.address() as AddressInfo).port;
        resolve();
      });
    });
    this.server = server;
  }

  async close(): Promise<void> {
    await this.down();
    await this.receiptsServer.stop();
  }
}
