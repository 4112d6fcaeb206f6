import { EmptyState, Grid, Group, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { HistoryItem } from '../api/history';
import { BackLink, DetailCard, Field, Fields } from '../components/detail-layout';
import { PageLoader } from '../components/full-page-loader';
import { ErrorState } from '../components/error-state';
import { HistoryTimeline } from '../components/history-timeline';
import { CompassIcon } from '../components/icons';
import { PageHeader } from '../components/page-header';
import { formatDate, formatDateTime } from '../format';
import { TaxonomyBadges, TaxonomyList } from '../taxonomy/taxonomy-badges';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

interface BackTo {
  to: string;
  label: string;
}

interface RecordLoadProps<T> {
  query: UseQueryResult<T>;
  back: BackTo;
  notFound: { title: string; description: string };
  children: (record: T) => ReactNode;
}

/** A detail page's record: a loader, then the page, or why it could not load. */
export function RecordLoad<T>({ query, back, notFound, children }: RecordLoadProps<T>) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return <RecordLoadError error={query.error} onRetry={() => void query.refetch()} back={back} notFound={notFound} />;
  }
  return <>{children(query.data)}</>;
}

/** "Not found" (gone, or not the viewer's to see) or the error with a retry. */
function RecordLoadError({
  error,
  onRetry,
  back,
  notFound,
}: { error: unknown; onRetry: () => void } & Pick<RecordLoadProps<unknown>, 'back' | 'notFound'>) {
  // An id that is no id at all (a mistyped link: 400 on the path's `id`) is as missing as an unknown one.
  const missing =
    error instanceof ApiError &&
    (error.statusCode === 404 || (error.statusCode === 400 && error.fieldErrors.some((issue) => issue.field === 'id')));
  if (!missing) return <ErrorState error={error} onRetry={onRetry} />;
  return (
    <>
      <BackLink to={back.to} label={back.label} />
      <EmptyState icon={<CompassIcon />} withIndicatorBackground py="xl">
        <EmptyState.Title order={1}>{notFound.title}</EmptyState.Title>
        <EmptyState.Description>{notFound.description}</EmptyState.Description>
      </EmptyState>
    </>
  );
}

interface RecordDetailLayoutProps {
  back: BackTo;
  /** The line above the title (reference, status, priority), read out as one group with this name. */
  summaryLabel: string;
  summary: ReactNode;
  title: string;
  /** Edit and the workflow actions the viewer may take. */
  actions: ReactNode;
  /** Between the header and the sections: notices, and panels that come first (a request's matches). */
  notices?: ReactNode;
  /** The record's own sections, on the wider column. */
  sections: ReactNode;
  /** History, milestones and the like, on the narrower column (below the sections on a phone). */
  side: ReactNode;
  /** After both columns (an offer's matches). */
  after?: ReactNode;
}

/** One layout for every record's page: back link, summary, title and actions; then sections beside a side panel. */
export function RecordDetailLayout({
  back,
  summaryLabel,
  summary,
  title,
  actions,
  notices,
  sections,
  side,
  after,
}: RecordDetailLayoutProps) {
  return (
    <Stack gap="lg">
      <div>
        <BackLink to={back.to} label={back.label} />
        <Group gap="sm" mb={6} role="group" aria-label={summaryLabel}>
          {summary}
        </Group>
        <PageHeader title={title} />
        <Group gap="xs" mt={-8}>
          {actions}
        </Group>
      </div>
      {notices}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">{sections}</Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">{side}</Stack>
        </Grid.Col>
      </Grid>
      {after}
    </Stack>
  );
}

/** Text as it was typed, line breaks kept: descriptions, comments. */
export function LongText({ children, fw }: { children: ReactNode; fw?: number }) {
  return (
    <Text size="sm" fw={fw} style={{ whiteSpace: 'pre-wrap' }}>
      {children}
    </Text>
  );
}

interface Classified {
  provisions: string[];
  domains: string[];
  assistanceTypes: string[];
  targetInstitutions: string[];
}

/** What a request asks for or an offer gives, in the resolution's terms; `domains` replaces the domains' badges. */
export function ClassificationCard({
  title,
  record,
  domains,
}: {
  title: string;
  record: Classified;
  domains?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <DetailCard title={title}>
      <Fields>
        <Field label={t('fields.provisions')}>
          <TaxonomyList category="provisions" codes={record.provisions} />
        </Field>
        <Field label={t('fields.domains')}>
          {domains ?? <TaxonomyBadges category="domains" codes={record.domains} />}
        </Field>
        <Field label={t('fields.assistanceTypes')}>
          <TaxonomyBadges category="assistanceTypes" codes={record.assistanceTypes} />
        </Field>
        <Field label={t('fields.targetInstitutions')}>
          <TaxonomyBadges category="targetInstitutions" codes={record.targetInstitutions} />
        </Field>
      </Fields>
    </DetailCard>
  );
}

/** A from–until period; an open end reads "open", and no dates at all "not set". */
export function PeriodField({ label, from, until }: { label: string; from: string | null; until: string | null }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => (value ? formatDate(value, i18n.language) : t('requestDetail.open'));
  return (
    <Field label={label} empty={!from && !until}>
      {t('requestDetail.period', { from: date(from), until: date(until) })}
    </Field>
  );
}

export function LanguagesField({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  return (
    <Field label={t('fields.languages')} empty={codes.length === 0}>
      {codes.map((code) => lookup?.languageName(code) ?? code).join(', ')}
    </Field>
  );
}

export function HistoryCard({
  title,
  subject,
  query,
}: {
  title: string;
  subject: 'request' | 'offer';
  query: UseQueryResult<HistoryItem[]>;
}) {
  return (
    <DetailCard title={title}>
      <HistoryTimeline subject={subject} query={query} />
    </DetailCard>
  );
}

/** When a record reached each step of its workflow: only the steps it has reached. */
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
