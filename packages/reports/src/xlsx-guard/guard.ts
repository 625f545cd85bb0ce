import { errors, isAppError, type WorkbookLimit } from '@jixiao/core';
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import { XLSX_LIMITS, type XlsxLimits } from './limits';

/** What an accepted workbook holds, as counted by the guard. */
export interface WorkbookStats {
  entries: number;
  /** Sum of the declared (and, having been inflated, verified) uncompressed sizes. */
  uncompressedBytes: number;
  rows: number;
  /** `<c>` elements plus the cells of merged ranges (exceljs makes a cell object for each). */
  cells: number;
  sharedStrings: number;
  elements: number;
  merges: number;
  /** Cells covered by data validations and defined names. */
  rangeCells: number;
}

/**
 * Checks an uploaded .xlsx before exceljs sees it, and throws an AppError if it is a zip bomb, too
 * big for an indicator-system workbook, or not a zip that can be read safely:
 *
 * 1. From the zip's directory alone, inflating nothing: the number of parts, their names (no
 *    absolute paths, `..`, backslashes or control characters), the compression method, the sum of
 *    the declared uncompressed sizes and each part's compression ratio. The directory must also be
 *    laid out canonically (one end record, no ZIP64, no bytes between the directory and its end
 *    record, exactly the parts its end record counts), so that exceljs's zip reader (JSZip) sees
 *    exactly the parts checked here and not another directory hidden in the same file.
 * 2. Then every part is inflated as a stream (never held whole) and scanned for XML start tags:
 *    `<row>`, `<c>`, `<si>` and tags of any kind are counted across the workbook, and so are the
 *    numbers exceljs turns into work regardless of file size (row numbers, `<col max>`, merged
 *    ranges, data-validation and defined-name ranges). The scan stops and the stream is destroyed
 *    as soon as a limit is passed. Every part, pictures included, is inflated because exceljs
 *    inflates every part; yauzl's validateEntrySizes stops a part that inflates to more than it
 *    declared, so the declared total really bounds what exceljs will get.
 *
 * Limits: workbook_too_large (413); unreadable or unsafe: workbook_unreadable (422).
 */
export async function assertSafeWorkbook(
  bytes: Uint8Array,
  limits: Partial<XlsxLimits> = {},
): Promise<WorkbookStats> {
  const l: XlsxLimits = { ...XLSX_LIMITS, ...limits };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  const layout = readLayout(buf, l);
  const zip = await openZip(buf);
  try {
    const entries = await readDirectory(zip);
    const parts = entries.map((entry) => ({ entry, name: partName(entry) }));
    let directoryBytes = 0;
    let uncompressedBytes = 0;
    for (const { entry, name } of parts) {
      directoryBytes +=
        46 + entry.fileNameRaw.length + entry.extraFieldRaw.length + entry.fileCommentRaw.length;
      uncompressedBytes += entry.uncompressedSize;
      if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) {
        throw errors.workbookUnreadable(
          `${shown(name)} 已加密或使用了不支持的压缩方式`,
          `${shown(name)} is encrypted or uses an unsupported compression method`,
        );
      }
    }
    if (parts.length !== layout.entryCount || directoryBytes !== layout.directorySize) {
      throw irregular(
        '目录中的条目与其结束记录不符',
        'the directory holds other entries than its end record says',
      );
    }
    if (uncompressedBytes > l.maxUncompressedBytes) {
      throw errors.workbookTooLarge('bytes', l.maxUncompressedBytes, uncompressedBytes);
    }
    for (const { entry, name } of parts) {
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > l.ratioGraceBytes && ratio > l.maxRatio) {
        throw errors.workbookTooLarge('ratio', l.maxRatio, ratio, name);
      }
    }

    const counter = new TagCounter(l);
    for (const { entry, name } of parts) {
      // Nothing to inflate (some writers store folders and empty parts as 0 deflated bytes).
      if (entry.compressedSize === 0 && entry.uncompressedSize === 0) continue;
      await scanPart(zip, entry, name, counter);
    }
    return {
      entries: parts.length,
      uncompressedBytes,
      rows: counter.rows,
      cells: counter.cells,
      sharedStrings: counter.sharedStrings,
      elements: counter.elements,
      merges: counter.merges,
      rangeCells: counter.rangeCells,
    };
  } finally {
    zip.close();
  }
}

// ─── The directory ──────────────────────────────────────────────────────────────────────────────

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const EOCD_SIZE = 22;

const irregular = (zh: string, en: string) =>
  errors.workbookUnreadable(`zip 结构不规范（${zh}）`, `its zip structure is irregular (${en})`);

