import { type ChartFrame, emptyChart, renderChart } from './render';
import { GRID_COLOR, gradeColor, MUTED_COLOR, numberOf, shortLabel } from './theme';

/** A unit's line in a group's ranking (best first). */
export interface RankingBar {
  name: string;
  total: number | string;
  rank: number;
  grade: string;
  /** The grade's place in its system (0 = highest), for its colour. */
  gradePlace: number;
}

/** Height of one bar's row, and of the axes around them. */
const ROW = 26;
const FRAME = 56;

/**
 * 组内排名: horizontal bars of the group's totals, best at the top, each labelled with its total
 * and grade and coloured by grade. The height grows with the group unless a height is given.
 */
export function rankingChart(
  frame: ChartFrame & { groupName: string; lines: readonly RankingBar[] },
): string {
  const width = frame.width ?? 640;
  const height = frame.height ?? FRAME + ROW * Math.max(frame.lines.length, 2);
  const title = `${frame.groupName}得分排名条形图`;
  const label = `${title}：${frame.lines.map((l) => `第 ${l.rank} 名 ${l.name} ${l.total} 分（${l.grade}）`).join('，')}`;
  if (frame.lines.length === 0) return emptyChart({ id: frame.id, width, height, label: title });
  const totals = frame.lines.map((l) => numberOf(l.total)).filter(Number.isFinite);
  const high = Math.max(100, Math.ceil(Math.max(...totals, 0) / 10) * 10);
  return renderChart(
    {
      grid: { left: 8, right: 96, top: 16, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: high, splitLine: { lineStyle: { color: GRID_COLOR } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: frame.lines.map((l) => `${l.rank}. ${shortLabel(l.name, 12)}`),
        axisTick: { show: false },
        axisLabel: { color: MUTED_COLOR },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: frame.lines.map((l) => ({
            value: numberOf(l.total),
            itemStyle: { color: gradeColor(l.gradePlace) },
          })),
          label: {
            show: true,
            position: 'right',
            color: MUTED_COLOR,
            formatter: (p: { dataIndex: number }) => {
              const l = frame.lines[p.dataIndex]!;
              return `${l.total}（${shortLabel(l.grade, 6)}）`;
            },
          },
        },
      ],
    },
    { id: frame.id, width, height, label },
  );
}
