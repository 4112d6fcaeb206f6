import { NavLink, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useSignedInUser } from '../auth/current-user';
import { activeSectionPath, useSectionsFor, type AppSection } from '../navigation';

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
  return (
    <NavLink
      component={Link}
      to={section.path}
      label={t(`sections.${section.section}.title`)}
      active={active}
      aria-current={active ? 'page' : undefined}
    />
  );
}
