import {
  FINANCE_CALCULATORS,
  type GroupResult,
  RUN_STALE,
  type RunDigest,
  type Snapshot,
  scoreUnits,
  type UnitRunResult,
} from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { RUN_INCOMPLETE } from './step-errors';
import { CYCLE, memoryDeps, rawCycle, runAll, startRun, TENANT } from './testing';

/**
 * The steps over stand-in storage: a whole run gives what the engine gives in one piece; every step
 * is idempotent under the run id; a resumed run scores what was frozen and counts each batch once;
 * a run that is not this attempt's is refused; failures are recorded in both languages.
 */

const base = (run: string) => `tenants/${TENANT}/evaluations/${CYCLE}/${run}`;
const json = <T>(m: ReturnType<typeof memoryDeps>, run: string, name: string) =>
  JSON.parse(m.blobs.text(TENANT, `evaluations/${CYCLE}/${run}/${name}`)) as T;
const objectsOf = (m: ReturnType<typeof memoryDeps>, run: string) =>
  new Map(
    [...m.blobs.objects]
      .filter(([k]) => k.startsWith(`${base(run)}/`))
      .map(([k, v]) => [k.slice(base(run).length + 1), new TextDecoder().decode(v)]),
  );

describe('a whole run', () => {
  it('scores, ranks and grades every unit exactly as the engine does in one piece', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    const { job: out, items } = await runAll(m.handle, m.blobs, job);

    expect(out.items).toEqual({ bucket: 'jixiao-test', key: `${base('rnaaaaaaaaaaaa')}/items.json` });
    expect(items).toHaveLength(30);
    const run = (await m.runs.get(TENANT, CYCLE, 'rnaaaaaaaaaaaa'))!;
    expect(run).toMatchObject({
      status: 'ready',
      step: 'ready',
      done: ['freeze', 'peers', 'score', 'rank', 'write', 'report', 'ready'],
      scored: 30,
      total: 30,
      batches: ['E01', 'X04'],
      reported: 30,
      reportBatches: ['E01', 'E11', 'S09'],
      finishedAt: '2026-01-10T02:00:00.000Z',
    });
    expect(m.runs.lockHeld).toBeUndefined();
    // Every unit's reports in each format, then the office's and the People's Congress report.
    expect(m.reports.rendered).toHaveLength(30 * 3 + 2 * 3);
    expect(m.reports.rendered.slice(-6)).toEqual(
      ['office', 'congress'].flatMap((k) => ['pdf', 'xlsx', 'html'].map((f) => `${job.run}/${k}.${f}`)),
    );

    // The same inputs scored by the engine in one piece, per system.
    const snapshot = json<Snapshot>(m, 'rnaaaaaaaaaaaa', 'snapshot.json');
    expect(run.snapshot).toMatchObject({ key: `evaluations/${CYCLE}/rnaaaaaaaaaaaa/snapshot.json` });
    const adjustments = new Map(Object.entries(snapshot.adjustments));
    const groups = json<(GroupResult & { system: string })[]>(m, 'rnaaaaaaaaaaaa', 'groups.json');
    for (const b of snapshot.bindings) {
      const inputs = snapshot.inputs.filter((u) => b.groups.includes(u.group));
      const whole = scoreUnits(b.content, inputs, { calculators: FINANCE_CALCULATORS, adjustments });
      for (const expected of whole.units) {
        const got = json<UnitRunResult>(m, 'rnaaaaaaaaaaaa', `units/${expected.unit}.json`);
        expect(JSON.stringify(got.result)).toBe(JSON.stringify(expected));
        expect(got.system).toEqual(b.system);
      }
      const key = `${b.system.id}@${b.system.version}`;
      expect(groups.filter((g) => g.system === key).map(({ system: _s, ...g }) => g)).toEqual(whole.groups);
    }
    expect(groups.map((g) => g.group)).toEqual(['ECON', 'SOC', 'DIST']);

    // The veto, the adjustment and the determination reached the results.
    const s02 = json<UnitRunResult>(m, 'rnaaaaaaaaaaaa', 'units/S02.json');
    expect(s02.result.grade.code).toBe('fail');
    expect(json<UnitRunResult>(m, 'rnaaaaaaaaaaaa', 'units/E05.json').adjustment?.reason).toBe('评议会调整');
    expect(json<UnitRunResult>(m, 'rnaaaaaaaaaaaa', 'units/E03.json').provenance.SAFE?.origin).toBe(
      'determination',
    );

    // Rows and summary from the digest.
    const rows = m.runs.rowsOf.get('rnaaaaaaaaaaaa')!;
    expect(rows.map((r) => r.unit)).toEqual([...items].sort());
    const digest = json<RunDigest>(m, 'rnaaaaaaaaaaaa', 'digest.json');
    expect(rows.find((r) => r.unit === 'X01')).toEqual(digest.units.X01!.row);
    const grades: Record<string, number> = {};
    for (const r of rows) grades[r.grade] = (grades[r.grade] ?? 0) + 1;
    expect(run.summary).toEqual({
      units: 30,
      groups: 3,
      grades,
      warnings: rows.reduce((n, r) => n + r.warnings, 0),
    });
    expect(grades.fail).toBeGreaterThanOrEqual(1);
  });

  it('writes byte-equal results for a second run over the same inputs (nothing of the run inside)', async () => {
    const m = memoryDeps();
    const first = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await runAll(m.handle, m.blobs, first.job);
    m.tick(3_600_000);
    const second = startRun(m.runs, 'rnbbbbbbbbbbbb');
    // Batched differently: the results do not depend on how the Map batched the units.
    await runAll(m.handle, m.blobs, second.job, 7);
    const a = objectsOf(m, 'rnaaaaaaaaaaaa');
    const b = objectsOf(m, 'rnbbbbbbbbbbbb');
    const results = [...a.keys()].filter((k) => !k.startsWith('scored/'));
    expect(results.length).toBe(5 + 30);
    for (const k of results) expect(b.get(k), k).toBe(a.get(k));
    expect(a.get('snapshot.json')).not.toContain('rnaaaaaaaaaaaa');
    expect(a.get('digest.json')).not.toContain('2026-01-10');
  });
});

