import ExcelJS from 'exceljs';
import type { PdfPage } from './pdf-layout';
import type { FontScale } from './print-checks';
import { scriptOf } from './print-checks';

/**
 * Workbooks the print checks are proven on, built here with exceljs (not by the product):
 * - a calibration sheet at a known size (10.5 pt, scale 100 %) in the product's fonts (SimSun body,
 *   SimHei bold), from whose print the word-box height per point is measured by script;
 * - the bug: long wrapped Chinese text, fitted to width, rows with NO height (the way our
 *   writers used to do it), which must fail the overflow check, and the same with enough height,
 *   which must pass.
 */
export const CALIBRATION_PT = 10.5;

const FONTS = [
  { name: 'SimSun', bold: false },
  { name: 'SimHei', bold: true },
];

/** The calibration texts, one per script. */
export const CALIBRATION_TEXTS: Record<keyof FontScale, string> = {
  cjk: '评分标准与佐证材料',
  latin: 'Calibration',
  mixed: '投入（D1）',
};

const toBytes = async (wb: ExcelJS.Workbook) => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

export async function calibrationWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('calibration', {
    pageSetup: { paperSize: 9, orientation: 'portrait', scale: 100, fitToPage: false },
  });
  ws.columns = [{ width: 30 }, { width: 30 }, { width: 30 }];
  FONTS.forEach((font, i) => {
    const row = ws.getRow(i + 1);
    row.height = 30;
    row.values = Object.values(CALIBRATION_TEXTS);
    row.eachCell((c) => {
      c.font = { name: font.name, size: CALIBRATION_PT, bold: font.bold };
      c.alignment = { vertical: 'middle' };
    });
  });
  return toBytes(wb);
}

/**
 * Word-box height per point of font size, by script: the largest over the product's fonts (so a
 * size read with it is never overstated).
 */
export function measureScale(pages: readonly PdfPage[]): FontScale {
  const words = pages.flatMap((p) => p.lines.flatMap((l) => l.words));
  const scale = {} as FontScale;
  for (const [script, text] of Object.entries(CALIBRATION_TEXTS) as [keyof FontScale, string][]) {
    const heights = words.filter((w) => w.text === text).map((w) => w.yMax - w.yMin);
    if (heights.length !== FONTS.length || scriptOf(text) !== script)
      throw new Error(`calibration: «${text}» printed ${heights.length} times, expected ${FONTS.length}`);
    scale[script] = Math.max(...heights) / CALIBRATION_PT;
  }
  return scale;
}

const LONG =
  '对照年度工作计划逐项核查完成情况：按期完成且质量达标的得满分；每有一项未按期完成扣该项分值的百分之二十，' +
  '未完成的扣该项全部分值；被上级通报批评的每次扣二分，扣完为止。佐证材料包括年度计划、完成情况报告及有关部门出具的证明。';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * Long wrapped Chinese text in narrow columns, A4 landscape fitted to width; `rowHeight` undefined
 * is the bug (the office suite keeps the default height), a number sets every data row to it.
 * With `emptyNeighbours`, an empty bordered row lies above and below each data row, so that the
 * overflowing lines run over no other text and only the cell edges can tell.
 */
export async function wrappedTextWorkbook(
  rowHeight: number | undefined,
  emptyNeighbours = false,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评分标准', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 14 }, { width: 30 }, { width: 30 }, { width: 12 }];
  const header = ws.addRow(['指标名称', '评分标准', '佐证材料', '分值']);
  header.font = { name: 'SimHei', size: 10.5, bold: true };
  const bordered = (row: ExcelJS.Row) => {
    for (let c = 1; c <= 4; c++) row.getCell(c).border = THIN;
  };
  for (let i = 1; i <= 8; i++) {
    if (emptyNeighbours) bordered(ws.addRow([]));
    const row = emptyNeighbours
      ? ws.addRow(['', LONG])
      : ws.addRow([`重点工作任务${i}`, LONG, LONG.slice(0, 40 + 10 * i), 10]);
    if (rowHeight !== undefined) row.height = rowHeight;
    bordered(row);
    row.eachCell((c) => {
      c.font = { name: 'SimSun', size: 10.5 };
      c.alignment = { wrapText: true, vertical: 'middle' };
    });
    if (emptyNeighbours) bordered(ws.addRow([]));
  }
  return toBytes(wb);
}
