import { randomBytes } from 'node:crypto';
import { type AppError, isAppError, TEMPLATES } from '@jixiao/core';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportSystemXlsx } from '../indicator-xlsx/export';
import { importSystemXlsx } from '../indicator-xlsx/import';
import { assertSafeWorkbook, XLSX_LIMITS, type XlsxLimits } from './index';
import {
  cellBomb,
  plainCells,
  readParts,
  repeated,
  SHEET_HEAD,
  SHEET_TAIL,
  withParts,
  writeZip,
  type ZipPart,
} from './test-zip';

const SHEET1 = 'xl/worksheets/sheet1.xml';
const MB = 1024 * 1024;
const utf8 = (s: string) => new TextEncoder().encode(s);

let exported: Uint8Array;
let parts: ZipPart[];

beforeAll(async () => {
  const kpi = TEMPLATES.find((t) => t.id === 'kpi') ?? TEMPLATES[0];
  if (!kpi) throw new Error('no templates');
  exported = await exportSystemXlsx(kpi.content, {
    tenantName: '哈尔滨市',
    status: 'draft',
    systemVersion: 1,
  });
  parts = await readParts(exported);
});

/** The exported workbook with some parts replaced or added, zipped by the test writer. */
const workbook = (...changes: ZipPart[]) => writeZip(withParts(parts, changes));

/** A sheet part from XML text (deflated by the writer). */
const sheet = (xml: string, name = SHEET1): ZipPart => ({ name, data: utf8(xml) });

