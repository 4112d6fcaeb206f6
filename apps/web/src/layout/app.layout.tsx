import { Anchor, Badge, Burger, Button, Container, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { QueryClientProvider, useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, Outlet, useLocation, useNavigate } from '../router';
import { currentUserQueryKey, logout, savePreferredLanguage, type CurrentUser } from '../api/auth';
import { ApiError } from '../api/client';
import { queryClient } from '../api/query-client';
import { useSignedInUser } from '../auth/current-user';
import { RequireAuth } from '../auth/require-auth';
import { homePathFor } from '../auth/roles';
import { useErrorMessage } from '../components/error-state';
import { LanguagePicker, useFollowPreferredLanguage } from '../components/language-picker';
import { useNotify } from '../components/notifications';
import { MainNav } from './main-nav';
import { useTranslation } from '../i18n';

/**
 * What every signed-in page renders in: the API's cache (which the entry and the sign-in page load without), the
 * session check and the frame.
 */
export function SignedInFrame() {
  return (
    <QueryClientProvider client={queryClient}>
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    </QueryClientProvider>
  );
}

/** The signed-in frame: header with who is signed in, role-aware navbar, and the page. */
function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { pathname } = useLocation();

  // On small screens the navbar covers the page; close it once a link is followed.
  useEffect(() => closeNav(), [pathname, closeNav]);

  return (
    // The frame's layout is app.css's (`.app-frame`): a fixed header, the navbar beside the page from Mantine's `sm` up
    // and, below it, over the page once the burger opens it.
    <div className="app-frame" data-navbar-opened={navOpened || undefined}>
      <header className="app-frame-header">
        {/* The first Tab stop: straight to the page, past the header and the navigation. */}
        <a href="#main-content" className="skip-link">
          {t('nav.skipToContent')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('header.toggleNavigation')}
              aria-expanded={navOpened}
            />
            <HomeLink />
          </Group>
          <SignedInUser />
        </Group>
      </header>

      <nav className="app-frame-navbar" aria-label={t('nav.label')}>
        {/* The header has no room for who is signed in, nor for signing out, on small screens: the opened navbar has. */}
        <Stack
          hiddenFrom="sm"
          gap="sm"
          pb="sm"
          mb="sm"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <UserSummary />
          <SignOutButton />
        </Stack>
        <MainNav />
      </nav>

      <main id="main-content" className="app-frame-main" tabIndex={-1}>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </main>
    </div>
  );
}

function HomeLink() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  return (
    <Anchor
      component={Link}
      to={homePathFor(user.role)}
      underline="never"
      c="inherit"
      fw={700}
      fz="lg"
      style={{ whiteSpace: 'nowrap' }}
    >
      {t('app.name')}
    </Anchor>
  );
}

function SignedInUser() {
  const user = useSignedInUser();
  useFollowPreferredLanguage(user);
  const saveLanguage = async (locale: string) => {
    const me = await savePreferredLanguage(locale);
    queryClient.setQueryData<CurrentUser | null>(currentUserQueryKey, me);
  };

  return (
    <Group gap="md" wrap="nowrap">
      <LanguagePicker save={saveLanguage} />
      <Group gap="md" wrap="nowrap" visibleFrom="sm">
        <Stack gap={0} align="flex-end">
          <Text size="sm" fw={600} lh={1.3}>
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed" lh={1.3}>
            {user.organization.name}
          </Text>
        </Stack>
        <RoleBadge />
        <SignOutButton />
      </Group>
    </Group>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const describe = useErrorMessage();

  const leave = () => {
    queryClient.clear();
    queryClient.setQueryData(currentUserQueryKey, null);
    navigate('/sign-in', { replace: true });
  };
  const signOut = useMutation({
    mutationFn: logout,
    onSuccess: leave,
    // A 401: the session had already ended, so the person is out. Any other failure leaves the session open (the
    // sign-in page would find it and send them back): they stay, and are told.
    onError: (error) => {
      if (error instanceof ApiError && error.statusCode === 401) leave();
      else notify({ color: 'red', title: t('common.signOutFailed'), message: describe(error) });
    },
  });

  return (
    <Button
      variant="default"
      size="sm"
      onClick={() => signOut.mutate()}
      loading={signOut.isPending}
      style={{ flexShrink: 0 }}
    >
      {t('common.signOut')}
    </Button>
  );
}

function RoleBadge() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  return (
    <Badge variant="light" tt="none" size="lg" radius="sm" style={{ flexShrink: 0 }}>
      {t(`roles.${user.role}`)}
    </Badge>
  );
}

function UserSummary() {
  const user = useSignedInUser();
  return (
    <Stack gap={6} align="flex-start">
      <div>
        <Text size="sm" fw={600}>
          {user.displayName}
        </Text>
        <Text size="xs" c="dimmed">
          {user.organization.name}
        </Text>
      </div>
      <RoleBadge />
    </Stack>
  );
}
