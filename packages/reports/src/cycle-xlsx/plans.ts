import { ANNUAL_PLAN_STATUS_LABELS, type AnnualPlanStatus } from '@jixiao/core';
import { say } from './labels';
import { type Column, type Lang, shanghaiTime, tableWorkbook, yesNo } from './table-workbook';

/** The annual plans of a cycle (the office's review queue) as a table: one row per unit. */

export interface PlanSummaryRow {
  unit: string;
  unitName: string;
  group: string;
  status: AnnualPlanStatus | 'missing';
  round: number;
  returnedItems: number;
  submittedAt?: string | undefined;
  updatedAt?: string | undefined;
  late: boolean;
}

const columns = (lang: Lang): Column<PlanSummaryRow>[] => [
  { header: { zh: '单位代码', en: 'Unit code' }, width: 10, value: (r) => r.unit },
  { header: { zh: '单位名称', en: 'Unit' }, width: 28, value: (r) => r.unitName },
  { header: { zh: '分组', en: 'Group' }, width: 10, value: (r) => r.group },
  {
    header: { zh: '状态', en: 'Status' },
    width: 14,
    value: (r) => (r.status === 'missing' ? say(undefined, lang) : ANNUAL_PLAN_STATUS_LABELS[r.status][lang]),
  },
  { header: { zh: '审核轮次', en: 'Review round' }, width: 9, value: (r) => r.round },
  { header: { zh: '退回指标数', en: 'Items returned' }, width: 10, value: (r) => r.returnedItems },
  { header: { zh: '报送时间', en: 'Submitted' }, width: 17, value: (r) => shanghaiTime(r.submittedAt) },
  { header: { zh: '最后修改', en: 'Last changed' }, width: 17, value: (r) => shanghaiTime(r.updatedAt) },
  { header: { zh: '逾期', en: 'Late' }, width: 7, value: (r) => yesNo(r.late, lang) },
];

export const plansXlsx = (rows: readonly PlanSummaryRow[], title: string, lang: Lang) =>
  tableWorkbook(title, columns(lang), rows, lang, { sheet: lang === 'en' ? 'Annual plans' : '年度绩效计划' });
