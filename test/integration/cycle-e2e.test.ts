import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * One unit through a whole evaluation year over HTTP on the embedded stack: plan → public
 * consultation → the office's review (returned, fixed, approved) → publication → progress with a
 * warning → self-assessment → verification with a correction → review; the audit trail verifies.
 * Its own unit group with one unit, so the cycle's preconditions depend on this unit alone.
 */
let s: TestStack;
let admin: string;
let unit: string;
let cycle: string;
const U = 'E2EU';

type Leaf = {
  code: string;
  name: string;
  type: string;
  needsNumber: boolean;
  officeTarget?: number;
  weight: number;
  source: string;
};

beforeAll(async () => {
  s = await startTestStack();
  admin = await s.token('230100', 'hrb-admin');
  expect(
    (await s.call('POST', '/v1/unit-groups', { token: admin, body: { code: 'E2E', name: '端到端测试组' } }))
      .status,
  ).toBe(201);
  expect(
    (
      await s.call('POST', '/v1/units', {
        token: admin,
        body: { code: U, name: '端到端测试局', type: 'department', group: 'E2E' },
      })
    ).status,
  ).toBe(201);
  const user = await s.call('POST', '/v1/users', {
    token: admin,
    body: { name: '测试员', roles: ['unit_user'], unit: U },
  });
  expect(user.status).toBe(201);
  unit = await s.token('230100', user.body.id);
});
afterAll(() => s.stop());

const move = async (action: string, extra: Record<string, unknown> = {}) => {
  const c = await s.call('GET', `/v1/cycles/${cycle}`, { token: admin });
  return s.call('POST', `/v1/cycles/${cycle}/transitions`, {
    token: admin,
    body: { version: c.body.version, action, ...extra },
  });
};
const planPath = () => `/v1/cycles/${cycle}/plans/${U}`;
const plan = () => s.call('GET', planPath(), { token: unit });
const planMove = async (token: string, action: string, extra: Record<string, unknown> = {}) => {
  const p = await s.call('GET', planPath(), { token });
  return s.call('POST', `${planPath()}/transitions`, {
    token,
    body: { version: p.body.plan.version, action, ...extra },
  });
};

function planBody(leaves: Leaf[], version?: number) {
  return {
    ...(version ? { version } : {}),
    basis: '依据市政府年度工作报告和本单位“十五五”规划确定年度目标。',
    items: leaves.map((l) => ({
      leaf: l.code,
      ...(l.needsNumber ? { target: l.officeTarget ?? 100 } : { targetText: `全面完成${l.name}各项任务` }),
      basis: '上年完成情况和本年工作要点',
      standard: '按指标体系评分标准',
      measures: '细化分解到处室，按月调度',
      owner: '综合处',
      progress: 'cumulative',
      milestones: [
        { name: '上半年过半', due: '2035-06-30', owner: '综合处', standard: '完成全年目标的一半' },
      ],
    })),
  };
}

