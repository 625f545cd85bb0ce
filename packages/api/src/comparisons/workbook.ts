import {
  COMPARISON_GRADE_LABELS,
  type Comparison,
  DIRECTION_LABELS,
  STANDARDISATION_METHOD_LABELS,
  type StandardIndicator,
  TENANT_LEVEL_LABELS,
} from '@jixiao/core';
import { type Cell, num, renderSheets, type Sheet } from '@jixiao/reports/results';

/**
 * A comparison as a workbook, from the same `Comparison` the JSON route answers (so the file and
 * the screen show the same numbers): 综合排名 (rank, composite, grade, 增幅 beside the level,
 * coverage), 指标明细 (per tenant and indicator: value, standardised score, 增幅) and 说明 (the
 * method as stated, the group's weights with their sources, members that did not share).
 * Numbers are numbers; shown values keep the comparison's decimals.
 */

const NONE = '—';

/** A number shown with fixed places, its value kept whole (equal to the JSON's). */
const fixed = (x: number | null | undefined, places = 2): Cell =>
  x === null || x === undefined || !Number.isFinite(x) ? NONE : { value: x, text: x.toFixed(places), places };
const shown = (a: { shown: string } | null): Cell => (a ? num(a.shown) : NONE);
const count = (n: number | null): Cell => (n === null ? NONE : num(n));
const percentOf = (part: number, whole: number): Cell => (whole > 0 ? fixed((part / whole) * 100) : NONE);

export interface WorkbookMeta {
  recipientName: string;
  /** The day the file is made (Asia/Shanghai), its document date. */
  date: Date;
}

export const comparisonTitle = (c: Comparison, recipientName: string) =>
  `${recipientName}${c.year}年度跨地区绩效比较（${c.group.name}）`;

function rankingSheet(c: Comparison): Sheet {
  return {
    name: '综合排名',
    title: '综合排名',
    landscape: true,
    tables: [
      {
        caption: '综合排名',
        columns: [
          { header: '名次', width: 7, align: 'center' },
          { header: '地区', width: 18 },
          { header: '行政区划代码', width: 13, align: 'center' },
          { header: '层级', width: 8, align: 'center' },
          { header: '综合得分（加权）', width: 12 },
          { header: '等次', width: 8, align: 'center' },
          { header: '增幅得分', width: 11 },
          { header: '增幅名次', width: 9, align: 'center' },
          { header: '权重覆盖率（%）', width: 13 },
          { header: '对标分值覆盖率（%）', width: 15 },
        ],
        rows: c.rows.map((r) => [
          count(r.rank),
          r.name,
          r.tenant,
          TENANT_LEVEL_LABELS[r.level as keyof typeof TENANT_LEVEL_LABELS]?.zh ?? r.level,
          shown(r.composite),
          r.grade ? COMPARISON_GRADE_LABELS[r.grade].zh : NONE,
          shown(r.improvement),
          count(r.improvementRank),
          fixed(r.weightCoverage),
          percentOf(r.coverage.mappedPoints, r.coverage.totalPoints),
        ]),
        empty: '本年度尚无地区共享考核结果。',
      },
    ],
  };
}

function detailSheet(c: Comparison): Sheet {
  const indicator = new Map(c.indicators.map((i) => [i.code, i]));
  return {
    name: '指标明细',
    title: '指标明细',
    landscape: true,
    tables: [
      {
        caption: '指标明细',
        columns: [
          { header: '地区', width: 16 },
          { header: '行政区划代码', width: 13, align: 'center' },
          { header: '指标编码', width: 11 },
          { header: '标准指标', width: 22 },
          { header: '计量单位', width: 9, align: 'center' },
          { header: '取值', width: 12 },
          { header: '标准化得分', width: 11 },
          { header: '增幅（%）', width: 11 },
          { header: '增幅得分', width: 11 },
        ],
        rows: c.rows.flatMap((r) =>
          r.cells.map((cell) => {
            const i = indicator.get(cell.standard);
            return [
              r.name,
              r.tenant,
              cell.standard,
              i?.name ?? cell.standard,
              i?.unit ?? '',
              cell.value === null ? NONE : num(cell.value),
              shown(cell.score),
              fixed(cell.change),
              shown(cell.changeScore),
            ];
          }),
        ),
        empty: '本年度尚无地区共享考核结果。',
      },
    ],
  };
}

function notesSheet(c: Comparison, meta: WorkbookMeta, library: readonly StandardIndicator[]): Sheet {
  const source = new Map(library.map((s) => [s.code, s.source]));
  const q = c.grades;
  return {
    name: '说明',
    title: '比较方法说明',
    facts: [
      { label: '比较机构', value: meta.recipientName },
      { label: '年度', value: num(c.year) },
      { label: '分类考核组', value: `${c.group.name}（${c.group.code}）` },
      { label: '参与比较地区', value: num(c.rows.length) },
      { label: '标准化方法', value: STANDARDISATION_METHOD_LABELS[c.method].zh },
      {
        label: '等次比例',
        value: `优秀 ${q.excellent}%，良好 ${q.good}%，一般 ${q.fair}%，其余为较差`,
      },
      { label: '增幅比较年度', value: c.previousYear === null ? '无上年度共享数据' : `${c.previousYear} 年` },
      ...c.explanation.map((e, i) => ({ label: `方法说明（${i + 1}）`, value: e.zh })),
    ],
    tables: [
      {
        caption: '组内权重',
        columns: [
          { header: '指标编码', width: 11 },
          { header: '标准指标', width: 22 },
          { header: '维度', width: 12 },
          { header: '计量单位', width: 9, align: 'center' },
          { header: '方向', width: 10, align: 'center' },
          { header: '组内权重', width: 9 },
          { header: '占比（%）', width: 10 },
          { header: '来源', width: 17 },
        ],
        rows: c.indicators.map((i) => [
          i.code,
          i.name,
          i.dimension,
          i.unit,
          DIRECTION_LABELS[i.direction].zh,
          num(i.weight),
          fixed(i.share),
          source.get(i.code) || NONE,
        ]),
        empty: '该组尚未设置权重。',
      },
      {
        caption: '本年度未共享考核结果的成员',
        columns: [
          { header: '行政区划代码', width: 13 },
          { header: '地区', width: 22 },
        ],
        rows: c.missing.map((m) => [m.tenant, m.name]),
        empty: '无。',
      },
    ],
  };
}

export function comparisonWorkbook(
  c: Comparison,
  meta: WorkbookMeta,
  library: readonly StandardIndicator[],
): Promise<Uint8Array> {
  const title = comparisonTitle(c, meta.recipientName);
  return renderSheets(
    title,
    {
      author: meta.recipientName,
      subject: '跨地区绩效比较',
      keywords: `绩效;跨地区比较;${c.year};${c.group.code}`,
      date: meta.date,
    },
    [rankingSheet(c), detailSheet(c), notesSheet(c, meta, library)],
  );
}
