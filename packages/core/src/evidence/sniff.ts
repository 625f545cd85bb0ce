import { type ByteFamily, EVIDENCE_KIND_SPECS, type EvidenceKind } from './kinds';
import { firstStoredEntry, type ZipEntry, zipEntries } from './zip';

/**
 * What a file is, from its bytes: the first bytes (magic numbers) and, for zip containers, the entry
 * names in the central directory (OOXML's word/ xl/ ppt/ parts, OFD's OFD.xml, OpenDocument's stored
 * `mimetype`). A file is what its bytes say, never what its name says. Pure.
 *
 * Written here rather than taken from a library (e.g. `file-type`): evidence needs families a
 * generic detector does not tell apart (OFD, WPS's OLE2 files, OOXML by part names), refusals it
 * does not make (executables inside an archive, encrypted archives), and core must stay free of I/O.
 */

/** Content that is not one of the evidence families (labels: DETECTED_CONTENT_LABELS). */
export const FOREIGN_CONTENTS = [
  'executable',
  'script',
  'web_page',
  'other_image',
  'other_archive',
  'text',
  'unknown',
] as const;
export type ForeignContent = (typeof FOREIGN_CONTENTS)[number];

export type Detected =
  | { family: ByteFamily; entries?: ZipEntry[] }
  | { foreign: ForeignContent }
  /** A zip whose central directory could not be read from the bytes given. */
  | { family: 'zip'; unreadable: true };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const EXECUTABLES: readonly (readonly number[])[] = [
  [0x4d, 0x5a], // MZ: Windows PE, DOS
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal / Java class
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
];
const IMAGES: readonly (readonly number[])[] = [
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x42, 0x4d], // BM
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF
];
const ARCHIVES: readonly (readonly number[])[] = [
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x4d, 0x53, 0x43, 0x46], // MSCF (cab)
];

/** Extensions of programs and scripts that an archive of evidence must not carry. */
export const RUNNABLE_EXTENSIONS = [
  'exe',
  'dll',
  'com',
  'scr',
  'msi',
  'bat',
  'cmd',
  'ps1',
  'vbs',
  'vbe',
  'js',
  'jse',
  'wsf',
  'hta',
  'jar',
  'lnk',
  'cpl',
  'pif',
  'reg',
  'sh',
  'apk',
] as const;

function zipFamily(head: Uint8Array, entries: ZipEntry[]): ByteFamily {
  const names = entries.map((e) => e.name);
  if (names.includes('[Content_Types].xml')) {
    if (names.some((n) => n.startsWith('word/'))) return 'zip-word';
    if (names.some((n) => n.startsWith('xl/'))) return 'zip-sheet';
    if (names.some((n) => n.startsWith('ppt/'))) return 'zip-slides';
  }
  if (names.includes('OFD.xml')) return 'zip-ofd';
  // OpenDocument: `mimetype` first and stored, so its bytes sit in the head (ISO/IEC 26300, 3.3).
  const first = firstStoredEntry(head);
  if (first?.name === 'mimetype' && first.data) {
    const type = new TextDecoder().decode(first.data);
    if (type === 'application/vnd.oasis.opendocument.text') return 'zip-odt';
    if (type === 'application/vnd.oasis.opendocument.spreadsheet') return 'zip-ods';
  }
  return 'zip';
}

/** Text-like content: a web page, a script (shebang) or plain text; else unknown. */
function textual(head: Uint8Array): ForeignContent {
  let i = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[i]!)) i++;
  const start = ascii(head, i, Math.min(head.length, i + 64)).toLowerCase();
  if (start.startsWith('#!')) return 'script';
  if (/^<(!doctype html|html|head|body|script|svg|\?xml)/.test(start)) return 'web_page';
  const sample = head.subarray(0, Math.min(head.length, 4096));
  if (sample.length === 0) return 'unknown';
  // Control bytes other than tab/newline/return/form feed/escape: binary.
  const binary = sample.some((b) => b < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(b));
  return binary ? 'unknown' : 'text';
}

