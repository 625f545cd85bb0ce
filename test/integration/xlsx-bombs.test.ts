import { TEMPLATES } from '@jixiao/core';
import { exportSystemXlsx } from '@jixiao/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
} from '../../packages/reports/src/xlsx-guard/test-zip';
import { startTestStack, type TestStack } from '../support/stack';

/** Uploaded workbooks that are zip bombs are refused before they are parsed, and the server keeps answering. */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET1 = 'xl/worksheets/sheet1.xml';
let s: TestStack;
let admin: string;
let exported: Uint8Array;
let parts: ZipPart[];

beforeAll(async () => {
  s = await startTestStack();
  admin = await s.token('230100', 'hrb-admin');
  const kpi = TEMPLATES.find((t) => t.id === 'kpi') ?? TEMPLATES[0];
  if (!kpi) throw new Error('no templates');
  exported = await exportSystemXlsx(kpi.content, {});
  parts = await readParts(exported);
});
afterAll(() => s.stop());

const upload = (bytes: Uint8Array, headers: Record<string, string> = {}) =>
  s.call('POST', '/v1/indicator-systems/import', {
    token: admin,
    raw: new Uint8Array(bytes),
    headers: { 'content-type': XLSX, ...headers },
  });

/** The exported workbook with its first sheet replaced. */
const withSheet1 = (part: Omit<ZipPart, 'name'>) => writeZip(withParts(parts, [{ name: SHEET1, ...part }]));

describe('importing a zip bomb', () => {
  it('refuses a sheet of 8 million cells with 413, in Chinese and English', async () => {
    const bomb = withSheet1({ deflated: cellBomb(8000, 1000) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await upload(bomb);
    expect(r.status).toBe(413);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({
      status: 413,
      code: 'workbook_too_large',
      title: '工作簿解压后超过 40 MB（声明 160 MB），已拒绝。',
      message: {
        zh: '工作簿解压后超过 40 MB（声明 160 MB），已拒绝。',
        en: 'The workbook expands to more than 40 MB (160 MB declared); it was refused.',
      },
      detail: { limit: 'bytes', max: 40 * 1024 * 1024 },
      instance: '/v1/indicator-systems/import',
    });
    expect(r.body.requestId).toEqual(expect.any(String));
    const en = await upload(bomb, { 'accept-language': 'en' });
    expect(en.body.title).toBe('The workbook expands to more than 40 MB (160 MB declared); it was refused.');
  });

  it('refuses 800 MB of repetitive XML, and a directory that understates its sizes', async () => {
    const row = `<row>${'<c t="n"><v>1</v></c>'.repeat(1000)}</row>`;
    const big = await upload(withSheet1({ deflated: repeated(SHEET_HEAD, row.repeat(50), 800, SHEET_TAIL) }));
    expect(big.status).toBe(413);
    expect(big.body.message.zh).toMatch(/^工作簿解压后超过 40 MB（声明 \d+ MB），已拒绝。$/);

    const understated = await upload(
      withSheet1({ deflated: cellBomb(8000, 1000), declare: { uncompressed: 30 * 1024 * 1024 } }),
    );
    expect(understated.status).toBe(413);
    expect(understated.body.message).toEqual({
      zh: `工作簿超过 400000 个单元格（读到 ${SHEET1} 时超出），已拒绝。`,
      en: `The workbook has more than 400000 cells (passed in ${SHEET1}); it was refused.`,
    });

    const lying = await upload(
      withSheet1({
        deflated: repeated(SHEET_HEAD, '<row/>'.repeat(10_000), 2000, SHEET_TAIL),
        declare: { uncompressed: 1024 },
      }),
    );
    expect(lying.status).toBe(422);
    expect(lying.body.errors).toEqual([
      {
        path: 'file',
        zh: `无法读取工作簿："${SHEET1}" 解压后的大小与目录中声明的不符。请上传 Excel 工作簿（.xlsx）。`,
        en: `Cannot read the workbook: "${SHEET1}" does not inflate to the size its directory entry declares. Upload an Excel workbook (.xlsx).`,
      },
    ]);
  });

  it('refuses a 20 KB workbook with one merge over 2.6 million cells', async () => {
    const xml = `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:Z100000"/></mergeCells></worksheet>`;
    const r = await upload(withSheet1({ data: new TextEncoder().encode(xml) }));
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ code: 'workbook_too_large', detail: { limit: 'cells' } });
  });

  it('keeps answering other requests while a bomb is being read', async () => {
    // 4 million cells in 39 MB of XML that compresses like a real sheet: the guard has to inflate
    // ~4 MB of it before the count stops it.
    const bomb = upload(withSheet1({ deflated: plainCells(80, 50) }));
    const health = s.fetch(new Request(`${s.url}/health`));
    const units = s.call('GET', '/v1/units', { token: admin });
    const [b, h, u] = await Promise.all([bomb, health, units]);
    expect(h.status).toBe(200);
    expect(u.status).toBe(200);
    expect(u.body.items.length).toBeGreaterThan(0);
    expect(b.status).toBe(413);
    expect(b.body.detail).toMatchObject({ limit: 'cells', max: 400_000 });
  });

  it('still imports a workbook the product exported', async () => {
    const r = await upload(exported);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'draft', systemVersion: 1 });
  });
});
