import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnCollect } from './libreoffice';
import { officeTools } from './office-tools';

/**
 * The horizontal edges LibreOffice draws on a printed sheet: cell borders (stroked lines) and the
 * top and bottom of cell fills (filled rectangles). pdftotext lists no vector graphics, so the PDF
 * goes through poppler's `pdftocairo -svg`, whose paths carry their own `matrix(...)` transform and
 * whose coordinates are, like pdftotext's, points from the page's top left. A text line that one of
 * these edges cuts through is a cell's text running past its row, even into an empty neighbour.
 */
export interface Rule {
  /** Where the edge is, from the page's top. */
  y: number;
  x1: number;
  x2: number;
  kind: 'border' | 'fill';
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function matrixOf(tag: string): Matrix {
  const m = /transform="matrix\(([^)]*)\)"/.exec(tag);
  if (!m) return IDENTITY;
  const v = m[1]!.split(/[ ,]+/).map(Number);
  return v.length === 6 && v.every(Number.isFinite) ? (v as Matrix) : IDENTITY;
}

/** The subpaths of a path made of M, L and Z only (cell edges and fills); undefined for curves. */
function polylines(d: string, [a, b, c, dd, e, f]: Matrix): [number, number][][] | undefined {
  if (/[^MLZ\d\s.,eE+-]/.test(d)) return undefined;
  const out: [number, number][][] = [];
  for (const part of d.split('M').slice(1)) {
    const nums = part
      .replace(/[LZ]/g, ' ')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const pts: [number, number][] = [];
    for (let i = 0; i + 1 < nums.length; i += 2)
      pts.push([a * nums[i]! + c * nums[i + 1]! + e, b * nums[i]! + dd * nums[i + 1]! + f]);
    if (pts.length) out.push(pts);
  }
  return out;
}

const FLAT = 0.05;

/** The horizontal rules of one page's SVG (its `<defs>`, the glyph outlines, left out). */
export function rulesOfSvgPage(svg: string): Rule[] {
  const body = svg.replace(/<defs>[\s\S]*?<\/defs>/g, '');
  const rules: Rule[] = [];
  for (const m of body.matchAll(/<path\b[^>]*>/g)) {
    const tag = m[0];
    const style = /style="([^"]*)"/.exec(tag)?.[1] ?? '';
    const d = /\sd="([^"]*)"/.exec(tag)?.[1] ?? '';
    const lines = polylines(d, matrixOf(tag));
    if (!lines) continue;
    const stroked = /stroke:(?!none)/.test(style);
    const filled = !stroked && /fill:(?!none)/.test(style);
    for (const pts of lines) {
      if (stroked) {
        for (let i = 1; i < pts.length; i++) {
          const [[x1, y1], [x2, y2]] = [pts[i - 1]!, pts[i]!];
          if (Math.abs(y1 - y2) < FLAT && Math.abs(x2 - x1) > FLAT)
            rules.push({ y: (y1 + y2) / 2, x1: Math.min(x1, x2), x2: Math.max(x1, x2), kind: 'border' });
        }
      } else if (filled) {
        // An axis-aligned rectangle (a cell's fill): its top and bottom edges.
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        const corners = pts.every(
          ([x, y]) =>
            (Math.abs(x - Math.min(...xs)) < FLAT || Math.abs(x - Math.max(...xs)) < FLAT) &&
            (Math.abs(y - Math.min(...ys)) < FLAT || Math.abs(y - Math.max(...ys)) < FLAT),
        );
        if (!corners || pts.length < 4 || Math.max(...xs) - Math.min(...xs) < FLAT) continue;
        for (const y of [Math.min(...ys), Math.max(...ys)])
          rules.push({ y, x1: Math.min(...xs), x2: Math.max(...xs), kind: 'fill' });
      }
    }
  }
  return rules;
}

/** Splits a multi-page SVG (SVG 1.2 `<pageSet><page>…`) into its pages; one page has no pageSet. */
export function svgPages(svg: string): string[] {
  const pages = [...svg.matchAll(/<page>([\s\S]*?)<\/page>/g)].map((m) => m[1]!);
  return pages.length === 0 ? [svg] : pages;
}

/** The horizontal rules of every page of a PDF (index 0 = page 1). */
export async function readPdfRules(pdf: string): Promise<Rule[][]> {
  const pdftotext = officeTools().poppler?.pdftotext;
  if (!pdftotext) throw new Error('poppler is not installed');
  const pdftocairo = join(dirname(pdftotext), 'pdftocairo');
  if (!existsSync(pdftocairo)) throw new Error(`poppler's pdftocairo is not beside ${pdftotext}`);
  const run = await spawnCollect(pdftocairo, ['-svg', pdf, '-'], 120_000);
  if (run.code !== 0) throw new Error(`pdftocairo -svg ${pdf} exited ${run.code}: ${run.stderr}`);
  return svgPages(run.stdout).map(rulesOfSvgPage);
}
