/** The media type of an .xlsx workbook (what we write, and what an import must declare). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The largest file an upload route accepts (a workbook of an indicator system is ~30 KB). */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/**
 * How a workbook export is laid out: `full`, every column, the file an import reads back; `print`,
 * the columns a reader needs, fitting A4 at a readable size (not for import).
 */
export const WORKBOOK_LAYOUTS = ['full', 'print'] as const;
export type WorkbookLayout = (typeof WORKBOOK_LAYOUTS)[number];
