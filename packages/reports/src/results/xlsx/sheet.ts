import type ExcelJS from 'exceljs';
import { wrappedLines } from '../../cycle-xlsx/table-workbook';
import type { Cell, Column, Fact, Sheet, Table } from '../document';
import { cellText } from '../document';
import { writeCell } from './cells';

/**
 * One report sheet: a title row, then either one table whose header row is frozen, filtered and
 * printed on every page (a details sheet), or the facts and several small tables one under another
 * (a summary sheet). Row heights are estimated from the wrapped text (Excel and LibreOffice do not
 * grow a row for wrapped text a library writes), counting a CJK character as two width units.
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
/** Points per printed line of 10.5 pt text, padding per row, Excel's tallest row. */
const LINE = 14.5;
const PAD = 4;
const MAX_ROW = 409;

const heightFor = (lines: number): number => Math.min(MAX_ROW, lines * LINE + PAD);

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
  widths: readonly number[],
  o: { head?: boolean } = {},
): void {
  let lines = 1;
  cells.forEach((value, i) => {
    const cell = ws.getCell(row, i + 1);
    writeCell(cell, value);
    cell.border = THIN;
    cell.font = o.head ? BOLD_FONT : BODY_FONT;
    if (o.head) cell.fill = HEAD_FILL;
    const align = o.head ? 'center' : (columns[i]?.align ?? (typeof value === 'string' ? 'left' : 'right'));
    cell.alignment = { vertical: 'middle', horizontal: align, wrapText: true };
    lines = Math.max(lines, wrappedLines(cellText(value), widths[i] ?? 10));
  });
  ws.getRow(row).height = heightFor(lines) + (o.head ? 4 : 0);
}

function mergedText(
  ws: ExcelJS.Worksheet,
  row: number,
  text: string,
  span: number,
  widths: readonly number[],
  font: Partial<ExcelJS.Font>,
  align: 'left' | 'center' = 'left',
): void {
  if (span > 1) ws.mergeCells(row, 1, row, span);
  const cell = ws.getCell(row, 1);
  writeCell(cell, text);
  cell.font = font;
  cell.alignment = { vertical: 'middle', horizontal: align, wrapText: true };
  const width = widths.slice(0, span).reduce((a, w) => a + w, 0);
  const size = font.size ?? 10.5;
  ws.getRow(row).height = Math.min(
    MAX_ROW,
    wrappedLines(text, width * (10.5 / size)) * (size * 1.4) + PAD + 4,
  );
}

function writeTable(
  ws: ExcelJS.Worksheet,
  start: number,
  t: Table,
  widths: readonly number[],
  caption: boolean,
): number {
  let row = start;
  if (caption) {
    mergedText(ws, row, t.caption, Math.max(1, t.columns.length), widths, { ...BOLD_FONT, size: 12 });
    row++;
  }
  writeRow(
    ws,
    row,
    t.columns.map((c) => c.header),
    t.columns,
    widths,
    { head: true },
  );
  row++;
  if (t.rows.length === 0) {
    mergedText(ws, row, t.empty ?? '无。', Math.max(1, t.columns.length), widths, BODY_FONT);
    return row + 1;
  }
  for (const r of t.rows) {
    writeRow(ws, row, r, t.columns, widths);
    row++;
  }
  return row;
}

function writeFacts(
  ws: ExcelJS.Worksheet,
  start: number,
  facts: readonly Fact[],
  span: number,
  widths: readonly number[],
): number {
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
    const valueWidth = widths.slice(1, Math.max(2, span)).reduce((a, w) => a + w, 0);
    ws.getRow(row).height = heightFor(
      Math.max(wrappedLines(f.label, widths[0] ?? 10), wrappedLines(cellText(f.value), valueWidth)),
    );
    row++;
  }
  return row;
}

function printSetup(ws: ExcelJS.Worksheet, s: Sheet, titleRows: string, header: string): void {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: s.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: titleRows,
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  const amp = (x: string) => x.replace(/&/g, '&&');
  ws.headerFooter = { oddHeader: `&R${amp(header)}`, oddFooter: '&C第 &P 页，共 &N 页' };
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
  mergedText(ws, 1, s.title, span, widths, { name: 'SimHei', size: 14, bold: true }, 'center');
  if (details) {
    const t = s.tables[0]!;
    const last = writeTable(ws, 2, t, widths, false) - 1;
    if (t.rows.length)
      ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: last, column: t.columns.length } };
    printSetup(ws, s, '2:2', header);
    return;
  }
  let row = 3;
  if (s.facts?.length) row = writeFacts(ws, row, s.facts, span, widths) + 1;
  for (const t of s.tables) row = writeTable(ws, row, t, widths, true) + 1;
  printSetup(ws, s, '1:1', header);
}
