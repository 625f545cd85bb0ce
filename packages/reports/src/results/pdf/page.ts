import type { PdfStyle } from './style';

/** The document being written and where the next block goes (pdfkit's own cursor is `doc.y`). */
export interface Page {
  doc: PDFKit.PDFDocument;
  style: PdfStyle;
  /** Left edge and width of the text area. */
  left: number;
  width: number;
}

/** The lowest y the text area allows on the current page. */
export const bottomOf = (p: Page): number => p.doc.page.height - p.doc.page.margins.bottom;

/** Starts a new page when less than `height` is left on this one (keeps a heading with what follows). */
export function ensureRoom(p: Page, height: number): void {
  if (p.doc.y + height > bottomOf(p)) newPage(p);
}

export function newPage(p: Page): void {
  p.doc.addPage();
  p.doc.y = p.doc.page.margins.top;
}

export const useFont = (p: Page, weight: 'regular' | 'bold', size: number): void => {
  p.doc.font(weight).fontSize(size);
};

/**
 * The longest start of `text` (whole code points) that fits `height` at `width` in the current
 * font, and the rest: a table cell taller than a page is continued on the next one.
 */
export function fitPrefix(
  p: Page,
  text: string,
  width: number,
  height: number,
  lineGap: number,
): [string, string] {
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (p.doc.heightOfString(chars.slice(0, mid).join(''), { width, lineGap }) <= height) lo = mid;
    else hi = mid - 1;
  }
  // Always move on by at least one character, so a page always makes progress.
  const n = Math.max(lo, 1);
  return [chars.slice(0, n).join(''), chars.slice(n).join('')];
}
