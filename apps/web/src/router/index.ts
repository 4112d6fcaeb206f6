// The app's router: the address, its history and the page it shows, with what the app needs and no more (links,
// redirects, parameters, queries, the unsaved-changes blocker, window positions). docs/performance.md says why it
// is the app's own: React Router was 29 KiB of the first load's 150 KiB budget.
import type { RouteObject } from './match';
import { Router } from './router';

export {
  Link,
  Navigate,
  Outlet,
  RouterProvider,
  ScrollRestoration,
  useBlocker,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from './components';
export { matchPath, type RouteObject } from './match';
export type { Location, NavigateOptions, Router } from './router';

export function createRouter(routes: readonly RouteObject[]): Router {
  return new Router(routes);
}
