import {
  type GroupSummary,
  isEnumValue,
  labelOf,
  type OfficeReport,
  REPORT_LAYOUT_VERSION,
  type ReportHeader,
} from '@jixiao/core';
import { gradeDistributionChart, type RankingBar, rankingChart, scoreBandsChart } from '../../charts';
import type { Block, Fact, Table } from '../document';
import { lazyChart, num } from '../document';

/** Shared pieces of the three reports' content: numbering, labels, and the tables of results by group. */

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** 一、二、… headings (past ten: 十一, 十二, …). */
export const numbered = (i: number, text: string): string =>
  `${i < 10 ? NUMERALS[i] : `十${NUMERALS[i - 10] ?? i + 1}`}、${text}`;

export const yesNo = (b: boolean): string => (b ? '是' : '否');

/** A label of a vocabulary enum, or the value itself where it is not one (data from an older layout). */
export const vocabulary = <
  N extends
    | 'leafStatus'
    | 'appealStatus'
    | 'rectificationStatus'
    | 'resultStage'
    | 'unitType'
    | 'vetoEffect'
    | 'positionVerdict',
>(
  name: N,
  value: string,
): string => (isEnumValue(name, value) ? labelOf(name, value, 'zh') : value);

/** The provenance line every report ends with. */
export function colophon(h: ReportHeader): string {
  const parts = [
    `数据截至 ${h.asOf}`,
    `评估结果第 ${h.run.number} 版（${h.run.id}）`,
    ...(h.releasedOn ? [`${h.releasedOn} 发布`] : []),
    ...(h.publishedOn ? [`${h.publishedOn} 公开`] : []),
    `版式 ${REPORT_LAYOUT_VERSION}`,
  ];
  return `${parts.join('；')}。`;
}

/** Lines under a report's title. */
export const subtitleOf = (h: ReportHeader): string[] => [
  h.cycle.name,
  `${h.tenant.name} · 数据截至 ${h.asOf}`,
];

/** A chart block, drawn only when a format shows it (see `lazyChart`). */
export function chart(draw: () => string, caption: string, width: number, height: number): Block {
  return { type: 'chart', chart: lazyChart(draw, caption, width, height) };
}

type Grades = OfficeReport['grades'];

/** 等次分布: count and share of each grade. */
export function gradesTable(grades: Grades, caption: string): Table {
  const total = grades.reduce((n, g) => n + g.count, 0);
  return {
    caption,
    columns: [
      { header: '等次', width: 12 },
      { header: '单位数', width: 10, align: 'right' },
      { header: '占比（%）', width: 10, align: 'right' },
    ],
    rows: grades.map((g) => [
      g.label.zh,
      num(g.count),
      num(total === 0 ? '0.0' : ((g.count / total) * 100).toFixed(1)),
    ]),
    empty: '无等次数据。',
  };
}

export function gradesChart(id: string, grades: Grades): Block {
  const width = 560;
  const height = 280;
  return chart(
    () =>
      gradeDistributionChart({
        id,
        width,
        height,
        grades: grades.map((g) => ({ label: g.label.zh, count: g.count })),
      }),
    '图：等次分布',
    width,
    height,
  );
}

export function bandsTable(bands: OfficeReport['bands']): Table {
  return {
    caption: '得分分布（按分数段）',
    columns: [
      { header: '分数段', width: 12 },
      { header: '单位数', width: 10, align: 'right' },
    ],
    rows: bands.map((b) => [b.label, num(b.count)]),
    empty: '无得分数据。',
  };
}

export function bandsChart(id: string, bands: OfficeReport['bands']): Block {
  const width = 560;
  const height = 280;
  return chart(() => scoreBandsChart({ id, width, height, bands }), '图：得分分布', width, height);
}

/** A group's ranking as a table (best first). */
export function rankingTable(g: GroupSummary): Table {
  return {
    caption: `${g.name}得分排名`,
    columns: [
      { header: '名次', width: 6, align: 'center' },
      { header: '单位', width: 24 },
      { header: '总分', width: 10, align: 'right' },
      { header: '等次', width: 10, align: 'center' },
      { header: '一票否决', width: 10, align: 'center' },
    ],
    rows: g.ranking.map((l) => [num(l.rank), l.name, num(l.total), l.grade.label.zh, l.vetoed ? '是' : '']),
    empty: '该组无参评单位。',
  };
}

/** Where each grade stands in the system (highest first), for its colour. */
const placeOf = (grades: Grades) => {
  const at = new Map(grades.map((g, i) => [g.code, i]));
  return (code: string) => at.get(code) ?? grades.length;
};

export function rankingChartBlock(id: string, g: GroupSummary, grades: Grades): Block {
  const place = placeOf(grades);
  const lines: RankingBar[] = g.ranking.map((l) => ({
    name: l.name,
    total: l.total,
    rank: l.rank,
    grade: l.grade.label.zh,
    gradePlace: place(l.grade.code),
  }));
  const width = 600;
  const height = 56 + 26 * Math.max(lines.length, 2);
  return chart(
    () => rankingChart({ id, width, height, groupName: g.name, lines }),
    `图：${g.name}得分排名`,
    width,
    height,
  );
}

