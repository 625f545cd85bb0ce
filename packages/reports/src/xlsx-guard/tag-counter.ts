import { errors, type WorkbookLimit } from '@jixiao/core';
import type { XlsxLimits } from './limits';
import { shown } from './zip-directory';

/**
 * The XML side of the guard: a streaming scanner that counts what exceljs would build (rows,
 * cells, strings, merges, ranges) and stops at the first count past its limit.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const QUESTION = 0x3f;
const BANG = 0x21;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const isSpace = (ch: number) => ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;

/**
 * Tags whose attributes (for definedName: text) the scanner reads, because exceljs does work in
 * proportion to a number written there rather than to the bytes: `<row r>` (exceljs and the import
 * walk every row up to the highest number), `<col max>` (one object per column up to max),
 * `<mergeCell ref>` (a cell object per merged cell, and each merge compared with every earlier one),
 * `<dataValidation sqref>` and `<definedName>` ranges (an entry per covered cell).
 */
const READ = new Set(['row', 'col', 'mergeCell', 'dataValidation', 'definedName']);
/** An attribute list (or defined name) longer than this is refused rather than half read. */
const MAX_CAPTURE = 64 * 1024;

/** Where the scanner is: in text, just after `<`, in a tag name, in attributes, in a defined name. */
const State = { Text: 0, Open: 1, Name: 2, Attributes: 3, NameText: 4 } as const;
type State = (typeof State)[keyof typeof State];

