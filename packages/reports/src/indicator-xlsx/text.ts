/**
 * Text helpers shared by the export and the import: tolerant number reading, canonical number
 * writing, quoting of free-text labels inside 评分参数, and splitting on separators outside quotes.
 *
 * Free text (names, labels, criteria) is never normalised: it round-trips byte for byte. Only the
 * structured parts (numbers, codes, keywords, separators) accept full-width forms (（）：，；％０-９).
 */

/** A bilingual message. */

/** Thrown by the parameter parsers; the import turns it into an Issue at the cell being read. */
export class ParseError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Full-width → half-width (NFKC) plus the dashes people type for a minus sign. */
export const nfkc = (s: string): string => s.normalize('NFKC').replace(/[−–—﹣]/g, '-');

/** For matching keywords and headers: NFKC, no whitespace, lower case. */
export const squash = (s: string): string => nfkc(s).replace(/\s+/g, '').toLowerCase();

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a number as people type it: full-width digits, surrounding spaces, a trailing 分, and a
 * trailing % (reported, the caller decides what a percentage means).
 */
export function readNumber(raw: string): { value: number; percent: boolean } | null {
  let s = nfkc(raw).replace(/\s+/g, '');
  s = s.replace(/分$/, '');
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1);
  if (!NUMBER.test(s)) return null;
  const value = Number(s);
  if (!Number.isFinite(value)) return null;
  return { value, percent };
}

/** A number where a percentage means a fraction (`60%` → 0.6). */
export function readFraction(raw: string): number | null {
  const n = readNumber(raw);
  if (!n) return null;
  return n.percent ? clean(n.value / 100) : n.value;
}

/** A number where a percentage is not allowed. */
export function readPlain(raw: string): number | null {
  const n = readNumber(raw);
  return n && !n.percent ? n.value : null;
}

/** Drops float noise from a computed value (0.3 × 100 → 30, not 30.000000000000004). */
export const clean = (x: number): number => Number.parseFloat(x.toPrecision(15));

/** The canonical text of a number: the shortest that reads back to the same double. */
export const fmt = (n: number): string => (Object.is(n, -0) ? '-0' : String(n));

const NEEDS_QUOTES = /[";；,，\r\n]/;

/** Free text inside 评分参数: bare unless empty or holding a separator or a quote, then "…" with "" for ". */
export const quote = (label: string): string =>
  label === '' || NEEDS_QUOTES.test(label) ? `"${label.replace(/"/g, '""')}"` : label;

/** The inverse of `quote`; bare text is returned as it is (trimmed). */
export function unquote(raw: string): string {
  const s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    const inner = s.slice(1, -1);
    if (!inner.replace(/""/g, '').includes('"')) return inner.replace(/""/g, '"');
  }
  return s;
}

/**
 * Splits on any of `seps` outside "…" quotes; pieces are trimmed and empty ones dropped.
 * Full-width separators count when their half-width form is listed (`;` also splits on `；`).
 */
export function splitTop(text: string, seps: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (const ch of text) {
    if (ch === '"') inQuote = !inQuote;
    if (!inQuote && seps.includes(nfkc(ch)) && ch !== '"') {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** 1 → A, 27 → AA (one helper for every workbook: ../xlsx-layout). */
export { colLetter } from '../xlsx-layout/text';
