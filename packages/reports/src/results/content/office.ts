import type { OfficeReport } from '@jixiao/core';
import type { Block, Fact, ReportDocument } from '../document';
import { dayOf, num } from '../document';
import {
  appealFacts,
  bandsChart,
  bandsTable,
  changesTable,
  colophon,
  flatRankingTable,
  gradesChart,
  gradesTable,
  groupSummaryText,
  groupsTable,
  numbered,
  problemsTable,
  rankingChartBlock,
  rankingTable,
  rectificationFacts,
  stagesTable,
  subtitleOf,
} from './common';

/**
 * 绩效评估总体情况报告 (the office's overall report): the distribution of scores and grades, the
 * rankings by group, the problems found, and what changed after appeals.
 */

type Summary = Omit<OfficeReport, 'kind' | 'header'>;

export function officeFacts(o: Summary): Fact[] {
  return [
    { label: '参评单位数', value: num(o.units) },
    { label: '平均得分', value: num(o.mean) },
    { label: '分组数', value: num(o.groups.length) },
    ...o.grades.map((g) => ({ label: `${g.label.zh}（个）`, value: num(g.count) })),
  ];
}

export function overviewText(o: Summary): string {
  const grades = o.grades.map((g) => `${g.label.zh} ${g.count} 个`).join('、');
  return `本次评估共 ${o.units} 个单位参评，分 ${o.groups.length} 个组别排名，平均得分 ${o.mean} 分${grades ? `。评定等次：${grades}` : ''}。`;
}

/** The office's sheets, shared by the Congress report's workbook. */
export function officeSheets(o: Summary, title: string): ReportDocument['sheets'] {
  return [
    {
      name: '概况',
      title: `${title}：概况`,
      facts: [...officeFacts(o), ...appealFacts(o.appeals), ...rectificationFacts(o.rectification)],
      tables: [
        ...(o.stages?.length ? [stagesTable(o.stages)] : []),
        gradesTable(o.grades, '等次分布'),
        bandsTable(o.bands),
        groupsTable(o.groups, o.grades),
      ],
    },
    { name: '分组排名', title: `${title}：分组排名`, tables: [flatRankingTable(o.groups)], landscape: true },
    { name: '问题分析', title: `${title}：问题分析`, tables: [problemsTable(o.problems)] },
    {
      name: '申诉变化',
      title: `${title}：申诉复核后的变化`,
      tables: [changesTable(o.appeals.changes)],
      landscape: true,
    },
  ];
}

export function officeDocument(d: OfficeReport): ReportDocument {
  const h = d.header;
  const title = `${h.cycle.name}总体情况报告`;
  const body: Block[] = [
    { type: 'heading', text: numbered(0, '总体情况') },
    { type: 'paragraph', text: overviewText(d) },
    { type: 'facts', caption: '评估总体情况', facts: officeFacts(d) },
    ...(d.stages?.length ? [{ type: 'table' as const, table: stagesTable(d.stages) }] : []),
    { type: 'heading', text: numbered(1, '等次和得分分布') },
    gradesChart('office-grades', d.grades),
    { type: 'table', table: gradesTable(d.grades, '等次分布') },
    bandsChart('office-bands', d.bands),
    { type: 'table', table: bandsTable(d.bands) },
    { type: 'heading', text: numbered(2, '分组排名') },
    { type: 'table', table: groupsTable(d.groups, d.grades) },
    ...d.groups.flatMap((g, i): Block[] => [
      { type: 'subheading', text: `（${i + 1}）${g.name}` },
      { type: 'paragraph', text: groupSummaryText(g) },
      ...(g.ranking.length ? [rankingChartBlock(`office-rank-${i + 1}`, g, d.grades)] : []),
      { type: 'table', table: rankingTable(g) },
    ]),
    { type: 'heading', text: numbered(3, '存在的主要问题') },
    {
      type: 'paragraph',
      text: d.problems.length
        ? `以下指标失分较为集中（按失分单位数排列），是下一步改进的重点。`
        : '各项指标未见集中失分。',
    },
    { type: 'table', table: problemsTable(d.problems) },
    { type: 'heading', text: numbered(4, '申诉及结果变化') },
    { type: 'facts', caption: '申诉及复核', facts: appealFacts(d.appeals) },
    { type: 'table', table: changesTable(d.appeals.changes) },
    { type: 'heading', text: numbered(5, '整改情况') },
    { type: 'facts', caption: '整改任务', facts: rectificationFacts(d.rectification) },
  ];
  return {
    kind: 'office',
    style: 'standard',
    title,
    subtitle: subtitleOf(h),
    info: {
      author: h.tenant.name,
      subject: `${h.cycle.name} 绩效评估总体情况报告`,
      keywords: `绩效评估, ${h.cycle.year}, 总体情况`,
      date: dayOf(h.asOf),
    },
    body,
    colophon: colophon(h),
    sheets: officeSheets(d, title),
  };
}
