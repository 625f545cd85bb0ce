import { type AuditEntry, isEnumValue, labelOf } from '@jixiao/core';
import { type Column, type Lang, shanghaiTime, tableWorkbook } from './table-workbook';

/** The audit trail (审计日志) with its hash chain, so a printout can be checked against the system. */

/** Excel holds at most 32,767 characters in a cell; longer JSON is cut (the API has it whole). */
const MAX_CELL = 32_000;
const json = (v: unknown): string => {
  if (v === undefined) return '';
  const s = JSON.stringify(v);
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL)}…` : s;
};
const actor = (a: AuditEntry['actor']): string =>
  `${a.name ? `${a.name}\n` : ''}${a.sub}${a.roles.length ? ` (${a.roles.join(', ')})` : ''}`;

const columns: Column<AuditEntry>[] = [
  { header: { zh: '序号', en: 'Seq' }, width: 6, value: (e) => e.seq },
  {
    header: { zh: '北京时间', en: 'Time (Asia/Shanghai)' },
    width: 11,
    value: (e) => shanghaiTime(e.at),
  },
  { header: { zh: '操作人', en: 'Actor' }, width: 16, value: (e) => actor(e.actor) },
  {
    header: { zh: '操作', en: 'Action' },
    width: 14,
    value: (e, lang) =>
      isEnumValue('auditAction', e.action)
        ? `${labelOf('auditAction', e.action, lang)}\n${e.action}`
        : e.action,
  },
  { header: { zh: '对象', en: 'Target' }, width: 18, value: (e) => `${e.target.type}\n${e.target.id}` },
  { header: { zh: '说明', en: 'Note' }, width: 16, value: (e) => e.note },
  { header: { zh: '修改前', en: 'Before' }, width: 26, value: (e) => json(e.before) },
  { header: { zh: '修改后', en: 'After' }, width: 26, value: (e) => json(e.after) },
  { header: { zh: '前一条哈希', en: 'Previous hash' }, width: 17, value: (e) => e.prevHash },
  { header: { zh: '哈希', en: 'Hash' }, width: 17, value: (e) => e.hash },
  { header: { zh: '算法', en: 'Algorithm' }, width: 6, value: (e) => e.alg },
];

export const auditXlsx = (entries: readonly AuditEntry[], title: string, lang: Lang) =>
  tableWorkbook(title, columns, entries, lang, { sheet: lang === 'en' ? 'Audit trail' : '审计日志' });
