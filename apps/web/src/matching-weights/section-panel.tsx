import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  intro: string;
  /** The panel's button, beside its title (none when the viewer cannot act). */
  action?: ReactNode;
  children: ReactNode;
}

/** A section of the matching weights page (rescoring, proposals): titled, introduced, with its button at the top. */
export function SectionPanel({ title, intro, action, children }: Props) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <div style={{ flex: 1, minWidth: 260 }}>
            <Title order={2} size="h4">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          </div>
          {action}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
