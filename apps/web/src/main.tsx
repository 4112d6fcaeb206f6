import '@mantine/core/styles.css';
import './app.css';
import { i18nReady } from './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRouter } from './router';
import { currentUserQueryKey } from './api/auth';
import { setUnauthorizedHandler } from './api/client';
import { App } from './app';
import type { SignInRedirectState } from './auth/current-user';
import { appSections, buildRoutes } from './routes';

const router = createRouter(buildRoutes(appSections));

// A 401 from any API call means the session ended: forget the user and everything fetched as them, and ask them to
// sign in again, coming back to the page they were on. Only a call through the API's cache gets that answer, so its
// module is loaded.
setUnauthorizedHandler(() => {
  void import('./api/query-client').then(({ queryClient }) => {
    queryClient.clear();
    queryClient.setQueryData(currentUserQueryKey, null);
  });
  const { pathname, search } = router.state.location;
  if (pathname === '/sign-in') return;
  const state: SignInRedirectState = { from: pathname + search };
  router.navigate('/sign-in', { replace: true, state });
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The first paint is in the reader's language: a catalogue other than English is fetched before it.
void i18nReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <App router={router} sections={appSections} />
    </StrictMode>,
  ),
);
