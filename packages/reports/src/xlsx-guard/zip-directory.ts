import { errors, isAppError } from '@jixiao/core';
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import type { XlsxLimits } from './limits';
import type { TagCounter } from './tag-counter';

/**
 * The zip side of the guard: the layout and directory, read without inflating anything, and the
 * parts streamed through the tag counter.
 */
// ─── The directory ──────────────────────────────────────────────────────────────────────────────

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const EOCD_SIZE = 22;

export const irregular = (zh: string, en: string) =>
  errors.workbookUnreadable(`zip 结构不规范（${zh}）`, `its zip structure is irregular (${en})`);

/** A part name for a message: quoted, control characters escaped, long names cut. */
export const shown = (name: string): string => {
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
export function readLayout(buf: Buffer, l: XlsxLimits): { entryCount: number; directorySize: number } {
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

export function openZip(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buf,
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: false, strictFileNames: true },
      (err, zip) => (err ? reject(readError(err)) : resolve(zip)),
    );
  });
}

/** The central directory, no part inflated. yauzl reads exactly as many entries as the end record counts. */
export function readDirectory(zip: ZipFile): Promise<Entry[]> {
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
export function partName(entry: Entry): string {
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
export function readError(err: unknown, name?: string) {
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

export async function scanPart(zip: ZipFile, entry: Entry, name: string, counter: TagCounter): Promise<void> {
  const stream = (await openPart(zip, entry, name)) as NodeJS.ReadableStream & { destroy(): void };
  counter.startPart(name);
  try {
    for await (const chunk of stream) counter.feed(chunk as Buffer);
  } catch (err) {
    stream.destroy();
    throw readError(err, name);
  }
}
