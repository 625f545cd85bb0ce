import { labelOf, type UnitReport } from '@jixiao/core';
import { dimensionRadarChart, trendChart } from '../../charts';
import type { Block, ReportDocument } from '../document';
import { dayOf } from '../document';
import { chart, colophon, numbered, subtitleOf } from './common';
import {
  appealsTable,
  dimensionsTable,
  facts,
  indicatorsTable,
  lossesTable,
  stagesTable,
  tasksTable,
  trendTable,
} from './unit-tables';

/**
 * 单位绩效评估报告: the unit's total, grade and rank; the breakdown to each indicator; its position
 * on each dimension against its group (strengths and weaknesses); the trend over the years; its
 * appeals; its rectification tasks.
 */

/** "优势维度：…；短板维度：…" from the dimensions' verdicts. */
function positionText(d: UnitReport): string {
  const of = (v: string) => d.dimensions.filter((x) => x.verdict === v).map((x) => x.name);
  const strengths = of('strength');
  const weaknesses = of('weakness');
  const par = of('par');
  const list = (xs: string[]) => (xs.length ? xs.join('、') : '无');
  return `与${d.unit.group.name}组内平均水平相比，${labelOf('positionVerdict', 'strength', 'zh')}维度：${list(strengths)}；${labelOf('positionVerdict', 'weakness', 'zh')}维度：${list(weaknesses)}${par.length ? `；基本持平：${par.join('、')}` : ''}。`;
}

export function unitDocument(d: UnitReport): ReportDocument {
  const h = d.header;
  const radarSize = { width: 560, height: 340 };
  const trendSize = { width: 560, height: 280 };
  const summary =
    `${d.unit.name}在${d.unit.group.name}组 ${d.of} 个单位中总分 ${d.total} 分，排名第 ${d.rank}，评定等次为${d.grade.label.zh}。` +
    (d.vetoes.length ? `触发一票否决事项：${d.vetoes.map((v) => v.name).join('、')}。` : '');
  const body: Block[] = [
    { type: 'heading', text: numbered(0, '评估结果') },
    { type: 'paragraph', text: summary },
    { type: 'facts', caption: '评估结果概要', facts: facts(d) },
    { type: 'table', table: stagesTable(d) },
    { type: 'heading', text: numbered(1, '指标得分明细') },
    { type: 'table', table: indicatorsTable(d) },
    { type: 'heading', text: numbered(2, '组内比较：优势与短板') },
    { type: 'paragraph', text: positionText(d) },
    ...(d.dimensions.length
      ? [
          chart(
            () =>
              dimensionRadarChart({
                id: 'unit-radar',
                ...radarSize,
                unitName: d.unit.name,
                dimensions: d.dimensions,
              }),
            '图：各维度得分率与组内平均得分率',
            radarSize.width,
            radarSize.height,
          ),
        ]
      : []),
    { type: 'table', table: dimensionsTable(d) },
    { type: 'table', table: lossesTable(d) },
    { type: 'heading', text: numbered(3, '历年趋势') },
    ...(d.trend.length > 1
      ? [
          chart(
            () =>
              trendChart({
                id: 'unit-trend',
                ...trendSize,
                years: d.trend.map((t) => ({ year: t.year, total: t.total, grade: t.grade.label.zh })),
              }),
            '图：历年总分',
            trendSize.width,
            trendSize.height,
          ),
        ]
      : []),
    { type: 'table', table: trendTable(d) },
    { type: 'heading', text: numbered(4, '申诉及复核') },
    { type: 'table', table: appealsTable(d) },
    { type: 'heading', text: numbered(5, '整改任务') },
    { type: 'table', table: tasksTable(d) },
  ];
  return {
    kind: 'unit',
    style: 'standard',
    title: `${d.unit.name}绩效评估报告`,
    subtitle: subtitleOf(h),
    info: {
      author: h.tenant.name,
      subject: `${h.cycle.name} 单位绩效评估报告：${d.unit.name}`,
      keywords: `绩效评估, ${h.cycle.year}, ${d.unit.name}`,
      date: dayOf(h.asOf),
    },
    body,
    colophon: colophon(h),
    sheets: [
      {
        name: '概况',
        title: `${d.unit.name}绩效评估结果概况`,
        facts: facts(d),
        tables: [
          stagesTable(d),
          dimensionsTable(d),
          lossesTable(d),
          trendTable(d),
          appealsTable(d),
          tasksTable(d),
        ],
        landscape: true,
      },
      {
        name: '指标明细',
        title: `${d.unit.name}指标得分明细`,
        tables: [indicatorsTable(d)],
        landscape: true,
      },
    ],
  };
}
