import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider, type createBrowserRouter } from 'react-router-dom';
import { NotificationsProvider } from './components/notifications';
import { SectionsProvider, type AppSection } from './navigation';
import { theme } from './theme';

interface AppProps {
  router: ReturnType<typeof createBrowserRouter>;
  queryClient: QueryClient;
  sections: readonly AppSection[];
}

export function App({ router, queryClient, sections }: AppProps) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
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
