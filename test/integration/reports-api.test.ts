import { CONTRACTS } from '@jixiao/api/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredRoutes, startTestStack, type TestStack } from '../support/stack';

/**
 * The reports API on the demo: 哈尔滨市's 2024 special evaluation (four units, released twice
 * through the real state machine, whose report step rendered every unit's reports) and the 2025
 * trial run. Every kind × format for the office, fetched through the presigned URL from s3rver;
 * the XLSX opened with exceljs says what the results API says; who may read which report; the
 * same data is never rendered twice, and a new rectification task renders the unit's report anew.
 */
let s: TestStack;
const tok: Record<string, string> = {};
const T = '230100';
let C24: string;
let C25: string;
let run2: string;
let run1: string;
let results: any;

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  for (const u of ['hrb-admin', 'hrb-observer', 'hrb-jyj', 'hrb-fgw', 'hrb-expert'])
    tok[u] = await s.token(T, u);
  tok.bx = await s.token('230125', 'bx-admin');
  const cycles = (await as('hrb-admin', 'GET', '/v1/cycles')).body.items;
  C24 = cycles.find((c: { year: number }) => c.year === 2024).id;
  C25 = cycles.find((c: { year: number }) => c.year === 2025).id;
  const overview = (await as('hrb-admin', 'GET', `/v1/cycles/${C24}/evaluation`)).body;
  run2 = overview.released.run;
  run1 = overview.runs.find((r: { number: number }) => r.number === 1).id;
  results = (await as('hrb-admin', 'GET', `/v1/cycles/${C24}/evaluation/runs/${run2}/results`)).body;
}, 300_000);
afterAll(() => s.stop());

const as = (user: string, method: string, path: string) => s.call(method, path, { token: tok[user] });
const R = (cycle: string) => `/v1/cycles/${cycle}/reports`;

function expectProblem(r: { status: number; body: any }, status: number, code?: string) {
  expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(status);
  if (code) expect(r.body.code).toBe(code);
  expect(r.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(r.body.message.en).toMatch(/[A-Za-z]/);
}

/** A report file as a user asks for it (200 with its presigned link), and its bytes from s3rver. */
async function download(user: string, path: string) {
  const r = await as(user, 'GET', path);
  expect(r.status, `${path}: ${r.text.slice(0, 300)}`).toBe(200);
  const res = await fetch(r.body.url);
  expect(res.status, r.body.url).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { file: r.body, res, bytes };
}

const reportObjects = async (cycle: string) => (await s.data.blobs.list(T, ['reports', cycle])).length;

/** Every row of every sheet, as the cells' text. */
async function sheetRows(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const out: string[][] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((c) => cells.push(String(c.text ?? '').trim()));
      out.push(cells);
    }),
  );
  return out;
}

const hasNumber = (cells: string[], n: number) => cells.some((c) => c !== '' && Number(c) === n);

describe('the index of a run’s reports', () => {
  it('lists the released run’s units and the report step’s progress for the office', async () => {
    const r = await as('hrb-admin', 'GET', R(C24));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ cycle: C24, run: { id: run2, number: 2, status: 'released' } });
    expect(r.body.units.map((u: any) => u.code).sort()).toEqual(results.rows.map((x: any) => x.unit).sort());
    expect(r.body.units.every((u: any) => u.group === 'SOCIAL')).toBe(true);
    expect(r.body.total).toBe(results.rows.length);
    // The demo's runs went through the state machine, whose report step rendered every unit.
    expect(r.body.rendered).toBe(r.body.total);
    const earlier = await as('hrb-observer', 'GET', `${R(C24)}?run=${run1}`);
    expect(earlier.body.run).toMatchObject({ id: run1, number: 1, status: 'superseded' });
  });

  it('shows a unit’s user its own unit only, of the released run only', async () => {
    const own = await as('hrb-jyj', 'GET', R(C24));
    expect(own.body.units).toEqual([{ code: 'JYJ', name: expect.any(String), group: 'SOCIAL' }]);
    expect(own.body.total).toBe(1);
    expect((await as('hrb-fgw', 'GET', R(C24))).body.units).toEqual([]);
    expectProblem(await as('hrb-jyj', 'GET', `${R(C24)}?run=${run1}`), 403, 'forbidden');
    expectProblem(await as('hrb-expert', 'GET', R(C24)), 403, 'forbidden');
    expectProblem(await as('bx', 'GET', R(C24)), 404, 'not_found');
  });

  it('says there are no reports before a release, and reads a named trial run for the office', async () => {
    expectProblem(await as('hrb-admin', 'GET', R(C25)), 409, 'precondition_failed');
    const trial = (await as('hrb-admin', 'GET', `/v1/cycles/${C25}/evaluation`)).body.runs[0];
    const r = await as('hrb-admin', 'GET', `${R(C25)}?run=${trial.id}`);
    expect(r.body.run).toMatchObject({ id: trial.id, status: 'ready' });
    expectProblem(await as('hrb-admin', 'GET', `${R(C24)}?run=rnzzzzzzzzzzzz`), 404, 'not_found');
  });
});

