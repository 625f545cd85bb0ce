import type ExcelJS from 'exceljs';
import { cleanText } from '../../charts';
import type { Cell } from '../document';

/**
 * Cells of the report workbooks. Numbers are written as numbers, formatted with the decimals the
 * results show ("88.49" → 88.49 as 0.00), so a sum or a chart in Excel works and reads the same.
 *
 * Text that a spreadsheet could take for a formula (starting with = + - @, a tab or a CR — a unit
 * named "=HYPERLINK(…)") is written as a string cell (t="s": never a formula when the file opens)
 * AND given the Text number format "@", so that editing the cell and pressing Enter keeps it text
 * too. exceljs cannot write the quotePrefix style Excel itself would use, and a leading apostrophe
 * or an invisible character would change the value people copy out; this keeps the text as it is.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export const formatOf = (places: number): string => (places > 0 ? `0.${'0'.repeat(places)}` : '0');

export function writeCell(cell: ExcelJS.Cell, value: Cell): void {
  if (typeof value === 'string') {
    // Characters XML cannot hold go first (exceljs would drop them on writing, after this check).
    const text = cleanText(value);
    cell.value = text;
    if (FORMULA_START.test(text)) cell.numFmt = '@';
    return;
  }
  cell.value = value.value;
  cell.numFmt = formatOf(value.places);
}
