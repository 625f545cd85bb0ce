import type ExcelJS from 'exceljs';
import { colLetter } from './text';

/**
 * Page setup of every sheet we write: A4, margins, the title rows printed on every page, a header
 * and 第 N 页，共 M 页 footer, centred. Fitting to the page width is the office's habit, but a wide
 * sheet fitted to A4 prints at a size nobody can read (the indicator system's 22 columns came out at
 * 5 pt). So the fit is kept only while the smallest text still prints at MIN_PRINT_POINTS or more;
 * a wider sheet prints at the scale that keeps that size, its columns continuing on the pages to the
 * right (across, then down), and the writer offers a print layout with fewer columns instead.
 */

/** The smallest printed text we accept, in points (六号 is 7.5 pt; 小五 9 pt). */
export const MIN_PRINT_POINTS = 8;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN_INCHES = { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 };
const DEFAULT_POINTS = 11;

export interface PrintOptions {
  /** Rows printed at the top of every page, e.g. '1:2'. */
  titleRows: string;
  /** Right-hand page header (status, version); '' for none. */
  header: string;
  /** Portrait for narrow tables; landscape (the default) for wide ones. */
  orientation?: 'landscape' | 'portrait';
}

export function printSetup(ws: ExcelJS.Worksheet, o: PrintOptions): void {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: o.orientation ?? 'landscape',
    horizontalCentered: true,
    printTitlesRow: o.titleRows,
    margins: { ...MARGIN_INCHES },
  };
  const amp = (s: string) => s.replace(/&/g, '&&');
  ws.headerFooter = {
    oddHeader: o.header ? `&R${amp(o.header)}` : '',
    oddFooter: '&C第 &P 页，共 &N 页',
  };
}

/**
 * A column's printed width in points: Excel's pixels (7 per unit + 5 of padding) at 96 dpi, plus
 * 7 %: LibreOffice lays the same columns out wider (the indicator system's print layout, which
 * this formula without it fits at 81 %, printed at 76 % there), and the readable size must hold in
 * every suite. Some sheets still print smaller in LibreOffice 7.4 when fitted (the 出处 sheet at
 * 68 %): open in issue #13.
 */
export const columnPoints = (width: number): number => Math.trunc(width * 7 + 5) * 0.75 * 1.07;

/** The printed width of the sheet's used columns, in points at 100 %. */
export function sheetPoints(ws: ExcelJS.Worksheet): number {
  let points = 0;
  for (let c = 1; c <= ws.columnCount; c++) points += columnPoints(ws.getColumn(c).width ?? 8.43);
  return points;
}

/** The width a page of this sheet prints on, in points. */
export function pagePoints(ws: ExcelJS.Worksheet): number {
  const paper = ws.pageSetup.orientation === 'portrait' ? A4.width : A4.height;
  return paper - (MARGIN_INCHES.left + MARGIN_INCHES.right) * 72;
}

/** The smallest font size of any text on the sheet. */
export function smallestPoints(ws: ExcelJS.Worksheet): number {
  let min = Number.POSITIVE_INFINITY;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value === null || cell.value === undefined || cell.value === '') return;
      min = Math.min(min, cell.font?.size ?? DEFAULT_POINTS);
    });
  });
  return Number.isFinite(min) ? min : DEFAULT_POINTS;
}

/** The scale the sheet prints at: fitted to the page width, never below the readable size. */
export function printScale(ws: ExcelJS.Worksheet): { scale: number; fitted: boolean } {
  const fit = Math.min(1, pagePoints(ws) / sheetPoints(ws));
  const floor = MIN_PRINT_POINTS / smallestPoints(ws);
  return fit >= floor ? { scale: fit, fitted: true } : { scale: Math.min(1, floor), fitted: false };
}

/** The last column that prints on a sheet's first page at `scale` (with a little room to spare). */
function lastColumnOnFirstPage(ws: ExcelJS.Worksheet, scale: number): number {
  const room = (pagePoints(ws) / scale) * 0.97;
  let used = 0;
  for (let c = 1; c <= ws.columnCount; c++) {
    used += columnPoints(ws.getColumn(c).width ?? 8.43);
    if (used > room) return Math.max(1, c - 1);
  }
  return ws.columnCount;
}

/** Rows repeated on every page ('1:2' → 1 and 2), and row 1 (the title) always. */
function titleRows(ws: ExcelJS.Worksheet): Set<number> {
  const rows = new Set([1]);
  const m = /^\$?(\d+):\$?(\d+)$/.exec(ws.pageSetup.printTitlesRow ?? '');
  if (m) for (let r = Number(m[1]); r <= Number(m[2]); r++) rows.add(r);
  return rows;
}

/**
 * A sheet printed across several pages: a title merged across every column would be cut at each
 * page's edge, so title rows' merges end on the first page's last column.
 */
function keepTitlesOnFirstPage(ws: ExcelJS.Worksheet, scale: number): void {
  const last = lastColumnOnFirstPage(ws, scale);
  for (const r of titleRows(ws)) {
    const row = ws.getRow(r);
    const masters = new Set<string>();
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master.address === cell.address) masters.add(cell.address);
    });
    for (const address of masters) {
      const master = ws.getCell(address);
      let right = Number(master.col);
      while (right < ws.columnCount && ws.getCell(r, right + 1).master.address === address) right++;
      if (right <= last) continue;
      const { value, style } = master;
      ws.unMergeCells(r, Number(master.col), r, right);
      ws.mergeCells(r, Number(master.col), r, Math.max(Number(master.col), last));
      const kept = ws.getCell(address);
      kept.value = value;
      kept.style = style;
    }
  }
}

/**
 * Chooses fit-to-width or a fixed readable scale; run once the sheet's cells and widths are final.
 * The print area is the table itself, whatever else (notes' boxes, a stray style) a suite counts
 * as used.
 */
export function fitToPrint(ws: ExcelJS.Worksheet): void {
  ws.pageSetup.printArea = `A1:${colLetter(Math.max(1, ws.columnCount))}${Math.max(1, ws.rowCount)}`;
  const { scale, fitted } = printScale(ws);
  if (fitted) {
    Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0, scale: 100 });
  } else {
    const percent = Math.ceil(scale * 100);
    Object.assign(ws.pageSetup, { fitToPage: false, scale: percent, pageOrder: 'overThenDown' });
    keepTitlesOnFirstPage(ws, percent / 100);
  }
}