describe('report files', () => {
  const MAGIC = { pdf: '%PDF-', xlsx: 'PK\u0003\u0004', html: '<!' } as const;
  const TYPES = {
    pdf: 'application/pdf',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    html: 'text/html',
  } as const;

  for (const kind of ['unit', 'office', 'congress'] as const)
    for (const format of ['pdf', 'xlsx', 'html'] as const)
      it(`hands the office the ${kind} report as ${format}, from the bucket by a presigned GET`, async () => {
        const unit = kind === 'unit' ? '?unit=MZJ' : '';
        const { file, res, bytes } = await download('hrb-admin', `${R(C24)}/${kind}/${format}${unit}`);
        expect(file).toMatchObject({ kind, format, ...(kind === 'unit' ? { unit: 'MZJ' } : {}) });
        expect(file.url).toContain(`/tenants/${T}/reports/${C24}/${format}/${file.sha256}`);
        expect(file.fileName).toMatch(new RegExp(`\\.${format}$`));
        expect(file.fileName).toMatch(/[\u4e00-\u9fff]/);
        expect(bytes.byteLength).toBe(file.bytes);
        expect(new TextDecoder('latin1').decode(bytes.subarray(0, 8)).toLowerCase()).toContain(
          MAGIC[format].toLowerCase(),
        );
        expect(res.headers.get('content-type')).toContain(TYPES[format]);
        const disposition = res.headers.get('content-disposition') ?? '';
        expect(disposition.startsWith(format === 'html' ? 'inline;' : 'attachment;')).toBe(true);
        expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
        const ttl = Date.parse(file.expiresAt) - Date.now();
        expect(ttl).toBeGreaterThan(14 * 60_000);
        expect(ttl).toBeLessThanOrEqual(15 * 60_000 + 5_000);
      });

  it('the office’s workbook has the same totals, ranks and grades as the results API', async () => {
    const { bytes } = await download('hrb-admin', `${R(C24)}/office/xlsx`);
    const rows = await sheetRows(bytes);
    for (const r of results.rows) {
      const line = rows.find((cells) => cells.includes(r.name) && hasNumber(cells, Number(r.total.shown)));
      expect(line, `${r.name} ${r.total.shown}`).toBeDefined();
      expect(hasNumber(line!, r.rank), `${r.name} rank ${r.rank}`).toBe(true);
      expect(line, `${r.name} grade`).toContain(r.gradeLabel.zh);
    }
  });

  it('each unit’s workbook says its total, rank and grade as the results API does', async () => {
    for (const r of results.rows) {
      const { bytes } = await download('hrb-admin', `${R(C24)}/unit/xlsx?unit=${r.unit}`);
      const cells = (await sheetRows(bytes)).flat();
      expect(cells.join('|')).toContain(r.name);
      expect(hasNumber(cells, Number(r.total.shown)), `${r.unit} total ${r.total.shown}`).toBe(true);
      expect(cells, `${r.unit} grade`).toContain(r.gradeLabel.zh);
    }
  });

  it('answers 400 for a unit report without a unit and for a unit given to the overall reports', async () => {
    expectProblem(await as('hrb-admin', 'GET', `${R(C24)}/unit/pdf`), 400, 'report_unit_mismatch');
    expectProblem(await as('hrb-admin', 'GET', `${R(C24)}/office/pdf?unit=MZJ`), 400, 'report_unit_mismatch');
    expectProblem(
      await as('hrb-admin', 'GET', `${R(C24)}/congress/html?unit=MZJ`),
      400,
      'report_unit_mismatch',
    );
    expectProblem(await as('hrb-admin', 'GET', `${R(C24)}/annual/pdf`), 422, 'validation_failed');
    expectProblem(await as('hrb-admin', 'GET', `${R(C24)}/unit/docx?unit=MZJ`), 422, 'validation_failed');
    expectProblem(await as('hrb-admin', 'GET', `${R(C24)}/unit/pdf?unit=..%2FMZJ`), 422, 'validation_failed');
  });

  it('answers 404 for a unit not in the run', async () => {
    expectProblem(await as('hrb-admin', 'GET', `${R(C24)}/unit/pdf?unit=FGW`), 404, 'not_found');
    expectProblem(await as('hrb-admin', 'GET', `${R(C24)}/unit/pdf?unit=ZZZ`), 404, 'not_found');
  });
});

