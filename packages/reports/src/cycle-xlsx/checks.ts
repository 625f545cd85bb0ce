import { CHECK_KIND_LABELS, FOLLOW_UP_STATUS_LABELS, type MonitoringCheck } from '@jixiao/core';
import { type Column, type Lang, tableWorkbook } from './table-workbook';

/** Spot checks (察访核验) and expert consultations (诊断咨询) with findings and follow-up. */

export type CheckTableRow = MonitoringCheck & { unitName?: string | undefined };

const columns = (lang: Lang): Column<CheckTableRow>[] => [
  { header: { zh: '日期', en: 'Day' }, width: 11, value: (r) => r.day },
  { header: { zh: '类别', en: 'Kind' }, width: 10, value: (r) => CHECK_KIND_LABELS[r.kind][lang] },
  {
    header: { zh: '单位', en: 'Unit' },
    width: 20,
    value: (r) => (r.unitName ? `${r.unitName}（${r.unit}）` : r.unit),
  },
  { header: { zh: '涉及指标', en: 'Indicators' }, width: 12, value: (r) => r.leaves.join('、') },
  { header: { zh: '参加人员', en: 'Participants' }, width: 16, value: (r) => r.participants },
  { header: { zh: '发现的问题', en: 'Findings' }, width: 36, value: (r) => r.findings },
  { header: { zh: '整改要求', en: 'Follow-up' }, width: 30, value: (r) => r.followUp },
  { header: { zh: '整改期限', en: 'Due' }, width: 11, value: (r) => r.followUpDue },
  {
    header: { zh: '整改情况', en: 'Follow-up status' },
    width: 10,
    value: (r) => FOLLOW_UP_STATUS_LABELS[r.followUpStatus][lang],
  },
];

export const checksXlsx = (rows: readonly CheckTableRow[], title: string, lang: Lang) =>
  tableWorkbook(title, columns(lang), rows, lang, { sheet: lang === 'en' ? 'Checks' : '察访核验和诊断咨询' });
