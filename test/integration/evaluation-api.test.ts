import { RUN_LEASE_MS } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoReview } from '../support/fixtures/meeting';
import { DEMO, resolveDemoIds } from '../support/routes';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The year-end evaluation's API on the embedded stack with the demo year, the state machine run by
 * the stack's own launcher: trial runs in verification (results, a unit's breakdown, comparison),
 * one run at a time, official runs in review released by the pointer and read by the units, a
 * second release flipping the pointer, determinations and their checks, and resuming stopped runs.
 */
let s: TestStack;
const tok: Record<string, string> = {};
/** The stack's clock runs this far ahead of the wall clock (to let a run's lease run out). */
let ahead = 0;
let cycleUnits = 0;

const P = () => `/v1/cycles/${DEMO.cycle}`;
const E = () => `${P()}/evaluation`;

async function call(
  who: string,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  return s.call(method, path, {
    token: tok[who],
    ...(body === undefined ? {} : { body }),
    ...(headers ? { headers } : {}),
  });
}

async function ok(who: string, method: string, path: string, body?: unknown) {
  const r = await call(who, method, path, body);
  expect(r.status, `${method} ${path}: ${r.text.slice(0, 400)}`).toBeLessThan(300);
  return r.body;
}

/**
 * The run once the stack's state machine has nothing in flight (it runs in the background; the
 * launcher's `idle()` resolves when every execution has ended, finished, failed or killed).
 */
async function finished(run: string, cycle = DEMO.cycle!): Promise<any> {
  await s.evaluation.idle();
  return ok('hrb-admin', 'GET', `/v1/cycles/${cycle}/evaluation/runs/${run}`);
}

async function startRun(reason: string, cycle = DEMO.cycle!) {
  const r = await call('hrb-admin', 'POST', `/v1/cycles/${cycle}/evaluation/runs`, { reason });
  expect(r.status, r.text).toBe(202);
  return r.body;
}

async function auditActions(): Promise<{ action: string; before?: any; after?: any; target: any }[]> {
  return (await ok('hrb-admin', 'GET', '/v1/audit?limit=200')).items;
}

beforeAll(async () => {
  s = await startTestStack({ demoYear: true, demoResults: false, now: () => new Date(Date.now() + ahead) });
  for (const u of ['hrb-admin', 'hrb-observer', 'hrb-fgw', 'hrb-jyj', 'hrb-expert'])
    tok[u] = await s.token('230100', u);
  tok['bx-admin'] = await s.token('230125', 'bx-admin');
  await resolveDemoIds(async (path) => (await s.call('GET', path, { token: tok['hrb-admin'] })).body);
  cycleUnits = (await ok('hrb-admin', 'GET', P())).units;
}, 420_000);
afterAll(() => s.stop());

