import {
  Anchor,
  Box,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  useMantineTheme,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { OFFER_STATUSES } from '../api/offer-status';
import { providersQuery } from '../api/organizations';
import {
  EXPORT_ENTITIES,
  exportCsvUrl,
  MILESTONES,
  reportSummaryQuery,
  type ReportSummary,
  type SummaryFilters,
} from '../api/reports';
import { REQUEST_STATUSES } from '../api/request-status';
import { ErrorState } from '../components/error-state';
import { PageHeader } from '../components/page-header';
import { useDuration } from '../components/use-duration';
import { offerStatusColor, requestStatusColor, useStatusLabels } from '../components/status-badge';
import { formatDate, formatMonth, formattingLocale } from '../format';
import { ChartCard } from '../reports/chart-card';
import type { CsvTable } from '../reports/csv';
import { EChart, type ChartOption } from '../reports/echart';
import { useTaxonomy, type TaxonomyLookup } from '../taxonomy/use-taxonomy';

const FILTER_KEYS = ['from', 'to', 'state', 'provider'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The dashboard's filters, kept in the address so a view can be bookmarked and shared. */
function useReportFilters() {
  const [params, setParams] = useSearchParams();
  const filters: SummaryFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    if ((key === 'from' || key === 'to') && !ISO_DATE.test(value)) continue;
    filters[key] = value;
  }
  const set = (key: (typeof FILTER_KEYS)[number], value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  const clear = () => setParams(new URLSearchParams(), { replace: true, preventScrollReset: true });
  return { filters, set, clear };
}

/** A chart's file name: what it is and the filters it was drawn with. */
function csvName(slug: string, filters: SummaryFilters): string {
  const parts = ['a1540', slug, filters.from, filters.to, filters.state].filter(Boolean);
  return parts.join('-');
}

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
        <Center py="xl" role="status" aria-label={t('common.loading')}>
          <Loader />
        </Center>
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data ? (
        <Dashboard summary={summary.data} filters={filters} />
      ) : null}
    </Stack>
  );
}

interface ReportFiltersProps {
  filters: SummaryFilters;
  onChange: (key: (typeof FILTER_KEYS)[number], value: string | null) => void;
  onClear: () => void;
  invalidRange: boolean;
}

function ReportFilters({ filters, onChange, onClear, invalidRange }: ReportFiltersProps) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  const providers = useQuery(providersQuery);
  const states = lookup?.options.states ?? [];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('filters.label')}>
      <TextInput
        type="date"
        label={t('reports.filters.from')}
        value={filters.from ?? ''}
        onChange={(event) => onChange('from', event.currentTarget.value || null)}
        w={170}
      />
      <TextInput
        type="date"
        label={t('reports.filters.to')}
        value={filters.to ?? ''}
        onChange={(event) => onChange('to', event.currentTarget.value || null)}
        error={invalidRange ? t('reports.filters.toBeforeFrom') : undefined}
        w={170}
      />
      <Select
        label={t('reports.filters.state')}
        placeholder={t('reports.filters.anyState')}
        data={states}
        value={filters.state ?? null}
        onChange={(value) => onChange('state', value)}
        searchable
        clearable
        nothingFoundMessage={t('taxonomy.nothingFound')}
        w={240}
      />
      <Select
        label={t('reports.filters.provider')}
        placeholder={t('reports.filters.anyProvider')}
        data={(providers.data ?? []).map((provider) => ({ value: provider.id, label: provider.name }))}
        value={filters.provider ?? null}
        onChange={(value) => onChange('provider', value)}
        searchable
        clearable
        w={260}
      />
      {Object.keys(filters).length > 0 && (
        <Button variant="subtle" onClick={onClear}>
          {t('reports.filters.clear')}
        </Button>
      )}
    </Group>
  );
}

function ExportLinks({ filters }: { filters: SummaryFilters }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" bg="gray.0" component="section" aria-label={t('reports.exports.title')}>
      <Group gap="md" wrap="wrap" align="center">
        <Text size="sm" fw={600}>
          {t('reports.exports.title')}
        </Text>
        {EXPORT_ENTITIES.map((entity) => (
          <Anchor key={entity} href={exportCsvUrl(entity, filters)} download size="sm">
            {t(`reports.exports.${entity}`)} (CSV)
          </Anchor>
        ))}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('reports.exports.help')}
      </Text>
    </Paper>
  );
}

