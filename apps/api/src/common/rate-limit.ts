import { ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SESSION_COOKIE } from '../auth/auth.service';
import { Counters } from './counters';

const MINUTE_MS = 60_000;
const SKIP_RATE_LIMIT = 'rate-limit:skip';
const TOO_MANY = 'Too many requests; slow down and try again shortly';

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
 * the caller's session, so the two round trips overlap.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly reflector: Reflector,
    private readonly counters: Counters,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts the call against its limits and sets their headers; throws (429) past one of them. */
  async count(context: ExecutionContext): Promise<void> {
    if (this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, [context.getHandler(), context.getClass()])) return;
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const session = sessionOf(req);
    const limits = [
      ...(session ? [{ name: 'session', limit: this.config.app.RATE_LIMIT_SESSION_PER_MINUTE, tracker: session }] : []),
      { name: 'address', limit: this.config.app.RATE_LIMIT_ADDRESS_PER_MINUTE, tracker: req.ip ?? 'unknown' },
    ];
    const counts = await this.counters.hitAll(
      limits.map(({ name, tracker }) => this.counters.key('rate', name, `${name}:${tracker}`)),
      MINUTE_MS,
    );
    limits.forEach(({ name, limit }, i) => {
      const { count, msLeft } = counts[i];
      const secondsLeft = Math.max(Math.ceil(msLeft / 1000), 1);
      // A fixed window: over the limit, the caller waits for the window to end.
      if (count > limit) {
        res.header(`Retry-After-${name}`, String(secondsLeft));
        res.header('Retry-After', String(secondsLeft));
        throw new ThrottlerException(TOO_MANY);
      }
      res.header(`RateLimit-Limit-${name}`, String(limit));
      res.header(`RateLimit-Remaining-${name}`, String(Math.max(0, limit - count)));
      res.header(`RateLimit-Reset-${name}`, String(secondsLeft));
    });
  }
}
