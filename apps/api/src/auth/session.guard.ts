import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '@app/domain';
import { localizedError } from '@app/common';
import { AuthService, SESSION_COOKIE } from './auth.service';
import { PUBLIC_KEY, ROLES_KEY } from './authorize.decorator';
import { RateLimiter } from '../common/rate-limit';

/**
 * The one guard every route goes through: it counts the call against the API-wide rate limits, resolves the session
 * (cookie or bearer token) and checks the route's roles. Object-level scope (which organisation's records) is checked
 * by each service.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<Request & { user?: unknown }>();
    const token = bearerToken(req) ?? (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    // A caller this process already refused in the current window is refused again before any round trip. Otherwise
    // the count (Redis) and the session (PostgreSQL) at once: one wait instead of two. Past a limit the call is
    // refused (429) whatever its session, as when the limit was checked first.
    this.rateLimiter.refuseKnown(context);
    const [, user] = await Promise.all([this.rateLimiter.count(context), token ? this.auth.resolveSession(token) : null]);
    if (user) req.user = user;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (!user) throw localizedError('unauthorized', 'errors.signIn');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !roles.includes(user.role)) {
      throw localizedError('forbidden', 'errors.roleMayNot');
    }
    return true;
  }
}

function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}
