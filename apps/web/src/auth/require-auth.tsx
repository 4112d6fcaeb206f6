import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from '../router';
import { currentUserQuery } from '../api/auth';
import { ErrorState } from '../components/error-state';
import { FullPageLoader } from '../components/full-page-loader';
import { CurrentUserContext, type SignInRedirectState } from './current-user';

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
