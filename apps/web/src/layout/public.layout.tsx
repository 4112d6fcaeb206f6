import { Anchor, AppShell, Button, Container, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { LanguagePicker } from '../components/language-picker';

/** The frame for pages anyone may read without signing in. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 64 }} padding="lg">
      <AppShell.Header>
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
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
