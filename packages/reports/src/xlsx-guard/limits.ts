/**
 * What an uploaded workbook may hold before exceljs is allowed to parse it. exceljs inflates every
 * part into memory and builds an object per row and cell (and per cell of some ranges), so an
 * .xlsx of 1.4 MB that expands to 8 million cells held the server ~20 s and 1.5 GB before it
 * answered, and a 6 KB workbook with one `<mergeCell ref="A1:Z100000"/>` takes 14 s and 670 MB.
 * These limits stop such files from the zip directory, or within the first MB of inflated XML.
 *
 * Sized for an indicator-system workbook: the export writes three sheets of up to 17 columns, one
 * row per indicator, and a template comes to ~30 parts, ~85 KB of XML, ~50 rows and ~500 cells.
 * A large real system has a few hundred indicators. Every limit leaves at least 20× that (for
 * notes, a sheet of working data, pictures). At the limits, exceljs (4.4) takes ~2.5 s and ~260 MB
 * to load a workbook of 20,000 rows × 20 columns (400,000 cells, 18 MB of XML, 2.5 MB zipped).
 */
export interface XlsxLimits {
  /**
   * Files (parts) in the zip. Excel writes ~10 parts plus 1–3 per sheet and 1 per picture; the
   * export writes 29. Read from the end-of-directory record before anything else.
   */
  maxEntries: number;
  /**
   * Sum of the declared uncompressed sizes of all parts, in bytes. Uploads are limited to 5 MB and
   * workbook XML deflates 5–15 fold; 20,000 rows × 20 columns is 18 MB. exceljs holds each part as
   * a string and then its object model, so 40 MB keeps it well below 1 GB.
   */
  maxUncompressedBytes: number;
  /**
   * Uncompressed/compressed size of one part. Workbook XML reaches 5–30:1, a sheet of identically
   * formatted rows ~100–200:1; deflate cannot exceed ~1032:1, which is where bombs sit.
   */
  maxRatio: number;
  /** Parts smaller than this (uncompressed) are not held to maxRatio: small regular parts are normal. */
  ratioGraceBytes: number;
  /**
   * `<row>` elements in the workbook, and the highest row number (`<row r>`): exceljs and the
   * import walk every row up to the highest. One row per indicator; 20,000 is 20× a large system.
   */
  maxRows: number;
  /** The highest column of a `<col max>` (exceljs makes one object per column up to it): Excel's XFD. */
  maxColumns: number;
  /**
   * `<c>` elements plus the cells of merged ranges (exceljs makes a cell object for each merged
   * cell too): 20,000 rows × 20 columns.
   */
  maxCells: number;
  /** `<si>` elements (shared strings): at most one per cell in a workbook Excel writes. */
  maxSharedStrings: number;
  /**
   * XML start tags of any kind (comments, drawings, styles and names are parsed too): 400,000 cells
   * take ~1.1 million (`<c>`, `<v>`, `<row>`), plus styles and the rest.
   */
  maxElements: number;
  /**
   * `<mergeCell>` elements: exceljs compares each merge with every earlier one (5,000 merges take
   * ~4 s, 20,000 take 90 s). The export writes two per indicator branch and a few more.
   */
  maxMerges: number;
  /**
   * Cells covered by data validations and defined names, for each of which exceljs makes an entry
   * (one validation on a whole column, C1:C1048576, takes ~1.5–4 s and 150 MB). Two whole columns.
   */
  maxRangeCells: number;
}

export const XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxEntries: 2_000,
  maxUncompressedBytes: 40 * 1024 * 1024,
  maxRatio: 200,
  ratioGraceBytes: 1024 * 1024,
  maxRows: 20_000,
  maxColumns: 16_384,
  maxCells: 400_000,
  maxSharedStrings: 400_000,
  maxElements: 2_000_000,
  maxMerges: 2_000,
  maxRangeCells: 2_100_000,
});
