import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router-dom';
import { NotificationsProvider } from './components/notifications';
import { SectionsProvider, type AppSection } from './navigation';
import { createAppTheme, cssVariablesResolver } from './theme';

interface AppProps {
  router: ReturnType<typeof createBrowserRouter>;
  queryClient: QueryClient;
  sections: readonly AppSection[];
}

export function App({ router, queryClient, sections }: AppProps) {
  const { t } = useTranslation();
  const theme = useMemo(() => createAppTheme(t), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <NotificationsProvider>
          <SectionsProvider sections={sections}>
            <RouterProvider router={router} />
          </SectionsProvider>
        </NotificationsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
