import type { ReactNode } from 'react';

/**
 * One route of the app's table: a page at `path` (absolute, `:name` for a parameter, `*` for anything), or a layout
 * without a path whose `children` render in its `<Outlet />`.
 */
export interface RouteObject {
  path?: string;
  element?: ReactNode;
  children?: RouteObject[];
}

export type Params = Readonly<Record<string, string | undefined>>;

/** A path's parts, without empty ones: `/a//b/` and `/a/b` are the same address. */
const segmentsOf = (path: string): string[] => path.split('/').filter(Boolean);

/**
 * The parameters of `pathname` if it is an address of `pattern` (`/committee/requests/:id`), else null. Letters
 * compare without case, as a browser's address bar suggests them; `*` at the end takes the rest.
 */
export function matchPath(pattern: string, pathname: string): { params: Params } | null {
  const expected = segmentsOf(pattern);
  const actual = segmentsOf(pathname);
  const params: Record<string, string> = {};
  for (let i = 0; i < expected.length; i++) {
    const part = expected[i];
    if (part === '*') {
      params['*'] = actual.slice(i).map(decode).join('/');
      return { params };
    }
    if (i >= actual.length) return null;
    if (part.startsWith(':')) params[part.slice(1)] = decode(actual[i]);
    else if (part.toLowerCase() !== actual[i].toLowerCase()) return null;
  }
  return expected.length === actual.length ? { params } : null;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray `%` stays as typed
  }
}

/** A page of the table with the layouts around it, outermost first. */
interface Branch {
  path: string;
  routes: RouteObject[];
  rank: number;
  order: number;
}

/**
 * How specific a pattern is: a fixed part outranks a parameter, which outranks `*`; so `/agency/requests/new` is
 * chosen over `/agency/requests/:id` whatever their order in the table.
 */
function rank(pattern: string): number {
  return segmentsOf(pattern).reduce((sum, part) => sum + (part === '*' ? -2 : part.startsWith(':') ? 3 : 10), 0);
}

/** Every page of the table with its layouts, the most specific first (table order among equals). */
export function branchesOf(routes: readonly RouteObject[]): Branch[] {
  const branches: Branch[] = [];
  const walk = (level: readonly RouteObject[], parents: RouteObject[]) => {
    for (const route of level) {
      const chain = [...parents, route];
      if (route.children) walk(route.children, chain);
      else if (route.path !== undefined)
        branches.push({ path: route.path, routes: chain, rank: rank(route.path), order: branches.length });
    }
  };
  walk(routes, []);
  return branches.sort((a, b) => b.rank - a.rank || a.order - b.order);
}

/** The routes `pathname` renders, outermost layout first, with the page's parameters; null when no page matches. */
export function matchRoutes(
  branches: readonly Branch[],
  pathname: string,
): { routes: RouteObject[]; params: Params } | null {
  for (const branch of branches) {
    const match = matchPath(branch.path, pathname);
    if (match) return { routes: branch.routes, params: match.params };
  }
  return null;
}
