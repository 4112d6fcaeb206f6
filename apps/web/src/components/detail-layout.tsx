import { Anchor, DataList, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from '../router';
import { useTranslation } from '../i18n';

/** "← My requests": back to the list a detail page was opened from. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" mb="xs" display="inline-block">
      ← {label}
    </Anchor>
  );
}

export function DetailCard({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
        {actions}
      </Stack>
    </Paper>
  );
}

export function Fields({ children, labelWidth = 190 }: { children: ReactNode; labelWidth?: number }) {
  // Side by side where there is room; label above value on a phone.
  const wide = useMediaQuery('(min-width: 36em)', true);
  return (
    <DataList labelWidth={labelWidth} gap="md" withDivider size="sm" orientation={wide ? 'horizontal' : 'vertical'}>
      {children}
    </DataList>
  );
}

/** One labelled value; empty values show a dash rather than disappearing, so gaps are visible. */
export function Field({ label, children, empty }: { label: string; children?: ReactNode; empty?: boolean }) {
  const { t } = useTranslation();
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{empty ? <Text c="dimmed">{t('common.notSet')}</Text> : children}</DataList.ItemValue>
    </DataList.Item>
  );
}
