import { Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { reportSummaryQuery } from '../api/reports';
import { PageLoader } from '../components/full-page-loader';
import { ErrorState } from '../components/error-state';
import { PageHeader } from '../components/page-header';
import { Dashboard } from '../reports/dashboard';
import { ExportLinks } from '../reports/export-links';
import { PlanProgressReport } from './action-plans.page';
import { ReportFilters, useReportFilters } from '../reports/report-filters';
import { useTranslation } from '../i18n';

/** The Committee's dashboard (issue 6): key figures, charts with their CSVs, and the server's exports. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { filters, set, clear } = useReportFilters();
  const invalidRange = !!filters.from && !!filters.to && filters.from > filters.to;
  const summary = useQuery({
    ...reportSummaryQuery(filters),
    enabled: !invalidRange,
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="lg">
      <PageHeader title={t('sections.reports.title')}>{t('reports.intro')}</PageHeader>
      <ReportFilters filters={filters} onChange={set} onClear={clear} invalidRange={invalidRange} />
      <ExportLinks filters={filters} />
      {summary.isPending && !invalidRange ? (
        <PageLoader />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data ? (
        <Dashboard summary={summary.data} filters={filters} />
      ) : null}
      <PlanProgressReport />
    </Stack>
  );
}
