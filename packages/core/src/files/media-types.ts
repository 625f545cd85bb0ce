/** The media type of an .xlsx workbook (what we write, and what an import must declare). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The largest file an upload route accepts (a workbook of an indicator system is ~30 KB). */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
