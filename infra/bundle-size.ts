/**
 * Prints the size of the API Lambda bundle, built with the same esbuild options the NodejsFunction
 * uses (`infra/lambda/bundling.ts`): `npm run bundle [-- entry.ts]`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ESBUILD_TARGET, ESM_BANNER, EXTERNAL_MODULES, MAIN_FIELDS } from './lambda/bundling';
import { fromRoot } from './paths';

const entry = process.argv[2] ?? fromRoot('functions/api/index.ts');
const outdir = mkdtempSync(join(tmpdir(), 'jixiao-bundle-'));
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

try {
  const outfile = join(outdir, 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: ESBUILD_TARGET,
    mainFields: MAIN_FIELDS,
    banner: { js: ESM_BANNER },
    external: EXTERNAL_MODULES,
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
  });
  const code = readFileSync(outfile);
  console.log(
    `api lambda bundle: ${kib(code.length)} KiB (minified), ${kib(gzipSync(code, { level: 9 }).length)} KiB gzipped`,
  );
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
