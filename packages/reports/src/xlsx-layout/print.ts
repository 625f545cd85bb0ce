import type ExcelJS from 'exceljs';

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

/** A column's printed width in points: Excel's pixels (7 per unit + 5 of padding) at 96 dpi. */
export const columnPoints = (width: number): number => Math.trunc(width * 7 + 5) * 0.75;

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

/** Chooses fit-to-width or a fixed readable scale; run once the sheet's cells and widths are final. */
export function fitToPrint(ws: ExcelJS.Worksheet): void {
  const { scale, fitted } = printScale(ws);
  if (fitted) {
    Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0, scale: 100 });
  } else {
    Object.assign(ws.pageSetup, {
      fitToPage: false,
      scale: Math.ceil(scale * 100),
      pageOrder: 'overThenDown',
    });
  }
}