describe('trial runs (试算) in verification', () => {
  let first: any;

  it('starts a trial at once (202) and runs it to ready with every unit scored', async () => {
    const before = await ok('hrb-admin', 'GET', E());
    expect(before.cycle.state).toBe('verification');
    expect(before.readiness.kind).toBe('trial');
    expect(before.readiness.blockers).toEqual([]);
    expect(before.released).toBeNull();

    const headers = { 'idempotency-key': 'evaluation-trial-0001' };
    const started = await call('hrb-admin', 'POST', `${E()}/runs`, { reason: '核验期间试算' }, headers);
    expect(started.status, started.text).toBe(202);
    expect(started.body).toMatchObject({
      kind: 'trial',
      trigger: 'office',
      reason: '核验期间试算',
      appeals: [],
      attempts: 1,
      current: false,
      releasable: false,
      started: { by: expect.any(String), at: expect.any(String) },
    });
    expect(started.body.number).toBe(Math.max(0, ...before.runs.map((r: any) => r.number)) + 1);
    // The same request again (a retry) is the same run, not a second one.
    const replay = await call('hrb-admin', 'POST', `${E()}/runs`, { reason: '核验期间试算' }, headers);
    expect(replay.status).toBe(202);
    expect(replay.body.id).toBe(started.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    first = await finished(started.body.id);
    expect(first.status, JSON.stringify(first.failures)).toBe('ready');
    expect(first.total).toBe(cycleUnits);
    expect(first.scored).toBe(first.total);
    expect(first.percent).toBe(100);
    expect(first.done).toEqual(['freeze', 'peers', 'score', 'rank', 'write', 'report', 'ready']);
    expect(first.summary.units).toBe(cycleUnits);
    expect(first.finishedAt).toEqual(expect.any(String));

    const after = await ok('hrb-admin', 'GET', E());
    expect(after.runs[0].id).toBe(first.id);
    expect(after.runs.filter((r: any) => r.id === first.id)).toHaveLength(1);
    expect(after.active).toBeNull();
    expect(after.appealWindow).toMatchObject({ opens: expect.any(String), open: expect.any(Boolean) });
    const audit = (await auditActions()).find(
      (e) => e.action === 'evaluation.start' && e.target.id === `${DEMO.cycle}/${first.id}`,
    );
    expect(audit?.after).toMatchObject({ number: first.number, kind: 'trial', trigger: 'office' });
  });

  it('runs one at a time: of two starts, one runs and the other is told which run is under way', async () => {
    const [a, b] = await Promise.all([
      call('hrb-admin', 'POST', `${E()}/runs`, { reason: '并发发起一' }),
      call('hrb-admin', 'POST', `${E()}/runs`, { reason: '并发发起二' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const [won, lost] = a.status === 202 ? [a, b] : [b, a];
    expect(lost.body.code).toBe('run_in_progress');
    expect(lost.body.detail.number).toBe(won.body.number);
    expect(lost.body.message.zh).toContain(`第 ${won.body.number} 次计算正在进行`);
    expect(lost.body.message.en).toContain(`Run ${won.body.number} of this cycle is under way`);
    expect((await finished(won.body.id)).status).toBe('ready');
    // The runs are numbered without gaps: the refused start wrote nothing.
    const all = (await ok('hrb-admin', 'GET', E())).runs.map((r: any) => r.number);
    expect(all[0]).toBe(won.body.number);
    expect(all).toEqual([...all].sort((x: number, y: number) => y - x));
  });

  it('shows the results: rows in group and rank order, the groups, and a unit’s breakdown', async () => {
    const res = await ok('hrb-observer', 'GET', `${E()}/runs/${first.id}/results`);
    expect(res.run.id).toBe(first.id);
    expect(res.rows).toHaveLength(cycleUnits);
    const keys = res.rows.map((r: any) => [r.group, r.rank, r.unit]);
    const sorted = [...keys].sort((x, y) =>
      x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || (x[2] < y[2] ? -1 : 1),
    );
    expect(keys).toEqual(sorted);
    expect(new Set(res.groups.map((g: any) => g.group))).toEqual(new Set(res.rows.map((r: any) => r.group)));
    for (const g of res.groups) expect(g.system).toMatch(/^is/);

    const fgw = await ok('hrb-admin', 'GET', `${E()}/runs/${first.id}/units/FGW`);
    expect(fgw.unit).toMatchObject({ code: 'FGW', group: res.rows.find((r: any) => r.unit === 'FGW').group });
    expect(fgw.result.unit).toBe('FGW');
    expect(fgw.result.result.total.shown).toBe(res.rows.find((r: any) => r.unit === 'FGW').total.shown);
    expect(Object.keys(fgw.result.provenance).length).toBeGreaterThan(0);
    expect(fgw.result.stages.length).toBeGreaterThan(0);

    // A unit not in the run, a run that does not exist, another tenant: all missing alike.
    expect((await call('hrb-admin', 'GET', `${E()}/runs/${first.id}/units/NOSUCH`)).status).toBe(404);
    expect((await call('hrb-admin', 'GET', `${E()}/runs/rnaaaaaaaaaaaa/results`)).status).toBe(404);
    expect((await call('bx-admin', 'GET', `${E()}/runs/${first.id}/results`)).status).toBe(404);
    // Units and experts do not oversee the cycle.
    expect((await call('hrb-fgw', 'GET', `${E()}/runs/${first.id}/units/FGW`)).status).toBe(403);
    expect((await call('hrb-expert', 'GET', E())).status).toBe(403);
  });

  it('compares a run with the one before: the corrected value shows as a change of input', async () => {
    const oldest = (await ok('hrb-admin', 'GET', E())).runs.at(-1);
    const none = await call('hrb-admin', 'GET', `${E()}/runs/${oldest.id}/compare`);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('precondition_failed');

    const values = await ok('hrb-admin', 'GET', `${P()}/values?unit=FGW&limit=200`);
    const v = values.items.find((x: any) => typeof x.value === 'number' && x.value > 0);
    expect(v, 'FGW has a reported value').toBeDefined();
    await ok('hrb-admin', 'POST', `${P()}/values/FGW/${encodeURIComponent(v.leaf)}/verification`, {
      version: v.version,
      action: 'correct',
      value: v.value + 7,
      reason: '核验更正：依据统计年鉴',
    });
    const run = await finished((await startRun('数值更正后重新试算')).id);
    expect(run.status).toBe('ready');
    const cmp = await ok('hrb-admin', 'GET', `${E()}/runs/${run.id}/compare`);
    expect(cmp.against.id).toBe(run.previous);
    expect(cmp.summary.units).toBe(cycleUnits);
    const unit = cmp.units.find((u: any) => u.unit === 'FGW');
    const change = unit.changes.find((c: any) => c.leaf === v.leaf);
    expect(change).toMatchObject({ cause: 'input', after: { value: v.value + 7 } });
    expect(change.reason.zh).toContain(String(v.value + 7));
    // With an explicit earlier run, the same change.
    const withFirst = await ok('hrb-admin', 'GET', `${E()}/runs/${run.id}/compare?with=${first.id}`);
    expect(withFirst.against.id).toBe(first.id);
    expect(
      withFirst.units.find((u: any) => u.unit === 'FGW').changes.some((c: any) => c.leaf === v.leaf),
    ).toBe(true);
  });

  it('never releases a trial, and nothing is released while the cycle is in verification', async () => {
    const r = await call('hrb-admin', 'POST', `${E()}/runs/${first.id}/release`, { version: first.version });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('invalid_state');
    const unit = await ok('hrb-fgw', 'GET', `${P()}/results/units/FGW`);
    expect(unit.released).toBeNull();
  });
});

describe('determinations (年终认定)', () => {
  it('lists the unit’s leaves with their rule and where their input would come from', async () => {
    const v = await ok('hrb-admin', 'GET', `${P()}/determinations/FGW`);
    expect(v.unit.code).toBe('FGW');
    expect(v.editable).toBe(true);
    expect(v.leaves.length).toBeGreaterThan(0);
    expect(v.leaves.find((l: any) => l.rule === 'deduction')?.origin).toBe('none');
    expect(v.leaves.some((l: any) => ['verified', 'supplied', 'corrected'].includes(l.origin))).toBe(true);
    expect(v.bonusItems.length).toBeGreaterThan(0);
    expect(v.vetoItems.length).toBeGreaterThan(0);
    const observer = await ok('hrb-observer', 'GET', `${P()}/determinations/FGW`);
    expect(observer.editable).toBe(false);
    expect((await call('hrb-fgw', 'GET', `${P()}/determinations/FGW`)).status).toBe(403);
    expect((await call('bx-admin', 'GET', `${P()}/determinations/FGW`)).status).toBe(404);
  });

  it('refuses what does not fit the unit’s system, one bilingual issue per problem', async () => {
    const v = await ok('hrb-admin', 'GET', `${P()}/determinations/FGW`);
    const valueLeaf = v.leaves.find((l: any) => ['target_completion', 'reverse', 'bands'].includes(l.rule));
    const deduction = v.leaves.find((l: any) => l.rule === 'deduction');
    const expert = v.leaves.find((l: any) => l.rule === 'expert');
    const bonus = v.bonusItems[0];
    const r = await call('hrb-admin', 'PUT', `${P()}/determinations/FGW`, {
      leaves: {
        'NO-1': { kind: 'exempt', reason: '不存在的指标' },
        [valueLeaf.code]: { kind: 'grade', grade: 'A' },
        [deduction.code]: { kind: 'incidents', counts: { ZZ: 1 } },
        [expert.code]: { kind: 'expert_scores', scores: [90, 91, 92] },
      },
      bonus: { ZZB: 1, [bonus.code]: bonus.maxPoints + 1 },
      vetoes: { ZZV: '不存在的否决事项' },
      note: '',
    });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('validation_failed');
    const paths = r.body.errors.map((e: any) => e.path).sort();
    expect(paths).toEqual(
      [
        'body.leaves.NO-1',
        `body.leaves.${valueLeaf.code}.kind`,
        `body.leaves.${deduction.code}.counts.ZZ`,
        `body.leaves.${expert.code}.kind`,
        'body.bonus.ZZB',
        `body.bonus.${bonus.code}`,
        'body.vetoes.ZZV',
      ].sort(),
    );
    for (const e of r.body.errors) {
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en).toMatch(/[A-Za-z]/);
    }
    expect((await ok('hrb-admin', 'GET', `${P()}/determinations/FGW`)).determination).toBeNull();
  });

  it('records them (created without a version, changed with it) and audits the change', async () => {
    const v = await ok('hrb-admin', 'GET', `${P()}/determinations/FGW`);
    const deduction = v.leaves.find((l: any) => l.rule === 'deduction');
    const item = (await ok('hrb-admin', 'GET', `/v1/indicator-systems/ishrbdepartmnt/versions/1`)).dimensions
      .flatMap((d: any) => d.children.flatMap((c: any) => ('children' in c ? c.children : [c])))
      .find((l: any) => l.code === deduction.code).rule.items[0].code;
    const body = {
      leaves: { [deduction.code]: { kind: 'incidents', counts: { [item]: 1 } } },
      bonus: { [v.bonusItems[0].code]: v.bonusItems[0].maxPoints },
      vetoes: {},
      note: '依据市审计局年度审计报告认定。',
    };
    const created = await ok('hrb-admin', 'PUT', `${P()}/determinations/FGW`, body);
    expect(created.determination).toMatchObject({ version: 1, note: body.note, leaves: body.leaves });
    const again = await call('hrb-admin', 'PUT', `${P()}/determinations/FGW`, body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_exists');
    const changed = await ok('hrb-admin', 'PUT', `${P()}/determinations/FGW`, {
      ...body,
      version: 1,
      vetoes: { [v.vetoItems[0].code]: '年度内发生事项，经核实认定。' },
    });
    expect(changed.determination.version).toBe(2);
    const stale = await call('hrb-admin', 'PUT', `${P()}/determinations/FGW`, { ...body, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect((await call('hrb-observer', 'PUT', `${P()}/determinations/FGW`, body)).status).toBe(403);
    const saves = (await auditActions()).filter(
      (e) => e.action === 'determination.save' && e.target.id === `${DEMO.cycle}/FGW`,
    );
    expect(saves).toHaveLength(2);
    expect(Object.keys(saves[0]!.after)).toEqual(['vetoes']);
    // Back to no veto, so FGW's results below are not forced down.
    await ok('hrb-admin', 'PUT', `${P()}/determinations/FGW`, { ...body, version: 2 });
  });
});

describe('official runs in review, the release and the released results', () => {
  let a: any;
  let b: any;

  it('a trial is never released, also in review', async () => {
    await startDemoReview(
      (method, path, body) => s.call(method, path, { token: tok['hrb-admin'], body }),
      DEMO.cycle!,
    );
    const trial = (await ok('hrb-admin', 'GET', E())).runs.find((r: any) => r.kind === 'trial');
    expect(trial.releasable).toBe(false);
    const r = await call('hrb-admin', 'POST', `${E()}/runs/${trial.id}/release`, { version: trial.version });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('precondition_failed');
    expect(r.body.detail.kind).toBe('trial');
    // A trial run cannot be resumed in review either (it belongs to verification).
    expect((await call('hrb-admin', 'POST', `${E()}/runs/${trial.id}/resume`)).status).toBe(409);
  });

  it('an official run reads the determinations, and its release is what the unit reads', async () => {
    const ready = await ok('hrb-admin', 'GET', E());
    expect(ready.readiness.kind).toBe('official');
    a = await finished((await startRun('年终综合评估正式计算')).id);
    expect(a).toMatchObject({ kind: 'official', status: 'ready', releasable: true, current: false });
    const deduction = (await ok('hrb-admin', 'GET', `${P()}/determinations/FGW`)).leaves.find(
      (l: any) => l.rule === 'deduction',
    );
    const fgw = await ok('hrb-admin', 'GET', `${E()}/runs/${a.id}/units/FGW`);
    expect(fgw.result.provenance[deduction.code].origin).toBe('determination');

    const before = await ok('hrb-fgw', 'GET', `${P()}/results/units/FGW`);
    expect(before.released).toBeNull();
    const wrong = await call('hrb-admin', 'POST', `${E()}/runs/${a.id}/release`, { version: a.version + 5 });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('version_conflict');

    const released = await ok('hrb-admin', 'POST', `${E()}/runs/${a.id}/release`, {
      version: a.version,
      note: '评估结果反馈各单位',
    });
    expect(released).toMatchObject({ id: a.id, status: 'released', current: true, releasable: false });
    const overview = await ok('hrb-observer', 'GET', E());
    expect(overview.released).toMatchObject({ run: a.id, number: a.number, history: [] });

    const mine = await ok('hrb-fgw', 'GET', `${P()}/results/units/FGW`);
    expect(mine.released).toMatchObject({ run: a.id, number: a.number, previous: null });
    expect(mine.released.result).toEqual(fgw.result);
    expect(mine.unit.code).toBe('FGW');
    expect((await ok('hrb-observer', 'GET', `${P()}/results/units/FGW`)).released.run).toBe(a.id);
    expect((await ok('hrb-jyj', 'GET', `${P()}/results/units/JYJ`)).released.result.unit).toBe('JYJ');
    // Another unit's user, an expert, another tenant: FGW's result is missing to them.
    for (const who of ['hrb-jyj', 'hrb-expert', 'bx-admin'])
      expect((await call(who, 'GET', `${P()}/results/units/FGW`)).status, who).toBe(404);

    const twice = await call('hrb-admin', 'POST', `${E()}/runs/${a.id}/release`, {
      version: released.version,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('precondition_failed');
  });

  it('a second release flips the pointer; the unit sees its standing before; the older run may return', async () => {
    b = await finished((await startRun('评议会后重新计算')).id);
    expect(b.previous).toBe(a.id);
    const flipped = await ok('hrb-admin', 'POST', `${E()}/runs/${b.id}/release`, { version: b.version });
    expect(flipped.current).toBe(true);
    const pointer = (await ok('hrb-admin', 'GET', E())).released;
    expect(pointer).toMatchObject({
      run: b.id,
      number: b.number,
      history: [{ run: a.id, number: a.number }],
    });

    const mine = await ok('hrb-fgw', 'GET', `${P()}/results/units/FGW`);
    expect(mine.released.run).toBe(b.id);
    const rowA = (await ok('hrb-admin', 'GET', `${E()}/runs/${a.id}/results`)).rows.find(
      (r: any) => r.unit === 'FGW',
    );
    expect(mine.released.previous).toEqual({
      number: a.number,
      total: rowA.total.shown,
      rank: rowA.rank,
      grade: rowA.grade,
    });

    const older = await ok('hrb-admin', 'GET', `${E()}/runs/${a.id}`);
    expect(older).toMatchObject({ status: 'superseded', current: false, releasable: true });
    const back = await ok('hrb-admin', 'POST', `${E()}/runs/${a.id}/release`, { version: older.version });
    expect(back).toMatchObject({ status: 'released', current: true });
    const again = (await ok('hrb-admin', 'GET', E())).released;
    expect(again.run).toBe(a.id);
    expect(again.history.map((h: any) => h.run)).toEqual([a.id, b.id]);
    expect((await ok('hrb-admin', 'GET', `${E()}/runs/${b.id}`)).status).toBe('superseded');

    const releases = (await auditActions()).filter((e) => e.action === 'evaluation.release');
    expect(releases.slice(0, 3).map((e) => [e.before.number, e.after.number])).toEqual([
      [b.number, a.number],
      [a.number, b.number],
      [null, a.number],
    ]);
  });

  it('a run after accepted appeals names them and says why it ran', async () => {
    const appeal = 'apaaaaaaaaaaab';
    await s.data.cycleRecords.create(
      '230100',
      DEMO.cycle!,
      'APPEAL',
      ['FGW', appeal],
      {
        id: appeal,
        unit: 'FGW',
        status: 'accepted',
        target: 'conclusion',
        // The standing appealed: the report step's unit report says what the appeal changed.
        appealed: {
          run: 'rnaaaaaaaaaaaa',
          number: 1,
          total: '80.00',
          rank: 1,
          of: 1,
          grade: 'good',
          gradeLabel: { zh: '良好', en: 'Good' },
        },
      },
      { zh: '申诉', en: 'Appeal' },
    );
    const run = await startRun('申诉复核后重新计算');
    expect(run).toMatchObject({ trigger: 'appeals', appeals: [appeal] });
    await finished(run.id);
    const next = await startRun('再次计算');
    expect(next).toMatchObject({ trigger: 'office', appeals: [] });
    await finished(next.id);
  });
});

describe('resuming a stopped run', () => {
  it('without the state machine, a start answers 503 and leaves a failed run that resumes later', async () => {
    delete s.deps.evaluation;
    let failedId: string;
    try {
      const r = await call('hrb-admin', 'POST', `${E()}/runs`, { reason: '服务不可用时发起' });
      expect(r.status).toBe(503);
      expect(r.body.code).toBe('evaluation_unavailable');
      const latest = (await ok('hrb-admin', 'GET', E())).runs[0];
      expect(latest).toMatchObject({ status: 'failed', resumable: true, attempts: 1 });
      expect(latest.failures.at(-1).error).toBe('EvaluationUnavailable');
      failedId = latest.id;
    } finally {
      s.deps.evaluation = s.evaluation;
    }
    const resumed = await call('hrb-admin', 'POST', `${E()}/runs/${failedId}/resume`);
    expect(resumed.status, resumed.text).toBe(202);
    expect(resumed.body).toMatchObject({ status: 'running', attempts: 2 });
    const done = await finished(failedId);
    expect(done).toMatchObject({ status: 'ready', attempts: 2, resumable: false });
    expect(done.scored).toBe(done.total);
    const again = await call('hrb-admin', 'POST', `${E()}/runs/${failedId}/resume`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('precondition_failed');
    const resumes = (await auditActions()).filter(
      (e) => e.action === 'evaluation.resume' && e.target.id === `${DEMO.cycle}/${failedId}`,
    );
    expect(resumes[0]?.after).toMatchObject({ status: 'running', attempts: 2 });
  });

  it('a task that fails is caught: the run stops with the step and reason, and resumes to ready', async () => {
    s.evaluation.inject({ step: 'write', kind: 'throw-before' });
    const run = await startRun('写入结果时出错的计算');
    const failed = await finished(run.id);
    expect(failed).toMatchObject({ status: 'failed', resumable: true, stale: false });
    expect(failed.failures.at(-1)).toMatchObject({ error: 'InjectedFault' });
    expect(failed.done).not.toContain('write');
    expect(failed.failures.at(-1).message.zh).toMatch(/[\u4e00-\u9fff]/);
    // A failed run holds nothing: the cycle is free.
    expect((await ok('hrb-admin', 'GET', E())).readiness.blockers).toEqual([]);
    await ok('hrb-admin', 'POST', `${E()}/runs/${run.id}/resume`);
    const done = await finished(run.id);
    expect(done).toMatchObject({ status: 'ready', attempts: 2 });
    expect(done.scored).toBe(done.total);
  });

  it('a run whose process died holds the cycle until its lease runs out, then resumes where it stopped', async () => {
    s.evaluation.inject({ step: 'rank', kind: 'kill' });
    const run = await startRun('进程中断的计算');
    const dead = await finished(run.id);
    expect(dead).toMatchObject({ status: 'running', stale: false, resumable: false });
    expect(dead.done).toEqual(expect.arrayContaining(['freeze', 'peers']));
    expect(dead.done).not.toContain('rank');
    const blocked = await call('hrb-admin', 'POST', `${E()}/runs`, { reason: '再次发起' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('run_in_progress');
    expect(blocked.body.detail.number).toBe(run.number);
    expect((await ok('hrb-admin', 'GET', E())).readiness.blockers).toHaveLength(1);
    // Its lease still holds: it is not resumable yet (it might still be running somewhere).
    const early = await call('hrb-admin', 'POST', `${E()}/runs/${run.id}/resume`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('run_in_progress');
    // The lease (two minutes, renewed by every task) runs out.
    ahead += RUN_LEASE_MS + 60_000;
    const stale = await ok('hrb-admin', 'GET', `${E()}/runs/${run.id}`);
    expect(stale).toMatchObject({ status: 'running', stale: true, resumable: true });
    expect((await ok('hrb-admin', 'GET', E())).readiness.blockers).toEqual([]);
    const resumed = await call('hrb-admin', 'POST', `${E()}/runs/${run.id}/resume`);
    expect(resumed.status, resumed.text).toBe(202);
    expect(resumed.body).toMatchObject({ attempts: 2, stale: false });
    const done = await finished(run.id);
    expect(done).toMatchObject({ status: 'ready', attempts: 2, stale: false });
    expect(done.scored).toBe(done.total);
    expect(done.done).toEqual(['freeze', 'peers', 'score', 'rank', 'write', 'report', 'ready']);
  });
});

describe('where no run may start', () => {
  it('a cycle before verification: no run, no determinations', async () => {
    const c = await ok('hrb-admin', 'POST', '/v1/cycles', {
      name: '评估接口检查周期',
      year: 2043,
      bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] }],
      calendar: {
        planDeadline: '2043-03-31',
        selfAssessment: { opens: '2044-01-05', closes: '2044-01-20' },
        verification: { opens: '2044-01-21', closes: '2044-02-10' },
        review: { opens: '2044-02-11', closes: '2044-02-28' },
        appeal: { opens: '2044-03-01', closes: '2044-03-10' },
      },
    });
    const o = await ok('hrb-admin', 'GET', `/v1/cycles/${c.id}/evaluation`);
    expect(o).toMatchObject({ readiness: { kind: null }, runs: [], active: null, released: null });
    const r = await call('hrb-admin', 'POST', `/v1/cycles/${c.id}/evaluation/runs`, { reason: '试图发起' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('precondition_failed');
    expect(r.body.message.zh).toContain('筹备');
    const d = await call('hrb-admin', 'PUT', `/v1/cycles/${c.id}/determinations/FGW`, {
      leaves: {},
      bonus: {},
      vetoes: {},
      note: '',
    });
    expect(d.status).toBe(409);
    expect(d.body.code).toBe('invalid_state');
    const unit = await ok('hrb-fgw', 'GET', `/v1/cycles/${c.id}/results/units/FGW`);
    expect(unit.released).toBeNull();
  });
});