/**
 * Detects the content. `head` is the first bytes (4 KiB is plenty), `tail` the last bytes of the
 * file (for a zip's central directory), `size` the file's size.
 */
export function detectContent(head: Uint8Array, tail: Uint8Array, size: number): Detected {
  if (EXECUTABLES.some((sig) => startsWith(head, sig))) return { foreign: 'executable' };
  // Signatures at offset 0 first: a zip whose first entry is named "%PDF-…" is a zip, not a PDF.
  if (startsWith(head, OLE2)) return { family: 'ole2' };
  if (startsWith(head, JPEG)) return { family: 'jpeg' };
  if (startsWith(head, PNG)) return { family: 'png' };
  if (startsWith(head, ZIP) || startsWith(head, ZIP_EMPTY)) {
    const entries = zipEntries(tail, size);
    if (!entries) return { family: 'zip', unreadable: true };
    return { family: zipFamily(head, entries), entries };
  }
  if (ARCHIVES.some((sig) => startsWith(head, sig))) return { foreign: 'other_archive' };
  // PDF readers accept the header anywhere in the first 1 KiB.
  const pdfAt = head.subarray(0, 1024).findIndex((_, i) => startsWith(head, PDF, i));
  if (pdfAt >= 0) return { family: 'pdf' };
  if (IMAGES.some((sig) => startsWith(head, sig))) return { foreign: 'other_image' };
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && ascii(head, 8, 12) === 'WEBP')
    return { foreign: 'other_image' };
  return { foreign: textual(head) };
}

/** Why the bytes cannot be filed as the kind their name claims. */
export type ContentProblem =
  | { reason: 'mismatch'; detected: Detected }
  | { reason: 'runnable_inside'; entry: string }
  | { reason: 'encrypted_archive' }
  | { reason: 'unreadable_archive' };

/** Whether bytes of `detected` content may be filed as `kind`; the problem if not. */
export function contentProblem(kind: EvidenceKind, detected: Detected): ContentProblem | undefined {
  if ('foreign' in detected) return { reason: 'mismatch', detected };
  const expected = EVIDENCE_KIND_SPECS[kind].family;
  const isZip = detected.family.startsWith('zip');
  // Any zip container may travel as a .zip (a folder of Word files, or a docx zipped up).
  const fits = detected.family === expected || (expected === 'zip' && isZip);
  if (!fits) return { reason: 'mismatch', detected };
  if ('unreadable' in detected) return { reason: 'unreadable_archive' };
  const entries = detected.entries ?? [];
  if (entries.some((e) => e.encrypted)) return { reason: 'encrypted_archive' };
  const runnable = entries.find((e) => {
    const dot = e.name.lastIndexOf('.');
    const ext = dot < 0 ? '' : e.name.slice(dot + 1).toLowerCase();
    return (RUNNABLE_EXTENSIONS as readonly string[]).includes(ext);
  });
  if (runnable) return { reason: 'runnable_inside', entry: runnable.name };
  return undefined;
}

/** Every family of evidence bytes (the values of `ByteFamily`), for labels. */
export const BYTE_FAMILIES = [
  'pdf',
  'ole2',
  'zip-word',
  'zip-sheet',
  'zip-slides',
  'zip-ofd',
  'zip-odt',
  'zip-ods',
  'zip',
  'jpeg',
  'png',
] as const satisfies readonly ByteFamily[];

/** What bytes were found to be: a family of evidence or foreign content (labels: DETECTED_CONTENT_LABELS). */
export const DETECTED_CONTENTS = [...BYTE_FAMILIES, ...FOREIGN_CONTENTS] as const;
export type DetectedContent = (typeof DETECTED_CONTENTS)[number];

export const detectedContentOf = (d: Detected): DetectedContent => ('foreign' in d ? d.foreign : d.family);