/** A part name for a message: quoted, control characters escaped, long names cut. */
const shown = (name: string): string => {
  const q = JSON.stringify(name);
  return q.length > 82 ? `${q.slice(0, 80)}…"` : q;
};

/**
 * The end-of-central-directory record, found the way yauzl finds it (the last signature within the
 * comment's reach), then held to a canonical layout so JSZip would find the same directory: JSZip
 * takes the last signature anywhere in the file, shifts every offset when the directory does not
 * end where the record starts, reads central headers for as long as they follow one another, and
 * switches to ZIP64 on other cues than yauzl.
 */
function readLayout(buf: Buffer, l: XlsxLimits): { entryCount: number; directorySize: number } {
  let eocd = -1;
  for (let p = buf.length - EOCD_SIZE; p >= 0 && p >= buf.length - EOCD_SIZE - 0xffff; p--) {
    if (buf.readUInt32LE(p) === EOCD_SIGNATURE) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw errors.workbookUnreadable('这不是 zip 格式的文件', 'it is not a zip file');
  if (eocd + EOCD_SIZE + buf.readUInt16LE(eocd + 20) !== buf.length) {
    throw irregular('文件末尾有多余数据', 'there are extra bytes at its end');
  }
  for (let p = eocd + 1; p + 4 <= buf.length; p++) {
    if (buf.readUInt32LE(p) === EOCD_SIGNATURE) {
      throw irregular('含有多个目录结束记录', 'it has more than one end-of-directory record');
    }
  }
  const entryCount = buf.readUInt16LE(eocd + 10);
  if (entryCount > l.maxEntries) throw errors.workbookTooLarge('entries', l.maxEntries, entryCount);
  const directorySize = buf.readUInt32LE(eocd + 12);
  const directoryOffset = buf.readUInt32LE(eocd + 16);
  const zip64 =
    entryCount === 0xffff ||
    directorySize === 0xffffffff ||
    directoryOffset === 0xffffffff ||
    (eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIGNATURE);
  const split =
    buf.readUInt16LE(eocd + 4) !== 0 ||
    buf.readUInt16LE(eocd + 6) !== 0 ||
    buf.readUInt16LE(eocd + 8) !== entryCount;
  if (zip64 || split) throw irregular('分卷或 ZIP64 格式', 'it is a split or ZIP64 archive');
  if (directoryOffset + directorySize !== eocd) {
    throw irregular('目录不在其结束记录所说的位置', 'the directory is not where its end record says');
  }
  return { entryCount, directorySize };
}

function openZip(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buf,
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: false, strictFileNames: true },
      (err, zip) => (err ? reject(readError(err)) : resolve(zip)),
    );
  });
}

/** The central directory, no part inflated. yauzl reads exactly as many entries as the end record counts. */
function readDirectory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (err: Error) => reject(readError(err)));
    zip.readEntry();
  });
}

/** The entry's name, decoded as yauzl would, refused if it could point outside the workbook. */
function partName(entry: Entry): string {
  const name = yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileNameRaw,
    entry.extraFields,
    true,
  );
  const unsafe =
    name === '' ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.includes('\\') ||
    name.split('/').includes('..') ||
    [...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
  if (unsafe) {
    throw errors.workbookUnreadable(
      `其中的文件名 ${shown(name)} 不安全`,
      `it holds an unsafe file name ${shown(name)}`,
    );
  }
  return name;
}

/** A failure of yauzl or zlib while reading, as the product's error. */
function readError(err: unknown, name?: string) {
  if (isAppError(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  const part = name === undefined ? '工作簿' : shown(name);
  const enPart = name === undefined ? 'the workbook' : shown(name);
  if (/too many bytes|not enough bytes/.test(message)) {
    return errors.workbookUnreadable(
      `${part} 解压后的大小与目录中声明的不符`,
      `${enPart} does not inflate to the size its directory entry declares`,
    );
  }
  return errors.workbookUnreadable(`${part} 的数据已损坏`, `the data of ${enPart} is damaged`);
}

// ─── Reading the parts ──────────────────────────────────────────────────────────────────────────

function openPart(zip: ZipFile, entry: Entry, name: string): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err ? reject(readError(err, name)) : resolve(stream)));
  });
}

async function scanPart(zip: ZipFile, entry: Entry, name: string, counter: TagCounter): Promise<void> {
  const stream = (await openPart(zip, entry, name)) as NodeJS.ReadableStream & { destroy(): void };
  counter.startPart(name);
  try {
    for await (const chunk of stream) counter.feed(chunk as Buffer);
  } catch (err) {
    stream.destroy();
    throw readError(err, name);
  }
}

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
class TagCounter {
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
