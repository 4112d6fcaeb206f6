import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './use-page-title';

interface PageHeaderProps {
  title: string;
  /** A second heading level-2 line, e.g. "Requests of MNG". */
  subtitle?: string;
  /** The page's main buttons (e.g. "New request"), at the top right. */
  actions?: ReactNode;
  children?: ReactNode;
}

/** The page's one level-1 heading, which also names the browser tab. */
export function PageHeader({ title, subtitle, actions, children }: PageHeaderProps) {
  usePageTitle(title);
  // The flex basis below is a width, so it belongs only to the row beside the actions: on a page that is itself
  // a column (`<Stack>`) it would be a 420 px height and leave a blank band above the form.
  const heading = (
    <Stack gap={4} mb="lg" style={actions ? { flex: '1 1 420px', minWidth: 0 } : undefined}>
      <Title order={1}>{title}</Title>
      {subtitle && (
        <Title order={2} size="h3" fw={500} c="dimmed">
          {subtitle}
        </Title>
      )}
      {children && <Text c="dimmed">{children}</Text>}
    </Stack>
  );
  if (!actions) return heading;
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
      {heading}
      <Group gap="sm" mt={8} mb="md" wrap="wrap">
        {actions}
      </Group>
    </Group>
  );
}
