import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type SystemContent, sampleInputs } from '@jixiao/core';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * A client generated from `/openapi.json` by third-party tools, as an integrator would make one:
 * openapi-typescript (types) and openapi-fetch (its client), both pinned devDependencies. The
 * scenario in ./typed-client (list the systems, a bad body → the typed problem, a draft from a
 * template → the trial's typed result) is compiled by the repo's tsc in strict mode beside the
 * generated types, with nothing loose allowed, then run with tsx against the embedded stack; what
 * it saw is compared with what the API answers the test for the same requests.
 */
const REPO = resolve(import.meta.dirname, '../..');
const SCENARIO = join(import.meta.dirname, 'typed-client');
const TRIAL = '/v1/indicator-systems/{id}/versions/{v}/trial';
const T = '230100';
const run = promisify(execFile);

let s: TestStack;
let dir: string;
let token: string;
let generated: string;
const took: Record<string, number> = {};

/**
 * A component's declaration in openapi-typescript's output (members of `components.schemas` are
 * indented 8 spaces; a declaration ends with the first line indented no deeper), comments dropped.
 */
function componentText(ts: string, name: string): string {
  const start = ts.indexOf(`\n        ${name}: `);
  if (start < 0) throw new Error(`no component ${name} in the generated types`);
  const firstEnd = ts.indexOf('\n', start + 1);
  let end = firstEnd;
  if (!ts.slice(start, firstEnd).trimEnd().endsWith(';')) {
    const next = /\n {0,8}\S[^\n]*/g;
    next.lastIndex = firstEnd;
    const last = next.exec(ts);
    end = last ? last.index + last[0].length : ts.length;
  }
  return ts.slice(start + 1, end).replace(/\/\*\*[\s\S]*?\*\//g, '');
}

/** The components a component refers to, itself included, transitively. */
function componentsUsedBy(ts: string, name: string): string[] {
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const m of componentText(ts, n).matchAll(/components\["schemas"\]\["(\w+)"\]/g)) visit(m[1]!);
  };
  visit(name);
  return [...seen];
}

async function timed<R>(what: string, f: () => Promise<R>): Promise<R> {
  const t = performance.now();
  try {
    return await f();
  } finally {
    took[what] = (performance.now() - t) / 1000;
  }
}

beforeAll(async () => {
  s = await startTestStack();
  token = await s.token(T, 'hrb-admin');
  dir = mkdtempSync(join(tmpdir(), 'jixiao-openapi-client-'));
  // The scenario's project: its two files, the generated types, and the repo's node_modules (so
  // tsc, tsx and the program resolve openapi-fetch and @types/node from the versions the repo pins).
  for (const f of ['scenario.mts', 'main.mts']) copyFileSync(join(SCENARIO, f), join(dir, f));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // Over HTTP, as an integrator fetches it.
  const doc = await (await fetch(`${s.url}/openapi.json`)).json();
  generated = await timed('generate', async () => astToString(await openapiTS(doc, { silent: true })));
  // A source file, not a .d.ts, so tsc checks the generated types themselves (libraries' are skipped).
  writeFileSync(join(dir, 'api.ts'), generated);
}, 600_000);

