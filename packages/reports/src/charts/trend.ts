import { type ChartFrame, emptyChart, renderChart } from './render';
import { GRID_COLOR, MUTED_COLOR, numberOf, SERIES_COLORS } from './theme';

/** A year's total and grade (oldest first). */
export interface TrendYear {
  year: number;
  total: number | string;
  grade: string;
}

/** 历年总分: a line of the yearly totals, each point labelled with its total and grade. */
export function trendChart(frame: ChartFrame & { years: readonly TrendYear[] }): string {
  const width = frame.width ?? 560;
  const height = frame.height ?? 300;
  const title = '历年总分趋势折线图';
  const label = `${title}：${frame.years.map((y) => `${y.year} 年 ${y.total} 分（${y.grade}）`).join('，')}`;
  if (frame.years.length === 0) return emptyChart({ id: frame.id, width, height, label: title });
  const totals = frame.years.map((y) => numberOf(y.total)).filter(Number.isFinite);
  // From the ten below the lowest total to 100 (further where bonus points pass it).
  const low = Math.max(0, Math.floor((Math.min(...totals, 100) - 10) / 10) * 10);
  const high = Math.max(100, Math.ceil(Math.max(...totals, 0) / 10) * 10);
  return renderChart(
    {
      grid: { left: 48, right: 32, top: 40, bottom: 32 },
      xAxis: {
        type: 'category',
        data: frame.years.map((y) => `${y.year}年`),
        boundaryGap: true,
        axisLabel: { color: MUTED_COLOR },
      },
      yAxis: {
        type: 'value',
        min: low,
        max: high,
        name: '总分',
        nameTextStyle: { color: MUTED_COLOR },
        splitLine: { lineStyle: { color: GRID_COLOR } },
      },
      series: [
        {
          type: 'line',
          data: frame.years.map((y) => ({ value: numberOf(y.total), grade: y.grade })),
          symbolSize: 8,
          itemStyle: { color: SERIES_COLORS[0] },
          lineStyle: { width: 2 },
          label: {
            show: true,
            position: 'top',
            color: MUTED_COLOR,
            formatter: (p: { dataIndex: number }) => {
              const y = frame.years[p.dataIndex]!;
              return `${y.total}\n${y.grade}`;
            },
          },
        },
      ],
    },
    { id: frame.id, width, height, label },
  );
}
