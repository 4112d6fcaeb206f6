import { Anchor, Center, DataList, EmptyState, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';
import { formatDateTime } from '../format';
import { ErrorState } from './error-state';
import { CompassIcon } from './icons';

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

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-label={t('common.loading')}>
      <Loader />
    </Center>
  );
}

/** When a request or offer reached each step of its workflow: only the steps it has reached. */
export function MilestonesCard({ title, milestones }: { title: string; milestones: [string, string | null][] }) {
  const { i18n } = useTranslation();
  return (
    <DetailCard title={title}>
      <Fields labelWidth={130}>
        {milestones.map(([label, at]) =>
          at ? (
            <Field key={label} label={label}>
              {formatDateTime(at, i18n.language)}
            </Field>
          ) : null,
        )}
      </Fields>
    </DetailCard>
  );
}

interface DetailLoadErrorProps {
  error: unknown;
  onRetry: () => void;
  backTo: string;
  backLabel: string;
  notFoundTitle: string;
  notFoundDescription: string;
}

/** A detail page that could not load: "not found" (gone, or not the viewer's to see) or the error with a retry. */
export function DetailLoadError({
  error,
  onRetry,
  backTo,
  backLabel,
  notFoundTitle,
  notFoundDescription,
}: DetailLoadErrorProps) {
  // An id that is no id at all (a mistyped link: 400 on the path's `id`) is as missing as an unknown one.
  const missing =
    error instanceof ApiError &&
    (error.statusCode === 404 || (error.statusCode === 400 && error.fieldErrors.some((issue) => issue.field === 'id')));
  if (!missing) return <ErrorState error={error} onRetry={onRetry} />;
  return (
    <>
      <BackLink to={backTo} label={backLabel} />
      <EmptyState icon={<CompassIcon />} withIndicatorBackground py="xl">
        <EmptyState.Title order={1}>{notFoundTitle}</EmptyState.Title>
        <EmptyState.Description>{notFoundDescription}</EmptyState.Description>
      </EmptyState>
    </>
  );
}
