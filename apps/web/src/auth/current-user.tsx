import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { currentUserQuery, type CurrentUser, type Role } from '../api/auth';
import { FullPageLoader } from '../components/full-page-loader';
import { ErrorState } from '../components/error-state';
import { ForbiddenPage } from '../pages/forbidden.page';

const CurrentUserContext = createContext<CurrentUser | null>(null);

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

/** Renders its children for a signed-in user; sends everyone else to the sign-in page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useQuery(currentUserQuery);

  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} fullPage />;
  if (!me.data) {
    const state: SignInRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}

/** The UI side of role checks; the API enforces the real ones. */
export function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useSignedInUser();
  return roles.includes(user.role) ? children : <ForbiddenPage />;
}