describe('who reads which report', () => {
  it('a unit’s user reads its own unit’s report of the released run, and nothing else', async () => {
    const { file } = await download('hrb-jyj', `${R(C24)}/unit/pdf?unit=JYJ`);
    expect(file.unit).toBe('JYJ');
    expectProblem(await as('hrb-jyj', 'GET', `${R(C24)}/unit/pdf?unit=MZJ`), 403, 'forbidden');
    expectProblem(await as('hrb-jyj', 'GET', `${R(C24)}/office/pdf`), 403, 'forbidden');
    expectProblem(await as('hrb-jyj', 'GET', `${R(C24)}/congress/html`), 403, 'forbidden');
    expectProblem(await as('hrb-jyj', 'GET', `${R(C24)}/unit/pdf?unit=JYJ&run=${run1}`), 403, 'forbidden');
    // 市发改委 was not evaluated in 2024: its own report is simply not there.
    expectProblem(await as('hrb-fgw', 'GET', `${R(C24)}/unit/pdf?unit=FGW`), 404, 'not_found');
  });

  it('observers (人大) read every report of any run; experts and another tenant none', async () => {
    await download('hrb-observer', `${R(C24)}/congress/pdf`);
    await download('hrb-observer', `${R(C24)}/unit/html?unit=MZJ&run=${run1}`);
    expectProblem(await as('hrb-expert', 'GET', `${R(C24)}/office/pdf`), 403, 'forbidden');
    expectProblem(await as('bx', 'GET', `${R(C24)}/office/pdf`), 404, 'not_found');
    expectProblem(await as('bx', 'GET', `${R(C24)}/unit/pdf?unit=MZJ`), 404, 'not_found');
  });
});

describe('rendered once per distinct data', () => {
  it('a second request renders nothing: the same file, the same number of objects', async () => {
    const first = (await as('hrb-admin', 'GET', `${R(C24)}/office/pdf`)).body;
    const count = await reportObjects(C24);
    const again = await as('hrb-observer', 'GET', `${R(C24)}/office/pdf`);
    expect(again.body.sha256).toBe(first.sha256);
    expect(again.body.bytes).toBe(first.bytes);
    expect(await reportObjects(C24)).toBe(count);
    // The state machine's report step rendered the unit reports of the run; 市教育局's data has not
    // changed since (no appeal, no rectification task), so asking for them renders nothing.
    const rendered = s.logs.filter((l) => l.msg === 'report rendered').length;
    for (const format of ['pdf', 'xlsx', 'html'])
      expect((await as('hrb-admin', 'GET', `${R(C24)}/unit/${format}?unit=JYJ`)).status).toBe(200);
    expect(s.logs.filter((l) => l.msg === 'report rendered').length).toBe(rendered);
    expect(await reportObjects(C24)).toBe(count);
  });

  it('a new rectification task changes the unit’s report (a new file) and no other unit’s', async () => {
    const trial = (await as('hrb-admin', 'GET', `/v1/cycles/${C25}/evaluation`)).body.runs[0].id;
    const url = (unit: string) => `${R(C25)}/unit/html?unit=${unit}&run=${trial}`;
    const fgw1 = (await as('hrb-admin', 'GET', url('FGW'))).body;
    const czj1 = (await as('hrb-admin', 'GET', url('CZJ'))).body;
    const count = await reportObjects(C25);
    const task = await s.call('POST', `/v1/cycles/${C25}/rectification/units/FGW`, {
      token: tok['hrb-admin'],
      body: {
        title: '项目储备不足问题整改',
        problem: '重大项目储备库入库项目数量不足，前期工作深度不够。',
        source: 'results',
        owner: '投资处',
        deadline: '2027-06-30',
      },
    });
    expect(task.status, task.text).toBe(201);
    const fgw2 = (await as('hrb-admin', 'GET', url('FGW'))).body;
    const czj2 = (await as('hrb-admin', 'GET', url('CZJ'))).body;
    expect(fgw2.sha256).not.toBe(fgw1.sha256);
    expect(czj2.sha256).toBe(czj1.sha256);
    expect(await reportObjects(C25)).toBe(count + 1);
    const html = new TextDecoder().decode(new Uint8Array(await (await fetch(fgw2.url)).arrayBuffer()));
    expect(html).toContain('项目储备不足问题整改');
  });

  it('walked every route of the reports', () => {
    const own = Object.values(CONTRACTS.reports).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(own.filter((k) => !coveredRoutes.has(k))).toEqual([]);
  });
});
