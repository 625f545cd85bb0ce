import { type AuditEntry, isEnumValue, labelOf } from '@jixiao/core';
import { splitByLines } from '../xlsx-layout';
import { type Column, type Lang, shanghaiTime, tableWorkbook } from './table-workbook';

/**
 * The audit trail (审计日志) with its hash chain, so a printout can be checked against the system.
 * An entry whose before/after JSON is longer than the tallest row shows continues on rows marked
 * 续 below it, so every character prints.
 */

/** Excel holds at most 32,767 characters in a cell; longer JSON is cut (the API has it whole). */
const MAX_CELL = 32_000;
const json = (v: unknown): string => {
  if (v === undefined) return '';
  const s = JSON.stringify(v);
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL)}…` : s;
};
const actor = (a: AuditEntry['actor']): string =>
  `${a.name ? `${a.name}\n` : ''}${a.sub}${a.roles.length ? ` (${a.roles.join(', ')})` : ''}`;

/** One printed row: an entry, or a continuation (part > 0) of its JSON. */
interface AuditRow {
  e: AuditEntry;
  part: number;
  before: string;
  after: string;
}

const JSON_WIDTH = 26;
/** Lines of 10.5 pt text in Excel's tallest row (409 pt), less a margin. */
const LINES_PER_ROW = 24;

function rowsOf(e: AuditEntry): AuditRow[] {
  const before = splitByLines(json(e.before), JSON_WIDTH, LINES_PER_ROW);
  const after = splitByLines(json(e.after), JSON_WIDTH, LINES_PER_ROW);
  return Array.from({ length: Math.max(before.length, after.length) }, (_, part) => ({
    e,
    part,
    before: before[part] ?? '',
    after: after[part] ?? '',
  }));
}

/** An entry's own column, blank on its continuation rows. */
const own =
  (value: (e: AuditEntry, lang: Lang) => string | number | undefined) => (r: AuditRow, lang: Lang) =>
    r.part === 0 ? value(r.e, lang) : '';

const columns: Column<AuditRow>[] = [
  {
    header: { zh: '序号', en: 'Seq' },
    width: 6,
    value: (r, lang) => (r.part === 0 ? r.e.seq : `${r.e.seq}${lang === 'en' ? ' (cont.)' : '（续）'}`),
  },
  {
    header: { zh: '北京时间', en: 'Time (Asia/Shanghai)' },
    width: 11,
    value: own((e) => shanghaiTime(e.at)),
  },
  { header: { zh: '操作人', en: 'Actor' }, width: 14, value: own((e) => actor(e.actor)) },
  {
    header: { zh: '操作', en: 'Action' },
    width: 14,
    value: own((e, lang) =>
      isEnumValue('auditAction', e.action)
        ? `${labelOf('auditAction', e.action, lang)}\n${e.action}`
        : e.action,
    ),
  },
  {
    header: { zh: '对象', en: 'Target' },
    width: 16,
    value: own((e) => `${e.target.type}\n${e.target.id}`),
  },
  { header: { zh: '说明', en: 'Note' }, width: 14, value: own((e) => e.note) },
  { header: { zh: '修改前', en: 'Before' }, width: JSON_WIDTH, value: (r) => r.before },
  { header: { zh: '修改后', en: 'After' }, width: JSON_WIDTH, value: (r) => r.after },
  { header: { zh: '前一条哈希', en: 'Previous hash' }, width: 16, value: own((e) => e.prevHash) },
  { header: { zh: '哈希', en: 'Hash' }, width: 16, value: own((e) => e.hash) },
  { header: { zh: '算法', en: 'Algorithm' }, width: 6, value: own((e) => e.alg) },
];

export const auditXlsx = (entries: readonly AuditEntry[], title: string, lang: Lang) =>
  tableWorkbook(title, columns, entries.flatMap(rowsOf), lang, {
    sheet: lang === 'en' ? 'Audit trail' : '审计日志',
  });
