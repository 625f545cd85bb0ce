export { assertSafeWorkbook, type WorkbookStats } from './guard';
export { XLSX_LIMITS, type XlsxLimits } from './limits';