async function refusal(bytes: Uint8Array, limits?: Partial<XlsxLimits>): Promise<AppError> {
  try {
    await assertSafeWorkbook(bytes, limits);
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('the workbook was accepted');
}

/** Raw deflate bytes that are not a deflate stream: inflating them fails at once. */
const garbage = (length: number) => new Uint8Array(randomBytes(length).fill(0xff, 0, 1));

describe('workbooks the product writes', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('the %s template, exported, passes', async (_id, t) => {
    const stats = await assertSafeWorkbook(await exportSystemXlsx(t.content, {}));
    expect(stats.entries).toBeLessThan(50);
    expect(stats.uncompressedBytes).toBeLessThan(MB);
    expect(stats.rows).toBeGreaterThan(5);
    expect(stats.cells).toBeGreaterThan(stats.rows);
    expect(stats.sharedStrings).toBeGreaterThan(0);
    expect(stats.merges).toBeGreaterThan(0);
    expect(stats.cells).toBeLessThan(XLSX_LIMITS.maxCells / 100);
  });

  it('still imports, also when rezipped by the test helper', async () => {
    const direct = await importSystemXlsx(exported);
    const rezipped = await importSystemXlsx(workbook());
    if (!direct.ok) throw new Error(JSON.stringify(direct.issues));
    expect(rezipped).toEqual(direct);
  });

  it('counts rows, cells and shared strings exactly, whatever the chunking of the stream', async () => {
    // ~600 KB of XML: tags straddle the 16 KB chunks of the inflate stream many times over.
    let xml = SHEET_HEAD;
    for (let r = 1; r <= 3000; r++) {
      xml += `<row r="${r}"\n spans="1:7">`;
      for (let c = 0; c < 7; c++) xml += c % 2 ? `<c r="${'ABCDEFG'[c]}${r}" s="1"><v>${r}</v></c>` : '<c/>';
      xml += '</row>';
    }
    xml += `${SHEET_TAIL.replace('</worksheet>', '')}<rowBreaks count="1"><brk id="3"/></rowBreaks>`;
    xml += '<x:row xmlns:x="urn:x"/><cols><col min="1" max="7"/></cols></worksheet>';
    const strings = `<sst>${'<si><t>文本</t></si>'.repeat(5000)}<si><r><t>a</t></r></si></sst>`;
    const stats = await assertSafeWorkbook(writeZip([sheet(xml), sheet(strings, 'xl/sharedStrings.xml')]));
    expect(stats).toMatchObject({ entries: 2, rows: 3001, cells: 21000, sharedStrings: 5001, merges: 0 });
  });

  it('passes folders and empty parts stored as 0 deflated bytes', async () => {
    const empty = { data: new Uint8Array(), size: 0 };
    const stats = await assertSafeWorkbook(
      workbook({ name: 'xl/printerSettings/', deflated: empty }, { name: 'xl/empty.xml', deflated: empty }),
    );
    expect(stats.entries).toBe(parts.length + 2);
  });

  it('passes random small workbooks written by exceljs', async () => {
    const cell = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string({ maxLength: 30 }),
      fc.boolean(),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 40 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(fc.tuple(fc.nat(30), fc.nat(8)), { maxLength: 5 }),
        async (sheets, merges) => {
          const wb = new ExcelJS.Workbook();
          sheets.forEach((rows, i) => {
            const ws = wb.addWorksheet(`表${i + 1}`);
            for (const row of rows) ws.addRow(row);
            for (const [r, c] of merges) {
              try {
                ws.mergeCells(r * 3 + 1, c + 1, r * 3 + 2, c + 2);
              } catch {
                // overlapping merges are refused by exceljs itself
              }
            }
          });
          const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
          const stats = await assertSafeWorkbook(bytes);
          const written = sheets.reduce((n, rows) => n + rows.filter((r) => r.length > 0).length, 0);
          expect(stats.rows).toBeGreaterThanOrEqual(written);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('zip bombs', () => {
  it('refuses a sheet of 8 million cells from the directory, inflating nothing', async () => {
    const bomb = cellBomb(8000, 1000);
    expect(bomb.size).toBeGreaterThan(150 * MB);
    const e = await refusal(workbook({ name: SHEET1, deflated: bomb }));
    expect(e).toMatchObject({ status: 413, code: 'workbook_too_large', detail: { limit: 'bytes' } });
    expect(e.zh).toMatch(/^工作簿解压后超过 40 MB（声明 160 MB），已拒绝。$/);
    expect(e.en).toBe('The workbook expands to more than 40 MB (160 MB declared); it was refused.');
    // The same directory over data that cannot even be inflated: the answer is the same, so the
    // refusal came from the directory alone.
    const blind = await refusal(
      workbook({ name: SHEET1, deflated: { data: garbage(bomb.data.length), size: bomb.size } }),
    );
    expect(blind.zh).toBe(e.zh);
  });

  it('refuses 800 MB of repetitive XML in a 2 MB upload from the directory', async () => {
    const row = `<row>${'<c t="n"><v>1</v></c>'.repeat(1000)}</row>`;
    const bomb = repeated(SHEET_HEAD, row.repeat(50), 800, SHEET_TAIL);
    expect(bomb.size).toBeGreaterThan(800 * 1000 * 1000);
    const bytes = workbook({ name: SHEET1, deflated: bomb });
    expect(bytes.length).toBeLessThan(5 * MB);
    const e = await refusal(bytes);
    expect(e).toMatchObject({ status: 413, code: 'workbook_too_large', detail: { limit: 'bytes' } });
    expect(e.detail.found).toBeGreaterThan(bomb.size);
    expect(e.zh).toBe('工作簿解压后超过 40 MB（声明 802 MB），已拒绝。');
  });

  it('stops reading at the 400,001st cell when the directory is honest and the cells are cheap', async () => {
    // 4 million cells in 39 MB of XML that compresses like a real sheet (~16:1): nothing in the
    // directory is wrong, so the count stops it, ~4 MB into the stream.
    const cells = plainCells(80, 50);
    expect(cells.size).toBeLessThan(XLSX_LIMITS.maxUncompressedBytes);
    expect(cells.size / cells.data.length).toBeLessThan(XLSX_LIMITS.maxRatio);
    const e = await refusal(workbook({ name: SHEET1, deflated: cells }));
    expect(e).toMatchObject({
      status: 413,
      code: 'workbook_too_large',
      detail: { limit: 'cells', max: 400_000, found: 400_001, part: SHEET1 },
    });
    expect(e.zh).toBe(`工作簿超过 400000 个单元格（读到 ${SHEET1} 时超出），已拒绝。`);
  });

  it('stops reading when the directory understates a cell bomb', async () => {
    const bomb = cellBomb(8000, 1000);
    const e = await refusal(workbook({ name: SHEET1, deflated: bomb, declare: { uncompressed: 30 * MB } }));
    expect(e).toMatchObject({ code: 'workbook_too_large', detail: { limit: 'cells', part: SHEET1 } });
  });

  it('refuses a part inflated further than it declares, while reading it', async () => {
    const bomb = repeated(SHEET_HEAD, '<row/>'.repeat(10_000), 2000, SHEET_TAIL); // 120 MB
    const e = await refusal(workbook({ name: SHEET1, deflated: bomb, declare: { uncompressed: 1024 } }));
    expect(e).toMatchObject({ status: 422, code: 'workbook_unreadable' });
    expect(e.zh).toBe(
      `无法读取工作簿："${SHEET1}" 解压后的大小与目录中声明的不符。请上传 Excel 工作簿（.xlsx）。`,
    );
    // A picture is inflated and checked too: exceljs would inflate it whole.
    const picture: ZipPart = { name: 'xl/media/image1.png', deflated: bomb, declare: { uncompressed: 4096 } };
    expect((await refusal(workbook(picture))).code).toBe('workbook_unreadable');
    // …and a part that inflates to less than it declares is refused the same way.
    const short = await refusal(workbook({ ...sheet('<worksheet/>'), declare: { uncompressed: 5000 } }));
    expect(short.code).toBe('workbook_unreadable');
  });

  it('refuses a part compressed more than 200:1', async () => {
    const bomb = repeated(SHEET_HEAD, ' '.repeat(MB), 30, SHEET_TAIL);
    const e = await refusal(workbook({ name: SHEET1, deflated: bomb }));
    expect(e).toMatchObject({
      status: 413,
      code: 'workbook_too_large',
      detail: { limit: 'ratio', part: SHEET1 },
    });
    expect(e.zh).toMatch(/^工作簿中的 xl\/worksheets\/sheet1\.xml 压缩比超过 200 倍（\d+ 倍），已拒绝。$/);
    // A small part may be as regular as it likes.
    await expect(
      assertSafeWorkbook(workbook(sheet(`${SHEET_HEAD}${' '.repeat(500_000)}${SHEET_TAIL}`))),
    ).resolves.toBeDefined();
  });

  it('refuses more than 2,000 parts, or an end record that claims them', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => sheet('<x/>', `xl/media/n${i}.xml`));
    const e = await refusal(workbook(...many));
    expect(e).toMatchObject({
      status: 413,
      detail: { limit: 'entries', max: 2000, found: 2000 + parts.length },
    });
    expect(e.zh).toBe(`工作簿包含超过 2000 个文件（共 ${2000 + parts.length} 个），已拒绝。`);
    const claimed = await refusal(writeZip(parts, { entryCount: 65_000 }));
    expect(claimed.detail).toMatchObject({ limit: 'entries', found: 65_000 });
  });

  it('refuses too many shared strings, rows or elements', async () => {
    const strings = sheet(`<sst>${'<si><t>x</t></si>'.repeat(300)}</sst>`, 'xl/sharedStrings.xml');
    expect((await refusal(workbook(strings), { maxSharedStrings: 299 })).detail).toMatchObject({
      limit: 'sharedStrings',
      part: 'xl/sharedStrings.xml',
    });
    const rows = sheet(`${SHEET_HEAD}${'<row><c/></row>'.repeat(300)}${SHEET_TAIL}`);
    expect((await refusal(workbook(rows), { maxRows: 250 })).detail).toMatchObject({
      limit: 'rows',
      found: 251,
    });
    expect((await refusal(workbook(rows), { maxElements: 500 })).detail).toMatchObject({ limit: 'elements' });
  });
});

describe('small workbooks that make exceljs do huge work', () => {
  const tail = (extra: string) =>
    sheet(`${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row></sheetData>${extra}</worksheet>`);

  it('refuses a row number beyond the row limit', async () => {
    const far = sheet(`${SHEET_HEAD}<row r="1048576"><c r="A1048576"><v>1</v></c></row>${SHEET_TAIL}`);
    const e = await refusal(workbook(far));
    expect(e).toMatchObject({ status: 413, detail: { limit: 'rows', max: 20_000, found: 1_048_576 } });
  });

  it('refuses a merge covering millions of cells, and thousands of merges', async () => {
    const big = await refusal(
      workbook(tail('<mergeCells count="1"><mergeCell ref="A1:Z100000"/></mergeCells>')),
    );
    expect(big.detail).toMatchObject({ limit: 'cells', found: 2_600_001 });
    const list = Array.from({ length: 2001 }, (_, i) => `<mergeCell ref="A${2 * i + 2}:B${2 * i + 2}"/>`);
    const many = await refusal(workbook(tail(`<mergeCells>${list.join('')}</mergeCells>`)));
    expect(many.detail).toMatchObject({ limit: 'merges', max: 2000, found: 2001 });
    expect(many.zh).toBe(`工作簿的合并单元格超过 2000 处（读到 ${SHEET1} 时超出），已拒绝。`);
  });

  it('refuses data validations and defined names over huge ranges, and a column range to a billion', async () => {
    const dv = await refusal(
      workbook(
        tail(
          '<dataValidations><dataValidation prompt="a > b" sqref="C1:C1048576 D1:E1048576"/></dataValidations>',
        ),
      ),
    );
    expect(dv.detail).toMatchObject({ limit: 'rangeCells', found: 3 * 1_048_576 });
    // One whole column is fine.
    const { rangeCells } = await assertSafeWorkbook(workbook(tail('')));
    await expect(
      assertSafeWorkbook(
        workbook(tail('<dataValidations><dataValidation sqref="C2:C1048576"/></dataValidations>')),
      ),
    ).resolves.toMatchObject({ rangeCells: rangeCells + 1_048_575 });
    const book = parts.find((p) => p.name === 'xl/workbook.xml');
    const xml = new TextDecoder()
      .decode(book?.data)
      .replace(
        '</sheets>',
        '</sheets><definedNames><definedName name="x">\'指标体系\'!$A$1:$XFD$1048576</definedName></definedNames>',
      );
    const dn = await refusal(workbook(sheet(xml, 'xl/workbook.xml')));
    expect(dn.detail).toMatchObject({ limit: 'rangeCells', part: 'xl/workbook.xml' });
    const wide = SHEET_HEAD.replace('<sheetData>', '<cols><col min="1" max="1000000000"/></cols><sheetData>');
    const cols = await refusal(workbook(sheet(`${wide}${SHEET_TAIL}`)));
    expect(cols.detail).toMatchObject({ limit: 'columns', max: 16_384, found: 1_000_000_000 });
  });

  it('refuses a tag too long to read rather than reading half of it', async () => {
    const e = await refusal(
      workbook(tail(`<mergeCells><mergeCell x="${'y'.repeat(70_000)}" ref="A1:Z100000"/></mergeCells>`)),
    );
    expect(e.code).toBe('workbook_unreadable');
  });
});

describe('files that are not a workbook zip, or a forged one', () => {
  it('refuses what is not a zip, and the import reports it like any unreadable file', async () => {
    for (const bytes of [
      new Uint8Array(),
      utf8('not a workbook'),
      utf8('%PDF-1.7\n%âãÏÓ\n'),
      new Uint8Array(5000).map((_, i) => (i * 7919) % 251),
    ]) {
      const e = await refusal(new Uint8Array(bytes));
      expect(e).toMatchObject({ status: 422, code: 'workbook_unreadable' });
      expect(e.zh).toBe('无法读取工作簿：这不是 zip 格式的文件。请上传 Excel 工作簿（.xlsx）。');
      expect(e.en).toBe('Cannot read the workbook: it is not a zip file. Upload an Excel workbook (.xlsx).');
    }
    expect(await importSystemXlsx(utf8('not a workbook'))).toEqual({
      ok: false,
      issues: [
        {
          sheet: '',
          row: 0,
          column: '',
          cell: '',
          zh: '无法读取工作簿：这不是 zip 格式的文件。请上传 Excel 工作簿（.xlsx）。',
          en: 'Cannot read the workbook: it is not a zip file. Upload an Excel workbook (.xlsx).',
        },
      ],
    });
  });

  it('the import lets a bomb through to its caller as workbook_too_large', async () => {
    await expect(
      importSystemXlsx(workbook({ name: SHEET1, deflated: cellBomb(8000, 1000) })),
    ).rejects.toMatchObject({
      status: 413,
      code: 'workbook_too_large',
    });
  });

  it.each([
    '../evil.xml',
    'xl/../../evil.xml',
    '/etc/passwd',
    'C:/x.xml',
    'xl\\worksheets\\sheet9.xml',
    'a\u0000b',
    '',
  ])('refuses the part name %j', async (name) => {
    const e = await refusal(workbook(sheet('<x/>', name)));
    expect(e).toMatchObject({ status: 422, code: 'workbook_unreadable' });
    expect(e.zh).toContain('不安全');
    expect(e.en).toContain('unsafe file name');
  });

  it('refuses layouts on which exceljs’s zip reader would see another directory', async () => {
    const irregular = async (bytes: Uint8Array) => {
      const e = await refusal(bytes);
      expect(e.code).toBe('workbook_unreadable');
      expect(e.zh).toContain('zip 结构不规范');
      return e;
    };
    // Data before the first part: JSZip would shift every offset by it.
    await irregular(writeZip(parts, { prefix: utf8('PK\u0003\u0004 hidden') }));
    // Bytes between the directory and its end record (where a second directory can hide).
    await irregular(writeZip(parts, { gap: new Uint8Array(46) }));
    // An end record counting fewer parts than the directory holds (JSZip reads them all).
    await irregular(writeZip(parts, { entryCount: parts.length - 1 }));
    // A second end record in the comment.
    await irregular(writeZip(parts, { comment: 'PK\u0005\u0006' }));
    // A harmless comment is fine.
    await expect(assertSafeWorkbook(writeZip(parts, { comment: 'made by hand' }))).resolves.toBeDefined();
  });

  it('refuses damaged data and unsupported compression', async () => {
    const damaged = await refusal(
      workbook({ name: SHEET1, deflated: { data: garbage(2000), size: 10_000 } }),
    );
    expect(damaged.zh).toContain('数据已损坏');
    const odd = writeZip(parts);
    // Set the central directory's compression method of the first part to 12 (bzip2).
    const buf = Buffer.from(odd);
    const cd = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt16LE(12, cd + 10);
    expect((await refusal(new Uint8Array(buf))).zh).toContain('不支持的压缩方式');
  });

  it('answers any lie in the directory with an AppError or a pass, never anything else', async () => {
    const base = Buffer.from(workbook());
    const cdStart = base.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            at: fc.integer({ min: cdStart - 200, max: base.length - 1 }),
            value: fc.oneof(fc.nat(0xff), fc.constantFrom(0, 0xff, 0x50, 0x4b)),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.option(fc.record({ field: fc.constantFrom(20, 24, 42), value: fc.nat(0xffffffff) })),
        async (bytes, field) => {
          const b = Buffer.from(base);
          for (const { at, value } of bytes) b[at] = value;
          if (field) b.writeUInt32LE(field.value, cdStart + field.field);
          try {
            await assertSafeWorkbook(new Uint8Array(b));
          } catch (e) {
            expect(isAppError(e), String(e)).toBe(true);
            expect(['workbook_too_large', 'workbook_unreadable']).toContain((e as AppError).code);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