/** The number of cells an A1-style reference list covers: `A1:B2 C3` → 5 (`$` allowed, order free). */
function areaOf(refs: string): number {
  let area = 0;
  for (const m of refs.matchAll(/\$?([A-Za-z]{1,7})\$?(\d{1,15})(?::\$?([A-Za-z]{1,7})\$?(\d{1,15}))?/g)) {
    const c1 = columnNumber(m[1] ?? '');
    const r1 = Number(m[2]);
    const c2 = m[3] === undefined ? c1 : columnNumber(m[3]);
    const r2 = m[4] === undefined ? r1 : Number(m[4]);
    area += (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
  }
  return area;
}

const columnNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

const ATTRIBUTE = Object.fromEntries(
  ['r', 'min', 'max', 'ref', 'sqref'].map((name) => [
    name,
    new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`),
  ]),
) as Record<'r' | 'min' | 'max' | 'ref' | 'sqref', RegExp>;

function textAttribute(attrs: string, name: keyof typeof ATTRIBUTE): string {
  const m = attrs.match(ATTRIBUTE[name]);
  return m?.[1] ?? m?.[2] ?? '';
}

/** An attribute's value as exceljs reads numbers (parseInt), 0 when absent. */
function intAttribute(attrs: string, name: keyof typeof ATTRIBUTE): number {
  const n = Number.parseInt(textAttribute(attrs, name), 10);
  return Number.isNaN(n) ? 0 : n;
}

/**
 * Counts XML start tags in a byte stream fed in chunks, without decoding or buffering it: a tag may
 * be split across chunks, so the scanner carries its state from one chunk to the next. The local
 * name counts (`<x:row>` is a row). End tags, comments, declarations and processing instructions
 * are not counted; anything that looks like a tag inside CDATA or a binary part is, which only errs
 * on the side of refusing (exceljs gives up on XML that is not well-formed, so a tag cannot hide
 * where this scanner does not look). Throws workbook_too_large the moment a count passes its limit.
 */
export class TagCounter {
  rows = 0;
  cells = 0;
  sharedStrings = 0;
  elements = 0;
  merges = 0;
  rangeCells = 0;
  private part = '';
  private state: State = State.Text;
  /** Local name of the tag being read (its first 16 characters). */
  private name = '';
  private quote = 0;
  private prev = 0;
  private captured: Buffer[] = [];
  private capturedBytes = 0;

  constructor(private readonly l: XlsxLimits) {}

  startPart(name: string): void {
    this.part = name;
    this.state = State.Text;
  }

  feed(chunk: Buffer): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case State.Text: {
          const lt = chunk.indexOf(LT, i);
          if (lt < 0) return;
          this.state = State.Open;
          i = lt + 1;
          break;
        }
        case State.Open: {
          const ch = chunk[i++] as number;
          if (ch === LT) break;
          if (ch === SLASH || ch === QUESTION || ch === BANG || ch === GT || isSpace(ch)) {
            this.state = State.Text;
          } else {
            this.name = ch === COLON ? '' : String.fromCharCode(ch);
            this.state = State.Name;
          }
          break;
        }
        case State.Name:
          while (i < n && this.state === State.Name) {
            const ch = chunk[i++] as number;
            if (ch === GT || ch === SLASH || isSpace(ch)) this.endName(ch);
            else if (ch === LT) this.state = State.Open;
            else if (ch === COLON) this.name = '';
            else if (this.name.length < 16) this.name += String.fromCharCode(ch);
          }
          break;
        case State.Attributes:
          i = this.readAttributes(chunk, i);
          break;
        case State.NameText: {
          const lt = chunk.indexOf(LT, i);
          const end = lt < 0 ? n : lt;
          this.capture(chunk, i, end);
          i = end;
          if (lt >= 0) {
            this.state = State.Text;
            this.ranges(this.takeCaptured());
          }
          break;
        }
      }
    }
  }

  private endName(ch: number): void {
    this.count();
    if (!READ.has(this.name)) {
      this.state = State.Text;
      return;
    }
    this.captured = [];
    this.capturedBytes = 0;
    this.quote = 0;
    this.prev = ch;
    if (isSpace(ch)) this.state = State.Attributes;
    else this.endTag(ch === SLASH);
  }

  /** Attributes up to the `>` that ends the tag (a `>` inside a quoted value does not). */
  private readAttributes(chunk: Buffer, from: number): number {
    for (let i = from; i < chunk.length; i++) {
      const ch = chunk[i] as number;
      if (this.quote !== 0) {
        if (ch === this.quote) this.quote = 0;
      } else if (ch === DQUOTE || ch === SQUOTE) {
        this.quote = ch;
      } else if (ch === GT || ch === LT) {
        this.capture(chunk, from, i);
        if (ch === LT) {
          this.state = State.Open;
          this.captured = [];
        } else this.endTag(this.prev === SLASH);
        return i + 1;
      }
      this.prev = ch;
    }
    this.capture(chunk, from, chunk.length);
    return chunk.length;
  }

  private endTag(selfClosing: boolean): void {
    const attrs = this.takeCaptured();
    const l = this.l;
    this.state = this.name === 'definedName' && !selfClosing ? State.NameText : State.Text;
    switch (this.name) {
      case 'row': {
        const r = intAttribute(attrs, 'r');
        if (r > l.maxRows) this.refuse('rows', l.maxRows, r);
        break;
      }
      case 'col': {
        const max = Math.max(intAttribute(attrs, 'max'), intAttribute(attrs, 'min'));
        if (max > l.maxColumns) this.refuse('columns', l.maxColumns, max);
        break;
      }
      case 'mergeCell':
        if (++this.merges > l.maxMerges) this.refuse('merges', l.maxMerges, this.merges);
        this.cells += areaOf(textAttribute(attrs, 'ref'));
        if (this.cells > l.maxCells) this.refuse('cells', l.maxCells, this.cells);
        break;
      case 'dataValidation':
        this.ranges(textAttribute(attrs, 'sqref'));
        break;
    }
  }

  private ranges(refs: string): void {
    this.rangeCells += areaOf(refs);
    if (this.rangeCells > this.l.maxRangeCells) {
      this.refuse('rangeCells', this.l.maxRangeCells, this.rangeCells);
    }
  }

  private capture(chunk: Buffer, from: number, to: number): void {
    if (to <= from) return;
    this.capturedBytes += to - from;
    if (this.capturedBytes > MAX_CAPTURE) {
      throw errors.workbookUnreadable(
        `${shown(this.part)} 中有超长的 XML 标记`,
        `${shown(this.part)} holds an overlong XML tag`,
      );
    }
    this.captured.push(Buffer.from(chunk.subarray(from, to)));
  }

  private takeCaptured(): string {
    const text = Buffer.concat(this.captured).toString('latin1');
    this.captured = [];
    this.capturedBytes = 0;
    return text;
  }

  private count(): void {
    const l = this.l;
    if (++this.elements > l.maxElements) this.refuse('elements', l.maxElements, this.elements);
    switch (this.name) {
      case 'c':
        if (++this.cells > l.maxCells) this.refuse('cells', l.maxCells, this.cells);
        break;
      case 'row':
        if (++this.rows > l.maxRows) this.refuse('rows', l.maxRows, this.rows);
        break;
      case 'si':
        if (++this.sharedStrings > l.maxSharedStrings) {
          this.refuse('sharedStrings', l.maxSharedStrings, this.sharedStrings);
        }
        break;
    }
  }

  private refuse(
    limit: Exclude<WorkbookLimit, 'entries' | 'bytes' | 'ratio'>,
    max: number,
    found: number,
  ): never {
    throw errors.workbookTooLarge(limit, max, found, this.part);
  }
}
