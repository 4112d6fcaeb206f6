import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import type { Role } from '@app/domain';

const WEB_SOURCE = path.resolve(__dirname, '../../../apps/web/src');
const ROUTES_FILE = path.join(WEB_SOURCE, 'routes.tsx');
const ROLES_FILE = path.join(WEB_SOURCE, 'auth/roles.ts');

/** One address pattern of the web app ("/committee/requests/:id"), and who may open it (none: anyone). */
export interface RoutePattern {
  path: string;
  roles: readonly Role[] | null;
}

/**
 * Every route of the web app, read from the routes table itself (apps/web/src/routes.tsx) so tests that walk
 * the app cover a page the day it is added. Its rows are object literals with a `path` string and, for signed-in
 * pages, `roles` naming a list of auth/roles.ts (or a literal array of roles).
 */
export function webRoutes(): RoutePattern[] {
  const roleLists = namedRoleLists();
  const routes: RoutePattern[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const pathValue = property(node, 'path');
      if (pathValue && ts.isStringLiteralLike(pathValue)) {
        const rolesValue = property(node, 'roles');
        routes.push({ path: pathValue.text, roles: rolesValue ? rolesOf(rolesValue, roleLists) : null });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(ROUTES_FILE));
  if (!routes.some((route) => route.roles)) throw new Error(`no signed-in routes found in ${ROUTES_FILE}`);
  return routes;
}

function property(node: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const member of node.properties) {
    if (ts.isPropertyAssignment(member) && ts.isIdentifier(member.name) && member.name.text === name) {
      return member.initializer;
    }
  }
  return undefined;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** The role lists of auth/roles.ts (`COMMITTEE_ROLES = [...] as const satisfies ...`), by name. */
function namedRoleLists(): Map<string, readonly Role[]> {
  const lists = new Map<string, readonly Role[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const roles = literalRoles(node.initializer);
      if (roles) lists.set(node.name.text, roles);
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(ROLES_FILE));
  return lists;
}

function literalRoles(value: ts.Expression): readonly Role[] | undefined {
  while (ts.isSatisfiesExpression(value) || ts.isAsExpression(value) || ts.isParenthesizedExpression(value)) {
    value = value.expression;
  }
  if (!ts.isArrayLiteralExpression(value) || !value.elements.every(ts.isStringLiteralLike)) return undefined;
  return value.elements.map((element) => (element as ts.StringLiteralLike).text as Role);
}

function rolesOf(value: ts.Expression, roleLists: Map<string, readonly Role[]>): readonly Role[] {
  const roles = ts.isIdentifier(value) ? roleLists.get(value.text) : literalRoles(value);
  if (!roles) throw new Error(`routes.tsx: cannot read the roles "${value.getText()}"`);
  return roles;
}

/**
 * The pattern an address opens, as the app's router ranks them (apps/web/src/router/match.ts): a static segment ("/agency/requests/new") wins over
 * a parameter ("/agency/requests/:id").
 */
export function patternOf(patterns: readonly string[], pathname: string): string | undefined {
  const segments = pathname.split('/').filter(Boolean);
  const matching = patterns.filter((pattern) => {
    const parts = pattern.split('/').filter(Boolean);
    return (
      parts.length === segments.length &&
      parts.every((part, index) => part.startsWith(':') || part === decodeURIComponent(segments[index]))
    );
  });
  const parameters = (pattern: string) => pattern.split('/').filter((part) => part.startsWith(':')).length;
  return matching.sort((a, b) => parameters(a) - parameters(b))[0];
}
