import { ChartCard } from './chart-card';
import type { CsvTable } from './csv';
import { EChart, type ChartOption } from './echart';
import { csvName, useShade, type CardProps } from './report-card';
import { useTranslation } from '../i18n';

// The API's six buckets, in its order (apps/api/src/reports/reports.service.ts): its names are English, for programs;
// people read these, in their language.
const BUCKETS = [
  { key: 'days', from: 0, to: 30 },
  { key: 'days', from: 31, to: 90 },
  { key: 'days', from: 91, to: 180 },
  { key: 'days', from: 181, to: 365 },
  { key: 'years', from: 1, to: 2 },
  { key: 'overYears', years: 2 },
] as const;

export function TimeToMatchCard({ summary, filters }: CardProps) {
  const { t } = useTranslation();
  const shade = useShade();
  const bucketName = (i: number, fallback: string): string => {
    const bucket = BUCKETS[i];
    if (!bucket) return fallback;
    return bucket.key === 'overYears' ? t('reports.timeToMatch.overYears', { years: bucket.years }) : t(`reports.timeToMatch.${bucket.key}`, { from: bucket.from, to: bucket.to });
  };
  const buckets = summary.timeToMatchHistogram.map((bucket, i) => ({ ...bucket, name: bucketName(i, bucket.bucket) }));
  const table: CsvTable = {
    header: [t('reports.timeToMatch.bucket'), t('reports.timeToMatch.requests')],
    rows: buckets.map((bucket) => [bucket.name, bucket.count]),
  };
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: buckets.map((bucket) => bucket.name), axisLabel: { interval: 0, rotate: 20 } },
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