function Dashboard({ summary, filters }: { summary: ReportSummary; filters: SummaryFilters }) {
  return (
    <Stack gap="lg">
      <KeyFigures summary={summary} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <StatusOverTimeCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <TimeToMatchCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <MilestonesCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <DemandCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={12}>
          <CoverageCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={12}>
          <UnmatchedCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <OffersByProviderCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <AnswerTimesCard summary={summary} filters={filters} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function useNumberFormat() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language);
  return {
    number: (value: number, digits = 1) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value),
    percent: (value: number) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value),
    month: (month: string) => formatMonth(month, i18n.language),
  };
}

function KeyFigures({ summary }: { summary: ReportSummary }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const agreed = summary.timeToDays.agreedMatch;
  const unmatched = summary.unmatchedTotal;
  const oldest = summary.unmatched[0];
  const days = useDuration();
  const feedback = (side: { count: number; average: number | null }) =>
    side.average === null
      ? t('reports.kpi.noFeedback')
      : t('reports.kpi.feedbackValue', { average: format.number(side.average, 2), count: side.count });

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" role="list" aria-label={t('reports.kpi.label')}>
        <Kpi
          label={t('reports.kpi.requests')}
          value={format.number(summary.requests.total, 0)}
          help={t('reports.kpi.requestsHelp')}
        />
        <Kpi
          label={t('reports.kpi.matchRate')}
          value={summary.matchRate.rate === null ? '—' : format.percent(summary.matchRate.rate)}
          help={
            summary.matchRate.circulated
              ? t('reports.kpi.matchRateHelp', {
                  agreed: summary.matchRate.withAgreedMatch,
                  circulated: summary.matchRate.circulated,
                })
              : t('reports.kpi.matchRateNone')
          }
        />
        <Kpi
          label={t('reports.kpi.medianToMatch')}
          value={agreed.medianDays === null ? '—' : days(agreed.medianDays)}
          help={
            agreed.medianDays === null
              ? t('reports.kpi.medianToMatchNone')
              : t('reports.kpi.medianToMatchHelp', { count: agreed.count, p90: days(agreed.p90Days ?? 0) })
          }
        />
        <Kpi
          label={t('reports.kpi.unmatched')}
          value={format.number(unmatched, 0)}
          help={
            oldest ? t('reports.kpi.unmatchedHelp', { days: days(oldest.ageDays) }) : t('reports.kpi.unmatchedNone')
          }
          tone={unmatched > 0 ? 'orange' : undefined}
        />
      </SimpleGrid>
      <Group gap="xl" wrap="wrap">
        <SmallFigure label={t('reports.kpi.offers')} value={format.number(summary.offers.total, 0)} />
        <SmallFigure label={t('reports.kpi.matches')} value={format.number(summary.matches.total, 0)} />
        <SmallFigure label={t('reports.kpi.feedbackRequester')} value={feedback(summary.feedback.requester)} />
        <SmallFigure label={t('reports.kpi.feedbackProvider')} value={feedback(summary.feedback.provider)} />
      </Group>
    </Stack>
  );
}

function Kpi({ label, value, help, tone }: { label: string; value: string; help: string; tone?: string }) {
  return (
    <Paper withBorder p="md" role="listitem" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2} c={tone ? `${tone}.8` : undefined} data-kpi-value>
        {value}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {help}
      </Text>
    </Paper>
  );
}

function SmallFigure({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm" role="group" aria-label={label}>
      <Text span c="dimmed">
        {label}:{' '}
      </Text>
      <Text span fw={600}>
        {value}
      </Text>
    </Text>
  );
}

/** Concrete colours for ECharts, from the same Mantine colour each status badge uses. */
function useShade() {
  const theme = useMantineTheme();
  return (color: string, shade = 6) => theme.colors[color]?.[shade] ?? theme.colors.gray[6];
}

