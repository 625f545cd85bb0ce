import type ExcelJS from 'exceljs';
import { cleanText } from '../../charts';
import type { Cell } from '../document';

/**
 * Cells of the report workbooks. Numbers are written as numbers, formatted with the decimals the
 * results show ("88.49" → 88.49 as 0.00), so a sum or a chart in Excel works and reads the same.
 * Text that a spreadsheet could take for a formula is neutralised by the one pass every workbook
 * goes through (../../xlsx-layout/formula-safe).
 */

export const formatOf = (places: number): string => (places > 0 ? `0.${'0'.repeat(places)}` : '0');

export function writeCell(cell: ExcelJS.Cell, value: Cell): void {
  if (typeof value === 'string') {
    // Characters XML cannot hold go (exceljs would drop them on writing).
    cell.value = cleanText(value);
    return;
  }
  cell.value = value.value;
  cell.numFmt = formatOf(value.places);
}
