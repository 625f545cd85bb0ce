/**
 * How wide text prints, in Excel's column-width unit (the width of a digit of the workbook's default
 * font, Calibri 11, about 5.25 pt). A CJK or full-width character of 10.5 pt text is 10.5 pt wide:
 * two units. Other characters count 1.2 units, because the CJK fonts offices print
 * with (SimSun, Noto Sans CJK) draw Latin letters and digits wider than Calibri's digit. Erring wide
 * costs a little blank space; erring narrow prints text over the next row, which is the bug this
 * estimate exists to prevent.
 */

const CJK =
  /[\u1100-\u115F\u2E80-\u303E\u3040-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD87F][\uDC00-\uDFFF]/;
const LATIN = 1.2;
/** The body size the units are measured at. */
export const BODY_POINTS = 10.5;

const charWidth = (ch: string): number => (CJK.test(ch) ? 2 : LATIN);

/** The width of one line in column-width units at 10.5 pt. */
export function textWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += charWidth(ch);
  return w;
}

/**
 * Where a line may break, as the suites' line breakers allow: after a space, and before and after
 * a CJK character. Latin runs without spaces (codes, JSON, hashes) are one word.
 */
function wordsOf(paragraph: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const ch of paragraph) {
    if (CJK.test(ch)) {
      if (word) words.push(word);
      words.push(ch);
      word = '';
    } else {
      word += ch;
      if (/\s/.test(ch)) {
        words.push(word);
        word = '';
      }
    }
  }
  if (word) words.push(word);
  return words;
}

/**
 * The printed lines of one paragraph in `usable` units, filled word by word; a word longer than a
 * whole line is broken where the line ends.
 */
function wrapParagraph(paragraph: string, usable: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const word of wordsOf(paragraph)) {
    const ww = textWidth(word.trimEnd());
    if (w + ww <= usable) {
      line += word;
      w += textWidth(word);
      continue;
    }
    if (line) lines.push(line);
    line = '';
    w = 0;
    if (ww <= usable) {
      line = word;
      w = textWidth(word);
      continue;
    }
    for (const ch of word) {
      const cw = charWidth(ch);
      if (w + cw > usable && line) {
        lines.push(line);
        line = '';
        w = 0;
      }
      line += ch;
      w += cw;
    }
  }
  lines.push(line);
  return lines;
}

const usableOf = (width: number, points: number) => Math.max(1, (width - 2) * (BODY_POINTS / points));
const paragraphs = (text: string) => text.split(/\r\n|\r|\n/);

/**
 * Printed lines of `text` in a column `width` units wide at `points` size: each paragraph wrapped
 * word by word at the column's edge less the cell's inner margins (about two units).
 */
export function wrappedLines(text: string, width: number, points = BODY_POINTS): number {
  const usable = usableOf(width, points);
  return paragraphs(text).reduce((n, p) => n + wrapParagraph(p, usable).length, 0);
}

/**
 * `text` cut into pieces that each print on at most `maxLines` lines of a column `width` units wide
 * (wrapped as wrappedLines wraps): for text longer than the tallest row can show, continued on the
 * rows below. Pieces end at line ends, so each re-wraps as it did in the whole.
 */
export function splitByLines(text: string, width: number, maxLines: number, points = BODY_POINTS): string[] {
  const usable = usableOf(width, points);
  const pieces: string[] = [];
  let piece: string[] = [];
  let count = 0;
  for (const p of paragraphs(text)) {
    const lines = wrapParagraph(p, usable);
    lines.forEach((line, i) => {
      if (count === maxLines) {
        pieces.push(piece.join(''));
        piece = [];
        count = 0;
      }
      // A paragraph's first line starts a new printed line: keep its break unless the piece starts here.
      piece.push(i === 0 && piece.length > 0 ? `\n${line}` : line);
      count++;
    });
  }
  pieces.push(piece.join(''));
  return pieces;
}

/** 1 → A, 27 → AA. */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