describe('idempotent under the run id', () => {
  it('answers every step again without writing anything', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    const { job: withItems, items } = await runAll(m.handle, m.blobs, job);
    const before = {
      puts: m.blobs.puts,
      writes: m.runs.writes,
      run: await m.runs.get(TENANT, CYCLE, job.run),
    };
    for (const step of ['freeze', 'peers', 'rank', 'write'] as const)
      expect(await m.handle({ step, job: withItems })).toEqual(withItems);
    expect(await m.handle({ step: 'score', job: withItems, units: items.slice(0, 25) })).toEqual(withItems);
    expect(await m.handle({ step: 'report', job: withItems, units: items.slice(10, 20) })).toEqual(withItems);
    expect(await m.handle({ step: 'ready', job: withItems })).toEqual(withItems);
    expect(m.blobs.puts).toBe(before.puts);
    expect(m.runs.writes).toBe(before.writes);
    expect(await m.runs.get(TENANT, CYCLE, job.run)).toEqual(before.run);
    expect(m.gathered).toEqual([job.run]);
  });

  it('the peers step answers the items pointer also when it was done before', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await m.handle({ step: 'freeze', job });
    const once = await m.handle({ step: 'peers', job });
    const twice = await m.handle({ step: 'peers', job });
    expect(twice).toEqual(once);
    expect(twice.items?.key).toMatch(/items\.json$/);
  });

  it('counts a batch delivered twice once, and does not score it again', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await m.handle({ step: 'freeze', job });
    const j = await m.handle({ step: 'peers', job });
    const units = ['E01', 'E02', 'E03'];
    await m.handle({ step: 'score', job: j, units });
    const puts = m.blobs.puts;
    await m.handle({ step: 'score', job: j, units });
    expect(m.blobs.puts).toBe(puts);
    const run = (await m.runs.get(TENANT, CYCLE, job.run))!;
    expect(run).toMatchObject({ scored: 3, batches: ['E01'], step: 'score' });
  });
});

