import { VALUE_ORIGIN_LABELS, VALUE_STATUS_LABELS, type ValueOrigin, type ValueStatus } from '@jixiao/core';
import { type Column, type Lang, shanghaiTime, tableWorkbook } from './table-workbook';

/** The values of a cycle (指标考核) as a table: one row per unit and indicator, original beside the value. */

export interface ValueTableRow {
  unit: string;
  unitName: string;
  leaf: string;
  leafName: string;
  origin: ValueOrigin;
  original?: number | undefined;
  value?: number | undefined;
  status: ValueStatus;
  reason?: string | undefined;
  supplied?: { by: string; at: string } | undefined;
  verified?: { by: string; at: string } | undefined;
}

const stamp = (s: { by: string; at: string } | undefined) => (s ? `${s.by}\n${shanghaiTime(s.at)}` : '');

const columns = (lang: Lang): Column<ValueTableRow>[] => [
  { header: { zh: '单位代码', en: 'Unit code' }, width: 10, value: (r) => r.unit },
  { header: { zh: '单位名称', en: 'Unit' }, width: 20, value: (r) => r.unitName },
  { header: { zh: '指标代码', en: 'Indicator code' }, width: 10, value: (r) => r.leaf },
  { header: { zh: '指标名称', en: 'Indicator' }, width: 22, value: (r) => r.leafName },
  { header: { zh: '来源', en: 'Source' }, width: 14, value: (r) => VALUE_ORIGIN_LABELS[r.origin][lang] },
  { header: { zh: '原报数值', en: 'Original' }, width: 11, value: (r) => r.original },
  { header: { zh: '认定数值', en: 'Value' }, width: 11, value: (r) => r.value },
  { header: { zh: '核验状态', en: 'Status' }, width: 10, value: (r) => VALUE_STATUS_LABELS[r.status][lang] },
  { header: { zh: '更正理由', en: 'Reason' }, width: 24, value: (r) => r.reason },
  { header: { zh: '提供', en: 'Supplied' }, width: 16, value: (r) => stamp(r.supplied) },
  { header: { zh: '核验', en: 'Verified' }, width: 16, value: (r) => stamp(r.verified) },
];

export const valuesXlsx = (rows: readonly ValueTableRow[], title: string, lang: Lang) =>
  tableWorkbook(title, columns(lang), rows, lang, { sheet: lang === 'en' ? 'Values' : '指标数据' });
