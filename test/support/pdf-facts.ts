import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { officeTools } from './office-tools';

/**
 * What poppler reads in a PDF: its info (pages, each page's size, producer, title, tagged), its
 * fonts and its text. The parsers are pure (they take poppler's output), the readers spawn the
 * programs `officeTools()` found; a reader throws with poppler's stderr when a program fails.
 */

export interface PageBox {
  page: number;
  /** Width and height in points (A4 portrait: 595.28 × 841.89). */
  width: number;
  height: number;
  /** Rotation in degrees, as the viewer shows it. */
  rotation: number;
}

export interface PdfInfo {
  pages: number;
  /** Every page's box, in page order (poppler reads them with `-f 1 -l pages`). */
  boxes: PageBox[];
  title?: string;
  producer?: string;
  creator?: string;
  tagged: boolean;
  encrypted: boolean;
  pdfVersion?: string;
}

export interface PdfFont {
  name: string;
  /** e.g. `CID TrueType`, `Type 1`, `Type 3`. */
  type: string;
  encoding: string;
  /** The font program is in the file. */
  embedded: boolean;
  /** Only the glyphs used are in the file (named `ABCDEF+Family`). */
  subset: boolean;
  /** A ToUnicode map is there, so the text can be extracted. */
  unicode: boolean;
}

const fields = (text: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z][A-Za-z ]*?):\s*(.*)$/.exec(line);
    if (m && !out.has(m[1]!)) out.set(m[1]!, m[2]!.trimEnd());
  }
  return out;
};

/** Parses `pdfinfo -enc UTF-8 [-f 1 -l N]`: per-page lines (`Page    3 size: …`) when asked for a range. */
export function parsePdfInfo(text: string): PdfInfo {
  const f = fields(text);
  const pages = Number(f.get('Pages'));
  if (!Number.isInteger(pages)) throw new Error(`pdfinfo: no page count in\n${text}`);
  const boxes = new Map<number, PageBox>();
  const box = (page: number) => {
    const b = boxes.get(page) ?? { page, width: Number.NaN, height: Number.NaN, rotation: 0 };
    boxes.set(page, b);
    return b;
  };
  for (const line of text.split('\n')) {
    const size = /^Page\s+(\d+)\s+size:\s+([\d.]+) x ([\d.]+) pts/.exec(line);
    if (size) Object.assign(box(Number(size[1])), { width: Number(size[2]), height: Number(size[3]) });
    const rot = /^Page\s+(\d+)\s+rot:\s+(-?\d+)/.exec(line);
    if (rot) box(Number(rot[1])).rotation = Number(rot[2]);
  }
  const empty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
  return {
    pages,
    boxes: [...boxes.values()].sort((a, b) => a.page - b.page),
    title: empty(f.get('Title')),
    producer: empty(f.get('Producer')),
    creator: empty(f.get('Creator')),
    tagged: f.get('Tagged') === 'yes',
    encrypted: (f.get('Encrypted') ?? 'no').startsWith('yes'),
    pdfVersion: empty(f.get('PDF version')),
  };
}

/**
 * Parses `pdffonts`: a header, a rule of dashes whose runs give the columns (a name or a type may
 * hold spaces, so the columns are cut where the rule says), then one font a line.
 */
export function parsePdfFonts(text: string): PdfFont[] {
  const lines = text.split('\n');
  const ruleAt = lines.findIndex((l) => /^-+( -+)+\s*$/.test(l));
  if (ruleAt < 0) throw new Error(`pdffonts: no column rule in\n${text}`);
  const spans = [...lines[ruleAt]!.matchAll(/-+/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  if (spans.length < 6) throw new Error(`pdffonts: expected 6+ columns, got ${spans.length}`);
  const cell = (line: string, i: number) => line.slice(spans[i]![0], spans[i]![1]).trim();
  return lines
    .slice(ruleAt + 1)
    .filter((l) => l.trim() !== '')
    .map((l) => ({
      name: cell(l, 0),
      type: cell(l, 1),
      encoding: cell(l, 2),
      embedded: cell(l, 3) === 'yes',
      subset: cell(l, 4) === 'yes',
      unicode: cell(l, 5) === 'yes',
    }));
}

async function run(program: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(program, args, {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    return stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${program} ${args.join(' ')} failed: ${err.stderr?.trim() || err.message}`);
  }
}

function poppler() {
  const p = officeTools().poppler;
  if (!p) throw new Error('poppler-utils is not installed (pdfinfo, pdffonts, pdftotext)');
  return p;
}

/** pdfinfo of a file, with every page's box (a second run over pages 1..N, which poppler needs for that). */
export async function pdfInfo(file: string): Promise<PdfInfo> {
  const { pdfinfo } = poppler();
  const { pages } = parsePdfInfo(await run(pdfinfo, ['-enc', 'UTF-8', file]));
  return parsePdfInfo(await run(pdfinfo, ['-enc', 'UTF-8', '-f', '1', '-l', String(pages), file]));
}

export async function pdfFonts(file: string): Promise<PdfFont[]> {
  return parsePdfFonts(await run(poppler().pdffonts, [file]));
}

/**
 * The text poppler extracts, UTF-8; `layout` keeps the columns where they are on the page, `raw`
 * keeps the content stream's order. Pages are separated by a form feed (\f).
 */
export async function pdfText(file: string, mode: 'layout' | 'raw' = 'layout'): Promise<string> {
  return run(poppler().pdftotext, ['-enc', 'UTF-8', `-${mode}`, file, '-']);
}
