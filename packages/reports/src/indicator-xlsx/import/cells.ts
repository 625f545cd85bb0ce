import type ExcelJS from 'exceljs';
import { restoreFormula } from '../../xlsx-layout/formula-safe';
import { fmt, readNumber, squash } from '../text';

// ─── Cells ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The plain value of a cell: formulas give their result, rich text its text, hyperlinks their text;
 * text the export put behind an apostrophe (formula-like: ../../xlsx-layout/formula-safe) as written.
 */
export function plain(v: ExcelJS.CellValue | undefined): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return restoreFormula(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return restoreFormula(v.richText.map((t) => t.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: ExcelJS.CellValue }).result;
    return typeof result === 'object' && result !== null && 'error' in result ? null : plain(result);
  }
  if ('text' in v) return typeof v.text === 'string' ? v.text : plain(v.text as ExcelJS.CellValue);
  return null;
}

/** A cell of a horizontal merge (not its first column) reads as blank; a vertical merge repeats down. */
export function valueAt(ws: ExcelJS.Worksheet, row: number, col: number): string | number | boolean | null {
  const cell = ws.getCell(row, col);
  if (Number(cell.master.col) !== col) return null;
  return plain(cell.value);
}

export function textAt(ws: ExcelJS.Worksheet, row: number, col: number): string | null {
  const v = valueAt(ws, row, col);
  if (v === null) return null;
  if (typeof v === 'number') return fmt(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v;
}

export const isBlank = (s: string | null): s is null => s === null || s.trim() === '';

/** Optional free text: a blank cell is absent, an empty string written by the export stays ''. */
export const optionalText = (s: string | null): string | undefined =>
  s === null ? undefined : s === '' ? '' : s.trim() === '' ? undefined : s.trim();

export const ownValue = (ws: ExcelJS.Worksheet, row: number, col: number): boolean => {
  const cell = ws.getCell(row, col);
  return cell.master.address === cell.address && !isBlank(textAt(ws, row, col));
};

export function noteText(ws: ExcelJS.Worksheet, row: number, col: number): string | undefined {
  const note = ws.getCell(row, col).master.note;
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Header text as compared: first line, NFKC, no spaces, without a trailing (…) such as （分）. */
export const headerKey = (s: string | null): string =>
  s === null ? '' : squash(s.split(/\r?\n/)[0] ?? '').replace(/\(.*\)$/, '');

// ─── Numbers ────────────────────────────────────────────────────────────────────────────────────

export type NumberCell =
  | { kind: 'blank' }
  | { kind: 'bad'; text: string }
  | { kind: 'number'; value: number; percent: boolean };

export function numberAt(ws: ExcelJS.Worksheet, row: number, col: number): NumberCell {
  const v = valueAt(ws, row, col);
  if (typeof v === 'number') {
    const numFmt = ws.getCell(row, col).master.numFmt ?? '';
    return { kind: 'number', value: v, percent: numFmt.includes('%') };
  }
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { kind: 'blank' };
  const text = String(v);
  const n = readNumber(text);
  if (!n) return { kind: 'bad', text };
  return { kind: 'number', value: n.percent ? n.value / 100 : n.value, percent: n.percent };
}

/**
 * A sheet's column count, computed once: exceljs's `columnCount` walks every row, and asking it in
 * a per-row loop made a 5,000-row sheet take 30 s to import.
 */
const widths = new WeakMap<ExcelJS.Worksheet, number>();
export function widthOf(ws: ExcelJS.Worksheet): number {
  let w = widths.get(ws);
  if (w === undefined) {
    w = ws.columnCount;
    widths.set(ws, w);
  }
  return w;
}

/** A header row's columns by header text (as compared, see headerKey); the first of a repeated header wins. */
export function headerCols(ws: ExcelJS.Worksheet, r: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let c = 1; c <= widthOf(ws); c++) {
    const key = headerKey(textAt(ws, r, c));
    if (key !== '' && !m.has(key)) m.set(key, c);
  }
  return m;
}

export function rowBlank(ws: ExcelJS.Worksheet, r: number): boolean {
  for (let c = 1; c <= widthOf(ws); c++) if (ownValue(ws, r, c)) return false;
  return true;
}
