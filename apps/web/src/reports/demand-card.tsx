import { SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { ChartCard } from './chart-card';
import type { CsvTable } from './csv';
import { EChart, type ChartOption } from './echart';
import { csvName, useShade, type CardProps } from './report-card';
import { useTranslation } from '../i18n';

type Dimension = 'byProvision' | 'byDomain' | 'byAssistanceType' | 'byState';
const DIMENSION_CATEGORY: Record<Dimension, 'provisions' | 'domains' | 'assistanceTypes' | null> = {
  byProvision: 'provisions',
  byDomain: 'domains',
  byAssistanceType: 'assistanceTypes',
  byState: null,
};

export function DemandCard({ summary, filters }: CardProps) {
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
