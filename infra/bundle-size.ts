/**
 * `npm run bundle [-- --runs N]`: builds every function exactly as deployed (the one build in
 * `infra/lambda/bundling.ts`) plus a Hono hello-world, and prints per function its code size
 * (minified, gzipped), the data files it carries, and how long `await import()` of its bundle takes
 * in a fresh `node` (median of N runs, interleaved), as a ratio to the hello-world.
 *
 * Bundles go to `.tmp/bundles/<function>/` inside the repository so that the modules the Lambda
 * runtime provides (`@aws-sdk/*`, `@smithy/*`) resolve from the repository's node_modules. The
 * import runs with the deployed NODE_OPTIONS and a configuration that needs no network at start-up
 * (a literal cursor secret instead of Secrets Manager).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { FUNCTIONS } from './api/functions';
import { PRE_TOKEN_ENTRY } from './auth/user-pool';
import { BATCH_FUNCTION } from './evaluation/batch';
import { API_BUDGET, buildFunction, FUNCTION_ENVIRONMENT, type FunctionBuild } from './lambda/bundling';
import { fromRoot } from './paths';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;

const TARGETS: { name: string; entry: string }[] = [
  { name: 'hello-world', entry: 'infra/lambda/hello-world.ts' },
  ...Object.entries(FUNCTIONS).map(([name, f]) => ({ name, entry: f.entry })),
  { name: 'evaluation', entry: BATCH_FUNCTION.entry },
  { name: 'pre-token', entry: PRE_TOKEN_ENTRY },
];

/** Enough configuration for every function to start without touching the network. */
const IMPORT_ENV: Record<string, string> = {
  ...FUNCTION_ENVIRONMENT,
  AWS_REGION: 'cn-north-1',
  TABLE_NAME: 'jixiao-bundle-size',
  BUCKET_NAME: 'jixiao-bundle-size',
  TOKEN_ISSUER: 'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Bundle',
  TOKEN_AUDIENCE: 'bundle-size',
  AUTH_BASE_URL: 'https://auth.example.com',
  USER_POOL_ID: 'cn-north-1_Bundle',
  CURSOR_SECRET: 'bundle-size-cursor-secret-0123456789',
  // The SDK warns on Node 20 (this machine); Lambda runs Node 24.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

const kib = (bytes: number) => bytes / 1024;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Milliseconds `await import(bundle)` takes in a fresh node process. */
function importMs(bundle: string): number {
  const code = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log('import-ms=' + (performance.now() - t));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    env: { PATH: process.env.PATH ?? '', ...IMPORT_ENV },
    encoding: 'utf8',
  });
  const m = /import-ms=([\d.]+)/.exec(out);
  if (!m) throw new Error(`no timing from ${bundle}: ${out}`);
  return Number(m[1]);
}

const builds = new Map<string, FunctionBuild>();
for (const t of TARGETS) builds.set(t.name, await buildFunction(t.entry, fromRoot(`.tmp/bundles/${t.name}`)));

const times = new Map<string, number[]>(TARGETS.map((t) => [t.name, []]));
for (let run = 0; run < RUNS; run++) {
  for (const t of TARGETS) times.get(t.name)!.push(importMs(join(builds.get(t.name)!.outdir, 'index.mjs')));
}

const hello = median(times.get('hello-world')!);
const rows = TARGETS.map((t) => {
  const b = builds.get(t.name)!;
  const code = b.files.filter((f) => f.kind === 'code');
  const gz = code.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(b.outdir, f.path)), { level: 9 }).length,
    0,
  );
  const data = b.files.filter((f) => f.kind === 'data').reduce((sum, f) => sum + f.bytes, 0);
  const ms = median(times.get(t.name)!);
  return { name: t.name, min: kib(b.codeBytes), gz: kib(gz), data: kib(data), ms, ratio: ms / hello };
});

const header = ['function', 'KiB min', 'KiB gzip', 'data KiB', 'import ms', '× hello'];
const table = rows.map((r) => [
  r.name,
  r.min.toFixed(1),
  r.gz.toFixed(1),
  r.data ? r.data.toFixed(0) : '',
  r.ms.toFixed(1),
  r.ratio.toFixed(1),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
console.log(line(header));
for (const row of table) console.log(line(row));
console.log(
  `\nKiB = every JavaScript file of the function (minified; source maps not counted). data = files read on first use
(the GB/T 2260 table; the report font, Noto Sans SC regular and bold). import ms = median of ${RUNS} fresh node processes running \`await import(bundle)\` with
NODE_OPTIONS=${FUNCTION_ENVIRONMENT.NODE_OPTIONS}; ${process.version} here, Node 24 on Lambda. Runtime-provided modules
(@aws-sdk/*, @smithy/*) are loaded from this repository's node_modules in this measurement, on Lambda from the runtime.`,
);

const api = rows.find((r) => r.name === 'api')!;
console.log(
  `\nJSON API budget: ${api.min.toFixed(1)} KiB of ${API_BUDGET.kib} (${api.min <= API_BUDGET.kib ? 'within' : 'OVER'}), ` +
    `import ${api.ratio.toFixed(1)}× hello-world of ${API_BUDGET.importRatio}× (${api.ratio <= API_BUDGET.importRatio ? 'within' : 'OVER'}).`,
);
