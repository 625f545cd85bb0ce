/**
 * Test helper: writes zip files by hand (local headers, central directory, end record), so tests can
 * build workbooks that are bombs, lie in their directory or are laid out oddly. Not used by the
 * product.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

export interface ZipPart {
  name: string;
  /** The part's bytes; deflated by the writer unless `stored`. */
  data?: Uint8Array;
  /** Raw deflate data made elsewhere, and the size it inflates to (see `repeated`). */
  deflated?: { data: Uint8Array; size: number };
  stored?: boolean;
  /** Sizes to write in the headers instead of the true ones: a lying directory. */
  declare?: { uncompressed?: number; compressed?: number };
}

export interface ZipOptions {
  /** Entry count to write in the end record instead of the true one. */
  entryCount?: number;
  /** Bytes written before the zip, which does not count them in its offsets (as `cat a b` would). */
  prefix?: Uint8Array;
  /** Bytes written between the last central header and the end record. */
  gap?: Uint8Array;
  /** Written in the end record as the directory size instead of the true one. */
  directorySize?: number;
  comment?: string;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

export function writeZip(parts: readonly ZipPart[], opts: ZipOptions = {}): Uint8Array {
  const chunks: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    chunks.push(b);
    offset += b.length;
  };
  if (opts.prefix) push(Buffer.from(opts.prefix));
  const start = offset;
  const central: Buffer[] = [];
  for (const p of parts) {
    const name = utf8(p.name);
    let body: Buffer;
    let size: number;
    let crc = 0;
    if (p.deflated) {
      body = Buffer.from(p.deflated.data);
      size = p.deflated.size;
    } else {
      const raw = Buffer.from(p.data ?? new Uint8Array());
      body = p.stored ? raw : deflateRawSync(raw);
      size = raw.length;
      crc = crc32(raw);
    }
    const method = p.stored ? 0 : 8;
    const csize = p.declare?.compressed ?? body.length;
    const usize = p.declare?.uncompressed ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x6000, 10);
    local.writeUInt16LE(0x5a21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(csize, 18);
    local.writeUInt32LE(usize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(0x6000, 12);
    cd.writeUInt16LE(0x5a21, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(csize, 20);
    cd.writeUInt32LE(usize, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset - start, 42);
    central.push(cd, name);
    push(local);
    push(name);
    push(body);
  }
  const cdOffset = offset;
  for (const b of central) push(b);
  const cdSize = offset - cdOffset;
  if (opts.gap) push(Buffer.from(opts.gap));
  const comment = utf8(opts.comment ?? '');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = opts.entryCount ?? parts.length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(opts.directorySize ?? cdSize, 12);
  end.writeUInt32LE(cdOffset - start, 16);
  end.writeUInt16LE(comment.length, 20);
  push(end);
  push(comment);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Raw deflate data for `head + body × times + tail` without ever building it: each piece is deflated
 * on its own up to a full flush (byte-aligned, no back references into the previous piece), so the
 * compressed body can be repeated as is. `times` of a few thousand gives hundreds of MB in ~1 MB.
 */
export function repeated(head: string, body: string, times: number, tail: string) {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const h = deflateRawSync(utf8(head), flush);
  const b = deflateRawSync(utf8(body), flush);
  const t = deflateRawSync(utf8(tail));
  const data = Buffer.concat([h, ...Array.from({ length: times }, () => b), t]);
  const size = utf8(head).length + utf8(body).length * times + utf8(tail).length;
  return { data: new Uint8Array(data), size };
}

export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

/** `count` rows of `perRow` cells each, as repeated identical rows. */
export function cellBomb(rows: number, perRow: number, cell = '<c t="n"><v>1</v></c>') {
  return repeated(SHEET_HEAD, `<row>${cell.repeat(perRow)}</row>`, rows, SHEET_TAIL);
}

/**
 * Rows of cells whose style numbers vary (a deterministic pseudo-random sequence), so the XML
 * compresses like a real sheet (~10–20:1) instead of ~1000:1. `blocks` repetitions of 1,000 rows.
 */
export function plainCells(blocks: number, perRow = 50) {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % 10;
  };
  let body = '';
  for (let r = 0; r < 1000; r++) {
    body += '<row>';
    for (let c = 0; c < perRow; c++) body += `<c s="${next()}"/>`;
    body += '</row>';
  }
  return repeated(SHEET_HEAD, body, blocks, SHEET_TAIL);
}

/** The parts of a real workbook (e.g. one exceljs wrote), inflated, in order. */
export async function readParts(bytes: Uint8Array): Promise<ZipPart[]> {
  const zip = await yauzl.fromBufferPromise(Buffer.from(bytes));
  const parts: ZipPart[] = [];
  for await (const entry of zip.eachEntry()) {
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
    );
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    parts.push({ name: entry.fileName, data: new Uint8Array(Buffer.concat(chunks)) });
  }
  zip.close();
  return parts;
}

/** A workbook with some parts replaced or added. */
export function withParts(base: readonly ZipPart[], changes: readonly ZipPart[]): ZipPart[] {
  const out = base.map((p) => changes.find((c) => c.name === p.name) ?? p);
  for (const c of changes) if (!base.some((p) => p.name === c.name)) out.push(c);
  return out;
}
