import { createContext, lazy, useContext, type ReactNode } from 'react';
import type { CurrentUser, Role } from '../api/auth';

// Loaded when someone opens a section of another role: the routes table, and so the entry, import RoleGate.
const ForbiddenPage = lazy(() => import('../pages/forbidden.page').then((module) => ({ default: module.ForbiddenPage })));

/** Given by `RequireAuth` (require-auth.tsx), which the signed-in frame loads with TanStack Query. */
export const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in user; only for components rendered inside `RequireAuth`. */
export function useSignedInUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useSignedInUser() used outside <RequireAuth>');
  return user;
}

/** What `RequireAuth` leaves in the router state so sign-in can return to the page asked for. */
export interface SignInRedirectState {
  from?: string;
}

/** The UI side of role checks; the API enforces the real ones. Inside a `Suspense`, for the forbidden page's code. */
export function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useSignedInUser();
  return roles.includes(user.role) ? children : <ForbiddenPage />;
}
