import { Alert, Anchor, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { localeOf } from '@app/i18n/browser';
import { Link, Navigate, useLocation, useNavigate } from '../router';
import { currentUserQueryKey, fetchCurrentUser, login, type Credentials, type CurrentUser } from '../api/auth';
import { ApiError } from '../api/client';
import { i18n, useTranslation } from '../i18n';
import type { SignInRedirectState } from '../auth/current-user';
import { homePathFor } from '../auth/roles';
import { useErrorMessage } from '../components/error-state';
import { FullPageLoader } from '../components/full-page-loader';
import { LanguagePicker } from '../components/language-picker';
import { usePageTitle } from '../components/use-page-title';
import { canOpen, useAllSections } from '../navigation';

/**
 * The signed-in frame reads the user from TanStack Query's cache, which this page loads without (docs/performance.md):
 * the user it found goes there before it leaves, so the frame agrees with it. Importing the cache also fetches the
 * frame's library while the page changes. Cached answers belong to the user who fetched them (query keys do not name
 * the user): unless the same person signs back in, they are dropped first, so nobody sees another's lists or counts.
 */
async function handOver(user: CurrentUser): Promise<CurrentUser> {
  const { queryClient } = await import('../api/query-client');
  if (queryClient.getQueryData<CurrentUser | null>(currentUserQueryKey)?.id !== user.id) queryClient.clear();
  queryClient.setQueryData(currentUserQueryKey, user);
  return user;
}

/** Signs in, then proves the browser kept the session cookie by asking who we are. */
async function signInAs(credentials: Credentials): Promise<CurrentUser> {
  await login(credentials, localeOf(i18n.language));
  const user = await fetchCurrentUser();
  if (!user) throw new ApiError({ statusCode: 401, error: 'Unauthorized', message: 'Session was not kept' });
  return handOver(user);
}

/** Who is signed in already (`undefined` while asking): they go on without the form. A failed answer shows the form. */
function useSignedInAlready(): CurrentUser | null | undefined {
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);
  useEffect(() => {
    const abort = new AbortController();
    fetchCurrentUser(abort.signal)
      .then((found) => (found ? handOver(found) : null))
      .then(setUser, () => {
        if (!abort.signal.aborted) setUser(null);
      });
    return () => abort.abort();
  }, []);
  return user;
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const navigate = useNavigate();
  const location = useLocation();
  const sections = useAllSections();
  const signedIn = useSignedInAlready();
  const describeError = useErrorMessage();

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  // Back to the page that asked for sign-in, if this user may open it; otherwise the role's home.
  const destinationFor = (user: CurrentUser): string => {
    const from = (location.state as SignInRedirectState | null)?.from;
    const fromPath = from?.split('?')[0];
    if (from && fromPath && from.startsWith('/') && canOpen(sections, user.role, fromPath)) return from;
    return homePathFor(user.role);
  };

  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);

  if (signedIn === undefined) return <FullPageLoader />;
  if (signedIn) return <Navigate to={destinationFor(signedIn)} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setFailure(null);
    signInAs({ email: email.trim(), password }).then(
      (user) => void navigate(destinationFor(user), { replace: true }),
      (error: unknown) => {
        setFailure({ error });
        setPending(false);
      },
    );
  };

  const errorText = (error: unknown): string => {
    if (error instanceof ApiError && error.statusCode === 401) return t('signIn.errors.invalid');
    if (error instanceof ApiError && error.statusCode === 429) {
      return error.retryAfterSeconds
        ? t('signIn.errors.rateLimitedFor', { count: error.retryAfterSeconds })
        : t('signIn.errors.rateLimited');
    }
    return describeError(error);
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0" component="main" pos="relative">
      <Box pos="absolute" top={16} style={{ insetInlineEnd: 16 }}>
        <LanguagePicker />
      </Box>
      <Stack w="100%" maw={420} gap="lg">
        <Stack gap={2} align="center">
          <Text fw={700} fz="xl">
            {t('app.name')}
          </Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('app.tagline')}
          </Text>
        </Stack>

        <Paper withBorder shadow="sm" p="xl">
          <form onSubmit={onSubmit}>
            <Stack gap="md">
              <div>
                <Title order={1} size="h2">
                  {t('signIn.title')}
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {t('signIn.intro')}
                </Text>
              </div>

              {failure && (
                <Alert color="red" title={t('signIn.errorTitle')} role="alert">
                  {errorText(failure.error)}
                </Alert>
              )}

              <TextInput
                label={t('signIn.email')}
                type="email"
                name="email"
                autoComplete="username"
                required
                withAsterisk={false}
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
              />
              <PasswordInput
                label={t('signIn.password')}
                name="password"
                autoComplete="current-password"
                required
                withAsterisk={false}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
              />
              <Button type="submit" fullWidth loading={pending} disabled={pending}>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>

        <Text size="sm" ta="center">
          <Anchor component={Link} to="/public/requests">
            {t('signIn.publicRegister')}
          </Anchor>
        </Text>
      </Stack>
    </Center>
  );
}