describe('the report step', () => {
  /** A run scored, ranked and written: ready for its reports. */
  async function written() {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await m.handle({ step: 'freeze', job });
    const j = await m.handle({ step: 'peers', job });
    const items = JSON.parse(m.blobs.text(TENANT, `evaluations/${CYCLE}/${job.run}/items.json`)) as string[];
    await m.handle({ step: 'score', job: j, units: items });
    await m.handle({ step: 'rank', job: j });
    await m.handle({ step: 'write', job: j });
    return { m, j, items };
  }

  it('renders a batch’s unit reports and counts the batch once, delivered twice', async () => {
    const { m, j } = await written();
    const units = ['E01', 'E02', 'E03'];
    await m.handle({ step: 'report', job: j, units });
    expect(m.reports.rendered).toEqual(
      units.flatMap((u) => ['pdf', 'xlsx', 'html'].map((f) => `${j.run}/${u}.${f}`)),
    );
    const puts = m.blobs.puts;
    await m.handle({ step: 'report', job: j, units });
    expect(m.blobs.puts).toBe(puts);
    expect(m.reports.rendered).toHaveLength(9);
    expect(await m.runs.get(TENANT, CYCLE, j.run)).toMatchObject({
      step: 'report',
      reported: 3,
      reportBatches: ['E01'],
      // The score count is the score step's own.
      scored: 30,
      batches: ['E01'],
    });
  });

  it('renders nothing again for a batch rendered but not counted (the task died in between)', async () => {
    const { m, j } = await written();
    const units = ['S01', 'S02'];
    await m.reports.renderUnits(j, units);
    const rendered = [...m.reports.rendered];
    await m.handle({ step: 'report', job: j, units });
    expect(m.reports.rendered).toEqual(rendered);
    expect(await m.runs.get(TENANT, CYCLE, j.run)).toMatchObject({ reported: 2, reportBatches: ['S01'] });
  });

  it('needs the units’ results: a report before the ranking fails, and nothing is counted', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await m.handle({ step: 'freeze', job });
    const j = await m.handle({ step: 'peers', job });
    await expect(m.handle({ step: 'report', job: j, units: ['E01'] })).rejects.toMatchObject({
      message: expect.stringContaining('E01'),
    });
    expect(await m.runs.get(TENANT, CYCLE, j.run)).toMatchObject({ reported: 0, reportBatches: [] });
  });

  it('Ready refuses a run whose unit reports fall short, naming how many', async () => {
    const { m, j, items } = await written();
    await m.handle({ step: 'report', job: j, units: items.slice(0, 25) });
    await expect(m.handle({ step: 'ready', job: j })).rejects.toMatchObject({
      name: RUN_INCOMPLETE,
      message: expect.stringContaining('尚有 5 个单位的报告未生成'),
    });
    const run = (await m.runs.get(TENANT, CYCLE, j.run))!;
    expect(run.status).toBe('running');
    expect(run.done).not.toContain('report');
    // The office and congress reports wait for every unit's.
    expect(m.reports.rendered.filter((r) => /office|congress/.test(r))).toEqual([]);
  });

  it('a run resumed mid-way renders and counts only the batches not done', async () => {
    const { m, j, items } = await written();
    await m.handle({ step: 'report', job: j, units: items.slice(0, 10) });
    // The process died; the office resumes (attempt 2), which skips the steps done.
    const r = (await m.runs.get(TENANT, CYCLE, j.run))!;
    m.runs.runs.set(`${TENANT}/${CYCLE}/${j.run}`, { ...r, attempts: 2 });
    const before = m.reports.rendered.length;
    await runAll(m.handle, m.blobs, { ...j, attempt: 2 });
    const run = (await m.runs.get(TENANT, CYCLE, j.run))!;
    expect(run).toMatchObject({ status: 'ready', reported: 30, reportBatches: ['E01', 'E11', 'S09'] });
    expect(m.reports.rendered.length - before).toBe(20 * 3 + 2 * 3);
    expect(new Set(m.reports.rendered).size).toBe(m.reports.rendered.length);
  });
});

