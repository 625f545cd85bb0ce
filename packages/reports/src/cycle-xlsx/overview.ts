import {
  ANNUAL_PLAN_STATUS_LABELS,
  LIGHT_LABELS,
  type OverviewRow,
  REPORT_STATUS_LABELS,
  SELF_STATUS_LABELS,
} from '@jixiao/core';
import { say } from './labels';
import { type Column, type Lang, tableWorkbook, yesNo } from './table-workbook';

/** The office's overview (who is late or behind) as a table: one row per unit. */

export interface OverviewMeta {
  title: string;
  /** The cycle's progress periods, in calendar order (one column each). */
  periods: readonly { code: string; name: string }[];
}

const LATE = { zh: '逾期', en: 'late' };

export function overviewColumns(meta: OverviewMeta, lang: Lang): Column<OverviewRow>[] {
  const periodColumns = meta.periods.map(
    (p): Column<OverviewRow> => ({
      header: { zh: `进度：${p.name}`, en: `Progress: ${p.name}` },
      width: 20,
      value: (r) => {
        const at = r.progress.find((x) => x.period === p.code);
        if (!at) return '';
        const status = REPORT_STATUS_LABELS[at.submitted ? 'submitted' : 'draft'][lang];
        return `${status}${at.late ? `（${LATE[lang]}）` : ''}\n${LIGHT_LABELS[at.light][lang]}`;
      },
    }),
  );
  return [
    { header: { zh: '单位代码', en: 'Unit code' }, width: 10, value: (r) => r.unit },
    { header: { zh: '单位名称', en: 'Unit' }, width: 26, value: (r) => r.unitName },
    { header: { zh: '分组', en: 'Group' }, width: 10, value: (r) => r.group },
    {
      header: { zh: '年度绩效计划', en: 'Annual plan' },
      width: 14,
      value: (r) => (r.plan === 'missing' ? say(undefined, lang) : ANNUAL_PLAN_STATUS_LABELS[r.plan][lang]),
    },
    { header: { zh: '计划逾期', en: 'Plan late' }, width: 8, value: (r) => yesNo(r.planLate, lang) },
    ...periodColumns,
    { header: { zh: '预警', en: 'Warning' }, width: 16, value: (r) => LIGHT_LABELS[r.light][lang] },
    {
      header: { zh: '自评', en: 'Self-assessment' },
      width: 10,
      value: (r) => (r.self === 'missing' ? say(undefined, lang) : SELF_STATUS_LABELS[r.self][lang]),
    },
    {
      header: { zh: '自评逾期', en: 'Self-assessment late' },
      width: 10,
      value: (r) => yesNo(r.selfLate, lang),
    },
    { header: { zh: '待核验数据', en: 'Values pending' }, width: 10, value: (r) => r.valuesPending },
    { header: { zh: '已更正数据', en: 'Values corrected' }, width: 10, value: (r) => r.valuesCorrected },
    { header: { zh: '未落实的整改', en: 'Open follow-ups' }, width: 10, value: (r) => r.openFollowUps },
  ];
}

export const overviewXlsx = (rows: readonly OverviewRow[], meta: OverviewMeta, lang: Lang) =>
  tableWorkbook(meta.title, overviewColumns(meta, lang), rows, lang, {
    sheet: lang === 'en' ? 'Overview' : '进展总览',
  });
