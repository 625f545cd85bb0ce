/**
 * The embedded stack's token issuer signs anyone in, so it must never reach the cloud: every Lambda
 * function, built exactly as deployed (`infra/lambda/bundling.ts`), is checked for it by the inputs
 * esbuild lists in its metafile, and by a string found only in the issuer. A probe that does import
 * the issuer shows that both checks see it.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/api/functions';
import { PRE_TOKEN_ENTRY } from '../../infra/auth/user-pool';
import { BATCH_FUNCTION } from '../../infra/evaluation/batch';
import { buildOptions } from '../../infra/lambda/bundling';
import { fromRoot } from '../../infra/paths';

/** The issuer's modules, and its key id, which nothing else in the product contains. */
const ISSUER_MODULE = /^packages\/local\//;
const ISSUER_MARKER = 'jixiao-dev-1';

/** Every function the stacks deploy, and every entry under `functions/` in case a stack forgets one. */
const ENTRIES = [
  ...new Set([
    ...Object.values(FUNCTIONS).map((f) => f.entry),
    BATCH_FUNCTION.entry,
    PRE_TOKEN_ENTRY,
    ...readdirSync(fromRoot('functions'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `functions/${d.name}/index.ts`),
  ]),
];

/** One esbuild run over several entries with the deployed options, kept in memory. */
async function bundle(entries: Record<string, string>) {
  const result = await build({
    ...buildOptions(fromRoot(Object.values(entries)[0]!), fromRoot('.tmp/no-dev-issuer')),
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, entry]) => [name, fromRoot(entry)])),
    write: false,
  });
  return { metafile: result.metafile as Metafile, files: result.outputFiles ?? [] };
}

/** Per output bundle: the issuer modules in it and whether its code carries the marker. */
function issuerTraces({ metafile, files }: Awaited<ReturnType<typeof bundle>>) {
  return Object.entries(metafile.outputs)
    .filter(([path]) => path.endsWith('.mjs'))
    .map(([path, output]) => ({
      bundle: basename(path),
      modules: Object.entries(output.inputs)
        .filter(([input, i]) => i.bytesInOutput > 0 && ISSUER_MODULE.test(input))
        .map(([input]) => input),
      marker: files.some((f) => basename(f.path) === basename(path) && f.text.includes(ISSUER_MARKER)),
    }));
}

const probe = fromRoot('.tmp/dev-issuer-probe.ts');
afterAll(() => rmSync(probe, { force: true }));

describe('the cloud build', () => {
  it('has no dev issuer in any function', async () => {
    expect(ENTRIES.length).toBeGreaterThanOrEqual(6);
    const names = Object.fromEntries(ENTRIES.map((e) => [e.split('/')[1]!, e]));
    const traces = issuerTraces(await bundle(names));
    expect(traces.map((t) => t.bundle).sort()).toEqual(
      Object.keys(names)
        .map((n) => `${n}.mjs`)
        .sort(),
    );
    expect(traces.filter((t) => t.modules.length > 0 || t.marker)).toEqual([]);
  }, 120_000);

  it('would be caught importing it, by module and by marker', async () => {
    mkdirSync(dirname(probe), { recursive: true }); // .tmp/ is absent on a fresh clone
    writeFileSync(
      probe,
      "export { createDevIssuer } from '../packages/local/src/dev-issuer';\nexport const ok = 1;\n",
    );
    const [trace] = issuerTraces(await bundle({ probe: '.tmp/dev-issuer-probe.ts' }));
    expect(trace!.modules).toContain('packages/local/src/dev-issuer.ts');
    expect(trace!.marker).toBe(true);
  }, 120_000);
});