describe('resumption', () => {
  it('scores what was frozen, skipping steps and batches already done', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await m.handle({ step: 'freeze', job });
    const j = await m.handle({ step: 'peers', job });
    await m.handle({ step: 'score', job: j, units: ['E01', 'E02'] });
    // The process died; the office resumes (attempt 2). Inputs changed in the cycle meanwhile.
    m.deps.cycle.gather = async () => rawCycle({ adjustments: [] });
    const r = (await m.runs.get(TENANT, CYCLE, job.run))!;
    m.runs.runs.set(`${TENANT}/${CYCLE}/${job.run}`, { ...r, attempts: 2 });
    const resumed = { ...job, attempt: 2 };
    const { items } = await runAll(m.handle, m.blobs, resumed, 2);
    const run = (await m.runs.get(TENANT, CYCLE, job.run))!;
    expect(run.status).toBe('ready');
    expect(run.scored).toBe(items.length);
    expect(run.batches.filter((b) => b === 'E01')).toHaveLength(1);
    expect(m.gathered).toEqual([job.run]);
    // The adjustment frozen in the first attempt still counts.
    expect(json<UnitRunResult>(m, job.run, 'units/E05.json').adjustment?.points).toBeDefined();
  });

  it('an official run locks the evidence at the freeze; a trial run does not', async () => {
    const m = memoryDeps();
    await m.handle({ step: 'freeze', job: startRun(m.runs, 'rnaaaaaaaaaaaa').job });
    m.runs.lockHeld = undefined;
    await m.handle({ step: 'freeze', job: startRun(m.runs, 'rnbbbbbbbbbbbb', { kind: 'official' }).job });
    expect(m.locked).toEqual(['rnbbbbbbbbbbbb']);
  });
});

describe('refusals', () => {
  const stale = { name: RUN_STALE };

  it('refuses a run that is gone, not running, or taken over by a later attempt', async () => {
    const m = memoryDeps();
    const job = { tenant: TENANT, cycle: CYCLE, run: 'rnzzzzzzzzzzzz', attempt: 1 };
    await expect(m.handle({ step: 'freeze', job })).rejects.toMatchObject(stale);

    const failed = startRun(m.runs, 'rnaaaaaaaaaaaa', { status: 'failed' });
    await expect(m.handle({ step: 'freeze', job: failed.job })).rejects.toMatchObject({
      name: RUN_STALE,
      message: expect.stringContaining('不在计算中'),
    });

    const later = startRun(m.runs, 'rnbbbbbbbbbbbb', { attempts: 3 });
    await expect(m.handle({ step: 'freeze', job: { ...later.job, attempt: 2 } })).rejects.toMatchObject({
      name: RUN_STALE,
      message: expect.stringContaining('taken over by attempt 3'),
    });
  });

  it('stops when another run holds the cycle lock (its own lease ran out)', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    m.runs.lockHeld = { run: 'rnbbbbbbbbbbbb', leaseUntil: '2026-01-10T02:05:00.000Z' };
    await expect(m.handle({ step: 'freeze', job })).rejects.toMatchObject({
      name: RUN_STALE,
      message: expect.stringContaining('rnbbbbbbbbbbbb'),
    });
    expect(m.gathered).toEqual([]);
  });

  it('renews the lease at every step', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    m.tick(90_000);
    await m.handle({ step: 'freeze', job });
    expect(m.runs.lockHeld).toEqual({ run: job.run, leaseUntil: '2026-01-10T02:11:30.000Z' });
    expect((await m.runs.get(TENANT, CYCLE, job.run))!.leaseUntil).toBe('2026-01-10T02:11:30.000Z');
  });

  it('refuses to rank while units are unscored, naming them', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await m.handle({ step: 'freeze', job });
    const j = await m.handle({ step: 'peers', job });
    await m.handle({ step: 'score', job: j, units: ['E01', 'E02'] });
    await expect(m.handle({ step: 'rank', job: j })).rejects.toMatchObject({
      name: RUN_INCOMPLETE,
      message: expect.stringMatching(/^有 28 个单位尚未计分（E03、E04.*等）/),
    });
  });

  it('refuses a snapshot that differs from what was frozen', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await m.handle({ step: 'freeze', job });
    const key = `${base(job.run)}/snapshot.json`;
    m.blobs.objects.set(key, new TextEncoder().encode('{"units":[]}'));
    await expect(m.handle({ step: 'peers', job })).rejects.toMatchObject({ name: RUN_INCOMPLETE });
  });

  it('refuses a unit that is not in the snapshot', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await m.handle({ step: 'freeze', job });
    const j = await m.handle({ step: 'peers', job });
    await expect(m.handle({ step: 'score', job: j, units: ['NOPE'] })).rejects.toMatchObject({
      name: RUN_INCOMPLETE,
      message: expect.stringContaining('NOPE'),
    });
  });

  it('refuses an event that is not a step event', async () => {
    const m = memoryDeps();
    await expect(m.handle({ step: 'dance', job: {} })).rejects.toMatchObject({ name: 'InvalidStepEvent' });
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await expect(m.handle({ step: 'score', job, units: [] })).rejects.toMatchObject({
      name: 'InvalidStepEvent',
    });
  });
});

