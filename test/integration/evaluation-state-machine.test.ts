import { execFile } from 'node:child_process';
import type { EvaluationRun, ResultRow } from '@jixiao/core';
import { RUN_LEASE_MS } from '@jixiao/core';
import type { FaultStep } from '@jixiao/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, resolveDemoIds } from '../support/routes';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The year-end state machine as the CDK app synthesizes it, executed end to end on the embedded
 * stack (aws-local-stepfunctions, each Task bound to the batch function's real handler, the
 * Distributed Map run by the local stand-in) over the demo year (2025 is in verification: trial
 * runs), started and resumed through the API:
 * - a run finishes with every unit scored, every unit's reports rendered (the second Distributed
 *   Map) and stored under the tenant's reports/<cycle>/, and status ready;
 * - killed at any step (no Catch: the process is gone, the run keeps its lease) and resumed once
 *   the lease has run out, it finishes with results byte-equal to an uninterrupted run's, every unit
 *   counted once and no object or row more;
 * - a task that fails goes through the Catch: the run is failed with the step and reason, and
 *   resumes to ready;
 * - two starts for one cycle: one runs, the other is refused (409 run_in_progress, bilingual);
 * - `npm run evaluate` drives the running app over HTTP to the same results.
 */
let s: TestStack;
type S3Middleware = {
  middlewareStack: {
    add(
      mw: (
        next: (a: { input: Record<string, unknown> }) => Promise<unknown>,
      ) => (a: { input: Record<string, unknown> }) => Promise<unknown>,
      o: { step: 'initialize'; name: string },
    ): void;
  };
};
let token: string;
/** The stack's clock runs this far ahead of the real one (to let a lease run out). */
let ahead = 0;
/** The demo's 2025 cycle. */
let C: string;
const T = '230100';
/** Units added to the demo's so that scoring takes three batches (25 + 25 + 3). */
const EXTRA = Array.from({ length: 40 }, (_, i) => `ZX${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  s = await startTestStack({ demoYear: true, demoResults: false, now: () => new Date(Date.now() + ahead) });
  token = await s.token(T, 'hrb-admin');
  await resolveDemoIds(async (path) => (await s.call('GET', path, { token })).body);
  C = DEMO.cycle!;
  (s.clients.s3 as unknown as S3Middleware).middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const key = String(args.input.Key ?? '');
      if (args.input.Body !== undefined && key.startsWith(`tenants/${T}/reports/${C}/`)) reportPuts.push(key);
      return result;
    },
    { step: 'initialize', name: 'testReportPuts' },
  );
  for (const code of EXTRA) {
    const r = await s.call('POST', '/v1/units', {
      token,
      body: { code, name: `测试单位${code}`, type: 'department', group: 'ECON' },
    });
    expect(r.status, r.text).toBe(201);
  }
}, 240_000);
afterAll(() => s?.stop());

const P = () => `/v1/cycles/${C}/evaluation/runs`;
const start = (reason: string) => s.call('POST', P(), { token, body: { reason } });
const resume = (run: string) => s.call('POST', `${P()}/${run}/resume`, { token });
const runOf = async (run: string): Promise<EvaluationRun> =>
  (await s.data.evaluation.runs.get(T, C, run)) as EvaluationRun;

/** The Maps' result folders under a run (per execution, so not part of its results). */
const MAP_RESULTS = ['map/', 'reports-map/'];

/** Every object of a run (the Maps' result files aside: they are per execution), by path under the run. */
async function objectsOf(run: string): Promise<Map<string, string>> {
  const prefix = ['evaluations', C, run];
  const out = new Map<string, string>();
  for (const o of await s.data.blobs.list(T, prefix)) {
    const rel = o.path.slice(`${prefix.join('/')}/`.length);
    if (MAP_RESULTS.some((m) => rel.startsWith(m))) continue;
    const bytes = await s.data.blobs.get(T, o.path.split('/'));
    out.set(rel, Buffer.from(bytes!).toString('base64'));
  }
  return out;
}
const rowsOf = (run: string): Promise<ResultRow[]> => s.data.evaluation.runs.rows(T, C, run);

/**
 * The report files written to the cycle's reports/<cycle>/<format>/<sha256>, in order, seen on the
 * stack's S3 client (a listing of a thousand and more keys needs a flag of Node's that the test
 * runner lacks). Content-addressed, so no key is ever written twice.
 */
const reportPuts: string[] = [];
type Counts = Record<'pdf' | 'xlsx' | 'html', number>;
function reportCounts(): Counts {
  const out: Counts = { pdf: 0, xlsx: 0, html: 0 };
  for (const key of reportPuts) out[key.split('/')[4] as keyof Counts]++;
  return out;
}

/** The cycle's report files before the run under test (each run's header names it: new files). */
let reported: Counts = { pdf: 0, xlsx: 0, html: 0 };

/** Starts a run through the API and waits for the executions it set off. */
async function runToEnd(reason: string): Promise<EvaluationRun> {
  reported = reportCounts();
  const r = await start(reason);
  expect(r.status, r.text).toBe(202);
  await s.evaluation.idle();
  return runOf(r.body.id);
}

let reference: { run: EvaluationRun; objects: Map<string, string>; rows: ResultRow[] };

/** The run's results against the uninterrupted run's: byte-equal objects, equal rows, each unit once. */
async function expectSameResults(run: string) {
  const r = await runOf(run);
  expect(r).toMatchObject({
    status: 'ready',
    step: 'ready',
    scored: r.total,
    reported: r.total,
    total: reference.run.total,
  });
  expect([...r.done].sort()).toEqual(['freeze', 'peers', 'rank', 'ready', 'report', 'score', 'write']);
  expect(new Set(r.batches).size).toBe(r.batches.length);
  expect([...r.batches].sort()).toEqual([...reference.run.batches].sort());
  expect(new Set(r.reportBatches).size).toBe(r.reportBatches.length);
  expect([...r.reportBatches].sort()).toEqual([...reference.run.reportBatches].sort());
  // Every unit's reports and the run's two, in each format (content-addressed: rendered once each).
  expect(new Set(reportPuts).size).toBe(reportPuts.length);
  expect(reportCounts()).toEqual({
    pdf: reported.pdf + r.total + 2,
    xlsx: reported.xlsx + r.total + 2,
    html: reported.html + r.total + 2,
  });
  expect(r.snapshot?.sha256).toBe(reference.run.snapshot?.sha256);
  expect(r.summary).toEqual(reference.run.summary);
  const objects = await objectsOf(run);
  expect([...objects.keys()].sort()).toEqual([...reference.objects.keys()].sort());
  for (const [path, bytes] of reference.objects) expect(objects.get(path), path).toBe(bytes);
  const rows = await rowsOf(run);
  expect(rows).toHaveLength(r.total);
  expect(rows).toEqual(reference.rows);
}

describe('an uninterrupted run', () => {
  // The first run parses the report font and warms the renderers: it takes longer than the others.
  it('scores every unit of the cycle in the Distributed Map’s batches, renders their reports and ends ready', async () => {
    expect(reportCounts()).toEqual({ pdf: 0, xlsx: 0, html: 0 });
    const r = await start('首次试算');
    expect(r.status, r.text).toBe(202);
    // The route answers at once; the execution runs in the background.
    expect(r.body).toMatchObject({ status: 'running', attempts: 1 });
    await s.evaluation.idle();
    const run = await runOf(r.body.id);
    expect(run).toMatchObject({ status: 'ready', step: 'ready', kind: 'trial', failures: [] });
    expect(run.total).toBeGreaterThanOrEqual(13 + EXTRA.length);
    expect(run.scored).toBe(run.total);
    expect(run.batches).toHaveLength(Math.ceil(run.total / 25));
    expect(run.reported).toBe(run.total);
    expect(run.reportBatches).toHaveLength(Math.ceil(run.total / 10));
    expect(run.done).toEqual(['freeze', 'peers', 'score', 'rank', 'write', 'report', 'ready']);
    expect(await s.data.evaluation.runs.holder(T, C)).toBeUndefined();

    const outcome = s.evaluation.outcomes.at(-1)!;
    expect(outcome).toMatchObject({ name: `${run.id}-1`, status: 'SUCCEEDED' });
    expect(outcome.invocations).toEqual({
      freeze: 1,
      peers: 1,
      score: Math.ceil(run.total / 25),
      rank: 1,
      write: 1,
      report: Math.ceil(run.total / 10),
      ready: 1,
    });
    // Every unit's report in each format under the tenant's reports/<cycle>/, and the run's two.
    expect(reportCounts()).toEqual({ pdf: run.total + 2, xlsx: run.total + 2, html: run.total + 2 });
    const stored = await s.data.blobs.list(T, ['reports', C]);
    expect(stored.map((o) => `tenants/${T}/${o.path}`).sort()).toEqual([...reportPuts].sort());
    const pdf = reportPuts.find((k) => k.split('/')[4] === 'pdf')!;
    const bytes = await s.data.blobs.get(T, pdf.split('/').slice(2));
    expect(Buffer.from(bytes!.slice(0, 5)).toString()).toBe('%PDF-');

    const objects = await objectsOf(run.id);
    expect([...objects.keys()]).toEqual(
      expect.arrayContaining(['snapshot.json', 'peers.json', 'items.json', 'groups.json', 'digest.json']),
    );
    expect([...objects.keys()].filter((k) => k.startsWith('units/'))).toHaveLength(run.total);
    expect(await rowsOf(run.id)).toHaveLength(run.total);
    reference = { run, objects, rows: await rowsOf(run.id) };
  }, 180_000);

  it('leaves the Map’s result files under the run’s prefix, as the ResultWriter says', async () => {
    const { run } = reference;
    const base = ['evaluations', C, run.id, 'map', `${run.id}-1`];
    const manifest = JSON.parse(
      Buffer.from((await s.data.blobs.get(T, [...base, 'manifest.json']))!).toString(),
    );
    expect(manifest.ResultFiles.FAILED).toEqual([]);
    expect(manifest.ResultFiles.SUCCEEDED).toEqual([
      { Key: `tenants/${T}/${[...base, 'SUCCEEDED_0.json'].join('/')}`, Size: expect.any(Number) },
    ]);
    const succeeded = JSON.parse(
      Buffer.from((await s.data.blobs.get(T, [...base, 'SUCCEEDED_0.json']))!).toString(),
    );
    expect(succeeded).toHaveLength(run.batches.length);
    for (const child of succeeded) {
      expect(child.Status).toBe('SUCCEEDED');
      // Each batch got the job (pointers) and up to 25 unit codes, and answered the job.
      const input = JSON.parse(child.Input);
      expect(input.BatchInput.job).toMatchObject({
        run: run.id,
        attempt: 1,
        items: { key: expect.any(String) },
      });
      expect(input.Items.length).toBeLessThanOrEqual(25);
      expect(JSON.parse(child.Output)).toMatchObject({ run: run.id });
    }
  });

  it('leaves the report Map’s result files under reports-map, one child execution per 10 units', async () => {
    const { run } = reference;
    const base = ['evaluations', C, run.id, 'reports-map', `${run.id}-1`];
    const manifest = JSON.parse(
      Buffer.from((await s.data.blobs.get(T, [...base, 'manifest.json']))!).toString(),
    );
    expect(manifest.ResultFiles.FAILED).toEqual([]);
    const succeeded = JSON.parse(
      Buffer.from((await s.data.blobs.get(T, [...base, 'SUCCEEDED_0.json']))!).toString(),
    );
    expect(succeeded).toHaveLength(run.reportBatches.length);
    const units = succeeded.flatMap((child: { Input: string }) => JSON.parse(child.Input).Items as string[]);
    expect(units).toHaveLength(run.total);
    expect(new Set(units).size).toBe(run.total);
  });

  it('gives byte-equal results when run again over the same inputs', async () => {
    const again = await runToEnd('再次试算');
    await expectSameResults(again.id);
  });
});

describe('killed at any step and resumed', () => {
  const cases: { at: string; step: FaultStep; after?: number }[] = [
    { at: 'freeze', step: 'freeze' },
    { at: 'peers', step: 'peers' },
    { at: 'score, after the first batch', step: 'score', after: 1 },
    { at: 'rank', step: 'rank' },
    { at: 'write', step: 'write' },
    { at: 'report, after the first batch', step: 'report', after: 1 },
    { at: 'ready', step: 'ready' },
  ];
  it.each(cases)('at $at: resumes once the lease ran out, to the same results', async (c) => {
    s.evaluation.inject({ step: c.step, kind: 'kill', ...(c.after ? { after: c.after } : {}) });
    const killedRun = await runToEnd(`中断于 ${c.step}`);
    expect(s.evaluation.outcomes.at(-1)).toMatchObject({ name: `${killedRun.id}-1`, status: 'KILLED' });
    // As after a process kill: still running, holding the lock with its lease; nothing recorded.
    expect(killedRun).toMatchObject({ status: 'running', failures: [] });
    expect(killedRun.done).not.toContain(c.step);
    expect((await s.data.evaluation.runs.holder(T, C))?.run).toBe(killedRun.id);
    if (c.step === 'score') {
      // Mid-way: the first batch was scored and counted, the others not.
      expect(killedRun.scored).toBeGreaterThan(0);
      expect(killedRun.scored).toBeLessThan(killedRun.total);
    }
    if (c.step === 'report') {
      // Mid-way: every unit scored, the first batch's reports rendered and counted, the others not.
      expect(killedRun.scored).toBe(killedRun.total);
      expect(killedRun.reported).toBeGreaterThan(0);
      expect(killedRun.reported).toBeLessThan(killedRun.total);
    }

    // While the lease runs, neither a resume nor a new start is allowed.
    const early = await resume(killedRun.id);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('run_in_progress');
    expect((await start('另一次')).status).toBe(409);

    ahead += RUN_LEASE_MS + 60_000; // past the lease
    const resumed = await resume(killedRun.id);
    expect(resumed.status, resumed.text).toBe(202);
    expect(resumed.body).toMatchObject({ id: killedRun.id, attempts: 2, status: 'running' });
    await s.evaluation.idle();
    expect(s.evaluation.outcomes.at(-1)).toMatchObject({ name: `${killedRun.id}-2`, status: 'SUCCEEDED' });
    await expectSameResults(killedRun.id);
    expect((await runOf(killedRun.id)).attempts).toBe(2);
  });
});

describe('a task that fails (after its work, as when Lambda times out after the writes)', () => {
  it.each([
    { step: 'rank' as const, error: 'InjectedFault' },
    // A failed batch fails the Map (no failure is tolerated), and the Map's Catch records it.
    { step: 'score' as const, error: 'States.ExceedToleratedFailureThreshold' },
    { step: 'report' as const, error: 'States.ExceedToleratedFailureThreshold' },
  ])(
    'at $step goes through the Catch: the run is failed with the step and reason, then resumes',
    async (c) => {
      s.evaluation.inject({ step: c.step, kind: 'throw' });
      const failed = await runToEnd(`故障于 ${c.step}`);
      expect(s.evaluation.outcomes.at(-1)).toMatchObject({ status: 'FAILED', error: c.error });
      expect(failed.status).toBe('failed');
      expect(failed.failures).toHaveLength(1);
      expect(failed.failures[0]).toMatchObject({ step: c.step, error: c.error });
      expect(failed.failures[0]!.message.zh).toMatch(/注入的故障/);
      expect(failed.failures[0]!.message.en).toMatch(/Injected fault/);
      // The lock is let go at once: no waiting for the lease.
      expect(await s.data.evaluation.runs.holder(T, C)).toBeUndefined();

      const resumed = await resume(failed.id);
      expect(resumed.status, resumed.text).toBe(202);
      await s.evaluation.idle();
      await expectSameResults(failed.id);
    },
  );
});

describe('two starts for one cycle', () => {
  it('runs one; the other is refused with run_in_progress, naming the running run in both languages', async () => {
    const [a, b] = await Promise.all([start('并发一'), start('并发二')]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([202, 409]);
    const [ok, refused] = a.status === 202 ? [a, b] : [b, a];
    expect(refused.body.code).toBe('run_in_progress');
    expect(refused.body.message.zh).toContain(`第 ${ok.body.number} 次计算正在进行`);
    expect(refused.body.message.en).toContain(`Run ${ok.body.number} of this cycle is under way`);
    await s.evaluation.idle();
    expect((await runOf(ok.body.id)).status).toBe('ready');
    // The refused start left no run behind.
    const runs = await s.data.evaluation.runs.all(T, C);
    expect(runs.filter((r) => r.reason === '并发一' || r.reason === '并发二')).toHaveLength(1);
  });
});

describe('npm run evaluate (the CLI) against the running app', () => {
  /** Runs the CLI as `npm run evaluate` does, against this stack (asynchronously: the stack serves it). */
  const cli = (...args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const { port, hostname } = new URL(s.url);
      execFile(
        process.execPath,
        ['--openssl-legacy-provider', '--import', 'tsx', 'packages/local/src/evaluate.ts', ...args],
        { encoding: 'utf8', env: { ...process.env, PORT: port, HOST: hostname }, timeout: 120_000 },
        (error, out, err) => resolve({ code: error ? (error.code as number | null) : 0, out, err }),
      );
    });

  it('starts a run over HTTP, shows its progress and ends with the results per group', async () => {
    const r = await cli('--tenant', T, '--year', '2025', '--reason', '命令行试算');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/\[█+\] \d+\/\d+ {2}7\/7 /);
    const run = (await s.data.evaluation.runs.all(T, C)).find((x) => x.reason === '命令行试算')!;
    expect(run).toMatchObject({ status: 'ready', scored: reference.run.total });
    // Every unit on its line with its rank, total and grade, under its group.
    for (const row of reference.rows)
      expect(r.out).toMatch(
        new RegExp(`${row.rank}/${row.of} +${row.name} +${row.total.shown} +${row.gradeLabel.zh}`),
      );
    expect(r.err).toContain(`${run.total} units in`);
  }, 120_000);

  it('says so, in both languages and with a non-zero exit, when there is nothing to resume', async () => {
    const r = await cli('--tenant', T, '--year', '2025', '--resume');
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有可以继续的计算。');
    expect(r.err).toContain('There is no stopped run to resume.');
  }, 120_000);
});
