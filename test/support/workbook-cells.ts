import ExcelJS from 'exceljs';

/**
 * What a workbook asks the office suite to print, read back with exceljs from our own file (the one
 * LibreOffice printed): per sheet its declared orientation and every non-empty TEXT cell that is on
 * paper. Numbers, dates and booleans are left out: the suite formats them its own way.
 */
export interface TextCell {
  address: string;
  text: string;
}

export interface PrintableSheet {
  name: string;
  orientation: 'portrait' | 'landscape';
  /** Prints at least one page: visible, with any value in it. */
  printed: boolean;
  cells: TextCell[];
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}

const TEXT_TYPES = new Set([
  ExcelJS.ValueType.String,
  ExcelJS.ValueType.RichText,
  ExcelJS.ValueType.Hyperlink,
]);

function isText(cell: ExcelJS.Cell): boolean {
  if (TEXT_TYPES.has(cell.type)) return true;
  if (cell.type !== ExcelJS.ValueType.Formula) return false;
  return typeof (cell.value as ExcelJS.CellFormulaValue).result === 'string';
}

/** `A1:H40` (or `$A$1:$H$40`, several ranges joined by commas) → a test of a row and column. */
function printAreaTest(area: string | undefined): (row: number, col: number) => boolean {
  if (!area) return () => true;
  const ranges = area.split(',').map((r) => {
    const [from, to] = r.replace(/\$/g, '').split(':');
    const a = (ref: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref.trim())!;
      const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return { row: Number(m[2]), col };
    };
    const [x, y] = [a(from!), a(to ?? from!)];
    return { r1: x.row, r2: y.row, c1: x.col, c2: y.col };
  });
  return (row, col) => ranges.some((r) => row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2);
}

/** Every sheet in order, with what of it goes on paper. */
export function printableSheets(wb: ExcelJS.Workbook): PrintableSheet[] {
  return wb.worksheets.map((ws) => {
    const visible = ws.state === undefined || ws.state === 'visible';
    const inArea = printAreaTest(ws.pageSetup.printArea);
    const cells: TextCell[] = [];
    let anyValue = false;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.hidden) return;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged range prints its top-left cell's value once.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        if (ws.getColumn(c).hidden || !inArea(r, c)) return;
        if (cell.value === null || cell.value === undefined || cell.text.trim() === '') return;
        anyValue = true;
        if (isText(cell)) cells.push({ address: cell.address, text: cell.text });
      });
    });
    return {
      name: ws.name,
      orientation: ws.pageSetup.orientation === 'landscape' ? 'landscape' : 'portrait',
      printed: visible && anyValue,
      cells: visible ? cells : [],
    };
  });
}