interface CardProps {
  summary: ReportSummary;
  filters: SummaryFilters;
}

function StatusOverTimeCard({ summary, filters }: CardProps) {
  const { t } = useTranslation();
  const labels = useStatusLabels();
  const format = useNumberFormat();
  const shade = useShade();
  const months = summary.statusOverTime;
  const statuses = REQUEST_STATUSES.filter((status) => months.some((month) => month.byStatus[status]));
  const table: CsvTable = {
    header: [t('reports.statusOverTime.month'), ...statuses.map(labels.request)],
    rows: months.map((month) => [month.month, ...statuses.map((status) => month.byStatus[status] ?? 0)]),
  };
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: months.map((month) => format.month(month.month)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: statuses.map((status) => ({
      name: labels.request(status),
      type: 'bar',
      stack: 'requests',
      emphasis: { focus: 'series' },
      itemStyle: { color: shade(requestStatusColor(status)) },
      data: months.map((month) => month.byStatus[status] ?? 0),
    })),
  };
  return (
    <ChartCard
      title={t('reports.statusOverTime.title')}
      description={t('reports.statusOverTime.description')}
      table={table}
      filename={csvName('requests-by-status-over-time', filters)}
      empty={months.length === 0 ? t('reports.chart.noData') : undefined}
      chart={<EChart option={option} label={t('reports.statusOverTime.title')} />}
    />
  );
}

function TimeToMatchCard({ summary, filters }: CardProps) {
  const { t } = useTranslation();
  const shade = useShade();
  const buckets = summary.timeToMatchHistogram;
  const table: CsvTable = {
    header: [t('reports.timeToMatch.bucket'), t('reports.timeToMatch.requests')],
    rows: buckets.map((bucket) => [bucket.bucket, bucket.count]),
  };
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: buckets.map((bucket) => bucket.bucket), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('reports.timeToMatch.requests'),
        data: buckets.map((bucket) => bucket.count),
        itemStyle: { color: shade('green') },
        barCategoryGap: '10%',
        label: { show: true, position: 'top' },
      },
    ],
  };
  return (
    <ChartCard
      title={t('reports.timeToMatch.title')}
      description={t('reports.timeToMatch.description')}
      table={table}
      filename={csvName('time-to-agreed-match', filters)}
      empty={buckets.every((bucket) => bucket.count === 0) ? t('reports.chart.noData') : undefined}
      chart={<EChart option={option} label={t('reports.timeToMatch.title')} />}
    />
  );
}

function MilestonesCard({ summary, filters }: CardProps) {
  const { t } = useTranslation();
  const shade = useShade();
  const duration = useDuration();
  const names = MILESTONES.map((milestone) => t(`reports.milestones.names.${milestone}`));
  const table: CsvTable = {
    header: [
      t('reports.milestones.step'),
      t('reports.milestones.median'),
      t('reports.milestones.p90'),
      t('reports.milestones.reached'),
      t('reports.milestones.waiting'),
    ],
    rows: MILESTONES.map((milestone, index) => {
      const d = summary.timeToDays[milestone];
      return [names[index], d.medianDays, d.p90Days, d.count, d.waiting];
    }),
    durationColumns: [1, 2],
    csvHeader: [
      t('reports.milestones.step'),
      t('reports.milestones.medianDays'),
      t('reports.milestones.p90Days'),
      t('reports.milestones.reached'),
      t('reports.milestones.waiting'),
    ],
  };
  const option: ChartOption = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: unknown) => (typeof value === 'number' ? duration(value) : '—'),
    },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => duration(value) } },
    series: [
      {
        type: 'bar',
        name: t('reports.milestones.median'),
        data: MILESTONES.map((milestone) => summary.timeToDays[milestone].medianDays),
        itemStyle: { color: shade('blue') },
      },
      {
        type: 'bar',
        name: t('reports.milestones.p90'),
        data: MILESTONES.map((milestone) => summary.timeToDays[milestone].p90Days),
        itemStyle: { color: shade('blue', 3) },
      },
    ],
  };
  return (
    <ChartCard
      title={t('reports.milestones.title')}
      description={t('reports.milestones.description')}
      table={table}
      filename={csvName('time-to-each-step', filters)}
      empty={
        MILESTONES.every((milestone) => summary.timeToDays[milestone].count === 0)
          ? t('reports.chart.noData')
          : undefined
      }
      chart={<EChart option={option} label={t('reports.milestones.title')} />}
    />
  );
}

