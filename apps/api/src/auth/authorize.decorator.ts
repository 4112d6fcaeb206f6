import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@app/domain';
import type { AuthUser } from './auth-user';

export const ROLES_KEY = 'authorize:roles';
export const PUBLIC_KEY = 'authorize:public';

/**
 * Restricts a route (or controller) to these roles; with no roles, any signed-in user. Every route declares this
 * or `@Public()` (test/integration/route-access.test.ts), so who may call it is written where it is defined.
 */
export const Authorize = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Opens a route to anonymous callers. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

export const COMMITTEE: Role[] = ['committee_admin', 'committee_member'];
export const AGENCY: Role[] = ['agency_coordinator', 'agency_member'];

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
