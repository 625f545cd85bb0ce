/**
 * Just enough of the zip format to say what a zip container holds, without inflating anything:
 * the entry names from the central directory (at the end of the file, found through the end of
 * central directory record, ZIP64 included) and, for OpenDocument, the `mimetype` entry that the
 * format requires to be first and stored uncompressed. Pure: works on the bytes it is given (the
 * first few KiB and the last few MiB of the object).
 */

export interface ZipEntry {
  name: string;
  encrypted: boolean;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const utf8 = new TextDecoder('utf-8');
/** Names without the UTF-8 flag are in the archiver's code page (GBK on Chinese Windows): read bytewise, enough for paths and extensions. */
const bytewise = (b: Uint8Array) => String.fromCharCode(...b);

/**
 * The entries listed in the central directory, read from `tail`: the last `tail.length` bytes of a
 * file of `size` bytes. `undefined` when there is no end record in the tail, or the directory it
 * points at does not lie (wholly) within it.
 */
export function zipEntries(tail: Uint8Array, size: number): ZipEntry[] | undefined {
  const start = size - tail.length;
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  let eocd = -1;
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - 22 - 0xffff); i--) {
    if (u32(tail, i) === EOCD && i + 22 + u16(tail, i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = u16(tail, eocd + 10);
  let dirSize = u32(tail, eocd + 12);
  let dirOffset = u32(tail, eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(tail, loc) !== ZIP64_LOCATOR) return undefined;
    const rec = u64(tail, loc + 8) - start;
    if (rec < 0 || rec + 56 > tail.length || u32(tail, rec) !== ZIP64_EOCD) return undefined;
    count = u64(tail, rec + 32);
    dirSize = u64(tail, rec + 40);
    dirOffset = u64(tail, rec + 48);
  }
  let at = dirOffset - start;
  if (at < 0 || at + dirSize > tail.length) return undefined;
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > tail.length || u32(tail, at) !== CENTRAL) return undefined;
    const flags = u16(tail, at + 8);
    const nameLen = u16(tail, at + 28);
    const extraLen = u16(tail, at + 30);
    const commentLen = u16(tail, at + 32);
    if (at + 46 + nameLen > tail.length) return undefined;
    const raw = tail.subarray(at + 46, at + 46 + nameLen);
    out.push({ name: flags & 0x800 ? utf8.decode(raw) : bytewise(raw), encrypted: (flags & 1) === 1 });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The first local entry's name and, when it is stored uncompressed, its bytes (from `head`). */
export function firstStoredEntry(head: Uint8Array): { name: string; data?: Uint8Array } | undefined {
  if (head.length < 30 || u32(head, 0) !== LOCAL) return undefined;
  const method = u16(head, 8);
  const compressed = u32(head, 18);
  const nameLen = u16(head, 26);
  const extraLen = u16(head, 28);
  if (30 + nameLen > head.length) return undefined;
  const name = bytewise(head.subarray(30, 30 + nameLen));
  const from = 30 + nameLen + extraLen;
  const data =
    method === 0 && from + compressed <= head.length ? head.subarray(from, from + compressed) : undefined;
  return { name, ...(data ? { data } : {}) };
}

/** Builds a zip (stored entries, no compression) of the given files: for tests and the demo. */
export function storedZip(files: { name: string; data: Uint8Array; encrypted?: boolean }[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const le = (n: number, bytes: number) => {
    const b = new Uint8Array(bytes);
    for (let i = 0; i < bytes; i++) b[i] = Math.floor(n / 2 ** (8 * i)) & 0xff;
    return b;
  };
  const cat = (...xs: Uint8Array[]) => {
    const out = new Uint8Array(xs.reduce((n, x) => n + x.length, 0));
    let i = 0;
    for (const x of xs) {
      out.set(x, i);
      i += x.length;
    }
    return out;
  };
  for (const f of files) {
    const name = enc.encode(f.name);
    const flags = 0x800 | (f.encrypted ? 1 : 0);
    const local = cat(
      le(LOCAL, 4),
      le(20, 2),
      le(flags, 2),
      le(0, 2),
      le(0, 4),
      le(0, 4), // crc (not checked by anyone here)
      le(f.data.length, 4),
      le(f.data.length, 4),
      le(name.length, 2),
      le(0, 2),
      name,
      f.data,
    );
    central.push(
      cat(
        le(CENTRAL, 4),
        le(20, 2),
        le(20, 2),
        le(flags, 2),
        le(0, 2),
        le(0, 4),
        le(0, 4),
        le(f.data.length, 4),
        le(f.data.length, 4),
        le(name.length, 2),
        le(0, 2),
        le(0, 2),
        le(0, 2),
        le(0, 2),
        le(0, 4),
        le(offset, 4),
        name,
      ),
    );
    parts.push(local);
    offset += local.length;
  }
  const dir = cat(...central);
  const end = cat(
    le(EOCD, 4),
    le(0, 2),
    le(0, 2),
    le(files.length, 2),
    le(files.length, 2),
    le(dir.length, 4),
    le(offset, 4),
    le(0, 2),
  );
  return cat(...parts, dir, end);
}
