import { REQUEST_STATUSES } from '../api/request-status';
import { requestStatusColor, useStatusLabels } from '../components/status-badge';
import { ChartCard } from './chart-card';
import type { CsvTable } from './csv';
import { EChart, type ChartOption } from './echart';
import { csvName, useNumberFormat, useShade, type CardProps } from './report-card';
import { useTranslation } from '../i18n';

export function StatusOverTimeCard({ summary, filters }: CardProps) {
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
