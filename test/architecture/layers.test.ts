/**
 * The API's layers, each with one job: a contract (`contract.ts`) declares a route as data, a
 * route file (`routes.ts`) only translates HTTP to one use case, and use cases (`use-cases.ts`)
 * hold the rules without seeing HTTP. Storage keys and ids belong to the data layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const API = join(ROOT, 'packages/api/src');

const filesNamed = (dir: string, name: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesNamed(join(dir, e.name), name) : e.name === name ? [join(dir, e.name)] : [],
  );

const importsOf = (file: string) =>
  ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);

const offenders = (files: string[], test: (specifier: string, source: string) => boolean) =>
  files.flatMap((f) => {
    const source = readFileSync(f, 'utf8');
    return importsOf(f)
      .filter((s) => test(s, source))
      .map((s) => `${relative(ROOT, f)} imports '${s}'`);
  });

const routeFiles = filesNamed(API, 'routes.ts');
const useCaseFiles = filesNamed(API, 'use-cases.ts');
const contractFiles = filesNamed(API, 'contract.ts');

describe('API layers', () => {
  it('finds a route file, use cases and a contract per resource', () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
    expect(contractFiles.length).toBe(routeFiles.length);
    expect(useCaseFiles.length).toBeGreaterThanOrEqual(7);
  });

  it('route files never touch storage, build keys or make ids', () => {
    expect(offenders(routeFiles, (s) => s.startsWith('@jixiao/data') || s === 'node:crypto')).toEqual([]);
    const raw = routeFiles.filter((f) =>
      /\bT#|randomBytes|newId\(|\.data\.(store|org|tenants)\b/.test(readFileSync(f, 'utf8')),
    );
    expect(raw.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('use cases never see HTTP', () => {
    expect(
      offenders(useCaseFiles, (s) => s === 'hono' || s.startsWith('hono/') || s.startsWith('@hono/')),
    ).toEqual([]);
  });

  it('contracts are data: no handlers, storage or heavy libraries', () => {
    expect(
      offenders(
        contractFiles,
        (s) => s.startsWith('@jixiao/data') || s.startsWith('@jixiao/reports') || s === 'exceljs',
      ),
    ).toEqual([]);
  });

  it('nothing outside the data layer spells a storage key', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? e.name === 'node_modules'
            ? []
            : sources(join(dir, e.name))
          : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
            ? [join(dir, e.name)]
            : [],
      );
    const outside = ['core', 'api', 'web', 'reports', 'local'].flatMap((p) =>
      sources(join(ROOT, 'packages', p, 'src')),
    );
    expect(outside.length).toBeGreaterThan(100);
    const spelled = outside.filter((f) => /['`](T#|P#|PLATFORM#)/.test(readFileSync(f, 'utf8')));
    expect(spelled.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
