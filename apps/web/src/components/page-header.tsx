import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './use-page-title';

interface PageHeaderProps {
  title: string;
  /** A second heading level-2 line, e.g. "Requests of MNG". */
  subtitle?: string;
  children?: ReactNode;
}

/** The page's one level-1 heading, which also names the browser tab. */
export function PageHeader({ title, subtitle, children }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <Stack gap={4} mb="lg">
      <Title order={1}>{title}</Title>
      {subtitle && (
        <Title order={2} size="h3" fw={500} c="dimmed">
          {subtitle}
        </Title>
      )}
      {children && <Text c="dimmed">{children}</Text>}
    </Stack>
  );
}
