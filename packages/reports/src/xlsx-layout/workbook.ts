import type ExcelJS from 'exceljs';
import { fitToPrint } from './print';
import { fitRowHeights } from './rows';

/**
 * The one way a workbook leaves the product: every sheet's rows sized to their text and its print
 * scale chosen, once the writer has finished, then the bytes.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  for (const ws of wb.worksheets) {
    fitRowHeights(ws);
    fitToPrint(ws);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
