import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../support/libreoffice';
import { officeTools } from '../support/office-tools';
import { readPdfLayout } from '../support/pdf-layout';
import type { FontScale } from '../support/print-checks';
import { calibrationWorkbook, measureScale, wrappedTextWorkbook } from '../support/print-samples';
import {
  checkPrinted,
  describeFindings,
  fileLine,
  type PrintReport,
  summaryLine,
} from '../support/printed-workbooks';
import {
  type Caller,
  fetchReportXlsx,
  fetchVariants,
  getJson,
  type ProductWorkbook,
  systemsFromEveryTemplate,
} from '../support/product-workbooks';
import { startTestStack, type TestStack } from '../support/stack';
import { type XlsxOperation, xlsxOperations } from '../support/xlsx-routes';

/**
 * Every kind of workbook the product writes, fetched through the API as the user who may, printed
 * to PDF by LibreOffice in one call and read back with poppler: every text cell is on paper
 * (complete), no cell's text runs past its row (no overflow), nothing prints below 8 pt, every page
 * is A4 in the sheet's orientation. The checker is first shown to catch the issue's bug on a
 * workbook built here the old way. The list of workbooks comes from the OpenAPI document: a new
 * .xlsx route without a print check fails this file.
 */
const tools = officeTools();
const canPrint = !!(tools.soffice && tools.poppler);
if (!canPrint)
  console.log(
    `NOTICE: workbooks.test.ts did not print any workbook: ${[
      tools.soffice ? '' : 'LibreOffice (libreoffice-calc-nogui)',
      tools.poppler ? '' : 'poppler (poppler-utils)',
    ]
      .filter(Boolean)
      .join(' and ')} missing`,
  );

const HRB: Caller = { tenant: '230100', user: 'hrb-admin' };
const ANALYST: Caller = { tenant: '230000', user: 'hlj-analyst' };
const REPORT_FILE = '/v1/cycles/{cycleId}/reports/{kind}/{format}';

