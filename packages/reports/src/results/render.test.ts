import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPORT_CONTENT_TYPES, renderReport } from '.';
import { renamed, samples } from './test-fixtures';

describe('renderReport', () => {
  it('answers each format with its content type', async () => {
    const { unit } = samples();
    for (const format of ['pdf', 'xlsx', 'html'] as const) {
      const out = await renderReport(unit, format);
      expect(out.contentType).toBe(REPORT_CONTENT_TYPES[format]);
      expect(out.body).toBeInstanceOf(Uint8Array);
      expect(out.body.length).toBeGreaterThan(1000);
    }
    expect(REPORT_CONTENT_TYPES).toEqual({
      pdf: 'application/pdf',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      html: 'text/html; charset=utf-8',
    });
  });

  it('refuses data that is not a report, saying where', async () => {
    const { unit } = samples();
    await expect(renderReport({ ...unit, total: 88 } as never, 'html')).rejects.toThrow(
      /renderReport: the report data does not match its schema \(total: /,
    );
    await expect(renderReport({ kind: 'memo' } as never, 'pdf')).rejects.toThrow(/does not match its schema/);
    await expect(
      renderReport({ ...unit, header: { ...unit.header, asOf: 'yesterday' } }, 'pdf'),
    ).rejects.toThrow(/header\.asOf "yesterday" is not a day/);
  });

  it('never crashes on names people type: CJK, emoji, quotes, controls, lone surrogates, very long', async () => {
    const name = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        '南岗区',
        '市交通运输局👍🏽',
        '"引号"\'单\'',
        '=SUM(A1:A9)',
        '-1',
        '<b>&amp;</b>',
        '',
        ' ',
        '\r\n\t',
      ),
      fc.string({ unit: fc.constantFrom('绩', '效', 'a', ' ', '，', '😀'), minLength: 300, maxLength: 1500 }),
    );
    const { unit, office, congress } = samples();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(unit, office, congress),
        fc.array(name, { minLength: 1, maxLength: 8 }),
        async (data, names) => {
          let i = 0;
          const d = renamed(data, () => names[i++ % names.length]!);
          const pdf = await renderReport(d, 'pdf');
          expect(Buffer.from(pdf.body.subarray(0, 5)).toString()).toBe('%PDF-');
          const xlsx = await renderReport(d, 'xlsx');
          await new ExcelJS.Workbook().xlsx.load(Buffer.from(xlsx.body) as never);
          const html = new TextDecoder().decode((await renderReport(d, 'html')).body);
          expect(html).not.toMatch(/<script/i);
        },
      ),
      { numRuns: 12, seed: 20250124 },
    );
  }, 180_000);
});
