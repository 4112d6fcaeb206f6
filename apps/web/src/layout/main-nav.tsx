import { Badge, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useLocation } from '../router';
import { unreadCountQuery } from '../api/notifications';
import { useSignedInUser } from '../auth/current-user';
import { activeSectionPath, useSectionsFor, type AppSection } from '../navigation';
import { useTranslation } from '../i18n';

/** Navbar links for the signed-in user's role, straight from the routes table. */
export function MainNav() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { pathname } = useLocation();
  const sections = useSectionsFor(user.role);
  const activePath = activeSectionPath(sections, pathname);
  const adminHeadingId = useId();

  const main = sections.filter((section) => section.nav === 'main');
  const administration = sections.filter((section) => section.nav === 'administration');

  return (
    <Stack gap={2}>
      {main.map((section) => (
        <SectionLink key={section.path} section={section} active={section.path === activePath} />
      ))}
      {administration.length > 0 && (
        <Stack gap={2} mt="md" role="group" aria-labelledby={adminHeadingId}>
          <Text id={adminHeadingId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pb={4}>
            {t('nav.administration')}
          </Text>
          {administration.map((section) => (
            <SectionLink key={section.path} section={section} active={section.path === activePath} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function SectionLink({ section, active }: { section: AppSection; active: boolean }) {
  const { t } = useTranslation();
  const unread = section.section === 'notifications' ? <UnreadBadge /> : null;
  return (
    <NavLink
      component={Link}
      to={section.path}
      label={t(`sections.${section.section}.title`)}
      active={active}
      aria-current={active ? 'page' : undefined}
      rightSection={unread}
    />
  );
}

// New notifications arrive from the worker at any time: poll while the tab is visible, and look again as soon
// as the person comes back to it.
const UNREAD_POLL_MS = 12_000;

/** The unread count beside "Notifications"; nothing when all is read. */
function UnreadBadge() {
  const { t } = useTranslation();
  const unread = useQuery({
    ...unreadCountQuery,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
  });
  if (!unread.data) return null;
  return (
    <>
      <Badge size="sm" color="red" variant="filled" circle={unread.data < 10} aria-hidden="true" data-unread-badge>
        {unread.data > 99 ? '99+' : unread.data}
      </Badge>
      <VisuallyHidden>{t('nav.unread', { count: unread.data })}</VisuallyHidden>
    </>
  );
}
