import ExcelJS from 'exceljs';
import { BOLD, pageSetup, setNumber, styleTable } from '../indicator-xlsx/export/style';

/**
 * One table of the evaluation year as a printable workbook: a title row, a bold header row that
 * stays in view (frozen), repeats on every printed page and carries an auto filter, wrapped text,
 * and A4 landscape fitted to the page width. Row heights are estimated from the wrapped text
 * (LibreOffice and Excel do not grow a row for wrapped text written by a library), counting a
 * CJK character as two width units, so printed rows show all their text.
 */

export type Lang = 'zh' | 'en';
export type CellValue = string | number | boolean | null | undefined;

export interface Column<R> {
  header: { zh: string; en: string };
  /** Excel column width (characters of a Latin digit). */
  width: number;
  value(row: R, lang: Lang): CellValue;
}

export interface TableOptions {
  /** The sheet's tab name (at most 31 characters; Excel forbids []:*?/\). */
  sheet?: string;
  /** Lines printed under the table (how a count is made, a note). */
  notes?: string[];
}

const HEADER_ROW = 2;
/** Points per printed line of 10.5 pt text, and padding per row. */
const LINE_POINTS = 14.5;
const ROW_PADDING = 4;
/** Excel's tallest row. */
const MAX_ROW_POINTS = 409;

const CJK =
  /[\u1100-\u115F\u2E80-\u303E\u3040-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

/** The width of a line in Latin-character units: CJK (and full-width) characters count 2. */
export function textWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += CJK.test(ch) ? 2 : 1;
  return w;
}

/** Printed lines of `text` in a column `width` wide (wrapped at the column's edge, a little inside it). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  return text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

const shownText = (v: CellValue): string =>
  v === null || v === undefined ? '' : typeof v === 'boolean' ? String(v) : String(v);

const sheetName = (s: string): string => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';

/** A yes/no cell in the table's language. */
export const yesNo = (b: boolean | undefined, lang: Lang): string =>
  b === undefined ? '' : lang === 'en' ? (b ? 'Yes' : 'No') : b ? '是' : '否';

/** A timestamp (ISO) as `YYYY-MM-DD HH:mm` in Asia/Shanghai (UTC+8 all year, no daylight saving). */
export function shanghaiTime(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 60 * 60 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

export async function tableWorkbook<R>(
  title: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
  lang: Lang,
  opts: TableOptions = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效 jixiao';
  wb.title = title;
  const ws = wb.addWorksheet(sheetName(opts.sheet ?? title), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
  });
  const n = columns.length;
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });

  ws.mergeCells(1, 1, 1, n);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: 'SimHei', size: 14, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const titleWidth = columns.reduce((a, c) => a + c.width, 0);
  ws.getRow(1).height = Math.max(28, wrappedLines(title, titleWidth / 1.4) * 20 + 8);

  const head = ws.getRow(HEADER_ROW);
  let headLines = 1;
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    const text = c.header[lang];
    cell.value = text;
    cell.font = BOLD;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    headLines = Math.max(headLines, wrappedLines(text, c.width));
  });
  head.height = headLines * LINE_POINTS + ROW_PADDING + 4;

  rows.forEach((row, r) => {
    const excelRow = ws.getRow(HEADER_ROW + 1 + r);
    let lines = 1;
    columns.forEach((c, i) => {
      const v = c.value(row, lang);
      const cell = excelRow.getCell(i + 1);
      if (typeof v === 'number' && Number.isFinite(v)) setNumber(cell, v);
      else cell.value = v === null || v === undefined ? null : shownText(v);
      lines = Math.max(lines, wrappedLines(shownText(v), c.width));
    });
    excelRow.height = Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + ROW_PADDING);
  });
  const last = HEADER_ROW + rows.length;
  styleTable(ws, HEADER_ROW, last, n);
  ws.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: Math.max(last, HEADER_ROW), column: n },
  };

  (opts.notes ?? []).forEach((note, i) => {
    const at = last + 2 + i;
    ws.mergeCells(at, 1, at, n);
    const cell = ws.getCell(at, 1);
    cell.value = note;
    cell.font = { name: 'SimSun', size: 9 };
    cell.alignment = { vertical: 'top', wrapText: true };
    ws.getRow(at).height = Math.min(MAX_ROW_POINTS, wrappedLines(note, titleWidth) * 13 + ROW_PADDING);
  });

  pageSetup(ws, `${HEADER_ROW}:${HEADER_ROW}`, title);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as unknown as ArrayBuffer);
}
