import { MILESTONES } from '../api/reports';
import { useDuration } from '../components/use-duration';
import { ChartCard } from './chart-card';
import type { CsvTable } from './csv';
import { EChart, type ChartOption } from './echart';
import { csvName, useShade, type CardProps } from './report-card';
import { useTranslation } from '../i18n';

export function MilestonesCard({ summary, filters }: CardProps) {
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