describe('one unit through the evaluation year', () => {
  let leaves: Leaf[];

  it('the office opens a cycle; steps out of order are refused', async () => {
    const created = await s.call('POST', '/v1/cycles', {
      token: admin,
      body: {
        name: '2035 年度端到端测试',
        year: 2035,
        kind: 'annual',
        bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['E2E'] }],
        calendar: {
          planDeadline: '2035-03-31',
          consultationDays: 7,
          progressPeriods: [{ code: 'H1', name: '上半年', ends: '2035-06-30', due: '2035-07-10' }],
          selfAssessment: { opens: '2036-01-05', closes: '2036-01-20' },
          verification: { opens: '2036-01-21', closes: '2036-02-10' },
          review: { opens: '2036-02-11', closes: '2036-02-28' },
          appeal: { opens: '2036-03-01', closes: '2036-03-10' },
        },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('draft');
    cycle = created.body.id;
    const early = await move('start_monitoring');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('invalid_transition');
    // A unit may not move the cycle.
    const c = await s.call('GET', `/v1/cycles/${cycle}`, { token: admin });
    const byUnit = await s.call('POST', `/v1/cycles/${cycle}/transitions`, {
      token: unit,
      body: { version: c.body.version, action: 'open_planning' },
    });
    expect(byUnit.status).toBe(403);
    // The office fixes this year's target of 年度重点工作任务完成率 (the filed system says 100).
    const c2 = await s.call('GET', `/v1/cycles/${cycle}`, { token: admin });
    const badTarget = await s.call('PATCH', `/v1/cycles/${cycle}`, {
      token: admin,
      body: { version: c2.body.version, targets: [{ leaf: 'NOPE', target: 1 }] },
    });
    expect([badTarget.status, badTarget.body.errors?.[0]?.path]).toEqual([422, 'body.targets.0.leaf']);
    const fixed = await s.call('PATCH', `/v1/cycles/${cycle}`, {
      token: admin,
      body: { version: c2.body.version, targets: [{ leaf: 'D2-1', target: 95 }] },
    });
    expect(fixed.body.targets).toEqual([{ leaf: 'D2-1', target: 95 }]);
    expect((await move('open_planning')).body.state).toBe('planning');
  });

  it('the unit writes its plan; two editors: the loser gets 409 and nothing is lost', async () => {
    const view = await plan();
    expect(view.status).toBe(200);
    leaves = view.body.leaves;
    expect(leaves.length).toBeGreaterThan(3);
    expect(leaves.find((l) => l.code === 'D2-1')?.officeTarget).toBe(95);
    expect(view.body.plan).toBeUndefined();
    const saved = await s.call('PUT', planPath(), { token: unit, body: planBody(leaves) });
    expect(saved.status).toBe(200);
    const v = saved.body.plan.version;
    const first = await s.call('PUT', planPath(), {
      token: unit,
      body: { ...planBody(leaves, v), basis: '甲的修改' },
    });
    expect(first.status).toBe(200);
    const second = await s.call('PUT', planPath(), {
      token: unit,
      body: { ...planBody(leaves, v), basis: '乙的修改' },
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('version_conflict');
    expect((await plan()).body.plan.basis).toBe('甲的修改');
    // Submitting before the public was consulted (art. 11) is refused.
    const tooSoon = await planMove(unit, 'submit');
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.code).toBe('precondition_failed');
  });

  it('the public comments on the draft; the unit moderates and answers; then it submits', async () => {
    const opened = await planMove(unit, 'open_consultation');
    expect(opened.status).toBe(200);
    expect(opened.body.plan.status).toBe('consultation');
    const id = opened.body.plan.consultation.id as string;
    const pub = await s.call('GET', `/v1/public/230100/consultations/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.unit.name).toBe('端到端测试局');
    // Another tenant's path with this link finds nothing.
    expect((await s.call('GET', `/v1/public/230125/consultations/${id}`)).status).toBe(404);
    const said = await s.call('POST', `/v1/public/230100/consultations/${id}/comments`, {
      body: { text: '建议把办结时限再压缩一天。', name: '市民王先生', contact: '13900000000' },
    });
    expect(said.status).toBe(201);
    const pending = await s.call('GET', `${planPath()}/comments`, { token: unit });
    expect(pending.body.items).toHaveLength(1);
    // Not public before moderation, and the contact never is.
    expect((await s.call('GET', `/v1/public/230100/consultations/${id}`)).body.comments).toHaveLength(0);
    expect((await planMove(unit, 'close_consultation')).body.plan.status).toBe('draft');
    expect((await planMove(unit, 'submit')).body.code).toBe('precondition_failed'); // comment unmoderated
    const cm = pending.body.items[0];
    const moderated = await s.call('PATCH', `${planPath()}/comments/${cm.id}`, {
      token: unit,
      body: { version: cm.version, status: 'published', answer: '已采纳，目标调整为压缩一天。' },
    });
    expect(moderated.status).toBe(200);
    const shown = await s.call('GET', `/v1/public/230100/consultations/${id}`);
    expect(shown.body.comments[0].answer).toContain('已采纳');
    expect(JSON.stringify(shown.body)).not.toContain('13900000000');
    const submitted = await planMove(unit, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.plan.status).toBe('submitted');
    // Moderation is once: the published comment cannot be hidden afterwards.
    const again = (await s.call('GET', `${planPath()}/comments`, { token: unit })).body.items[0];
    const hide = await s.call('PATCH', `${planPath()}/comments/${cm.id}`, {
      token: unit,
      body: { version: again.version, status: 'rejected' },
    });
    expect(hide.status).toBe(409);
    // Under review the text is no longer public (the unit may still change it); the exchange is.
    const later = await s.call('GET', `/v1/public/230100/consultations/${id}`);
    expect(later.body.items).toEqual([]);
    expect(later.body.comments).toHaveLength(1);
  });

  it('the office returns one indicator, the unit fixes it, the office approves and publishes', async () => {
    expect((await move('start_monitoring')).body.code).toBe('precondition_failed');
    const p = await s.call('GET', planPath(), { token: admin });
    expect(p.body.allowed.review).toBe(true);
    const [first, ...rest] = leaves;
    const returned = await s.call('POST', `${planPath()}/reviews`, {
      token: admin,
      body: {
        version: p.body.plan.version,
        decisions: [
          { leaf: first!.code, decision: 'returned', comment: '目标偏低，请对标上年实际。' },
          ...rest.map((l) => ({ leaf: l.code, decision: 'approved' })),
        ],
      },
    });
    expect(returned.status).toBe(200);
    expect(returned.body.plan.status).toBe('returned');
    const fixed = await s.call('PUT', planPath(), {
      token: unit,
      body: planBody(leaves, returned.body.plan.version),
    });
    expect(fixed.status).toBe(200);
    expect((await planMove(unit, 'submit')).body.plan.status).toBe('submitted');
    const again = await s.call('GET', planPath(), { token: admin });
    const approved = await s.call('POST', `${planPath()}/reviews`, {
      token: admin,
      body: {
        version: again.body.plan.version,
        decisions: leaves.map((l) => ({ leaf: l.code, decision: 'approved' })),
      },
    });
    expect(approved.body.plan.status).toBe('approved');
    // Publishing is the office's, not the unit's.
    expect((await planMove(unit, 'publish')).status).toBe(403);
    expect((await planMove(admin, 'publish')).body.plan.status).toBe('published');
    const published = await s.call('GET', `/v1/public/230100/cycles/${cycle}/plans/${U}`);
    expect(published.status).toBe(200);
    expect(published.body.items.length).toBe(leaves.length);
  });

  it('progress behind the path raises a warning with its rule', async () => {
    expect((await move('start_monitoring')).body.state).toBe('monitoring');
    const numeric = leaves.find((l) => l.needsNumber)!;
    const target = numeric.officeTarget ?? 100;
    const reported = await s.call('PUT', `/v1/cycles/${cycle}/progress/${U}/H1`, {
      token: unit,
      body: {
        items: [{ leaf: numeric.code, value: target * 0.2, note: '进度偏慢' }],
        narrative: '上半年总体推进',
        submit: true,
      },
    });
    expect(reported.status).toBe(200);
    const h1 = reported.body.periods.find((p: { period: { code: string } }) => p.period.code === 'H1');
    const w = h1.warnings.find((x: { leaf: string }) => x.leaf === numeric.code);
    expect(w.light).toBe('red');
    expect(w.reason.zh).toContain('红灯');
    const overview = await s.call('GET', `/v1/cycles/${cycle}/overview?only=behind`, { token: admin });
    expect(overview.body.items.map((r: { unit: string }) => r.unit)).toEqual([U]);
  });

  it('self-assessment: incomplete is refused with paths; complete is submitted', async () => {
    expect((await move('open_self_assessment')).body.state).toBe('self_assessment');
    const path = `/v1/cycles/${cycle}/self-assessments/${U}`;
    const draft = await s.call('PUT', path, { token: unit, body: { items: [], report: '' } });
    expect(draft.status).toBe(200);
    const refused = await s.call('POST', `${path}/actions`, {
      token: unit,
      body: { version: draft.body.assessment.version, action: 'submit' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.length).toBeGreaterThan(0);
    const full = await s.call('PUT', path, {
      token: unit,
      body: {
        version: draft.body.assessment.version,
        items: leaves.map((l) => ({
          leaf: l.code,
          ...(l.type === 'quantitative' ? { actual: (l.officeTarget ?? 100) * 0.9 } : {}),
          ...(l.type === 'qualitative' ? { actualText: '按计划完成' } : {}),
          selfScore: Math.min(l.weight, Math.round(l.weight * 0.9 * 100) / 100),
          narrative: '全年按计划推进，完成情况见自评报告。',
        })),
        report:
          '本年度本单位围绕年度绩效计划，逐项推进各项指标任务，总体完成情况良好，具体说明如下：……（自评报告全文）',
      },
    });
    expect(full.status).toBe(200);
    expect(full.body.issues, JSON.stringify(full.body.issues)).toEqual([]);
    const done = await s.call('POST', `${path}/actions`, {
      token: unit,
      body: { version: full.body.assessment.version, action: 'submit' },
    });
    expect(done.status).toBe(200);
    expect(done.body.assessment.status).toBe('submitted');
  });

  it('verification: the office corrects a value with a reason; the original stays; the unit sees it', async () => {
    expect((await move('start_verification')).body.state).toBe('verification');
    const rows = await s.call('GET', `/v1/cycles/${cycle}/values?unit=${U}`, { token: admin });
    expect(rows.body.items.length).toBeGreaterThan(0);
    const [one, ...others] = rows.body.items;
    const corrected = await s.call('POST', `/v1/cycles/${cycle}/values/${U}/${one.leaf}/verification`, {
      token: admin,
      body: {
        version: one.version,
        action: 'correct',
        value: one.original - 1,
        reason: '核对台账，少计一项。',
      },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      status: 'corrected',
      original: one.original,
      value: one.original - 1,
    });
    for (const r of others) {
      const ok = await s.call('POST', `/v1/cycles/${cycle}/values/${U}/${r.leaf}/verification`, {
        token: admin,
        body: { version: r.version, action: 'confirm' },
      });
      expect(ok.status).toBe(200);
    }
    const seen = await s.call('GET', `/v1/cycles/${cycle}/values?unit=${U}`, { token: unit });
    expect(seen.body.items.find((r: { leaf: string }) => r.leaf === one.leaf)).toMatchObject({
      status: 'corrected',
      reason: '核对台账，少计一项。',
    });
    expect((await move('start_review')).body.state).toBe('review');
  });

  it("a unit user who is also a data provider reads every unit but does no other unit's work", async () => {
    const made = await s.call('POST', '/v1/users', {
      token: admin,
      body: { name: '统计联络员', roles: ['unit_user', 'data_provider'], unit: 'TJJ' },
    });
    expect(made.status).toBe(201);
    const both = await s.token('230100', made.body.id);
    expect((await s.call('GET', planPath(), { token: both })).status).toBe(200);
    const p = await s.call('GET', planPath(), { token: admin });
    const tries = [
      s.call('PUT', planPath(), { token: both, body: planBody(leaves, p.body.plan.version) }),
      s.call('GET', `${planPath()}/comments`, { token: both }),
      s.call('PUT', `/v1/cycles/${cycle}/progress/${U}/H1`, { token: both, body: { items: [] } }),
      s.call('PUT', `/v1/cycles/${cycle}/self-assessments/${U}`, {
        token: both,
        body: { items: [], report: '' },
      }),
      s.call('PUT', `/v1/units/${U}/long-term-plans/2031`, {
        token: both,
        body: {
          startYear: 2031,
          endYear: 2035,
          form: 'own',
          parts: { functions: 'x', goals: 'x', keyFactors: 'x', measures: 'x' },
        },
      }),
    ];
    for (const r of await Promise.all(tries)) expect(r.status, r.text).toBe(404);
  });

  it('every change is in the audit trail, and the chain verifies', async () => {
    const trail = await s.call('GET', '/v1/audit?limit=200', { token: admin });
    const actions = new Set(trail.body.items.map((e: { action: string }) => e.action));
    for (const a of [
      'cycle.create',
      'cycle.transition',
      'plan.save',
      'plan.review',
      'comment.moderate',
      'progress.save',
      'self.submit',
      'value.verify',
    ])
      expect(actions).toContain(a);
    const verified = await s.call('GET', '/v1/audit/verify', { token: admin });
    expect(verified.body).toMatchObject({ ok: true, alg: 'SM3' });
    expect(verified.body.checked).toBeGreaterThanOrEqual(trail.body.items.length);
  });

  it('tampering with one stored entry is detected by the verify endpoint', async () => {
    const trail = await s.call('GET', '/v1/audit?limit=5', { token: admin });
    const victim = trail.body.items[2];
    // An operator with table access rewrites who did it: the entry's own hash no longer matches.
    await s.data.store.doc.update({
      TableName: s.data.store.tableName,
      Key: { pk: 'T#230100#AUDIT', sk: `SEQ#${String(victim.seq).padStart(12, '0')}` },
      UpdateExpression: 'SET #a = :a',
      ExpressionAttributeNames: { '#a': 'actor' },
      ExpressionAttributeValues: { ':a': { sub: 'someone-else', roles: ['tenant_admin'] } },
    });
    const broken = await s.call('GET', '/v1/audit/verify', { token: admin });
    expect(broken.body).toMatchObject({ ok: false, brokenAt: victim.seq, problem: 'hash_mismatch' });
    // Deleting an entry instead shows as a gap in the sequence.
    await s.data.store.doc.delete({
      TableName: s.data.store.tableName,
      Key: { pk: 'T#230100#AUDIT', sk: `SEQ#${String(victim.seq).padStart(12, '0')}` },
    });
    const gap = await s.call('GET', '/v1/audit/verify', { token: admin });
    expect(gap.body).toMatchObject({ ok: false, brokenAt: victim.seq, problem: 'sequence_gap' });
  });
});
