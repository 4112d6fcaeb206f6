import { ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { DomainError, localizedError } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SESSION_COOKIE } from '../auth/auth.service';
import { Counters } from './counters';

const MINUTE_MS = 60_000;
const SKIP_RATE_LIMIT = 'rate-limit:skip';
/** Past this many remembered refusals, the ended ones are forgotten at the next refusal. */
const REFUSALS_KEPT = 10_000;

function tooMany(secondsLeft: number): DomainError {
  return localizedError('rate_limited', 'errors.tooManyRequests', { seconds: secondsLeft }, { retryAfterSeconds: secondsLeft });
}

/** Exempts a controller or route from the API-wide limit (health probes). */
export const SkipRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(SKIP_RATE_LIMIT, true);

/** The session token a request carries (bearer or cookie), hashed: the per-session limit's key. */
function sessionOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return token ? createHash('sha256').update(token).digest('hex').slice(0, 32) : undefined;
}

/**
 * The API-wide limit: per session and per client address (the socket's, or the one a trusted proxy reports),
 * one count for the whole API rather than per route, in fixed one-minute windows, with `RateLimit-Limit-<name>`,
 * `RateLimit-Remaining-<name>` and `RateLimit-Reset-<name>` headers, and 429 with Retry-After past it. Health
 * probes are exempt (@SkipRateLimit). Both counts go to Redis as one command (Counters.hitAll, shared by the calls
 * of one turn of the event loop), so every API process shares them; the session guard counts a call while it reads
 * the caller's session, so the two round trips overlap. Once a tracker is refused, this process remembers it until
 * its window ends and refuses its calls before either round trip (`refuseKnown`): a flood past the limit costs
 * neither Redis nor a PostgreSQL connection.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly reflector: Reflector,
    private readonly counters: Counters,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Trackers refused in this process, and when (epoch ms) their window ends. */
  private readonly refusedUntil = new Map<string, number>();

  private limitsOf(context: ExecutionContext): { name: string; limit: number; tracker: string }[] | null {
    if (this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, [context.getHandler(), context.getClass()])) return null;
    const req = context.switchToHttp().getRequest<Request>();
    const session = sessionOf(req);
    return [
      ...(session ? [{ name: 'session', limit: this.config.app.RATE_LIMIT_SESSION_PER_MINUTE, tracker: `session:${session}` }] : []),
      { name: 'address', limit: this.config.app.RATE_LIMIT_ADDRESS_PER_MINUTE, tracker: `address:${req.ip ?? 'unknown'}` },
    ];
  }

  /** Throws (429) at once when this process already refused one of the call's trackers in the current window. */
  refuseKnown(context: ExecutionContext): void {
    if (!this.refusedUntil.size) return;
    const now = Date.now();
    for (const { name, tracker } of this.limitsOf(context) ?? []) {
      const until = this.refusedUntil.get(tracker);
      if (until === undefined) continue;
      if (until <= now) {
        this.refusedUntil.delete(tracker);
        continue;
      }
      throw this.refuse(context.switchToHttp().getResponse<Response>(), name, Math.max(Math.ceil((until - now) / 1000), 1));
    }
  }

  private refuse(res: Response, name: string, secondsLeft: number): DomainError {
    res.header(`Retry-After-${name}`, String(secondsLeft));
    res.header('Retry-After', String(secondsLeft));
    return tooMany(secondsLeft);
  }

  private remember(tracker: string, until: number): void {
    if (this.refusedUntil.size >= REFUSALS_KEPT) {
      const now = Date.now();
      for (const [key, ends] of this.refusedUntil) if (ends <= now) this.refusedUntil.delete(key);
    }
    if (this.refusedUntil.size < REFUSALS_KEPT) this.refusedUntil.set(tracker, until);
  }

  /** Counts the call against its limits and sets their headers; throws (429) past one of them. */
  async count(context: ExecutionContext): Promise<void> {
    const limits = this.limitsOf(context);
    if (!limits) return;
    const res = context.switchToHttp().getResponse<Response>();
    const counts = await this.counters.hitAll(
      limits.map(({ name, tracker }) => this.counters.key('rate', name, tracker)),
      MINUTE_MS,
    );
    limits.forEach(({ name, limit, tracker }, i) => {
      const { count, msLeft } = counts[i];
      const secondsLeft = Math.max(Math.ceil(msLeft / 1000), 1);
      // A fixed window: over the limit, the caller waits for the window to end.
      if (count > limit) {
        this.remember(tracker, Date.now() + msLeft);
        throw this.refuse(res, name, secondsLeft);
      }
      res.header(`RateLimit-Limit-${name}`, String(limit));
      res.header(`RateLimit-Remaining-${name}`, String(Math.max(0, limit - count)));
      res.header(`RateLimit-Reset-${name}`, String(secondsLeft));
    });
  }
}
