import ExcelJS from 'exceljs';
import { BOLD, pageSetup, setNumber, styleTable } from '../indicator-xlsx/export/style';
import { workbookBytes } from '../xlsx-layout';

/**
 * One table of the evaluation year as a printable workbook: a title row, a bold header row that
 * stays in view (frozen), repeats on every printed page and carries an auto filter, wrapped text,
 * and A4 landscape fitted to the page width at a readable size; rows as tall as their wrapped text
 * (see ../xlsx-layout).
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
  ws.getRow(1).height = 28;

  const head = ws.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    const text = c.header[lang];
    cell.value = text;
    cell.font = BOLD;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  rows.forEach((row, r) => {
    const excelRow = ws.getRow(HEADER_ROW + 1 + r);
    columns.forEach((c, i) => {
      const v = c.value(row, lang);
      const cell = excelRow.getCell(i + 1);
      if (typeof v === 'number' && Number.isFinite(v)) setNumber(cell, v);
      else cell.value = v === null || v === undefined ? null : shownText(v);
    });
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
    // Body size: a smaller note would set the readable print scale of the whole sheet.
    cell.font = { name: 'SimSun', size: 10.5 };
    cell.alignment = { vertical: 'top', wrapText: true };
  });

  pageSetup(ws, `${HEADER_ROW}:${HEADER_ROW}`, title);
  return workbookBytes(wb);
}
