/**
 * The dependency rule: the domain core is pure (no cloud SDK, no HTTP framework, no Node I/O, no
 * other package of ours), the data layer never reaches up into the API or the UI, and the web
 * console talks to the API only, never to the data layer directly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Import {
  file: string;
  specifier: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...sourceFiles(path));
    } else if (
      /\.tsx?$/.test(entry.name) &&
      !/\.test\.tsx?$/.test(entry.name) &&
      !entry.name.endsWith('.d.ts')
    ) {
      out.push(path);
    }
  }
  return out;
}

/** Every module specifier of a source: static and type imports, re-exports, import(), require(). */
function specifiersOf(source: string): string[] {
  const info = ts.preProcessFile(source, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function importsOf(pkg: string): { files: string[]; imports: Import[] } {
  const dir = join(ROOT, 'packages', pkg, 'src');
  const files = sourceFiles(dir);
  const imports = files.flatMap((file) =>
    specifiersOf(readFileSync(file, 'utf8')).map((specifier) => ({ file: relative(ROOT, file), specifier })),
  );
  return { files, imports };
}

const report = (bad: Import[]) => bad.map((i) => `${i.file} imports '${i.specifier}'`);

const matches = (specifier: string, rule: string | RegExp) =>
  typeof rule === 'string' ? specifier === rule || specifier.startsWith(`${rule}/`) : rule.test(specifier);

const violations = (imports: Import[], rules: (string | RegExp)[]) =>
  imports.filter((i) => rules.some((r) => matches(i.specifier, r)));

/** Relative imports that resolve outside the package's own src folder (a back door around the rule). */
const escapes = (pkg: string, imports: Import[]) => {
  const src = join(ROOT, 'packages', pkg, 'src') + sep;
  return imports.filter(
    (i) => i.specifier.startsWith('.') && !resolve(ROOT, i.file, '..', i.specifier).startsWith(src),
  );
};

describe('the import scanner itself', () => {
  it('sees every form of import', () => {
    const source = `
      import a from 'm1';
      import type { B } from 'm2';
      import 'm3';
      export * from 'm4';
      export { c } from 'm5';
      const d = await import('m6');
      const e = require('m7');
      import f = require('m8');
      import j from 'm9' with { type: 'json' };
      // import g from 'commented-out';
    `;
    const found = specifiersOf(source);
    for (const m of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']) expect(found).toContain(m);
    expect(found).not.toContain('commented-out');
  });

  it('matches scoped packages and subpaths but not look-alikes', () => {
    expect(matches('@aws-sdk/client-s3', /^@aws-sdk\//)).toBe(true);
    expect(matches('hono/jsx', 'hono')).toBe(true);
    expect(matches('hono', 'hono')).toBe(true);
    expect(matches('honorific', 'hono')).toBe(false);
    expect(matches('fs/promises', 'fs')).toBe(true);
  });

  it('names the offending file and import, and catches relative escapes', () => {
    const sample: Import[] = [
      { file: 'packages/core/src/x.ts', specifier: 'node:fs' },
      { file: 'packages/core/src/x.ts', specifier: './ok' },
      { file: 'packages/core/src/a/y.ts', specifier: '../../../data/src/keys' },
    ];
    expect(report(violations(sample, [/^node:/]))).toEqual(["packages/core/src/x.ts imports 'node:fs'"]);
    expect(report(escapes('core', sample))).toEqual([
      "packages/core/src/a/y.ts imports '../../../data/src/keys'",
    ]);
  });
});

describe('packages/core is pure', () => {
  const { files, imports } = importsOf('core');

  it('scans a non-zero number of files', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(imports.length).toBeGreaterThan(0);
  });

  it('imports no cloud SDK, HTTP framework, Node built-in or other package of ours', () => {
    const forbidden: (string | RegExp)[] = [
      /^@aws-sdk\//,
      /^@smithy\//,
      'aws-sdk',
      'hono',
      /^@hono\//,
      /^node:/,
      'fs',
      'net',
      'http',
      'https',
      'child_process',
      'crypto',
      'path',
      'os',
      /^@jixiao\//,
    ];
    expect(report(violations(imports, forbidden))).toEqual([]);
  });

  it('does not reach into other packages through relative paths', () => {
    expect(report(escapes('core', imports))).toEqual([]);
  });
});

describe('packages/data', () => {
  const { files, imports } = importsOf('data');

  it('scans a non-zero number of files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('imports nothing from the API, the console or the local runner', () => {
    expect(report(violations(imports, ['@jixiao/api', '@jixiao/web', '@jixiao/local']))).toEqual([]);
  });

  it('does not reach into other packages through relative paths', () => {
    expect(report(escapes('data', imports))).toEqual([]);
  });
});

describe('packages/web', () => {
  const { files, imports } = importsOf('web');

  it('scans a non-zero number of files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('goes through the API: no import of the data layer or cloud SDKs', () => {
    expect(report(violations(imports, ['@jixiao/data', /^@aws-sdk\//]))).toEqual([]);
  });

  it('does not reach into other packages through relative paths', () => {
    expect(report(escapes('web', imports))).toEqual([]);
  });
});
