export * from './cycle-xlsx';
export * from './grammar';
export { type ExportMeta, exportSystemXlsx } from './indicator-xlsx/export';
export { type ImportResult, type Issue, importSystemXlsx } from './indicator-xlsx/import';
export { assertSafeWorkbook, XLSX_LIMITS } from './xlsx-guard';
