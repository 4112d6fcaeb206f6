import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSignedInUser } from '../auth/current-user';
import { PageHeader } from './page-header';
import { SectionCards } from './section-cards';
import { useTranslation } from '../i18n';

interface WorkspaceHomeProps {
  heading: string;
  subheading?: string;
  /** Paragraphs on what this workspace is for; the role-specific ones last. */
  intro: string[];
  /** What waits for this person now, above the list of sections. */
  children?: ReactNode;
}

/** The landing page of a workspace: who you are, what you can do, links to every section. */
export function WorkspaceHome({ heading, subheading, intro, children }: WorkspaceHomeProps) {
  const { t } = useTranslation();
  const user = useSignedInUser();

  return (
    <Stack gap="xl">
      <div>
        <PageHeader title={heading} subtitle={subheading} />
        <Paper withBorder p="md" bg="gray.0">
          <Stack gap="xs">
            <Text fw={500}>
              {t('home.whoYouAre', {
                name: user.displayName,
                role: t(`roles.${user.role}`),
                organisation: user.organization.name,
              })}
            </Text>
            {intro.map((paragraph) => (
              <Text key={paragraph} size="sm">
                {paragraph}
              </Text>
            ))}
          </Stack>
        </Paper>
      </div>
      {children}
      <section>
        <Title order={2} size="h3" mb="md">
          {t('home.whatYouCanDo')}
        </Title>
        <SectionCards />
      </section>
    </Stack>
  );
}
