import { type ChartFrame, emptyChart, renderChart } from './render';
import { GRID_COLOR, MUTED_COLOR, SERIES_COLORS, shortLabel } from './theme';

/** A member's ranks over the perturbed draws: its own rank, the whole interval and the central 90%. */
export interface RankInterval {
  name: string;
  rank: number;
  min: number;
  max: number;
  p5: number;
  p95: number;
}

const ROW = 24;
const FRAME = 64;

/**
 * 排名区间: for each member (best first) a light bar over every rank it took when the weights were
 * perturbed, a dark bar over the ranks of 90% of the draws, and a mark at its rank with the
 * group's own weights. A short bar is a robust rank; a long one says the rank follows the weights.
 */
export function rankIntervalChart(
  frame: ChartFrame & { title: string; members: number; rows: readonly RankInterval[] },
): string {
  const width = frame.width ?? 640;
  const height = frame.height ?? FRAME + ROW * Math.max(frame.rows.length, 2);
  const label = `${frame.title}：${frame.rows
    .map((r) => `${r.name} 第 ${r.rank} 名，区间 ${r.min}–${r.max}，九成抽样在 ${r.p5}–${r.p95}`)
    .join('；')}`;
  if (frame.rows.length === 0) return emptyChart({ id: frame.id, width, height, label: frame.title });
  const n = Math.max(frame.members, ...frame.rows.map((r) => r.max));
  const clear = { color: 'transparent' };
  return renderChart(
    {
      grid: { left: 8, right: 24, top: 12, bottom: 36 },
      xAxis: {
        type: 'value',
        min: 0,
        max: n + 1,
        interval: n > 20 ? 5 : 1,
        name: '名次',
        nameLocation: 'middle',
        nameGap: 24,
        nameTextStyle: { color: MUTED_COLOR },
        axisLabel: {
          color: MUTED_COLOR,
          formatter: (v: number) => (v >= 1 && v <= n ? String(v) : ''),
        },
        splitLine: { lineStyle: { color: GRID_COLOR } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: frame.rows.map((r) => shortLabel(r.name, 8)),
        axisTick: { show: false },
        axisLabel: { color: MUTED_COLOR },
      },
      series: [
        { type: 'bar', stack: 'all', itemStyle: clear, data: frame.rows.map((r) => r.min - 0.5) },
        {
          type: 'bar',
          stack: 'all',
          barMaxWidth: 16,
          itemStyle: { color: '#bcd6ee' },
          data: frame.rows.map((r) => r.max - r.min + 1),
        },
        {
          type: 'bar',
          stack: 'core',
          barGap: '-100%',
          itemStyle: clear,
          data: frame.rows.map((r) => r.p5 - 0.5),
        },
        {
          type: 'bar',
          stack: 'core',
          barMaxWidth: 16,
          itemStyle: { color: SERIES_COLORS[0] },
          data: frame.rows.map((r) => r.p95 - r.p5 + 1),
        },
        {
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 12,
          itemStyle: { color: SERIES_COLORS[1], borderColor: '#ffffff', borderWidth: 1 },
          data: frame.rows.map((r, i) => [r.rank, i]),
        },
      ],
    },
    { id: frame.id, width, height, label },
  );
}
