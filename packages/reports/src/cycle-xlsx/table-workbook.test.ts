import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { shanghaiTime, tableWorkbook } from './table-workbook';

type Row = { name: string; n?: number };
const columns = [
  { header: { zh: '名称', en: 'Name' }, width: 12, value: (r: Row) => r.name },
  { header: { zh: '数值', en: 'Number' }, width: 8, value: (r: Row) => r.n },
];

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('table cells', () => {
  it('shows times as Beijing time', () => {
    expect(shanghaiTime('2032-01-31T17:30:00.000Z')).toBe('2032-02-01 01:30');
    expect(shanghaiTime(undefined)).toBe('');
  });
});

describe('tableWorkbook', () => {
  it('writes a title, a frozen filtered bold header repeated on every page, and A4 landscape', async () => {
    const ws = await load(
      await tableWorkbook('标题', columns, [{ name: 'a', n: 1.5 }], 'zh', { sheet: '表' }),
    );
    expect(ws.name).toBe('表');
    expect(ws.getCell(1, 1).value).toBe('标题');
    expect(ws.getRow(2).values).toEqual([undefined, '名称', '数值']);
    expect(ws.getCell(2, 1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
    });
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
    expect(ws.getCell(3, 2).value).toBe(1.5);
    expect(ws.getCell(3, 1).alignment?.wrapText).toBe(true);
  });

  it('heads the columns in English when asked', async () => {
    const ws = await load(await tableWorkbook('Title', columns, [], 'en'));
    expect(ws.getRow(2).values).toEqual([undefined, 'Name', 'Number']);
  });

  it('makes a row tall enough for its wrapped Chinese text', async () => {
    const rows = [{ name: '短' }, { name: '一'.repeat(40) }];
    const ws = await load(await tableWorkbook('标题', columns, rows, 'zh'));
    const short = ws.getRow(3).height;
    const long = ws.getRow(4).height;
    expect(long).toBeGreaterThanOrEqual(short * 6);
  });

  it('writes a formula-like name behind an apostrophe', async () => {
    const ws = await load(await tableWorkbook('标题', columns, [{ name: '=cmd|"/c calc"!A1' }], 'zh'));
    expect(ws.getCell(3, 1).value).toBe('\'=cmd|"/c calc"!A1');
  });

  it('prints notes under the table', async () => {
    const ws = await load(await tableWorkbook('标题', columns, [{ name: 'a' }], 'zh', { notes: ['说明'] }));
    expect(ws.getCell(5, 1).value).toBe('说明');
  });
});
