import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { readParts } from '../../xlsx-guard/test-zip';
import { neutraliseFormula, restoreFormula } from '../../xlsx-layout';
import { renderReport } from '..';
import { HOSTILE, renamed, samples } from '../test-fixtures';
import { stampZipEntries } from './zip-dates';

const xlsxOf = async (data: Parameters<typeof renderReport>[0]) => (await renderReport(data, 'xlsx')).body;

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

/** The rows of a sheet's table, by header: first row whose cells equal `headers`, then rows until a blank. */
function rowsUnder(ws: ExcelJS.Worksheet, headers: string[]): Array<Record<string, ExcelJS.CellValue>> {
  let at = 0;
  ws.eachRow((row, n) => {
    if (!at && headers.every((h, i) => row.getCell(i + 1).value === h)) at = n;
  });
  expect(at, `header ${headers.join('|')} in ${ws.name}`).toBeGreaterThan(0);
  const out: Array<Record<string, ExcelJS.CellValue>> = [];
  for (let n = at + 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    if (row.getCell(1).value === null) break;
    out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return out;
}

describe('XLSX reports', () => {
  it('unit workbook: sheet names, and the same numbers as the data, as numbers', async () => {
    const { unit } = samples();
    const wb = await open(await xlsxOf(unit));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '指标明细']);
    const summary = wb.getWorksheet('概况')!;
    const fact = (label: string) => {
      let v: ExcelJS.CellValue = null;
      summary.eachRow((r) => {
        if (r.getCell(1).value === label) v = r.getCell(2).value;
      });
      return v;
    };
    expect(fact('总分')).toBe(Number(unit.total));
    expect(fact('组内名次')).toBe(unit.rank);
    expect(fact('等次')).toBe(unit.grade.label.zh);
    const details = rowsUnder(wb.getWorksheet('指标明细')!, [
      '一级指标',
      '指标编码',
      '指标',
      '完成值',
      '计量单位',
      '得分',
      '满分',
    ]);
    expect(details.map((r) => [r.指标编码, r.得分, r.满分])).toEqual(
      unit.indicators.map((i) => [i.code, Number(i.points), Number(i.max)]),
    );
    for (const r of details) expect(typeof r.得分).toBe('number');
    const dims = rowsUnder(summary, ['维度', '得分', '满分', '得分率（%）', '组内平均']);
    expect(dims.map((r) => [r.维度, r.得分, r.组内平均])).toEqual(
      unit.dimensions.map((d) => [d.name, Number(d.points), Number(d.groupMean)]),
    );
  });

  it('shows the results’ decimals (0.00 for "88.40"), freezes the header, prints A4 fitted to width', async () => {
    const { unit } = samples();
    const wb = await open(await xlsxOf(unit));
    const ws = wb.getWorksheet('指标明细')!;
    const first = ws.getRow(3);
    expect(first.getCell(6).numFmt).toBe('0.00');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    });
    expect(ws.autoFilter).toBeTruthy();
    // The long 计分说明 wraps: its row is taller than a one-line row.
    expect(first.height).toBeGreaterThan(20);
    expect(ws.getColumn(9).width).toBeGreaterThan(30);
    expect(wb.created.toISOString()).toBe('2025-01-23T16:00:00.000Z');
    expect(wb.modified.toISOString()).toBe('2025-01-23T16:00:00.000Z');
  });

  it('office and Congress workbooks: rankings by group, distribution and problems, as numbers', async () => {
    const { office, congress } = samples();
    for (const [data, sheets] of [
      [office, ['概况', '分组排名', '问题分析', '申诉变化']],
      [congress, ['报告正文', '概况', '分组排名', '问题分析', '申诉变化']],
    ] as const) {
      const wb = await open(await xlsxOf(data));
      expect(wb.worksheets.map((w) => w.name)).toEqual(sheets);
      const o = data.kind === 'office' ? data : data.office;
      const ranking = rowsUnder(wb.getWorksheet('分组排名')!, [
        '组别',
        '名次',
        '组内单位数',
        '单位编码',
        '单位',
        '总分',
        '等次',
      ]);
      expect(ranking.map((r) => [r.组别, r.名次, r.单位编码, r.总分, r.等次])).toEqual(
        o.groups.flatMap((g) =>
          g.ranking.map((l) => [g.name, l.rank, l.unit, Number(l.total), l.grade.label.zh]),
        ),
      );
      const grades = rowsUnder(wb.getWorksheet('概况')!, ['等次', '单位数', '占比（%）']);
      expect(grades.map((r) => [r.等次, r.单位数])).toEqual(o.grades.map((g) => [g.label.zh, g.count]));
      const bands = rowsUnder(wb.getWorksheet('概况')!, ['分数段', '单位数']);
      expect(bands.map((r) => [r.分数段, r.单位数])).toEqual(o.bands.map((b) => [b.label, b.count]));
      const problems = rowsUnder(wb.getWorksheet('问题分析')!, [
        '指标',
        '指标编码',
        '失分单位数',
        '适用单位数',
        '平均得分率（%）',
      ]);
      expect(problems.map((r) => [r.指标编码, r.失分单位数, r['平均得分率（%）']])).toEqual(
        o.problems.map((p) => [p.leaf, p.units, Number(p.scoreRate)]),
      );
    }
  });

  it('writes text that looks like a formula as text behind an apostrophe, never as a formula', async () => {
    const names = ['=HYPERLINK("http://x","点我")', '+1+1', '-2', '@SUM(A1)', '\t=1', HOSTILE];
    let i = 0;
    const office = renamed(samples().office, (n, role) => (role === 'unit' ? names[i++ % names.length]! : n));
    const bytes = await xlsxOf(office);
    const sheets = (await readParts(bytes)).filter((p) => p.name.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBe(4);
    for (const p of sheets) expect(Buffer.from(p.data!).toString()).not.toContain('<f>');
    const wb = await open(bytes);
    const ws = wb.getWorksheet('分组排名')!;
    const cells = rowsUnder(ws, ['组别', '名次', '组内单位数', '单位编码', '单位']).map((r) => r.单位);
    const written = office.groups.flatMap((g) => g.ranking.map((l) => l.name));
    expect(cells).toEqual(written.map(neutraliseFormula));
    expect(cells.map((c) => restoreFormula(String(c)))).toEqual(written);
    expect(cells).toEqual(
      expect.arrayContaining([`'=HYPERLINK("http://x","点我")`, "'+1+1", "'-2", "'@SUM(A1)", "'\t=1"]),
    );
    ws.eachRow((row) => {
      const c = row.getCell(5);
      if (typeof c.value === 'string' && !c.isMerged) expect(c.type).toBe(ExcelJS.ValueType.String);
    });
  });

  it('gives identical bytes for equal data (workbook dates and ZIP entry times from the data)', async () => {
    const a = await xlsxOf(samples().unit);
    await new Promise((r) => setTimeout(r, 2100));
    const b = await xlsxOf(samples().unit);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    // Each entry's time is the data's day, 2025-01-24 00:00 in Asia/Shanghai (DOS date and time fields).
    const zip = await yauzl.fromBufferPromise(Buffer.from(a));
    let entries = 0;
    for await (const e of zip.eachEntry()) {
      expect([e.lastModFileDate, e.lastModFileTime]).toEqual([(45 << 9) | (1 << 5) | 24, 0]);
      entries++;
    }
    zip.close();
    expect(entries).toBeGreaterThan(5);
  });

  it('refuses to stamp what is not a ZIP', () => {
    expect(() => stampZipEntries(new Uint8Array(40), new Date())).toThrow(/not a ZIP/);
  });
});
