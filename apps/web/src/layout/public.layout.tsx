import { Anchor, Button, Container, Group } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { Link, Outlet } from '../router';
import { queryClient } from '../api/query-client';
import { LanguagePicker } from '../components/language-picker';
import { useTranslation } from '../i18n';

/** The frame for pages anyone may read without signing in, with the API's cache they read. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      {/* The signed-in frame's header and page (app.css, `.app-frame`), without a navbar. */}
      <div className="app-frame app-frame-public">
        <header className="app-frame-header">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/public/requests" underline="never" c="inherit" fw={700} fz="lg">
              {t('app.name')}
            </Anchor>
            <Group gap="sm" wrap="nowrap">
              <LanguagePicker />
              <Button component={Link} to="/sign-in" variant="default" size="sm">
                {t('common.signIn')}
              </Button>
            </Group>
          </Group>
        </header>
        <main className="app-frame-main">
          <Container size="xl" px={0}>
            <Outlet />
          </Container>
        </main>
      </div>
    </QueryClientProvider>
  );
}
