import { ExecutionContext, Injectable, Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  SkipThrottle,
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
  type ThrottlerLimitDetail,
} from '@nestjs/throttler';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SESSION_COOKIE } from '../auth/auth.service';
import { Counters } from './counters';

const MINUTE_MS = 60_000;

/** Exempts a controller or route from the API-wide limit (health probes). */
export const SkipRateLimit = (): MethodDecorator & ClassDecorator => SkipThrottle({ session: true, address: true });

/** @nestjs/throttler's storage on the shared counters: Redis, or this process while Redis is down. */
export class CountersThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly counters: Counters) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, name: string): Promise<Awaited<ReturnType<ThrottlerStorage['increment']>>> {
    const { count, msLeft } = await this.counters.hit(this.counters.key('rate', name, key), ttl);
    const secondsLeft = Math.max(Math.ceil(msLeft / 1000), 1);
    // A fixed window: over the limit, the caller waits for the window to end.
    return { totalHits: count, timeToExpire: secondsLeft, isBlocked: count > limit, timeToBlockExpire: secondsLeft };
  }
}

/** The session token a request carries (bearer or cookie), hashed: the per-session limit's key. */
function sessionOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return token ? createHash('sha256').update(token).digest('hex').slice(0, 32) : undefined;
}

/**
 * The API-wide limit: per session and per client address (the socket's, or the one a trusted proxy reports),
 * one count for the whole API rather than per route, with `RateLimit-Limit-<name>`, `RateLimit-Remaining-<name>`
 * and `RateLimit-Reset-<name>` headers, and 429 with Retry-After past it. Health probes are exempt (@SkipThrottle).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(@InjectThrottlerOptions() options: ThrottlerModuleOptions, @InjectThrottlerStorage() storage: ThrottlerStorage, reflector: Reflector) {
    super(options, storage, reflector);
    this.headerPrefix = 'RateLimit';
  }

  // The named throttlers' headers are Retry-After-session and Retry-After-address; clients look for Retry-After.
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    this.getRequestResponse(context).res.header('Retry-After', String(detail.timeToBlockExpire));
    return super.throwThrottlingException(context, detail);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, Counters],
      useFactory: (config: AppConfig, counters: Counters): ThrottlerModuleOptions => ({
        storage: new CountersThrottlerStorage(counters),
        errorMessage: 'Too many requests; slow down and try again shortly',
        throttlers: [
          {
            name: 'session',
            ttl: MINUTE_MS,
            limit: config.app.RATE_LIMIT_SESSION_PER_MINUTE,
            skipIf: (context) => !sessionOf(context.switchToHttp().getRequest<Request>()),
            getTracker: (req) => sessionOf(req as Request)!,
          },
          {
            name: 'address',
            ttl: MINUTE_MS,
            limit: config.app.RATE_LIMIT_ADDRESS_PER_MINUTE,
            getTracker: (req) => (req as Request).ip ?? 'unknown',
          },
        ],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
