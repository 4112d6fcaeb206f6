import { useDuration } from '../components/use-duration';
import { ChartCard } from './chart-card';
import type { CsvTable } from './csv';
import { EChart, type ChartOption } from './echart';
import { csvName, useProviderShortName, useShade, type CardProps } from './report-card';
import { useTranslation } from '../i18n';

export function AnswerTimesCard({ summary, filters }: CardProps) {
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
