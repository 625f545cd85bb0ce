import type { CongressReport } from '@jixiao/core';
import type { Block, ReportDocument, Table } from '../document';
import { dayOf } from '../document';
import { colophon, gradesChart, gradesTable, groupSummaryText, rankingTable } from './common';
import { officeSheets } from './office';

/**
 * The annual report to the People's Congress standing committee, in the layout of a government's
 * report: title, 主送, numbered parts, 落款 and date, then 附件 (the rankings by group) on a new page.
 * Its wording is the builder's (from the office report's data); this only lays it out.
 */

/** The report's text as one table for the workbook: a row per heading or paragraph. */
function textTable(d: CongressReport): Table {
  return {
    caption: d.title,
    columns: [{ header: '报告正文', width: 100 }],
    rows: [
      [d.addressee],
      ...d.sections.flatMap((s) => [[s.heading], ...s.paragraphs.map((p) => [p])]),
      [d.signature],
      [d.dateLine],
    ],
  };
}

export function congressDocument(d: CongressReport): ReportDocument {
  const h = d.header;
  const body: Block[] = d.sections.flatMap((s): Block[] => [
    { type: 'heading', text: s.heading },
    ...s.paragraphs.map((p): Block => ({ type: 'paragraph', text: p })),
  ]);
  const annex: Block[] = [
    { type: 'paragraph', text: `参评单位 ${d.office.units} 个，平均得分 ${d.office.mean} 分。` },
    gradesChart('congress-grades', d.office.grades),
    { type: 'table', table: gradesTable(d.office.grades, '等次分布') },
    ...d.annex.flatMap((g, i): Block[] => [
      { type: 'subheading', text: `（${i + 1}）${g.name}` },
      { type: 'paragraph', text: groupSummaryText(g) },
      { type: 'table', table: rankingTable(g) },
    ]),
  ];
  return {
    kind: 'congress',
    style: 'official',
    title: d.title,
    subtitle: [],
    info: {
      author: h.tenant.name,
      subject: `${h.cycle.name} 向人大常委会的年度报告`,
      keywords: `绩效评估, ${h.cycle.year}, 人大常委会`,
      date: dayOf(h.asOf),
    },
    addressee: d.addressee,
    body,
    closing: { signature: d.signature, date: d.dateLine },
    annex: { label: '附件', title: `${h.cycle.year}年度绩效评估结果（分组排名）`, body: annex },
    colophon: colophon(h),
    sheets: [
      { name: '报告正文', title: d.title, tables: [textTable(d)] },
      ...officeSheets(d.office, d.title),
    ],
  };
}
