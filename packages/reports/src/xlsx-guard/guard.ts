import { errors } from '@jixiao/core';
import { XLSX_LIMITS, type XlsxLimits } from './limits';
import { TagCounter } from './tag-counter';
import { irregular, openZip, partName, readDirectory, readLayout, scanPart, shown } from './zip-directory';

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
