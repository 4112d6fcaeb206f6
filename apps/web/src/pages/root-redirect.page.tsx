import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Navigate } from '../router';
import { currentUserQuery } from '../api/auth';
import { queryClient } from '../api/query-client';
import { homePathFor } from '../auth/roles';
import { ErrorState } from '../components/error-state';
import { FullPageLoader } from '../components/full-page-loader';

/** `/`: the signed-in user's home, or the sign-in page. Outside both frames, so it mounts the API's cache itself. */
export function RootRedirectPage() {
  return (
    <QueryClientProvider client={queryClient}>
      <RedirectBySession />
    </QueryClientProvider>
  );
}

function RedirectBySession() {
  const me = useQuery(currentUserQuery);
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} fullPage />;
  return <Navigate to={me.data ? homePathFor(me.data.role) : '/sign-in'} replace />;
}
