import { TEMPLATES } from '@jixiao/core';
import { assertSafeWorkbook, exportSystemXlsx, importSystemXlsx } from '@jixiao/reports';
import ExcelJS from 'exceljs';
import { measure, report } from './harness';

/** A workbook an office might upload: the district template plus two long side sheets. */
async function longWorkbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await exportSystemXlsx(TEMPLATES[0]!.content, { status: 'draft', systemVersion: 1 })) as never,
  );
  for (const name of ['长表一', '长表二']) {
    const ws = wb.addWorksheet(name);
    for (let r = 1; r <= rows; r++) ws.addRow(Array.from({ length: 10 }, (_, i) => `${name}${r}-${i}`));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Excel import: the safety check (zip directory, then rows and cells while inflating) and the
 * full import, each against exceljs merely loading the same bytes (the floor any import pays).
 */
export async function xlsxBench() {
  const bytes = await longWorkbook(5000);
  const opts = { warmup: 1, iterations: 5 };
  const baseline = await measure(
    { name: 'exceljs load only (baseline)', run: () => new ExcelJS.Workbook().xlsx.load(bytes as never) },
    opts,
  );
  const guard = await measure(
    { name: 'safety check (assertSafeWorkbook)', run: () => assertSafeWorkbook(bytes) },
    opts,
  );
  const full = await measure(
    { name: 'import (check + parse + validate)', run: () => importSystemXlsx(bytes) },
    opts,
  );
  report(
    `Excel import, ${Math.round(bytes.length / 1024)} KiB workbook with 2 × 5,000 extra rows`,
    baseline,
    [guard, full],
  );
}
