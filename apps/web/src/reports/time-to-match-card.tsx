import { useTranslation } from 'react-i18next';
import { ChartCard } from './chart-card';
import type { CsvTable } from './csv';
import { EChart, type ChartOption } from './echart';
import { csvName, useShade, type CardProps } from './report-card';

export function TimeToMatchCard({ summary, filters }: CardProps) {
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
