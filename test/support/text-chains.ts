import type { PdfPage, PdfWord } from './pdf-layout';

/**
 * Finds a cell's text among a printed page's words. A wrapped cell breaks across lines, and poppler
 * may read a line of it together with the neighbouring cells' lines, so the cell is not looked for
 * in poppler's reading order: it is found as a CHAIN of whole words that spell it exactly (all
 * whitespace removed), each word after the previous one on the same line or on the next line just
 * below, overlapping the columns the chain has used so far. Every word must be used whole, so a
 * cell cut short, or run into its neighbour's text, is not found.
 */
export const squeeze = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '');

interface Indexed {
  word: PdfWord;
  text: string;
  height: number;
}

export interface PageIndex {
  page: number;
  /** Words by their first character. */
  byFirst: Map<string, Indexed[]>;
}

export function indexPage(page: PdfPage): PageIndex {
  const byFirst = new Map<string, Indexed[]>();
  for (const line of page.lines)
    for (const word of line.words) {
      const text = squeeze(word.text);
      if (!text) continue;
      const first = String.fromCodePoint(text.codePointAt(0)!);
      const list = byFirst.get(first) ?? [];
      list.push({ word, text, height: word.yMax - word.yMin });
      byFirst.set(first, list);
    }
  return { page: page.number, byFirst };
}

function follows(last: Indexed, next: Indexed, span: { xMin: number; xMax: number }): boolean {
  const h = Math.max(last.height, next.height);
  const a = last.word;
  const b = next.word;
  const sameLine = Math.abs(b.yMin - a.yMin) < 0.3 * h && Math.abs(b.yMax - a.yMax) < 0.3 * h;
  if (sameLine) return b.xMin >= a.xMax - 0.2 * h && b.xMin - a.xMax < 2 * h;
  const below = b.yMin > a.yMin + 0.5 * h && b.yMin - a.yMax < 0.8 * h;
  return below && b.xMax > span.xMin - h && b.xMin < span.xMax + h;
}

const MAX_STEPS = 20_000;

/** The words that spell `text` on the page, in order; undefined when it is not there whole. */
export function findChain(index: PageIndex, text: string): PdfWord[] | undefined {
  const target = squeeze(text);
  if (!target) return [];
  let steps = 0;
  const extend = (
    pos: number,
    chain: Indexed[],
    span: { xMin: number; xMax: number },
  ): Indexed[] | undefined => {
    if (pos === target.length) return chain;
    if (++steps > MAX_STEPS) return undefined;
    const last = chain[chain.length - 1];
    const first = String.fromCodePoint(target.codePointAt(pos)!);
    for (const next of index.byFirst.get(first) ?? []) {
      if (!target.startsWith(next.text, pos) || chain.includes(next)) continue;
      if (last && !follows(last, next, span)) continue;
      const found = extend(pos + next.text.length, [...chain, next], {
        xMin: Math.min(span.xMin, next.word.xMin),
        xMax: Math.max(span.xMax, next.word.xMax),
      });
      if (found) return found;
    }
    return undefined;
  };
  return extend(0, [], { xMin: Number.POSITIVE_INFINITY, xMax: Number.NEGATIVE_INFINITY })?.map(
    (i) => i.word,
  );
}
