import { type ChartFrame, emptyChart, renderChart } from './render';
import { GRID_COLOR, MUTED_COLOR, numberOf, SERIES_COLORS, shortLabel } from './theme';

/** One dimension (一级指标) of a unit: its points, full marks and the group's mean points. */
export interface DimensionScore {
  name: string;
  points: number | string;
  max: number | string;
  groupMean: number | string;
}

/** Score rate in percent (points of full marks), one decimal; 0 where full marks are 0. */
export function scoreRate(points: number | string, max: number | string): number {
  const m = numberOf(max);
  const p = numberOf(points);
  if (!(m > 0) || !Number.isFinite(p)) return 0;
  return Math.round((p / m) * 1000) / 10;
}

/**
 * 各维度得分率: the unit's score rate on each dimension against its group's mean rate, as a radar
 * (three dimensions or more) or as paired bars (one or two, where a radar would be a line).
 * Rates, not points, so dimensions of different weights compare on one scale.
 */
export function dimensionRadarChart(
  frame: ChartFrame & { unitName: string; dimensions: readonly DimensionScore[] },
): string {
  const width = frame.width ?? 560;
  const height = frame.height ?? 360;
  const own = frame.dimensions.map((d) => scoreRate(d.points, d.max));
  const mean = frame.dimensions.map((d) => scoreRate(d.groupMean, d.max));
  const title = `${frame.unitName}各维度得分率与组内平均得分率对比图`;
  const label = `${title}：${frame.dimensions.map((d, i) => `${d.name} ${own[i]}%（组内平均 ${mean[i]}%）`).join('，')}`;
  if (frame.dimensions.length === 0) return emptyChart({ id: frame.id, width, height, label: title });
  const names = [shortLabel(frame.unitName), '组内平均'];
  const legend = { bottom: 0, data: names, textStyle: { color: MUTED_COLOR } };
  if (frame.dimensions.length < 3) {
    return renderChart(
      {
        legend,
        grid: { left: 48, right: 16, top: 24, bottom: 56 },
        xAxis: { type: 'category', data: frame.dimensions.map((d) => shortLabel(d.name, 10)) },
        yAxis: {
          type: 'value',
          max: 100,
          name: '得分率（%）',
          splitLine: { lineStyle: { color: GRID_COLOR } },
        },
        series: [
          {
            type: 'bar',
            name: names[0],
            data: own,
            itemStyle: { color: SERIES_COLORS[0] },
            label: { show: true, position: 'top' },
          },
          {
            type: 'bar',
            name: names[1],
            data: mean,
            itemStyle: { color: SERIES_COLORS[1] },
            label: { show: true, position: 'top' },
          },
        ],
      },
      { id: frame.id, width, height, label },
    );
  }
  return renderChart(
    {
      legend,
      radar: {
        center: ['50%', '47%'],
        radius: '70%',
        indicator: frame.dimensions.map((d) => ({ name: shortLabel(d.name, 10), max: 100 })),
        axisName: { color: MUTED_COLOR },
        splitLine: { lineStyle: { color: GRID_COLOR } },
        splitArea: { show: false },
      },
      series: [
        {
          type: 'radar',
          data: [
            {
              name: names[0],
              value: own,
              itemStyle: { color: SERIES_COLORS[0] },
              areaStyle: { opacity: 0.15 },
            },
            {
              name: names[1],
              value: mean,
              itemStyle: { color: SERIES_COLORS[1] },
              lineStyle: { type: 'dashed' },
            },
          ],
        },
      ],
    },
    { id: frame.id, width, height, label },
  );
}
