import { type ChartFrame, emptyChart, renderChart } from './render';
import { GRID_COLOR, gradeColor, MUTED_COLOR, numberOf, SERIES_COLORS, shortLabel } from './theme';

/** A count per grade, highest grade first (as the system lists its levels). */
export interface GradeCount {
  label: string;
  count: number;
}

const axisStyle = {
  axisLine: { lineStyle: { color: MUTED_COLOR } },
  axisLabel: { color: MUTED_COLOR },
  splitLine: { lineStyle: { color: GRID_COLOR } },
};

/** 等级分布: one bar per grade with its count on top, coloured by the grade's place. */
export function gradeDistributionChart(frame: ChartFrame & { grades: readonly GradeCount[] }): string {
  const width = frame.width ?? 560;
  const height = frame.height ?? 300;
  const parts = frame.grades.map((g) => `${g.label} ${g.count} 个`);
  const label = `等级分布柱状图：${parts.join('，')}`;
  if (frame.grades.length === 0) return emptyChart({ id: frame.id, width, height, label: '等级分布柱状图' });
  return renderChart(
    {
      grid: { left: 48, right: 16, top: 28, bottom: 36 },
      xAxis: {
        type: 'category',
        data: frame.grades.map((g) => shortLabel(g.label, 8)),
        axisTick: { show: false },
        ...axisStyle,
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        name: '单位数',
        nameTextStyle: { color: MUTED_COLOR },
        ...axisStyle,
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 56,
          data: frame.grades.map((g, i) => ({ value: g.count, itemStyle: { color: gradeColor(i) } })),
          label: { show: true, position: 'top', color: MUTED_COLOR },
        },
      ],
    },
    { id: frame.id, width, height, label },
  );
}

/** A count per score band (below 60 together, then 10-point bands), lowest first. */
export interface BandCount {
  label: string;
  count: number;
}

/** 得分分布: a histogram of totals in score bands (adjacent bars, count on top). */
export function scoreBandsChart(frame: ChartFrame & { bands: readonly BandCount[] }): string {
  const width = frame.width ?? 560;
  const height = frame.height ?? 300;
  const label = `得分分布直方图（按分数段）：${frame.bands.map((b) => `${b.label} 分 ${b.count} 个`).join('，')}`;
  if (frame.bands.length === 0) return emptyChart({ id: frame.id, width, height, label: '得分分布直方图' });
  return renderChart(
    {
      grid: { left: 48, right: 16, top: 28, bottom: 48 },
      xAxis: {
        type: 'category',
        data: frame.bands.map((b) => shortLabel(b.label, 10)),
        name: '分数段',
        nameLocation: 'middle',
        nameGap: 28,
        nameTextStyle: { color: MUTED_COLOR },
        axisTick: { show: false },
        ...axisStyle,
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        name: '单位数',
        nameTextStyle: { color: MUTED_COLOR },
        ...axisStyle,
      },
      series: [
        {
          type: 'bar',
          barCategoryGap: '4%',
          data: frame.bands.map((b) => numberOf(b.count)),
          itemStyle: { color: SERIES_COLORS[0] },
          label: { show: true, position: 'top', color: MUTED_COLOR },
        },
      ],
    },
    { id: frame.id, width, height, label },
  );
}
