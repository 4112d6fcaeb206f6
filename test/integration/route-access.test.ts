import { Controller, Get, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { Authorize, Public, PUBLIC_KEY, ROLES_KEY } from '../../apps/api/src/auth/authorize.decorator';
import { startApiInProcess } from '../support/platform';

/**
 * Every route says who may call it: `@Authorize(...)` (on the route or its controller) or `@Public()`. A route
 * with neither still needs a session (session.guard.ts), but only by default, so an omission would go unseen.
 * The guard checks `@Public()` first: a route may be public inside an authorised controller, but roles named
 * beside or below a `@Public()` would silently not apply.
 */
function undeclaredRoutes(controllers: Type[], reflector: Reflector): { neither: string[]; both: string[] } {
  const scanner = new MetadataScanner();
  const neither: string[] = [];
  const both: string[] = [];
  for (const controller of controllers) {
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as Type;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      const isPublic = reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, [handler, controller]) === true;
      const rolesOn = (target: Type) => reflector.get<unknown>(ROLES_KEY, target) !== undefined;
      const publicController = reflector.get<boolean | undefined>(PUBLIC_KEY, controller) === true;
      const route = `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod]} ${controller.name}.${name}`;
      if (!isPublic && !rolesOn(handler) && !rolesOn(controller)) neither.push(route);
      if (isPublic && (rolesOn(handler) || (publicController && rolesOn(controller)))) both.push(route);
    }
  }
  return { neither, both };
}

describe('route access', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  beforeAll(async () => {
    api = await startApiInProcess();
  });
  afterAll(() => api.close());

  it('declares every route of the running API either authorised or public, never both', () => {
    const discovery = new DiscoveryService(api.app.get(ModulesContainer));
    const controllers = discovery.getControllers().map((wrapper) => wrapper.metatype as Type);
    expect(controllers.length).toBeGreaterThan(10);
    expect(undeclaredRoutes(controllers, api.app.get(Reflector))).toEqual({ neither: [], both: [] });
    // Engagements (issue 12): signed-in routes with their roles, and the public register's published notes.
    expect(controllers.map((c) => c.name)).toEqual(expect.arrayContaining(['EngagementsController', 'PublicEngagementsController']));
  });

  it('finds a route with neither and roles the guard would not apply', () => {
    @Controller('probe')
    @Authorize()
    class Declared {
      @Get('signed-in') signedIn(): void {}
      @Public() @Get('open') open(): void {}
    }
    @Controller('probe')
    class Undeclared {
      @Get('forgotten') forgotten(): void {}
      @Public() @Get('open') open(): void {}
      @Public() @Authorize('committee_admin') @Get('confused') confused(): void {}
      notARoute(): void {}
    }
    @Controller('probe')
    @Public()
    class Open {
      @Get('open') open(): void {}
      @Authorize('committee_admin') @Get('admin') admin(): void {}
    }
    expect(undeclaredRoutes([Declared, Undeclared, Open], new Reflector())).toEqual({
      neither: ['GET Undeclared.forgotten'],
      both: ['GET Undeclared.confused', 'GET Open.admin'],
    });
  });
});
