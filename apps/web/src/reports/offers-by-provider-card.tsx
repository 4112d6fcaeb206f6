import { OFFER_STATUSES } from '../api/offer-status';
import { offerStatusColor, useStatusLabels } from '../components/status-badge';
import { ChartCard } from './chart-card';
import type { CsvTable } from './csv';
import { EChart, type ChartOption } from './echart';
import { csvName, useProviderShortName, useShade, type CardProps } from './report-card';
import { useTranslation } from '../i18n';

export function OffersByProviderCard({ summary, filters }: CardProps) {
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