describe.runIf(canPrint)('every workbook the product writes, printed by LibreOffice', () => {
  let s: TestStack;
  let dir: string;
  let ops: XlsxOperation[];
  let templates: string[];
  const fetched: ProductWorkbook[] = [];
  const reports = new Map<string, PrintReport>();
  let scale: FontScale;

  /** How each workbook operation is called: as whom, with which free parameters. */
  async function plans(): Promise<Record<string, (op: XlsxOperation) => Promise<ProductWorkbook[]>>> {
    const cycles = (await getJson(s, HRB, '/v1/cycles')).items as { id: string; year: number }[];
    const c25 = cycles.find((c) => c.year === 2025)!.id;
    const systems = await systemsFromEveryTemplate(s, HRB);
    templates = systems.map((x) => x.template);
    return {
      'GET /v1/indicator-systems/{id}/versions/{v}/export.xlsx': async (op) =>
        (
          await Promise.all(
            systems.map((x) =>
              fetchVariants(s, HRB, op, `indicator-${x.template}`, { id: x.id, v: x.systemVersion }),
            ),
          )
        ).flat(),
      'GET /v1/cycles/{cycleId}/exports/{table}': (op) =>
        fetchVariants(s, HRB, op, 'cycle-2025', { cycleId: c25 }),
      'GET /v1/audit/export.xlsx': (op) => fetchVariants(s, HRB, op, 'audit', {}),
      'GET /v1/comparisons/export.xlsx': (op) =>
        fetchVariants(s, ANALYST, op, 'comparison-2025', {}, { year: '2025' }),
    };
  }

  /** The report workbooks of the released 2024 run: every kind, a unit's for its first unit. */
  async function reportWorkbooks(doc: any): Promise<ProductWorkbook[]> {
    const params = doc.paths[REPORT_FILE].get.parameters as { name: string; schema: { enum?: string[] } }[];
    const kinds = params.find((p) => p.name === 'kind')!.schema.enum!;
    const layouts = params.find((p) => p.name === 'layout')?.schema.enum ?? [undefined];
    const cycles = (await getJson(s, HRB, '/v1/cycles')).items as { id: string; year: number }[];
    const c24 = cycles.find((c) => c.year === 2024)!.id;
    const unit = (await getJson(s, HRB, `/v1/cycles/${c24}/reports`)).units[0].code as string;
    const out: ProductWorkbook[] = [];
    for (const kind of kinds)
      for (const layout of layouts) {
        const q = new URLSearchParams({
          ...(kind === 'unit' ? { unit } : {}),
          ...(layout ? { layout } : {}),
        });
        const url = `/v1/cycles/${c24}/reports/${kind}/xlsx${q.size ? `?${q}` : ''}`;
        const file = `report-${[kind, layout].filter(Boolean).join('-')}.xlsx`;
        out.push(await fetchReportXlsx(s, HRB, url, file, `GET ${REPORT_FILE}`));
      }
    return out;
  }

  beforeAll(async () => {
    const t0 = performance.now();
    s = await startTestStack({ demoYear: true, demoResults: true, demoProvince: true });
    const t1 = performance.now();
    const doc = (await s.call('GET', '/openapi.json')).body;
    ops = xlsxOperations(doc);
    const how = await plans();
    for (const op of ops) if (how[op.key]) fetched.push(...(await how[op.key]!(op)));
    fetched.push(...(await reportWorkbooks(doc)));
    const t2 = performance.now();

    dir = await mkdtemp(join(tmpdir(), 'workbooks-'));
    const samples: [string, Uint8Array][] = [
      ['sample-calibration.xlsx', await calibrationWorkbook()],
      ['sample-no-row-heights.xlsx', await wrappedTextWorkbook(undefined)],
      ['sample-row-heights.xlsx', await wrappedTextWorkbook(200)],
      ['sample-empty-neighbours.xlsx', await wrappedTextWorkbook(undefined, true)],
    ];
    const all: [string, Uint8Array][] = [
      ...samples,
      ...fetched.map((w): [string, Uint8Array] => [w.file, w.bytes]),
    ];
    for (const [file, bytes] of all) await writeFile(join(dir, file), bytes);
    const pdfs = await convert(
      all.map(([file]) => join(dir, file)),
      join(dir, 'pdf'),
      'pdf',
    );
    const t3 = performance.now();
    scale = measureScale(await readPdfLayout(pdfs[0]!));
    for (const [i, [file, bytes]] of all.entries())
      if (i > 0) reports.set(file, await checkPrinted(file, bytes, pdfs[i]!, scale));
    const t4 = performance.now();
    const product = fetched.map((w) => reports.get(w.file)!);
    console.log([summaryLine(product), ...product.map((r) => `  ${fileLine(r)}`)].join('\n'));
    console.log(
      `clients: stack ${((t1 - t0) / 1000).toFixed(0)} s, fetch ${((t2 - t1) / 1000).toFixed(1)} s, ` +
        `LibreOffice ${((t3 - t2) / 1000).toFixed(1)} s for ${all.length} files, checks ${((t4 - t3) / 1000).toFixed(1)} s; ` +
        `word box ${scale.cjk.toFixed(3)} pt per pt (CJK), ${scale.latin.toFixed(3)} (Latin)`,
    );
  });
  afterAll(async () => {
    await s?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const findingsOf = (prefix: string) =>
    fetched.filter((w) => w.file.startsWith(prefix)).flatMap((w) => describeFindings(reports.get(w.file)!));

  it('covers every .xlsx operation in the OpenAPI document', () => {
    const covered = [...new Set(fetched.map((w) => w.operation))].filter((k) => !k.includes('/reports/'));
    expect(covered.sort(), 'an .xlsx route without a print check').toEqual(ops.map((o) => o.key));
    for (const op of ops)
      expect(
        fetched.filter((w) => w.operation === op.key).map((w) => w.layout),
        `${op.key}: every layout`,
      ).toEqual(expect.arrayContaining(op.layouts.filter(Boolean)));
  });

  it('catches the issue’s bug: wrapped text in rows without height overflows, with height it prints clean', () => {
    const overflow = (file: string) =>
      reports
        .get(file)!
        .findings.filter((f) => f.check === 'no overflow')
        .map((f) => f.detail);
    expect(overflow('sample-no-row-heights.xlsx')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^printed over/)]),
    );
    // Into empty neighbouring rows no text is printed over, and the cell borders tell.
    const intoEmpty = overflow('sample-empty-neighbours.xlsx');
    expect(intoEmpty.length).toBeGreaterThan(0);
    expect(intoEmpty.every((d) => d.startsWith('cut by a cell border'))).toBe(true);
    const fixed = reports.get('sample-row-heights.xlsx')!;
    expect(describeFindings(fixed)).toEqual([]);
    // The ink bands of the overflow check assume poppler's word box of 0.95 + 0.35 of the font
    // size; the calibration print confirms it, and measures its own 10.5 pt text as 10.5 pt.
    expect(scale.cjk).toBeCloseTo(1.3, 2);
    expect(scale.latin).toBeCloseTo(1.3, 2);
    expect(fixed.minFont).toBeCloseTo(10.5, 1);
  });

  it('prints the indicator system of every template, every layout', () => {
    const layouts = ops.find((o) => o.key.endsWith('/export.xlsx') && o.key.includes('indicator'))!.layouts;
    expect(fetched.filter((w) => w.file.startsWith('indicator-')).length).toBe(
      templates.length * layouts.length,
    );
    expect(findingsOf('indicator-')).toEqual([]);
  });

  it('prints the cycle tables', () => {
    expect(findingsOf('cycle-')).toEqual([]);
  });

  it('prints the report workbooks (unit, office, congress)', () => {
    expect(fetched.filter((w) => w.file.startsWith('report-')).length).toBeGreaterThanOrEqual(3);
    expect(findingsOf('report-')).toEqual([]);
  });

  it('prints the comparison of the province', () => {
    expect(findingsOf('comparison-')).toEqual([]);
  });

  it('prints the audit trail', () => {
    expect(findingsOf('audit')).toEqual([]);
  });
});
