/**
 * How wide text prints, in Excel's column-width unit (the width of a digit of the workbook's default
 * font, Calibri 11, about 5.25 pt). A CJK or full-width character of 10.5 pt text is 10.5 pt wide:
 * two units. Other characters count a little over one unit, because the CJK fonts offices print
 * with (SimSun, Noto Sans CJK) draw Latin letters and digits wider than Calibri's digit. Erring wide
 * costs a little blank space; erring narrow prints text over the next row, which is the bug this
 * estimate exists to prevent.
 */

const CJK =
  /[\u1100-\u115F\u2E80-\u303E\u3040-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD87F][\uDC00-\uDFFF]/;
const LATIN = 1.1;
/** The body size the units are measured at. */
export const BODY_POINTS = 10.5;

/** The width of one line in column-width units at 10.5 pt. */
export function textWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += CJK.test(ch) ? 2 : LATIN;
  return w;
}

/**
 * Printed lines of `text` in a column `width` units wide at `points` size: each line of the text is
 * wrapped at the column's edge less the cell's inner margins (about two units).
 */
export function wrappedLines(text: string, width: number, points = BODY_POINTS): number {
  const usable = Math.max(1, (width - 2) * (BODY_POINTS / points));
  return text
    .split(/\r\n|\r|\n/)
    .reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

/**
 * `text` cut into pieces that each print on at most `maxLines` lines of a column `width` units wide
 * (counted as wrappedLines counts them): for text longer than the tallest row can show, continued
 * on the rows below.
 */
export function splitByLines(text: string, width: number, maxLines: number, points = BODY_POINTS): string[] {
  const usable = Math.max(1, (width - 2) * (BODY_POINTS / points));
  const pieces: string[] = [];
  let piece = '';
  let lines = 1;
  let line = 0;
  for (const ch of text) {
    const newline = ch === '\n';
    const w = newline ? 0 : textWidth(ch);
    const wraps = newline || line + w > usable;
    if (wraps && lines === maxLines) {
      pieces.push(piece);
      piece = newline ? '' : ch;
      lines = 1;
      line = w;
      continue;
    }
    if (wraps) {
      lines++;
      line = w;
    } else line += w;
    piece += ch;
  }
  pieces.push(piece);
  return pieces;
}