/** "平均 86.11 分，最高 98.00 分，最低 72.05 分；优秀 1 个、良好 2 个…" */
export function groupSummaryText(g: GroupSummary): string {
  const grades = g.grades.map((x) => `${x.label.zh} ${x.count} 个`).join('、');
  return `${g.name}共 ${g.units} 个单位，平均得分 ${g.mean} 分，最高 ${g.max} 分，最低 ${g.min} 分${grades ? `；${grades}` : ''}。`;
}

/** Every group's ranking in one flat table (the workbook's 分组排名 sheet). */
export function flatRankingTable(groups: readonly GroupSummary[]): Table {
  return {
    caption: '分组排名',
    columns: [
      { header: '组别', width: 16 },
      { header: '名次', width: 6, align: 'center' },
      { header: '组内单位数', width: 10, align: 'right' },
      { header: '单位编码', width: 12 },
      { header: '单位', width: 26 },
      { header: '总分', width: 10, align: 'right' },
      { header: '等次', width: 10, align: 'center' },
      { header: '一票否决', width: 10, align: 'center' },
    ],
    rows: groups.flatMap((g) =>
      g.ranking.map((l) => [
        g.name,
        num(l.rank),
        num(l.of),
        l.unit,
        l.name,
        num(l.total),
        l.grade.label.zh,
        yesNo(l.vetoed),
      ]),
    ),
    empty: '无参评单位。',
  };
}

/** Each group's size, mean, spread and grade counts (columns: the report's grades, in order). */
export function groupsTable(groups: readonly GroupSummary[], grades: Grades): Table {
  return {
    caption: '各组得分概况',
    columns: [
      { header: '组别', width: 16 },
      { header: '单位数', width: 8, align: 'right' },
      { header: '平均得分', width: 10, align: 'right' },
      { header: '最高分', width: 10, align: 'right' },
      { header: '最低分', width: 10, align: 'right' },
      ...grades.map((g) => ({ header: g.label.zh, width: 8, align: 'right' as const })),
    ],
    rows: groups.map((g) => [
      g.name,
      num(g.units),
      num(g.mean),
      num(g.max),
      num(g.min),
      ...grades.map((x) => num(g.grades.find((y) => y.code === x.code)?.count ?? 0)),
    ]),
    empty: '无分组。',
  };
}

export function problemsTable(problems: OfficeReport['problems']): Table {
  return {
    caption: '失分较集中的指标',
    columns: [
      { header: '指标', width: 24 },
      { header: '指标编码', width: 10 },
      { header: '失分单位数', width: 10, align: 'right' },
      { header: '适用单位数', width: 10, align: 'right' },
      { header: '平均得分率（%）', width: 14, align: 'right' },
    ],
    rows: problems.map((p) => [p.name, p.leaf, num(p.units), num(p.of), num(p.scoreRate)]),
    empty: '未发现集中失分的指标。',
  };
}

export function changesTable(changes: OfficeReport['appeals']['changes']): Table {
  return {
    caption: '申诉复核后结果有变化的单位',
    columns: [
      { header: '单位', width: 22 },
      { header: '原总分', width: 9, align: 'right' },
      { header: '原等次', width: 9, align: 'center' },
      { header: '原名次', width: 7, align: 'center' },
      { header: '现总分', width: 9, align: 'right' },
      { header: '现等次', width: 9, align: 'center' },
      { header: '现名次', width: 7, align: 'center' },
    ],
    rows: changes.map((c) => [
      c.name,
      num(c.before.total),
      c.before.grade.label.zh,
      num(c.before.rank),
      num(c.after.total),
      c.after.grade.label.zh,
      num(c.after.rank),
    ]),
    empty: '申诉复核未改变任何单位的结果。',
  };
}

export function stagesTable(stages: NonNullable<OfficeReport['stages']>): Table {
  return {
    caption: '各评估环节得分',
    columns: [
      { header: '评估环节', width: 14 },
      { header: '参评单位数', width: 10, align: 'right' },
      { header: '平均得分', width: 10, align: 'right' },
      { header: '满分', width: 10, align: 'right' },
    ],
    rows: stages.map((s) => [vocabulary('resultStage', s.stage), num(s.units), num(s.mean), num(s.max)]),
    empty: '无分环节得分。',
  };
}

/** The appeal and rectification counts of the office's report. */
export function appealFacts(a: OfficeReport['appeals']): Fact[] {
  return [
    { label: '申诉总数', value: num(a.submitted + a.accepted + a.rejected + a.withdrawn) },
    { label: '待复核', value: num(a.submitted) },
    { label: vocabulary('appealStatus', 'accepted'), value: num(a.accepted) },
    { label: vocabulary('appealStatus', 'rejected'), value: num(a.rejected) },
    { label: '申诉人撤回', value: num(a.withdrawn) },
  ];
}

export function rectificationFacts(r: OfficeReport['rectification']): Fact[] {
  return [
    { label: '整改任务', value: num(r.tasks) },
    { label: vocabulary('rectificationStatus', 'closed'), value: num(r.closed) },
    { label: '逾期未完成', value: num(r.overdue) },
  ];
}