describe('RecordFailure', () => {
  it('records why in both languages, stops the run and lets the lock go', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await m.handle({ step: 'freeze', job });
    await m.handle({ step: 'peers', job });
    const cause = JSON.stringify({
      errorType: 'Throttled',
      errorMessage:
        '存储服务繁忙（SlowDown），稍后自动重试。\nStorage is busy (SlowDown); the step is retried shortly.',
      trace: ['at x'],
    });
    await m.handle({ step: 'fail', job, error: { Error: 'Throttled', Cause: cause } });
    const run = (await m.runs.get(TENANT, CYCLE, job.run))!;
    expect(run.status).toBe('failed');
    expect(run.failures).toEqual([
      {
        step: 'peers',
        error: 'Throttled',
        message: {
          zh: '「计算同组统计量」步骤失败（Throttled）：存储服务繁忙（SlowDown），稍后自动重试。',
          en: 'The step “Peer statistics per group” failed (Throttled): Storage is busy (SlowDown); the step is retried shortly.',
        },
        at: '2026-01-10T02:00:00.000Z',
      },
    ]);
    expect(m.runs.lockHeld).toBeUndefined();
    // Resumable: the office starts attempt 2, which skips what was done.
    m.runs.runs.set(`${TENANT}/${CYCLE}/${job.run}`, { ...run, status: 'running', attempts: 2 });
    await runAll(m.handle, m.blobs, { ...job, attempt: 2 });
    expect((await m.runs.get(TENANT, CYCLE, job.run))!.status).toBe('ready');
  });

  it('takes a plain cause and a missing one', async () => {
    const m = memoryDeps();
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await m.handle({ step: 'fail', job, error: { Error: 'States.Timeout', Cause: 'x'.repeat(400) } });
    const [f] = (await m.runs.get(TENANT, CYCLE, job.run))!.failures;
    expect(f!.message.zh).toMatch(/^「冻结数据并生成快照」步骤失败（States\.Timeout）：x{300}…$/);
    const other = startRun(m.runs, 'rnbbbbbbbbbbbb');
    await m.handle({ step: 'fail', job: other.job, error: { Error: 'States.TaskFailed' } });
    const [g] = (await m.runs.get(TENANT, CYCLE, other.job.run))!.failures;
    expect(g!.message).toEqual({
      zh: '「冻结数据并生成快照」步骤失败（States.TaskFailed）。',
      en: 'The step “Freeze inputs and snapshot them” failed (States.TaskFailed).',
    });
  });

  it('never throws for a run that is gone, and leaves a finished or taken-over run alone', async () => {
    const m = memoryDeps();
    const gone = { tenant: TENANT, cycle: CYCLE, run: 'rnzzzzzzzzzzzz', attempt: 1 };
    expect(await m.handle({ step: 'fail', job: gone, error: { Error: 'X' } })).toEqual(gone);
    const { job } = startRun(m.runs, 'rnaaaaaaaaaaaa');
    await runAll(m.handle, m.blobs, job);
    const before = await m.runs.get(TENANT, CYCLE, job.run);
    await m.handle({ step: 'fail', job, error: { Error: 'X' } });
    expect(await m.runs.get(TENANT, CYCLE, job.run)).toEqual(before);
    const taken = startRun(m.runs, 'rnbbbbbbbbbbbb', { attempts: 2 });
    await m.handle({ step: 'fail', job: { ...taken.job, attempt: 1 }, error: { Error: 'X' } });
    expect((await m.runs.get(TENANT, CYCLE, taken.job.run))!.status).toBe('running');
    expect(m.logs.filter((l) => l.msg === 'evaluation: failure not recorded').map((l) => l.why)).toEqual([
      'gone',
      'ready',
      'taken over',
    ]);
  });
});
