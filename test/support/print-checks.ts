import type { Box, PdfLine, PdfPage, PdfWord } from './pdf-layout';
import type { Rule } from './pdf-rules';
import { findChain, indexPage } from './text-chains';
import type { PrintableSheet } from './workbook-cells';

/**
 * The checks on a workbook as LibreOffice printed it: every text cell is on paper (complete), no
 * cell's text runs past its row (no overflow), the smallest text is readable, every word is on an
 * A4 page of the sheet's orientation. Pure functions of the workbook's cells and the PDF's words,
 * lines and rules; each finding names the page and the offending text.
 */
export type CheckName = 'complete' | 'no overflow' | 'readable' | 'on the page';

export interface Finding {
  check: CheckName;
  sheet?: string;
  page?: number;
  text: string;
  detail: string;
}

export interface Printed {
  sheets: PrintableSheet[];
  pages: PdfPage[];
  /** Horizontal cell edges per page (index 0 = page 1). */
  rules: Rule[][];
}

/** Pages [first, last] (1-based) a printed sheet took. */
export interface SheetPages {
  sheet: string;
  first: number;
  last: number;
}

const short = (s: string, n = 60) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n)}…` : one;
};

/**
 * Complete: each text cell spelled whole on a page of its own sheet. LibreOffice prints the sheets
 * in order, each on pages of its own; which pages are whose is found as the split of the page
 * sequence that places the most cells (every printed sheet gets at least one page).
 */
export function checkComplete(p: Printed): { findings: Finding[]; sheetPages: SheetPages[] } {
  const indexes = p.pages.map(indexPage);
  const sheets = p.sheets.filter((s) => s.printed);
  const findings: Finding[] = [];
  const P = p.pages.length;
  if (sheets.length > P)
    return {
      findings: [
        {
          check: 'complete',
          text: sheets.map((s) => s.name).join(', '),
          detail: `${sheets.length} sheets to print, ${P} pages printed`,
        },
      ],
      sheetPages: [],
    };
  // found[s][c] = the pages on which cell c of sheet s is spelled whole.
  const found = sheets.map((s) =>
    s.cells.map((c) => indexes.filter((ix) => findChain(ix, c.text)).map((ix) => ix.page)),
  );
  const placed = (s: number, a: number, b: number) =>
    found[s]!.filter((pages) => pages.some((pg) => pg >= a && pg <= b)).length;
  // best[s][e]: most cells placed with sheets 0..s on pages 1..e; cut[s][e]: where sheet s starts.
  const best: number[][] = sheets.map(() => Array(P + 1).fill(Number.NEGATIVE_INFINITY));
  const cut: number[][] = sheets.map(() => Array(P + 1).fill(0));
  for (let s = 0; s < sheets.length; s++)
    for (let e = s + 1; e <= P - (sheets.length - 1 - s); e++)
      for (let a = s + 1; a <= e; a++) {
        const before = s === 0 ? (a === 1 ? 0 : Number.NEGATIVE_INFINITY) : best[s - 1]![a - 1]!;
        const score = before + placed(s, a, e);
        if (score > best[s]![e]!) {
          best[s]![e] = score;
          cut[s]![e] = a;
        }
      }
  const sheetPages: SheetPages[] = [];
  for (let s = sheets.length - 1, e = P; s >= 0; s--) {
    const a = cut[s]![e]!;
    sheetPages.unshift({ sheet: sheets[s]!.name, first: a, last: e });
    e = a - 1;
  }
  sheets.forEach((sheet, s) => {
    const { first, last } = sheetPages[s]!;
    sheet.cells.forEach((cell, c) => {
      if (found[s]![c]!.some((pg) => pg >= first && pg <= last)) return;
      const elsewhere = found[s]![c]!;
      findings.push({
        check: 'complete',
        sheet: sheet.name,
        page: first,
        text: short(cell.text),
        detail: `${cell.address} not found whole on pages ${first}–${last}${
          elsewhere.length ? ` (only on page ${elsewhere.join(', ')})` : ''
        }`,
      });
    });
  });
  return { findings, sheetPages };
}

const overlap = (a1: number, a2: number, b1: number, b2: number) => Math.min(a2, b2) - Math.max(a1, b1);
const height = (b: Box) => b.yMax - b.yMin;

/**
 * poppler's word box runs from 0.95 of the font size above the baseline to 0.35 below (its default
 * ascent and descent; the calibration measures the 1.3), so the glyphs' ink is a band inside it:
 * any glyph's ink lies within INK (CJK from 0.05 to 0.82 of the box, Latin descenders to 0.92), and
 * every glyph of a line has ink across CORE (CJK bodies, Latin x-height and capitals). Boxes of
 * tightly fitted neighbouring rows may touch; inks may not.
 */
export const INK = { top: 0.05, bottom: 0.92 } as const;
export const CORE = { top: 0.2, bottom: 0.7 } as const;
const band = (b: Box, f: { top: number; bottom: number }) => {
  const h = height(b);
  return [b.yMin + f.top * h, b.yMin + f.bottom * h] as const;
};

/**
 * No overflow: a wrapped cell whose row is too low prints its lines over the rows above and below.
 * Two signals: two words whose inks intersect (by more than `tolerance` of the smaller
 * height, and side by side by as much), and a horizontal cell edge (border or fill) cutting through
 * the core of a text line, which also catches a cell running into an EMPTY neighbour's row.
 */
export function checkOverflow(p: Printed, tolerance = 0.15): Finding[] {
  const findings: Finding[] = [];
  for (const page of p.pages) {
    const lines = page.lines;
    // Words, not poppler's lines: a line may join words of neighbouring cells on one baseline,
    // and its box then covers ground neither cell prints on.
    const words = lines.flatMap((l) => l.words.map((w) => ({ w, line: l.text })));
    for (let i = 0; i < words.length; i++)
      for (let j = i + 1; j < words.length; j++) {
        const [a, b] = [words[i]!, words[j]!];
        const h = Math.min(height(a.w), height(b.w));
        if (
          overlap(...band(a.w, INK), ...band(b.w, INK)) > tolerance * h &&
          overlap(a.w.xMin, a.w.xMax, b.w.xMin, b.w.xMax) > tolerance * h
        )
          findings.push({
            check: 'no overflow',
            page: page.number,
            text: short(a.line, 40),
            detail: `printed over «${short(b.line, 40)}»`,
          });
      }
    for (const line of lines) {
      const [top, bottom] = band(line, CORE);
      const cut = (p.rules[page.number - 1] ?? []).find(
        (r) =>
          r.y > top && r.y < bottom && overlap(r.x1, r.x2, line.xMin, line.xMax) > tolerance * height(line),
      );
      if (cut)
        findings.push({
          check: 'no overflow',
          page: page.number,
          text: short(line.text, 40),
          detail: `cut by a cell ${cut.kind === 'border' ? 'border' : 'edge'} at y=${cut.y.toFixed(1)} (line ${line.yMin.toFixed(1)}–${line.yMax.toFixed(1)})`,
        });
    }
  }
  return findings;
}

/** Word-box height per point of font size, as measured on a known print (by script). */
export interface FontScale {
  cjk: number;
  latin: number;
  mixed: number;
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const NON_CJK = /[^\p{Script=Han}\u3000-\u303f\uff00-\uffef\s]/u;

export function scriptOf(text: string): keyof FontScale {
  const cjk = CJK.test(text);
  const other = NON_CJK.test(text);
  return cjk && other ? 'mixed' : cjk ? 'cjk' : 'latin';
}

/** The printed size of a word in points: its box height over the calibrated factor. */
export const printedSize = (w: PdfWord, scale: FontScale): number => height(w) / scale[scriptOf(w.text)];

/**
 * Words whose printed size can be read from their box: those with Chinese in them. poppler sizes a
 * word's box from its font's ascent and descent, and LibreOffice prints a cell's Latin letters and
 * digits in a Western font chosen per machine (the calibration's regular and bold Latin boxes
 * differ), while every CJK glyph comes from the one CJK font: Chinese text gives the size, and a
 * cell's Latin text is printed at the same size as the Chinese beside it.
 */
const measurable = (w: PdfWord) => scriptOf(w.text) !== 'latin';

/** The smallest printed text of a document, and where. */
export function smallestText(pages: readonly PdfPage[], scale: FontScale) {
  let min: { size: number; word: PdfWord; page: number } | undefined;
  for (const page of pages)
    for (const line of page.lines)
      for (const word of line.words.filter(measurable)) {
        const size = printedSize(word, scale);
        if (!min || size < min.size) min = { size, word, page: page.number };
      }
  return min;
}

/** Readable: no Chinese word printed smaller than `minPt` (one finding per word, the smallest first). */
export function checkReadable(pages: readonly PdfPage[], scale: FontScale, minPt = 8): Finding[] {
  const small = pages.flatMap((page) =>
    page.lines.flatMap((line: PdfLine) =>
      line.words
        .filter(measurable)
        .map((word) => ({ word, size: printedSize(word, scale), page: page.number }))
        .filter((x) => x.size < minPt),
    ),
  );
  small.sort((a, b) => a.size - b.size);
  return small.map((x) => ({
    check: 'readable' as const,
    page: x.page,
    text: short(x.word.text, 30),
    detail: `printed at ${x.size.toFixed(1)} pt (< ${minPt} pt)`,
  }));
}

const A4 = { short: 595.28, long: 841.89 };

/**
 * A cell merged down across a page break is drawn again on the next page from the merge's top,
 * above the page, and clipped to the cell there: nothing of it shows, and the page where the merge
 * starts prints it whole (the completeness check finds it there). Nothing else we print starts
 * above the page; a word crossing any other edge is cut, and that is a finding.
 */
const clippedCopy = (w: PdfWord) => w.yMin < -0.5;

/** On the page: every page A4 in its sheet's orientation, every word inside the page box. */
export function checkOnPage(p: Printed, sheetPages: readonly SheetPages[]): Finding[] {
  const findings: Finding[] = [];
  for (const page of p.pages) {
    const owner = sheetPages.find((s) => page.number >= s.first && page.number <= s.last);
    const declared = p.sheets.find((s) => s.name === owner?.sheet)?.orientation;
    const landscape = page.width > page.height;
    const isA4 =
      Math.abs(Math.min(page.width, page.height) - A4.short) < 1.5 &&
      Math.abs(Math.max(page.width, page.height) - A4.long) < 1.5;
    if (!isA4 || (declared && landscape !== (declared === 'landscape')))
      findings.push({
        check: 'on the page',
        sheet: owner?.sheet,
        page: page.number,
        text: `${page.width.toFixed(1)} × ${page.height.toFixed(1)} pt`,
        detail: `not A4 ${declared ?? ''} as the sheet declares`.replace(/\s+/g, ' '),
      });
    for (const line of page.lines)
      for (const w of line.words)
        if (
          !clippedCopy(w) &&
          (w.xMin < -0.5 || w.yMin < -0.5 || w.xMax > page.width + 0.5 || w.yMax > page.height + 0.5)
        )
          findings.push({
            check: 'on the page',
            sheet: owner?.sheet,
            page: page.number,
            text: short(w.text, 30),
            detail: `outside the page box (${w.xMin.toFixed(1)},${w.yMin.toFixed(1)})–(${w.xMax.toFixed(1)},${w.yMax.toFixed(1)})`,
          });
  }
  return findings;
}
