import { type ChartFrame, emptyChart, renderChart } from './render';
import { GRID_COLOR, MUTED_COLOR, SERIES_COLORS, shortLabel } from './theme';

/** One member's line: a value per year of the chart (null where it did not share or was unranked). */
export interface TrendSeries {
  name: string;
  values: readonly (number | null)[];
}

/** Ten colours for up to ten lines, then the symbols tell them apart (each dark enough on white). */
const LINE_COLORS = [...SERIES_COLORS, '#0e7490', '#be185d', '#4d7c0f', '#92400e', '#374151'] as const;
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin'] as const;

/**
 * 历年比较: a line per member over the years, of its composite or of its rank in the group
 * (rank 1 at the top). Gaps stay gaps: a year the member did not share is not drawn across.
 */
export function groupTrendChart(
  frame: ChartFrame & {
    title: string;
    measure: 'composite' | 'rank';
    years: readonly number[];
    series: readonly TrendSeries[];
  },
): string {
  const width = frame.width ?? 760;
  const height = frame.height ?? 300 + 22 * Math.ceil(frame.series.length / 6);
  const unit = frame.measure === 'rank' ? '名' : '分';
  const words = (s: TrendSeries) =>
    `${s.name}：${frame.years
      .map((y, i) => `${y} 年${s.values[i] === null ? '无' : ` ${s.values[i]} ${unit}`}`)
      .join('、')}`;
  const label = `${frame.title}：${frame.series.map(words).join('；')}`;
  if (frame.years.length === 0 || frame.series.length === 0)
    return emptyChart({ id: frame.id, width, height, label: frame.title });
  const rank = frame.measure === 'rank';
  const max = Math.max(1, ...frame.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  return renderChart(
    {
      legend: {
        type: 'plain',
        bottom: 0,
        textStyle: { color: MUTED_COLOR, fontSize: 11 },
        data: frame.series.map((s) => shortLabel(s.name, 8)),
      },
      grid: { left: 48, right: 24, top: 28, bottom: 36 + 22 * Math.ceil(frame.series.length / 6) },
      xAxis: {
        type: 'category',
        data: frame.years.map((y) => `${y}年`),
        axisLabel: { color: MUTED_COLOR },
      },
      yAxis: {
        type: 'value',
        name: rank ? '名次' : '综合指数',
        inverse: rank,
        min: rank ? 1 : undefined,
        max: rank ? max : undefined,
        scale: !rank,
        minInterval: rank ? 1 : undefined,
        nameTextStyle: { color: MUTED_COLOR },
        axisLabel: { color: MUTED_COLOR },
        splitLine: { lineStyle: { color: GRID_COLOR } },
      },
      series: frame.series.map((s, i) => ({
        type: 'line',
        name: shortLabel(s.name, 8),
        data: s.values.map((v) => (v === null ? '-' : v)),
        symbol: SYMBOLS[Math.floor(i / LINE_COLORS.length) % SYMBOLS.length],
        symbolSize: 7,
        connectNulls: false,
        itemStyle: { color: LINE_COLORS[i % LINE_COLORS.length] },
        lineStyle: { width: 2 },
      })),
    },
    { id: frame.id, width, height, label },
  );
}
