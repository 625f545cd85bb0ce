import { type ChartFrame, emptyChart, renderChart } from './render';
import { GRID_COLOR, MUTED_COLOR, SERIES_COLORS, shortLabel } from './theme';

/** The five-number summary of an indicator across a group. */
export interface FiveNumbers {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** One member's value, drawn as a point over the box. */
export interface StripPoint {
  name: string;
  value: number;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/**
 * 指标分布: one indicator across a group as a horizontal box plot (minimum, quartiles, median,
 * maximum) with each member's value as a point over it, in the indicator's own unit. One chart
 * per indicator: units differ, so indicators never share an axis.
 */
export function boxPlotChart(
  frame: ChartFrame & {
    name: string;
    unit: string;
    stats: FiveNumbers | null;
    points: readonly StripPoint[];
  },
): string {
  const width = frame.width ?? 480;
  const height = frame.height ?? 120;
  const title = `${frame.name}分布箱线图（单位：${frame.unit}）`;
  const s = frame.stats;
  if (!s || s.n === 0) return emptyChart({ id: frame.id, width, height, label: title });
  const label = `${title}：${s.n} 个地区，最小值 ${fmt(s.min)}，下四分位数 ${fmt(s.q1)}，中位数 ${fmt(s.median)}，上四分位数 ${fmt(s.q3)}，最大值 ${fmt(s.max)}`;
  return renderChart(
    {
      grid: { left: 16, right: 24, top: 12, bottom: 44 },
      xAxis: {
        type: 'value',
        scale: true,
        name: frame.unit,
        nameLocation: 'middle',
        nameGap: 26,
        nameTextStyle: { color: MUTED_COLOR },
        axisLabel: { color: MUTED_COLOR, hideOverlap: true },
        splitLine: { lineStyle: { color: GRID_COLOR } },
      },
      yAxis: { type: 'category', data: [shortLabel(frame.name, 8)], show: false },
      series: [
        {
          type: 'boxplot',
          data: [[s.min, s.q1, s.median, s.q3, s.max]],
          boxWidth: [24, 36],
          itemStyle: { color: '#e3eefc', borderColor: SERIES_COLORS[0], borderWidth: 1.5 },
        },
        {
          type: 'scatter',
          data: frame.points.map((p) => [p.value, 0]),
          symbolSize: 7,
          itemStyle: { color: SERIES_COLORS[1], opacity: 0.75 },
        },
      ],
    },
    { id: frame.id, width, height, label },
  );
}
