import type ExcelJS from 'exceljs';
import { printSetup } from '../../xlsx-layout';
import type { Cell, Column, Fact, Sheet, Table } from '../document';
import { writeCell } from './cells';

/**
 * One report sheet: a title row, then either one table whose header row is frozen, filtered and
 * printed on every page (a details sheet), or the facts and several small tables one under another
 * (a summary sheet). Row heights and the print scale are set once the sheet is written
 * (../../xlsx-layout).
 */

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const BODY_FONT = { name: 'SimSun', size: 10.5 } as const;
const BOLD_FONT = { name: 'SimHei', size: 10.5, bold: true } as const;

/** Column widths: for each column, the widest of the tables' columns there (facts use A and B). */
function widthsOf(s: Sheet): number[] {
  const widths: number[] = [];
  const fit = (i: number, w: number) => {
    widths[i] = Math.max(widths[i] ?? 0, w);
  };
  for (const t of s.tables) {
    t.columns.forEach((c, i) => {
      fit(i, c.width);
    });
  }
  if (s.facts?.length) {
    fit(0, 14);
    fit(1, 16);
  }
  return widths.map((w) => w ?? 10);
}

function writeRow(
  ws: ExcelJS.Worksheet,
  row: number,
  cells: readonly Cell[],
  columns: readonly Column[],
  o: { head?: boolean } = {},
): void {
  cells.forEach((value, i) => {
    const cell = ws.getCell(row, i + 1);
    writeCell(cell, value);
    cell.border = THIN;
    cell.font = o.head ? BOLD_FONT : BODY_FONT;
    if (o.head) cell.fill = HEAD_FILL;
    const align = o.head ? 'center' : (columns[i]?.align ?? (typeof value === 'string' ? 'left' : 'right'));
    cell.alignment = { vertical: 'middle', horizontal: align, wrapText: true };
  });
}

function mergedText(
  ws: ExcelJS.Worksheet,
  row: number,
  text: string,
  span: number,
  font: Partial<ExcelJS.Font>,
  align: 'left' | 'center' = 'left',
): void {
  if (span > 1) ws.mergeCells(row, 1, row, span);
  const cell = ws.getCell(row, 1);
  writeCell(cell, text);
  cell.font = font;
  cell.alignment = { vertical: 'middle', horizontal: align, wrapText: true };
}

function writeTable(ws: ExcelJS.Worksheet, start: number, t: Table, caption: boolean): number {
  let row = start;
  if (caption) {
    mergedText(ws, row, t.caption, Math.max(1, t.columns.length), { ...BOLD_FONT, size: 12 });
    row++;
  }
  writeRow(
    ws,
    row,
    t.columns.map((c) => c.header),
    t.columns,
    { head: true },
  );
  row++;
  if (t.rows.length === 0) {
    mergedText(ws, row, t.empty ?? '无。', Math.max(1, t.columns.length), BODY_FONT);
    return row + 1;
  }
  for (const r of t.rows) {
    writeRow(ws, row, r, t.columns);
    row++;
  }
  return row;
}

function writeFacts(ws: ExcelJS.Worksheet, start: number, facts: readonly Fact[], span: number): number {
  let row = start;
  for (const f of facts) {
    const label = ws.getCell(row, 1);
    writeCell(label, f.label);
    label.font = BOLD_FONT;
    label.fill = LABEL_FILL;
    label.border = THIN;
    label.alignment = { vertical: 'middle', wrapText: true };
    if (span > 2) ws.mergeCells(row, 2, row, span);
    const value = ws.getCell(row, 2);
    writeCell(value, f.value);
    value.font = BODY_FONT;
    value.border = THIN;
    value.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
    row++;
  }
  return row;
}

export function writeSheet(wb: ExcelJS.Workbook, s: Sheet, header: string): void {
  const details = s.tables.length === 1 && !s.facts?.length;
  const widths = widthsOf(s);
  const span = Math.max(2, widths.length);
  const ws = wb.addWorksheet(s.name, {
    // A details sheet keeps its title and header rows in view; a summary its title.
    views: [{ state: 'frozen', ySplit: details ? 2 : 1, xSplit: 0 }],
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  mergedText(ws, 1, s.title, span, { name: 'SimHei', size: 14, bold: true }, 'center');
  if (details) {
    const t = s.tables[0]!;
    const last = writeTable(ws, 2, t, false) - 1;
    if (t.rows.length)
      ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: last, column: t.columns.length } };
    printSetup(ws, { titleRows: '2:2', header, orientation: s.landscape ? 'landscape' : 'portrait' });
    return;
  }
  let row = 3;
  if (s.facts?.length) row = writeFacts(ws, row, s.facts, span) + 1;
  for (const t of s.tables) row = writeTable(ws, row, t, true) + 1;
  printSetup(ws, { titleRows: '1:1', header, orientation: s.landscape ? 'landscape' : 'portrait' });
}
