/**
 * The report font (Noto Sans SC regular and bold, ~21 MB) is data shipped beside the code of every
 * function whose bundle carries the report renderers, and only those, each told where by
 * REPORT_FONT_DIR; a PDF rendered by the bundled renderer, away from the repository, embeds a
 * subset of it. Built exactly as deployed (`infra/lambda/bundling.ts`).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/api/functions';
import { BATCH_FUNCTION } from '../../infra/evaluation/batch';
import {
  buildFunction,
  type FunctionBuild,
  LAMBDA_TASK_ROOT,
  REPORT_FONT_DIR,
  REPORT_FONTS,
} from '../../infra/lambda/bundling';
import { fromRoot } from '../../infra/paths';
import { type Synth, synth } from './synth';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TARGETS = {
  ...Object.fromEntries(Object.entries(FUNCTIONS).map(([name, f]) => [name, f.entry])),
  evaluation: BATCH_FUNCTION.entry,
} as Record<string, string>;
/** The functions that render reports: file work, the console (the whole API) and the batch's report step. */
const RENDERERS = ['console', 'evaluation', 'files'];
const FONT_FILES = ['NotoSansSC_400Regular.ttf', 'NotoSansSC_700Bold.ttf', 'LICENSE'];

const inputsOf = (b: FunctionBuild) =>
  Object.values(b.metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([path]) => path),
  );

let builds: Record<string, FunctionBuild>;
let s: Synth;
beforeAll(async () => {
  s = synth();
  const built = await Promise.all(
    Object.entries(TARGETS).map(
      async ([name, entry]) => [name, await buildFunction(entry, join(dir, name))] as const,
    ),
  );
  builds = Object.fromEntries(built);
}, 120_000);
afterAll(() => s?.cleanup());

describe('the report font', () => {
  it('ships in fonts/ with exactly the functions whose code carries the renderers, as data', () => {
    const carriers = Object.entries(builds)
      .filter(([, b]) => inputsOf(b).some((i) => i.startsWith(REPORT_FONTS.reader)))
      .map(([name]) => name)
      .sort();
    expect(carriers).toEqual(RENDERERS);
    for (const [name, b] of Object.entries(builds)) {
      const fonts = b.files.filter((f) => f.path.startsWith(`${REPORT_FONTS.into}/`));
      if (!RENDERERS.includes(name)) {
        expect(fonts, name).toEqual([]);
        continue;
      }
      expect(fonts.map((f) => f.path.slice(REPORT_FONTS.into.length + 1)).sort(), name).toEqual(
        [...FONT_FILES].sort(),
      );
      for (const f of fonts) expect(f.kind, f.path).toBe('data');
      const ttf = fonts.filter((f) => f.path.endsWith('.ttf')).reduce((n, f) => n + f.bytes, 0);
      // About 21 MB: the two weights, never JavaScript.
      expect(ttf / 1e6).toBeGreaterThan(20);
      expect(ttf / 1e6).toBeLessThan(22);
      expect(b.codeBytes).toBeLessThan(ttf / 2);
    }
  });

  it('is where REPORT_FONT_DIR says, in exactly those functions', () => {
    expect(REPORT_FONT_DIR).toBe(`${LAMBDA_TASK_ROOT}/fonts`);
    const envOf = (fn: { node: { defaultChild?: unknown } }) =>
      (s.template.toJSON().Resources[s.idOf(fn as never)].Properties.Environment?.Variables ?? {}) as Record<
        string,
        unknown
      >;
    const fns: Record<string, { node: { defaultChild?: unknown } }> = {
      ...Object.fromEntries(
        Object.keys(FUNCTIONS).map((n) => [n, s.stack.api.functions[n as keyof typeof FUNCTIONS].fn]),
      ),
      evaluation: s.stack.evaluation.function.fn,
    };
    for (const [name, fn] of Object.entries(fns)) {
      if (RENDERERS.includes(name)) expect(envOf(fn).REPORT_FONT_DIR, name).toBe(REPORT_FONT_DIR);
      else expect(envOf(fn), name).not.toHaveProperty('REPORT_FONT_DIR');
      expect(FUNCTIONS[name as keyof typeof FUNCTIONS]?.rendersReports ?? name === 'evaluation', name).toBe(
        RENDERERS.includes(name),
      );
    }
  });

  it('is embedded as a subset by the bundled renderer, read from REPORT_FONT_DIR away from the repository', async () => {
    // Built outside the repository, so the font can only come from the folder shipped beside it.
    expect(dir.startsWith(fromRoot(''))).toBe(false);
    const entry = fromRoot('.tmp/report-fonts-probe.ts');
    mkdirSync(dirname(entry), { recursive: true });
    writeFileSync(
      entry,
      [
        "import { sampleReports } from '@jixiao/core';",
        "import { renderReport } from '@jixiao/reports/results';",
        "export const render = async () => (await renderReport(sampleReports().unit, 'pdf')).body;",
      ].join('\n'),
    );
    const previous = process.env.REPORT_FONT_DIR;
    try {
      const probe = await buildFunction('.tmp/report-fonts-probe.ts', join(dir, 'probe'));
      const fonts = join(probe.outdir, REPORT_FONTS.into);
      expect(existsSync(join(fonts, 'NotoSansSC_400Regular.ttf'))).toBe(true);
      process.env.REPORT_FONT_DIR = fonts;
      const mod = await import(pathToFileURL(join(probe.outdir, 'index.mjs')).href);
      const pdf = Buffer.from((await mod.render()) as Uint8Array);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdf.toString('latin1');
      // A TrueType subset (six-letter tag + the font's name), far smaller than the font itself.
      expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
      expect(text).toContain('/FontFile2');
      expect(pdf.length).toBeLessThan(statSync(join(fonts, 'NotoSansSC_400Regular.ttf')).size / 10);
    } finally {
      if (previous === undefined) delete process.env.REPORT_FONT_DIR;
      else process.env.REPORT_FONT_DIR = previous;
      rmSync(entry, { force: true });
    }
  }, 120_000);
});
