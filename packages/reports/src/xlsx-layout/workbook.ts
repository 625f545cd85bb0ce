import type ExcelJS from 'exceljs';
import { neutraliseFormula } from './formula-safe';
import { fitToPrint } from './print';
import { fitRowHeights } from './rows';

/** Every text cell's formula-like text behind an apostrophe (see ./formula-safe). */
function neutraliseText(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // A merged cell's others read and write its first (master) cell: that one only, once.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      if (typeof cell.value === 'string') cell.value = neutraliseFormula(cell.value);
    });
  });
}

/**
 * The one way a workbook leaves the product, once the writer has finished: formula-like text
 * neutralised, every sheet's print scale chosen and its rows sized to their text, then the bytes.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  for (const ws of wb.worksheets) {
    neutraliseText(ws);
    // The print scale first: on a sheet printed across pages it narrows the title's merge.
    fitToPrint(ws);
    fitRowHeights(ws);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
