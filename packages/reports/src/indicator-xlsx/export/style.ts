import type ExcelJS from 'exceljs';
import { printSetup } from '../../xlsx-layout';

/** The look every sheet shares: fonts, borders, fills, title and header rows, print setup. */

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const SECTION_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFF2F2F2' },
};
const FONT = 'SimSun';
export const BOLD = { name: 'SimHei', size: 10.5, bold: true } as const;

/** Integers show as typed; fractional points with up to two decimals (the value keeps full precision). */
export function setNumber(cell: ExcelJS.Cell, n: number): void {
  cell.value = n;
  if (!Number.isInteger(n)) cell.numFmt = '0.##';
}

export const setText = (cell: ExcelJS.Cell, s: string | null | undefined): void => {
  cell.value = s ?? null;
};

export function styleTable(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, cols: number): void {
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      cell.font = { name: FONT, size: 10.5, ...(cell.font ?? {}) };
      cell.alignment = { vertical: 'middle', wrapText: true, ...(cell.alignment ?? {}) };
    }
  }
}

export function center(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, cols: readonly number[]): void {
  for (let r = fromRow; r <= toRow; r++) {
    for (const c of cols) {
      const cell = ws.getCell(r, c);
      cell.alignment = { ...cell.alignment, horizontal: 'center' };
    }
  }
}

export function titleRow(ws: ExcelJS.Worksheet, text: string, cols: number): void {
  ws.mergeCells(1, 1, 1, cols);
  const cell = ws.getCell(1, 1);
  cell.value = text;
  cell.font = { name: 'SimHei', size: 16, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 34;
}

export function headerRow(
  ws: ExcelJS.Worksheet,
  row: number,
  headers: readonly { zh: string; en?: string }[],
): void {
  headers.forEach((h, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = h.zh;
    if (h.en) cell.note = h.en;
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ws.getRow(row).height = 30;
}

export function sectionRow(ws: ExcelJS.Worksheet, row: number, text: string, cols: number): void {
  ws.mergeCells(row, 1, row, cols);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: 'SimHei', size: 12, bold: true };
  cell.fill = SECTION_FILL;
  cell.alignment = { vertical: 'middle' };
  ws.getRow(row).height = 24;
}

export function columnWidths(ws: ExcelJS.Worksheet, columns: readonly { width: number }[]): void {
  columns.forEach((column, i) => {
    ws.getColumn(i + 1).width = column.width;
  });
}

/** A drop-down of the canonical words; other spellings stay allowed (no error box). */
export function listValidation(cell: ExcelJS.Cell, values: readonly string[]): void {
  cell.dataValidation = {
    type: 'list',
    allowBlank: true,
    showErrorMessage: false,
    formulae: [`"${values.join(',')}"`],
  };
}

/** A4 landscape, the title rows on every page, the status in the header (see xlsx-layout/print). */
export function pageSetup(ws: ExcelJS.Worksheet, titleRows: string, header: string): void {
  printSetup(ws, { titleRows, header });
}
