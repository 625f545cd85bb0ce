import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentOf } from '@jixiao/core';
import { importSystemXlsx } from '@jixiao/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deepDiff } from '../support/deep-diff';
import { convert } from '../support/libreoffice';
import { officeTools } from '../support/office-tools';
import {
  type Caller,
  getJson,
  getXlsx,
  systemsFromEveryTemplate,
  type TemplateSystem,
} from '../support/product-workbooks';
import { startTestStack, type TestStack } from '../support/stack';
import { XLSX_TYPE, xlsxOperations } from '../support/xlsx-routes';
import { writtenBy } from '../support/zip-entry';

/**
 * Imports from the suite offices use: the indicator system of every template, exported through the
 * API (full layout, the one the import reads), opened and saved again as .xlsx by LibreOffice
 * (which rewrites styles, merged cells and shared strings), imported back through the API, gives
 * exactly the system that was exported, and the importer has nothing to warn about.
 */
const tools = officeTools();
if (!tools.soffice)
  console.log(
    'NOTICE: office-roundtrip.test.ts did not run: LibreOffice (libreoffice-calc-nogui) is not installed, so no workbook was re-saved by an office suite',
  );

const HRB: Caller = { tenant: '230100', user: 'hrb-admin' };
const EXPORT = 'GET /v1/indicator-systems/{id}/versions/{v}/export.xlsx';

describe.runIf(!!tools.soffice)('a LibreOffice-saved copy of every template’s export', () => {
  let s: TestStack;
  let dir: string;
  let systems: TemplateSystem[];
  const ours = new Map<string, Uint8Array>();
  const saved = new Map<string, Uint8Array<ArrayBuffer>>();

  beforeAll(async () => {
    const t0 = performance.now();
    s = await startTestStack();
    const op = xlsxOperations((await s.call('GET', '/openapi.json')).body).find((o) => o.key === EXPORT);
    if (!op) throw new Error(`${EXPORT} is not in the OpenAPI document`);
    const query = op.layouts.includes('full') ? '?layout=full' : '';
    systems = await systemsFromEveryTemplate(s, HRB);
    dir = await mkdtemp(join(tmpdir(), 'office-roundtrip-'));
    await mkdir(join(dir, 'ours'));
    const files: string[] = [];
    for (const x of systems) {
      const bytes = await getXlsx(
        s,
        HRB,
        `/v1/indicator-systems/${x.id}/versions/${x.systemVersion}/export.xlsx${query}`,
      );
      ours.set(x.template, bytes);
      files.push(join(dir, 'ours', `${x.template}.xlsx`));
      await writeFile(files.at(-1)!, bytes);
    }
    const t1 = performance.now();
    const out = await convert(files, join(dir, 'libreoffice'), 'xlsx');
    for (const [i, x] of systems.entries()) saved.set(x.template, new Uint8Array(await readFile(out[i]!)));
    const t2 = performance.now();
    console.log(
      `clients: LibreOffice re-saved ${systems.length} indicator workbooks in ${((t2 - t1) / 1000).toFixed(1)} s (stack and exports ${((t1 - t0) / 1000).toFixed(1)} s)`,
    );
  });
  afterAll(async () => {
    await s?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is a file LibreOffice wrote, not ours passed through', async () => {
    expect(systems.length).toBeGreaterThanOrEqual(9);
    for (const x of systems) {
      expect(await writtenBy(ours.get(x.template)!), x.template).not.toMatch(/LibreOffice/);
      expect(await writtenBy(saved.get(x.template)!), x.template).toMatch(/^LibreOffice\//);
      expect(Buffer.compare(ours.get(x.template)!, saved.get(x.template)!)).not.toBe(0);
    }
  });

  it('imports back through the API to exactly the system exported, for every template', async () => {
    const token = await s.token(HRB.tenant, HRB.user);
    const differences: string[] = [];
    for (const x of systems) {
      const original = await getJson(s, HRB, `/v1/indicator-systems/${x.id}/versions/${x.systemVersion}`);
      const r = await s.call('POST', '/v1/indicator-systems/import', {
        token,
        raw: saved.get(x.template)!,
        headers: { 'content-type': XLSX_TYPE },
      });
      if (r.status !== 201) {
        differences.push(
          `${x.template}: import answered ${r.status} ${JSON.stringify(r.body.errors ?? r.body).slice(0, 600)}`,
        );
        continue;
      }
      const stored = await getJson(
        s,
        HRB,
        `/v1/indicator-systems/${r.body.id}/versions/${r.body.systemVersion}`,
      );
      for (const d of deepDiff(contentOf(original), contentOf(stored)))
        differences.push(`${x.template}: ${d}`);
      for (const d of deepDiff(original.issues, stored.issues))
        differences.push(`${x.template} issues: ${d}`);
    }
    expect(differences).toEqual([]);
  });

  it('gives the importer nothing to warn about', async () => {
    const warnings: string[] = [];
    for (const x of systems) {
      const r = await importSystemXlsx(saved.get(x.template)!);
      if (!r.ok)
        warnings.push(`${x.template}: ${r.issues.map((i) => `${i.sheet} ${i.cell} ${i.en}`).join('; ')}`);
      else for (const w of r.warnings) warnings.push(`${x.template}: ${w.sheet} ${w.cell} ${w.en}`);
    }
    expect(warnings).toEqual([]);
  });
});
