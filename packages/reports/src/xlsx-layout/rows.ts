import type ExcelJS from 'exceljs';
import { wrappedLines } from './text';

/**
 * Row heights from the text a sheet holds. Excel, WPS and LibreOffice grow a row for wrapped text
 * only when someone edits it: a row a library writes keeps its default height, and printed, its
 * wrapped lines run over the rows above and below. So every row gets the height its tallest cell
 * needs: lines (wrapped at the cell's width, merged cells across their columns) × the line height
 * of its font, plus padding. A cell merged down several rows spreads what it lacks over them, but
 * one aligned to the top needs its first row to hold it: where a page break cuts the merge, the
 * suites print its text from the top of the merge and clip what falls past the page. Text wider
 * than its cell is set to wrap, so nothing spills into the next cell either.
 *
 * The line height is 1.45 × the font size: Noto Sans CJK, which LibreOffice prints Chinese with
 * where SimSun is absent, has that line spacing; SimSun's is less, so Excel shows a little air.
 */

export const LINE_FACTOR = 1.45;
const PADDING = 4;
/** Excel's tallest row. */
export const MAX_ROW_POINTS = 409;
/** The default font of a workbook exceljs writes. */
const DEFAULT_POINTS = 11;

interface Span {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const widthOf = (ws: ExcelJS.Worksheet, from: number, to: number): number => {
  let w = 0;
  for (let c = from; c <= to; c++) w += ws.getColumn(c).width ?? 8.43;
  return w;
};

/** Each merged range by its master cell's address. */
function mergedSpans(ws: ExcelJS.Worksheet): Map<string, Span> {
  const spans = new Map<string, Span>();
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (!cell.isMerged) return;
      const key = cell.master.address;
      const s = spans.get(key);
      if (!s) spans.set(key, { top: r, left: c, bottom: r, right: c });
      else {
        s.top = Math.min(s.top, r);
        s.bottom = Math.max(s.bottom, r);
        s.left = Math.min(s.left, c);
        s.right = Math.max(s.right, c);
      }
    });
  });
  return spans;
}

const textOf = (cell: ExcelJS.Cell): string => {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : cell.text;
};

/** Sets every row's height (never lowering one a writer set) so its text prints within it. */
export function fitRowHeights(ws: ExcelJS.Worksheet): void {
  const spans = mergedSpans(ws);
  const need = new Map<number, number>();
  const tall: { span: Span; points: number }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = textOf(cell);
      if (text === '') return;
      const span = spans.get(cell.address) ?? { top: r, left: c, bottom: r, right: c };
      const width = widthOf(ws, span.left, span.right);
      const size = cell.font?.size ?? DEFAULT_POINTS;
      const lines = typeof cell.value === 'number' ? 1 : wrappedLines(text, width, size);
      // Text only: a number too wide shows as ### in every suite, and is given a wide enough column.
      if (lines > 1 && !cell.alignment?.wrapText && typeof cell.value !== 'number') {
        cell.alignment = { ...cell.alignment, wrapText: true };
      }
      const points = lines * size * LINE_FACTOR + PADDING;
      if (span.bottom > span.top && cell.alignment?.vertical !== 'top') tall.push({ span, points });
      else need.set(r, Math.max(need.get(r) ?? 0, points));
    });
  });
  const heightOf = (r: number): number => ws.getRow(r).height ?? DEFAULT_POINTS * LINE_FACTOR;
  for (const [r, points] of need) {
    const row = ws.getRow(r);
    row.height = Math.min(MAX_ROW_POINTS, Math.max(row.height ?? 0, points));
  }
  for (const { span, points } of tall) {
    let have = 0;
    for (let r = span.top; r <= span.bottom; r++) have += heightOf(r);
    if (have >= points) continue;
    const each = (points - have) / (span.bottom - span.top + 1);
    for (let r = span.top; r <= span.bottom; r++) {
      ws.getRow(r).height = Math.min(MAX_ROW_POINTS, heightOf(r) + each);
    }
  }
}
