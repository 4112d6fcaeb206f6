import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DomainError, localizedError } from '@app/common';
import { Counters } from '../common/counters';

const DAY_MS = 24 * 3600_000;
// Each further lock of one account within a day doubles, up to this many minutes.
const MAX_LOCK_MINUTES = 24 * 60;

/**
 * Failed sign-ins, counted three ways so that neither forged addresses nor many accounts get round it:
 * - per account, from any address: LOGIN_MAX_FAILURES within LOGIN_LOCK_MINUTES lock the account for that long,
 *   each further lock within a day twice as long (backoff); the right password is refused while locked;
 * - per client address, for any accounts: LOGIN_ADDRESS_MAX_FAILURES within the window;
 * - across all clients: LOGIN_GLOBAL_MAX_FAILURES within the window (a spray over many addresses).
 * The address is the socket's unless TRUSTED_PROXIES names the proxy in front (configure-app.ts). Unknown
 * e-mails are counted like real ones and every refusal reads the same, so the answer never tells whether an
 * account exists.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly counters: Counters,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get windowMs(): number {
    return this.config.auth.LOGIN_LOCK_MINUTES * 60_000;
  }

  private keys(email: string, ip: string) {
    // Hashed so the keys do not hold e-mail addresses.
    const account = createHash('sha256').update(email).digest('hex').slice(0, 32);
    return {
      accountFailures: this.counters.key('login', 'account-failures', account),
      accountLock: this.counters.key('login', 'account-lock', account),
      accountLocks: this.counters.key('login', 'account-locks', account),
      address: this.counters.key('login', 'address-failures', ip),
      global: this.counters.key('login', 'global-failures'),
    };
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const k = this.keys(email, ip);
    const { auth } = this.config;
    const [lock, address, global] = await Promise.all([this.counters.peek(k.accountLock), this.counters.peek(k.address), this.counters.peek(k.global)]);
    const waits = [
      lock.count > 0 ? lock.msLeft : 0,
      address.count >= auth.LOGIN_ADDRESS_MAX_FAILURES ? address.msLeft : 0,
      global.count >= auth.LOGIN_GLOBAL_MAX_FAILURES ? global.msLeft : 0,
    ];
    const waitMs = Math.max(...waits);
    if (waitMs > 0) throw tooMany(waitMs);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const k = this.keys(email, ip);
    const [account] = await Promise.all([
      this.counters.hit(k.accountFailures, this.windowMs),
      this.counters.hit(k.address, this.windowMs),
      this.counters.hit(k.global, this.windowMs),
    ]);
    if (account.count >= this.config.auth.LOGIN_MAX_FAILURES) {
      const locks = await this.counters.hit(k.accountLocks, DAY_MS);
      const minutes = Math.min(this.config.auth.LOGIN_LOCK_MINUTES * 2 ** Math.min(locks.count - 1, 16), MAX_LOCK_MINUTES);
      await this.counters.set(k.accountLock, 1, minutes * 60_000);
      await this.counters.clear(k.accountFailures);
    }
  }

  /** A successful sign-in forgets the account's failures; the address's stay (one good account must not reset them). */
  async reset(email: string, ip: string): Promise<void> {
    const k = this.keys(email, ip);
    await this.counters.clear(k.accountFailures, k.accountLocks);
  }
}

function tooMany(waitMs: number): DomainError {
  const retryAfterSeconds = Math.max(Math.ceil(waitMs / 1000), 1);
  return localizedError('rate_limited', 'errors.tooManySignIns', { minutes: Math.ceil(retryAfterSeconds / 60) }, { retryAfterSeconds });
}