type Dimension = 'byProvision' | 'byDomain' | 'byAssistanceType' | 'byState';
const DIMENSION_CATEGORY: Record<Dimension, 'provisions' | 'domains' | 'assistanceTypes' | null> = {
  byProvision: 'provisions',
  byDomain: 'domains',
  byAssistanceType: 'assistanceTypes',
  byState: null,
};

function DemandCard({ summary, filters }: CardProps) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  const shade = useShade();
  const [dimension, setDimension] = useState<Dimension>('byProvision');
  const category = DIMENSION_CATEGORY[dimension];
  const label = (code: string) =>
    category ? (lookup?.label(category, code) ?? code) : (lookup?.stateName(code) ?? code);
  const entries = Object.entries(summary.requests[dimension]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const table: CsvTable = {
    header: [t(`reports.demand.${dimension}`), t('reports.demand.requests')],
    rows: entries.map(([code, count]) => [category ? label(code) : `${label(code)} (${code})`, count]),
  };
  const shown = [...entries].reverse();
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: shown.map(([code]) => (category === 'provisions' ? (lookup?.short(category, code) ?? code) : label(code))),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('reports.demand.requests'),
        data: shown.map(([, count]) => count),
        itemStyle: { color: shade('indigo') },
        label: { show: true, position: 'right' },
      },
    ],
  };
  return (
    <ChartCard
      title={t('reports.demand.title')}
      description={t('reports.demand.description')}
      table={table}
      filename={csvName(`requests-${dimension.replace(/^by/, '').toLowerCase()}`, filters)}
      empty={entries.length === 0 ? t('reports.chart.noData') : undefined}
      controls={
        <SegmentedControl
          size="xs"
          aria-label={t('reports.demand.dimension')}
          value={dimension}
          onChange={(value) => setDimension(value)}
          data={(['byProvision', 'byDomain', 'byAssistanceType', 'byState'] as const).map((value) => ({
            value,
            label: t(`reports.demand.${value}`),
          }))}
        />
      }
      chart={
        <EChart option={option} height={Math.max(220, shown.length * 28 + 40)} label={t('reports.demand.title')} />
      }
    />
  );
}

type CoverageTone = 'gap' | 'short' | 'covered' | 'unasked' | 'none';

function coverageTone(requested: number, offered: number): CoverageTone {
  if (requested > 0 && offered === 0) return 'gap';
  if (requested > offered) return 'short';
  if (requested > 0) return 'covered';
  return offered > 0 ? 'unasked' : 'none';
}

const TONE_COLOR: Record<CoverageTone, string> = {
  gap: 'var(--mantine-color-red-2)',
  short: 'var(--mantine-color-yellow-2)',
  covered: 'var(--mantine-color-teal-1)',
  unasked: 'var(--mantine-color-gray-1)',
  none: 'transparent',
};

function CoverageCard({ summary, filters }: CardProps) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  const table: CsvTable = {
    header: [
      t('reports.coverage.provision'),
      t('reports.coverage.domain'),
      t('reports.coverage.requested'),
      t('reports.coverage.offered'),
      t('reports.coverage.gap'),
    ],
    rows: summary.coverage.map((cell) => [
      cell.provision,
      cell.domain,
      cell.requested,
      cell.offered,
      Math.max(0, cell.requested - cell.offered),
    ]),
  };
  return (
    <ChartCard
      title={t('reports.coverage.title')}
      description={t('reports.coverage.description')}
      table={table}
      filename={csvName('coverage-provision-domain', filters)}
      empty={summary.coverage.length === 0 ? t('reports.chart.noData') : undefined}
      chart={lookup ? <CoverageGrid coverage={summary.coverage} lookup={lookup} /> : null}
    />
  );
}