afterAll(async () => {
  await s?.stop();
  if (dir) {
    // The link first, so removing the folder can never reach into the repo's node_modules.
    try {
      unlinkSync(join(dir, 'node_modules'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  const secs = (k: string) => `${(took[k] ?? 0).toFixed(1)} s`;
  console.log(
    `clients: openapi-typescript generated ${Math.round((generated?.length ?? 0) / 1024)} KiB of types (${secs('generate')}), tsc --strict compiled the scenario (${secs('tsc')}), tsx ran it (${secs('run')})`,
  );
});

describe('a client generated from /openapi.json by openapi-typescript and openapi-fetch', () => {
  it('types the trial’s 200 body all the way down: nothing unknown or any', () => {
    const trial = generated.indexOf(`"${TRIAL}": {`);
    expect(trial, 'the trial path is in the generated paths').toBeGreaterThan(0);
    // The operation's 200 answer names its component (a path item's text ends at the next path).
    const op = generated.slice(trial, generated.indexOf('\n    "/v1/', trial + 1));
    const ok =
      /200: \{\s*headers: \{[^}]*\};\s*content: \{\s*"application\/json": components\["schemas"\]\["(\w+)"\];/.exec(
        op,
      );
    expect(ok?.[1], op.slice(0, 2000)).toBe('ScoringResult');
    const used = componentsUsedBy(generated, 'ScoringResult');
    // The recursive breakdown is its own components, referring to each other.
    expect(used).toEqual(expect.arrayContaining(['UnitResult', 'LeafResult', 'BranchResult', 'Amount']));
    expect(componentText(generated, 'BranchResult')).toContain(
      'children: (components["schemas"]["LeafResult"] | components["schemas"]["BranchResult"])[];',
    );
    for (const name of used) expect(componentText(generated, name), name).not.toMatch(/\b(unknown|any)\b/);
  });

  it('compiles the scenario with tsc --strict and noUncheckedIndexedAccess, without a diagnostic', async () => {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM'],
          types: ['node'],
          skipLibCheck: true,
        },
        files: ['main.mts', 'scenario.mts', 'api.ts'],
      }),
    );
    const tsc = join(REPO, 'node_modules/.bin/tsc');
    const out = await timed('tsc', () =>
      run(tsc, ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: dir }).catch(
        (e: { stdout?: string; stderr?: string; message: string }) => ({
          stdout: e.stdout || e.message,
          stderr: e.stderr ?? '',
        }),
      ),
    );
    expect(`${out.stdout}${out.stderr}`.trim()).toBe('');
  });

  it('runs the scenario against the stack: the list, the typed problem, the typed trial', async () => {
    const admin = (method: string, path: string, body?: unknown) => s.call(method, path, { token, body });
    const template = (await admin('GET', '/v1/indicator-templates')).body.items[0].id as string;
    const content = (await admin('GET', `/v1/indicator-templates/${template}`)).body.content as SystemContent;
    // The product's own sample inputs for the template's leaves (as the console's trial panel has them).
    const units = sampleInputs(content, [
      { unit: 'FGW', group: 'ECON' },
      { unit: 'CZJ', group: 'ECON' },
    ]);
    const before = (await admin('GET', '/v1/indicator-systems?limit=200')).body.items;
    const input = join(dir, 'input.json');
    writeFileSync(
      input,
      JSON.stringify({ baseUrl: s.url, token, template, name: '2026 年度集成方试算', units }),
    );
    const { stdout } = await timed('run', () =>
      run(process.execPath, ['--import', 'tsx', 'main.mts', input], { cwd: dir, timeout: 120_000 }),
    );
    const saw = JSON.parse(stdout);

    // (a) The same list the API gives.
    expect(saw.listed).toEqual(
      before.map((x: any) => ({ id: x.id, name: x.latest.name, status: x.latest.status })),
    );
    expect(saw.listed.length).toBeGreaterThan(0);

    // (b) The problem the API answers the same bad body, read through its typed fields.
    const bad = await admin('POST', '/v1/indicator-systems', { name: '' });
    expect(saw.refused).toMatchObject({
      status: bad.status,
      code: bad.body.code,
      title: bad.body.title,
      zh: bad.body.message.zh,
      en: bad.body.message.en,
    });
    expect(saw.refused.status).toBe(422);
    expect(saw.refused.contentType).toContain('application/problem+json');
    expect(saw.refused.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(saw.refused.fields.length).toBeGreaterThan(0);
    expect(saw.refused.fields.every((f: { path: string }) => f.path.startsWith('body'))).toBe(true);

    // (c) The draft is there, from the template, and the trial says what the API says for the same units.
    const draft = (await admin('GET', `/v1/indicator-systems/${saw.draft.id}`)).body;
    expect(draft).toMatchObject({ id: saw.draft.id, template, name: '2026 年度集成方试算', status: 'draft' });
    expect(saw.draft).toEqual({ id: draft.id, version: draft.systemVersion, status: 'draft' });
    const trial = await admin(
      'POST',
      `/v1/indicator-systems/${draft.id}/versions/${draft.systemVersion}/trial`,
      {
        units: saw.sent,
      },
    );
    expect(trial.status).toBe(200);
    expect(saw.trial.system).toBe(trial.body.system);
    expect(saw.trial.units.map((u: any) => [u.unit, u.total, u.grade, u.gradeZh, u.rank, u.of])).toEqual(
      trial.body.units.map((u: any) => [
        u.unit,
        u.total.shown,
        u.grade.code,
        u.grade.label.zh,
        u.rank.rank,
        u.rank.of,
      ]),
    );
    const byUnit = Object.fromEntries(saw.trial.units.map((u: any) => [u.unit, u]));
    for (const code of ['FGW', 'CZJ']) {
      const u = byUnit[code];
      // No bonus in the sample inputs: the total is the sum of the shown dimension points.
      const dims = u.dimensionPoints.reduce((a: number, p: string) => a + Number(p), 0);
      expect(Number(u.total)).toBeCloseTo(dims, 6);
      expect(u.scored).toBeGreaterThan(0);
      expect(u.depth).toBeGreaterThan(1);
      expect(u.of).toBe(3);
    }
    // The unit that sent nothing: every leaf missing, 0 points, last.
    expect(byUnit.GXJ).toMatchObject({ total: '0.00', scored: 0, rank: 3 });
    expect(byUnit.GXJ.leaves).toBe(byUnit.FGW.leaves);
  });
});
