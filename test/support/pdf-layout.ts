import { spawnCollect } from './libreoffice';
import { officeTools } from './office-tools';

/**
 * A PDF's words with their positions, as poppler reads them back (`pdftotext -bbox-layout`:
 * XHTML of page → flow → block → line → word, each with xMin, yMin, xMax, yMax in points from
 * the page's top left). Parsing is pure and separate from running poppler, so it is unit-tested.
 */
export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfWord extends Box {
  text: string;
}

export interface PdfLine extends Box {
  words: PdfWord[];
  /** The words joined by single spaces. */
  text: string;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  /** In poppler's reading order (flows, blocks, lines). */
  lines: PdfLine[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name] ?? whole;
  });
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z]+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

function box(a: Record<string, string>, what: string): Box {
  const b = { xMin: Number(a.xMin), yMin: Number(a.yMin), xMax: Number(a.xMax), yMax: Number(a.yMax) };
  if (Object.values(b).some((v) => !Number.isFinite(v)))
    throw new Error(`${what} without a box: ${JSON.stringify(a)}`);
  return b;
}

/** Pages → lines → words of `pdftotext -bbox-layout` output. */
export function parseBboxLayout(xhtml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  let page: PdfPage | undefined;
  let line: PdfLine | undefined;
  // Every tag of interest and, for a word, its text: the format is flat enough for one scan.
  const tokens = /<(page|line|word)\b([^>]*)>|<\/(page|line|word)>/g;
  for (let m = tokens.exec(xhtml); m; m = tokens.exec(xhtml)) {
    const [whole, open, attrText, close] = m;
    if (open === 'page') {
      const a = attrs(attrText ?? '');
      page = { number: pages.length + 1, width: Number(a.width), height: Number(a.height), lines: [] };
      pages.push(page);
    } else if (open === 'line') {
      if (!page) throw new Error('a line outside a page');
      line = { ...box(attrs(attrText ?? ''), 'line'), words: [], text: '' };
      page.lines.push(line);
    } else if (open === 'word') {
      if (!line) throw new Error('a word outside a line');
      const end = xhtml.indexOf('</word>', m.index + whole.length);
      if (end < 0) throw new Error('an unclosed word');
      const text = decodeEntities(xhtml.slice(m.index + whole.length, end));
      line.words.push({ ...box(attrs(attrText ?? ''), 'word'), text });
      tokens.lastIndex = end;
    } else if (close === 'line') {
      if (line) line.text = line.words.map((w) => w.text).join(' ');
      line = undefined;
    } else if (close === 'page') {
      page = undefined;
    }
  }
  return pages;
}

/** Reads a PDF's words and lines with poppler's pdftotext. */
export async function readPdfLayout(pdf: string): Promise<PdfPage[]> {
  const pdftotext = officeTools().poppler?.pdftotext;
  if (!pdftotext) throw new Error('poppler (pdftotext) is not installed');
  const run = await spawnCollect(pdftotext, ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], 120_000);
  if (run.code !== 0) throw new Error(`pdftotext ${pdf} exited ${run.code}: ${run.stderr}`);
  return parseBboxLayout(run.stdout);
}

/** Every word of the document with the page it is on. */
export function wordsOf(pages: readonly PdfPage[]): { page: number; word: PdfWord }[] {
  return pages.flatMap((p) => p.lines.flatMap((l) => l.words.map((word) => ({ page: p.number, word }))));
}