function CoverageGrid({ coverage, lookup }: { coverage: ReportSummary['coverage']; lookup: TaxonomyLookup }) {
  const { t } = useTranslation();
  const byCell = new Map(coverage.map((cell) => [`${cell.provision}|${cell.domain}`, cell]));
  const provisions = lookup.taxonomy.provisions;
  const domains = lookup.taxonomy.domains;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={720} type="native">
        <Table withTableBorder withColumnBorders verticalSpacing={6} aria-label={t('reports.coverage.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.coverage.provision')}</Table.Th>
              {domains.map((domain) => (
                <Table.Th key={domain.code} ta="center">
                  {domain.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {provisions.map((provision) => (
              <Table.Tr key={provision.code}>
                <Table.Th scope="row" fw={500}>
                  <Tooltip label={provision.help} multiline maw={320} openDelay={200}>
                    <Text size="sm" fw={500} lineClamp={1} maw={260}>
                      {provision.label}
                    </Text>
                  </Tooltip>
                </Table.Th>
                {domains.map((domain) => {
                  const cell = byCell.get(`${provision.code}|${domain.code}`);
                  const requested = cell?.requested ?? 0;
                  const offered = cell?.offered ?? 0;
                  const tone = coverageTone(requested, offered);
                  return (
                    <Table.Td
                      key={domain.code}
                      ta="center"
                      ff="monospace"
                      bg={TONE_COLOR[tone]}
                      fw={tone === 'gap' ? 700 : undefined}
                      data-tone={tone}
                      aria-label={t('reports.coverage.cellLabel', {
                        provision: provision.label,
                        domain: domain.label,
                        requested,
                        offered,
                      })}
                    >
                      {tone === 'none' ? '' : t('reports.coverage.cell', { requested, offered })}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="md" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('reports.coverage.legend')}
        </Text>
        {(['gap', 'short', 'covered', 'unasked'] as const).map((tone) => (
          <Group key={tone} gap={6}>
            <Box w={14} h={14} bg={TONE_COLOR[tone]} style={{ border: '1px solid var(--mantine-color-gray-4)' }} />
            <Text size="xs">
              {t(
                `reports.coverage.${tone === 'gap' ? 'legendGap' : tone === 'short' ? 'legendShort' : tone === 'covered' ? 'legendCovered' : 'legendUnasked'}`,
              )}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

function UnmatchedCard({ summary, filters }: CardProps) {
  const { t, i18n } = useTranslation();
  const { lookup } = useTaxonomy();
  const rows = summary.unmatched;
  const table: CsvTable = {
    header: [
      t('reports.unmatched.reference'),
      t('reports.unmatched.request'),
      t('reports.unmatched.state'),
      t('reports.unmatched.circulatedAt'),
      t('reports.unmatched.age'),
    ],
    rows: rows.map((row) => [row.reference, row.title, row.state, row.circulatedAt.slice(0, 10), row.ageDays]),
    durationColumns: [4],
    csvHeader: [
      t('reports.unmatched.reference'),
      t('reports.unmatched.request'),
      t('reports.unmatched.state'),
      t('reports.unmatched.circulatedAt'),
      t('reports.unmatched.ageDays'),
    ],
  };
  const oldest = Math.max(1, ...rows.map((row) => row.ageDays));
  return (
    <ChartCard
      title={t('reports.unmatched.title')}
      description={t('reports.unmatched.description')}
      table={table}
      filename={csvName('unmatched-requests', filters)}
      empty={rows.length === 0 ? t('reports.unmatched.none') : undefined}
      chart={
        <Table.ScrollContainer minWidth={720} maxHeight={420} type="native">
          <Table striped stickyHeader verticalSpacing={6} aria-label={t('reports.unmatched.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.unmatched.reference')}</Table.Th>
                <Table.Th>{t('reports.unmatched.request')}</Table.Th>
                <Table.Th>{t('reports.unmatched.state')}</Table.Th>
                <Table.Th>{t('reports.unmatched.circulatedAt')}</Table.Th>
                <Table.Th w={220}>{t('reports.unmatched.age')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/committee/requests/${row.id}`} size="sm">
                      {row.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/committee/requests/${row.id}`} size="sm" c="inherit">
                      {row.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{lookup?.stateName(row.state) ?? row.state}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(row.circulatedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <AgeBar days={row.ageDays} max={oldest} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}

function AgeBar({ days, max }: { days: number; max: number }) {
  const duration = useDuration();
  const color = days > 180 ? 'red.6' : days > 60 ? 'orange.5' : 'teal.5';
  return (
    <Group gap="xs" wrap="nowrap">
      <Box w={140} h={10} bg="gray.1" style={{ borderRadius: 3, overflow: 'hidden', flexShrink: 0 }} aria-hidden="true">
        <Box h="100%" w={`${Math.max(2, (days / max) * 100)}%`} bg={color} />
      </Box>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {duration(days)}
      </Text>
    </Group>
  );
}

/** Providers' short names ("BAFA") for chart axes, where full names do not fit. */
function useProviderShortName() {
  const providers = useQuery(providersQuery);
  return (id: string, name: string) => providers.data?.find((provider) => provider.id === id)?.shortName ?? name;
}

function OffersByProviderCard({ summary, filters }: CardProps) {
  const { t } = useTranslation();
  const shortName = useProviderShortName();
  const labels = useStatusLabels();
  const shade = useShade();
  const providers = summary.offers.byProvider;
  const statuses = OFFER_STATUSES.filter((status) => providers.some((provider) => provider.byStatus[status]));
  const table: CsvTable = {
    header: [
      t('reports.offersByProvider.provider'),
      t('reports.offersByProvider.total'),
      ...statuses.map(labels.offer),
    ],
    rows: providers.map((provider) => [
      provider.name,
      provider.count,
      ...statuses.map((status) => provider.byStatus[status] ?? 0),
    ]),
  };
  const shown = [...providers].sort((a, b) => a.count - b.count);
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: shown.map((provider) => shortName(provider.id, provider.name)),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: statuses.map((status) => ({
      name: labels.offer(status),
      type: 'bar',
      stack: 'offers',
      itemStyle: { color: shade(offerStatusColor(status)) },
      data: shown.map((provider) => provider.byStatus[status] ?? 0),
    })),
  };
  return (
    <ChartCard
      title={t('reports.offersByProvider.title')}
      description={t('reports.offersByProvider.description')}
      table={table}
      filename={csvName('offers-by-provider', filters)}
      empty={providers.length === 0 ? t('reports.chart.noData') : undefined}
      chart={
        <EChart
          option={option}
          height={Math.max(220, shown.length * 32 + 60)}
          label={t('reports.offersByProvider.title')}
        />
      }
    />
  );
}

function AnswerTimesCard({ summary, filters }: CardProps) {
  const { t } = useTranslation();
  const shortName = useProviderShortName();
  const shade = useShade();
  const duration = useDuration();
  const rows = summary.providerAnswerDays;
  const table: CsvTable = {
    header: [t('reports.answers.provider'), t('reports.answers.median'), t('reports.answers.answered')],
    rows: rows.map((row) => [row.name, row.medianDays, row.answered]),
    durationColumns: [1],
    csvHeader: [t('reports.answers.provider'), t('reports.answers.medianDays'), t('reports.answers.answered')],
  };
  const shown = [...rows].reverse();
  const option: ChartOption = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: unknown) => (typeof value === 'number' ? duration(value) : '—'),
    },
    // Room on the right for the bar labels ("1 month 12 days").
    grid: { left: 8, right: 120, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: shown.map((row) => shortName(row.id, row.name)),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('reports.answers.median'),
        data: shown.map((row) => row.medianDays),
        itemStyle: { color: shade('cyan') },
        label: {
          show: true,
          position: 'right',
          formatter: (params: { value: unknown }) => (typeof params.value === 'number' ? duration(params.value) : ''),
        },
      },
    ],
  };
  return (
    <ChartCard
      title={t('reports.answers.title')}
      description={t('reports.answers.description')}
      table={table}
      filename={csvName('provider-answer-times', filters)}
      empty={rows.length === 0 ? t('reports.answers.none') : undefined}
      chart={
        <EChart option={option} height={Math.max(200, shown.length * 32 + 40)} label={t('reports.answers.title')} />
      }
    />
  );
}
