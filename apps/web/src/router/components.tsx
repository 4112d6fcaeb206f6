import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type AnchorHTMLAttributes,
  type ReactNode,
  type Ref,
} from 'react';
import { matchRoutes, type Params, type RouteObject } from './match';
import type { BlockerFunction, Location, NavigateOptions, Router, RouterState } from './router';

const RouterContext = createContext<Router | null>(null);
const StateContext = createContext<RouterState | null>(null);
const ParamsContext = createContext<Params>({});
/** What the nearest layout's `<Outlet />` shows: the next route down the matched chain. */
const OutletContext = createContext<ReactNode>(null);

function useRouter(): Router {
  const router = useContext(RouterContext);
  if (!router) throw new Error('used outside <RouterProvider>');
  return router;
}

function useRouterState(): RouterState {
  const state = useContext(StateContext);
  if (!state) throw new Error('used outside <RouterProvider>');
  return state;
}

/**
 * Renders the routes the address matches, outermost layout first. A change of address renders as a transition: the
 * page on screen stays until the next one's code has loaded (each page's Suspense boundary keeps it), as a
 * browser keeps a page until the next arrives.
 */
export function RouterProvider({ router }: { router: Router }) {
  const [state, setState] = useState(router.state);
  useLayoutEffect(() => {
    const unsubscribe = router.subscribe((next) => startTransition(() => setState(next)));
    setState(router.state); // a change between the first render and now
    return unsubscribe;
  }, [router]);
  const { pathname } = state.location;
  const match = useMemo(() => matchRoutes(router.branches, pathname), [router, pathname]);
  return (
    <RouterContext.Provider value={router}>
      <StateContext.Provider value={state}>
        <ParamsContext.Provider value={match?.params ?? {}}>
          {match ? chain(match.routes, 0) : null}
        </ParamsContext.Provider>
      </StateContext.Provider>
    </RouterContext.Provider>
  );
}

function chain(routes: readonly RouteObject[], level: number): ReactNode {
  if (level >= routes.length) return null;
  return (
    <OutletContext.Provider value={chain(routes, level + 1)}>
      {routes[level].element ?? <Outlet />}
    </OutletContext.Provider>
  );
}

/** Where a layout shows the page inside it. */
export function Outlet() {
  return useContext(OutletContext);
}

export function useLocation(): Location {
  return useRouterState().location;
}

/** The page's address parameters (`:id` in `/committee/requests/:id`). */
export function useParams(): Params {
  return useContext(ParamsContext);
}

export function useNavigate(): Router['navigate'] {
  return useRouter().navigate;
}

type SearchInit = URLSearchParams | Record<string, string>;

/** The address's query, and a setter that goes to the same page with another query. */
export function useSearchParams(): [URLSearchParams, (next: SearchInit, options?: NavigateOptions) => void] {
  const router = useRouter();
  const { search } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (next: SearchInit, options?: NavigateOptions) => {
      const query = new URLSearchParams(next).toString();
      router.navigate(`${router.state.location.pathname}${query ? `?${query}` : ''}`, options);
    },
    [router],
  );
  return [params, setParams];
}

export type Blocker =
  | { state: 'unblocked'; proceed?: undefined; reset?: undefined }
  | { state: 'blocked'; proceed: () => void; reset: () => void };

/** Holds navigations `shouldBlock` says yes to until `proceed` or `reset` (the unsaved-changes dialog). */
export function useBlocker(shouldBlock: BlockerFunction): Blocker {
  const router = useRouter();
  const { blocked } = useRouterState();
  const key = useId();
  const latest = useRef(shouldBlock);
  useEffect(() => {
    latest.current = shouldBlock;
  });
  useEffect(() => {
    router.setBlocker(key, (change) => latest.current(change));
    return () => router.setBlocker(key, null);
  }, [router, key]);
  return blocked?.blocker === key
    ? { state: 'blocked', proceed: blocked.proceed, reset: blocked.reset }
    : { state: 'unblocked' };
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  replace?: boolean;
  state?: unknown;
  preventScrollReset?: boolean;
  ref?: Ref<HTMLAnchorElement>;
}

/**
 * A link within the app: a plain click goes there without reloading; a click with a modifier key, a middle click
 * or a link for another window is left to the browser. A link to where the person already is replaces the entry.
 */
export function Link({ to, replace, state, preventScrollReset, onClick, ...anchor }: LinkProps) {
  const router = useRouter();
  return (
    <a
      {...anchor}
      href={to}
      onClick={(event) => {
        onClick?.(event);
        const ownWindow = !anchor.target || anchor.target === '_self';
        const modified = event.metaKey || event.altKey || event.ctrlKey || event.shiftKey;
        if (event.defaultPrevented || event.button !== 0 || !ownWindow || modified) return;
        event.preventDefault();
        const { pathname, search, hash } = router.state.location;
        router.navigate(to, { replace: replace ?? pathname + search + hash === to, state, preventScrollReset });
      }}
    />
  );
}

/** Goes to `to` when rendered (a redirect). */
export function Navigate({ to, replace, state }: { to: string } & Pick<NavigateOptions, 'replace' | 'state'>) {
  const router = useRouter();
  const options = useRef({ replace, state });
  useEffect(() => {
    router.navigate(to, options.current);
  }, [router, to]);
  return null;
}

function fragmentId(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/**
 * A new page starts at the top (or at its `#part`); back and forward return to where the person was on that entry;
 * a navigation with `preventScrollReset` (filters within a list) leaves the window where it is.
 */
export function ScrollRestoration() {
  const router = useRouter();
  const { location, action, preventScrollReset } = useRouterState();
  useEffect(() => {
    window.history.scrollRestoration = 'manual';
    return () => {
      window.history.scrollRestoration = 'auto';
    };
  }, []);
  useLayoutEffect(() => {
    const saved = action === 'POP' ? router.scrollPositions[location.key] : undefined;
    if (saved !== undefined) {
      window.scrollTo(0, saved);
      return;
    }
    const target = location.hash ? document.getElementById(fragmentId(location.hash)) : null;
    if (target) target.scrollIntoView();
    else if (!preventScrollReset) window.scrollTo(0, 0);
  }, [router, location, action, preventScrollReset]);
  return null;
}
