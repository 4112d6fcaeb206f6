import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { useDirection } from '@mantine/core';

// Only the parts of ECharts the dashboard draws, so the reports chunk stays small; SVG keeps text crisp when
// printed or zoomed.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export type ChartOption = EChartsCoreOption;

interface EChartProps {
  option: ChartOption;
  height?: number;
  /** What the chart shows, for people who cannot see it (the card's table holds the figures). */
  label: string;
}

type Axis = Record<string, unknown>;
const eachAxis = (axes: unknown, change: (axis: Axis) => Axis) =>
  Array.isArray(axes) ? axes.map((a) => change(a as Axis)) : axes ? change(axes as Axis) : axes;

/**
 * A chart for a right-to-left reader: the horizontal axis runs from the right, the vertical axis stands on the
 * right, the legend starts on the right, as an Arabic reader scans the page.
 */
export function mirrored(option: ChartOption): ChartOption {
  const legend = option.legend as Axis | undefined;
  return {
    ...option,
    xAxis: eachAxis(option.xAxis, (axis) => ({ ...axis, inverse: !axis.inverse })),
    yAxis: eachAxis(option.yAxis, (axis) => ({ ...axis, position: axis.position === 'right' ? 'left' : 'right' })),
    ...(legend ? { legend: { ...legend, left: 'right' } } : {}),
  };
}

export function EChart({ option: given, height = 300, label }: EChartProps) {
  const { dir } = useDirection();
  const option = dir === 'rtl' ? mirrored(given) : given;
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        opts={{ renderer: 'svg' }}
        style={{ height, width: '100%' }}
      />
    </div>
  );
}
