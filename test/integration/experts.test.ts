import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The expert review on the demo year (哈尔滨市 2025, in 指标考核): the pool, conflict of interest
 * (回避) enforced by the API, blind scoring until a round closes, calibration and a second round,
 * recusal, and the results the leaves get through their own rules.
 */
let s: TestStack;
const tok: Record<string, string> = {};
let P = '';
let cycleId = '';
type Loose = any;
const experts = new Map<string, Loose>();

async function as(who: string, method: string, path: string, body?: unknown) {
  return s.call(method, path, { token: tok[who], ...(body === undefined ? {} : { body }) });
}
async function ok(who: string, method: string, path: string, body?: unknown) {
  const r = await as(who, method, path, body);
  expect(r.status, `${method} ${path}: ${r.text.slice(0, 400)}`).toBeLessThan(300);
  return r.body as Loose;
}

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  tok.admin = await s.token('230100', 'hrb-admin');
  tok.zhao = await s.token('230100', 'hrb-expert');
  tok.fgw = await s.token('230100', 'hrb-fgw');
  tok.bx = await s.token('230125', 'bx-admin');
  const cycles = await ok('admin', 'GET', '/v1/cycles');
  cycleId = cycles.items.find((c: { year: number }) => c.year === 2025).id;
  P = `/v1/cycles/${cycleId}/expert-review`;
  for (const e of (await ok('admin', 'GET', '/v1/experts')).items) experts.set(e.name, e);
  for (const e of experts.values())
    if (e.userId && e.userId !== 'hrb-expert') tok[e.name] = await s.token('230100', e.userId);
}, 120_000);
afterAll(() => s?.stop());

const review = () => ok('admin', 'GET', P);
const mine = (who: string) => ok(who, 'GET', `${P}/mine`);
const assignmentOf = async (name: string, unit: string) =>
  (await review()).assignments.find(
    (a: Loose) => a.expertName === name && a.unit === unit && a.status === 'active',
  );

describe('the demo year’s expert review', () => {
  it('has a pool of six, five experts on every unit, round 1 closed and round 2 open for the flagged', async () => {
    expect(experts.size).toBe(6);
    const r = await review();
    const active = r.assignments.filter((a: Loose) => a.status === 'active');
    const units = new Set(active.map((a: Loose) => a.unit));
    expect(units.size).toBe(13);
    for (const u of units) expect(active.filter((a: Loose) => a.unit === u)).toHaveLength(5);
    // Nobody scores their own unit or a declared conflict.
    expect(active.some((a: Loose) => a.expertName === '孙会计师' && a.unit === 'CZJ')).toBe(false);
    expect(active.some((a: Loose) => a.expertName === '李教授' && a.unit === 'JYJ')).toBe(false);
    expect(r.rounds.map((x: Loose) => [x.number, x.status])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
    expect(r.rounds[1].items).toContainEqual({ unit: 'GXJ', leaf: 'D3-1' });
  });

  it('calibrates round 1: the outlier on 市工信局 and the harsher expert, in words', async () => {
    const c = await ok('admin', 'GET', `${P}/calibration?round=1`);
    const gxj = c.items.find((i: Loose) => i.unit === 'GXJ');
    expect(gxj.outliers.map((o: Loose) => [o.expertName, o.score])).toEqual([['钱研究员', 45]]);
    expect(gxj.flags.map((f: Loose) => f.kind)).toContain('outlier');
    expect(gxj.flags.find((f: Loose) => f.kind === 'outlier').reason.zh).toContain('钱研究员评 45 分');
    const zhou = c.experts.find((e: Loose) => e.expertName === '周高工');
    expect(zhou.tendency).toBe('harsher');
    expect(zhou.meanDeviation).toBeLessThanOrEqual(-0.1);
    expect(c.flagged).toContainEqual({ unit: 'GXJ', leaf: 'D3-1' });
    expect(c.leaves[0]).toMatchObject({ leaf: 'D3-1', items: 13 });
  });
});

describe('conflict of interest (回避) is enforced by the API', () => {
  it('refuses the expert’s own unit and a declared conflict with 409 conflict_of_interest', async () => {
    const own = await as('admin', 'POST', `${P}/assignments`, {
      expertId: experts.get('孙会计师').id,
      unit: 'CZJ',
      leaves: ['D3-1'],
    });
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('conflict_of_interest');
    expect(own.body.message.zh).toContain('孙会计师');
    expect(own.body.message.zh).toContain('哈尔滨市财政局');
    expect(own.body.message.en).toContain("expert's own unit");
    const declared = await as('admin', 'POST', `${P}/assignments`, {
      expertId: experts.get('李教授').id,
      unit: 'JYJ',
      leaves: ['D3-1'],
    });
    expect(declared.status).toBe(409);
    expect(declared.body.code).toBe('conflict_of_interest');
    expect(declared.body.message.zh).toContain('已声明');
  });

  it('refuses leaves experts do not score, units outside the cycle and inactive experts', async () => {
    const e = await ok('admin', 'POST', '/v1/experts', { name: '郑专家', active: false });
    const inactive = await as('admin', 'POST', `${P}/assignments`, {
      expertId: e.id,
      unit: 'SWJ',
      leaves: ['D3-1'],
    });
    expect(inactive.status).toBe(409);
    expect(inactive.body.code).toBe('expert_inactive');
    const zhao = experts.get('赵教授').id;
    const quantitative = await as('admin', 'POST', `${P}/assignments`, {
      expertId: zhao,
      unit: 'SWJ',
      leaves: ['D1-1'],
    });
    expect(quantitative.status).toBe(422);
    expect(quantitative.body.errors[0].path).toBe('body.leaves.0');
    const outside = await as('admin', 'POST', `${P}/assignments`, {
      expertId: zhao,
      unit: 'ZWFW',
      leaves: ['D3-1'],
    });
    expect(outside.status).toBe(422);
    // A rater group (360°) belongs to composite indicators only.
    const group = await as('admin', 'POST', `${P}/assignments`, {
      expertId: zhao,
      unit: 'SWJ',
      leaves: ['D3-1'],
      group: 'leader',
    });
    expect(group.status).toBe(422);
    expect(group.body.errors[0].path).toBe('body.group');
  });

  it('recuses an assignment when the office records a conflict later, and refuses it afterwards', async () => {
    const e = await ok('admin', 'POST', '/v1/experts', { name: '冯研究员', specialties: ['商贸流通'] });
    const a = await ok('admin', 'POST', `${P}/assignments`, {
      expertId: e.id,
      unit: 'SWJ',
      leaves: ['D3-1'],
    });
    expect(a.status).toBe('active');
    await ok('admin', 'PATCH', `/v1/experts/${e.id}`, { version: e.version, conflicts: ['SWJ'] });
    const after = (await review()).assignments.find((x: Loose) => x.id === a.id);
    expect(after.status).toBe('recused');
    const again = await as('admin', 'POST', `${P}/assignments`, {
      expertId: e.id,
      unit: 'SWJ',
      leaves: ['D3-1'],
    });
    expect(again.body.code).toBe('conflict_of_interest');
    const audit = await ok('admin', 'GET', '/v1/audit?limit=20');
    expect(audit.items.map((i: Loose) => i.action)).toEqual(
      expect.arrayContaining(['expert.create', 'expert.assign', 'expert.update', 'expert.recuse']),
    );
  });
});

describe('blind scoring, rounds and results', () => {
  it('shows an expert only their own scores while a round is open, the others’ anonymised once closed', async () => {
    const m = await mine('zhao');
    expect(m.openRound).toBe(2);
    const fgw = m.assignments.find((a: Loose) => a.unit === 'FGW');
    const leaf = fgw.leaves[0];
    expect(leaf.own.map((o: Loose) => o.round)).toEqual([1]);
    // Round 1 is closed: the four others' scores, without names.
    expect(leaf.revealed).toHaveLength(1);
    expect(leaf.revealed[0].scores).toHaveLength(4);
    const text = JSON.stringify(m);
    for (const other of ['钱研究员', '孙会计师', '李教授', '周高工', '吴律师'])
      expect(text).not.toContain(other);
  });

  it('takes round 2 scores only for the flagged items, with comments, versioned', async () => {
    const qian = (await mine('钱研究员')).assignments.find((a: Loose) => a.unit === 'GXJ');
    expect(qian.leaves[0].due).toBe(true);
    expect(qian.leaves[0].revealed[0].scores).toHaveLength(4);
    const put = (body: unknown) => as('钱研究员', 'PUT', `${P}/mine/scores`, body);
    const noComment = await put({
      scores: [{ assignment: qian.id, leaf: 'D3-1', score: 80, comment: '好' }],
    });
    expect(noComment.status).toBe(422);
    const tooHigh = await put({
      scores: [{ assignment: qian.id, leaf: 'D3-1', score: 120, comment: '复评意见' }],
    });
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body.errors[0].path).toBe('body.scores.0.score');
    const first = await put({
      scores: [{ assignment: qian.id, leaf: 'D3-1', score: 76, comment: '参考第一轮分布后复评。' }],
    });
    expect(first.status).toBe(200);
    const own = first.body.assignments.find((a: Loose) => a.id === qian.id).leaves[0].own;
    expect(own.map((o: Loose) => [o.round, o.score])).toEqual([
      [1, 45],
      [2, 76],
    ]);
    const stale = await put({
      scores: [{ assignment: qian.id, leaf: 'D3-1', score: 78, comment: '再次修改。' }],
    });
    expect(stale.status).toBe(409);
    const replaced = await put({
      scores: [
        { assignment: qian.id, leaf: 'D3-1', score: 78, comment: '再次修改。', version: own[1].version },
      ],
    });
    expect(replaced.status).toBe(200);
    // An item round 2 does not re-score is refused.
    const notFlagged = (await mine('钱研究员')).assignments.find(
      (a: Loose) => !(a.leaves[0].due as boolean) && a.status === 'active',
    );
    expect(notFlagged).toBeDefined();
    const r = await put({
      scores: [{ assignment: notFlagged.id, leaf: 'D3-1', score: 70, comment: '不在本轮。' }],
    });
    expect(r.status).toBe(422);
    // Another expert's assignment is not found.
    const other = await as('zhao', 'PUT', `${P}/mine/scores`, {
      scores: [{ assignment: qian.id, leaf: 'D3-1', score: 70, comment: '冒名评分。' }],
    });
    expect(other.status).toBe(404);
    // Still blind: 赵教授 sees no round 2 scores of others.
    const zhaoGxj = (await mine('zhao')).assignments.find((a: Loose) => a.unit === 'GXJ');
    expect(zhaoGxj.leaves[0].revealed.map((x: Loose) => x.round)).toEqual([1]);
  });

  it('reveals round 2 when it closes, and the results take each expert’s latest closed round', async () => {
    const r = await review();
    await ok('admin', 'POST', `${P}/rounds/2/close`, { version: r.rounds[1].version });
    const again = await as('admin', 'POST', `${P}/rounds/2/close`, { version: r.rounds[1].version + 1 });
    expect(again.status).toBe(409);
    const results = await ok('admin', 'GET', `${P}/results`);
    const gxj = results.items.find((i: Loose) => i.unit === 'GXJ' && i.leaf === 'D3-1');
    const qian = gxj.scores.find((x: Loose) => x.expertName === '钱研究员');
    expect([qian.round, qian.score]).toEqual([2, 78]);
    const xs = gxj.scores.map((x: Loose) => x.score).sort((a: number, b: number) => a - b);
    expect(gxj.input).toEqual({ kind: 'expert_scores', scores: gxj.scores.map((x: Loose) => x.score) });
    // 去掉一个最高分和一个最低分 (five experts): the mean of the middle three, over 100.
    const trimmed = (xs[1] + xs[2] + xs[3]) / 3;
    expect(gxj.preview.fraction).toBeCloseTo(trimmed / 100, 4);
    expect(gxj.preview.reason.zh).toContain('去掉一个最高分');
    const zhaoGxj = (await mine('zhao')).assignments.find((a: Loose) => a.unit === 'GXJ');
    expect(zhaoGxj.leaves[0].revealed.map((x: Loose) => x.round)).toEqual([1, 2]);
    expect(zhaoGxj.leaves[0].revealed[1].scores).toContain(78);
  });

  it('opens a third round only for named items, and one round at a time', async () => {
    const none = await as('admin', 'POST', `${P}/rounds`, {
      items: [{ unit: 'ZWFW', leaf: 'D3-1' }],
      note: '',
    });
    expect(none.status).toBe(422);
    const r3 = await ok('admin', 'POST', `${P}/rounds`, {
      items: [{ unit: 'FGW', leaf: 'D3-1' }],
      note: '第三轮',
    });
    expect(r3.number).toBe(3);
    const twice = await as('admin', 'POST', `${P}/rounds`, {
      items: [{ unit: 'FGW', leaf: 'D3-1' }],
      note: '',
    });
    expect(twice.body.code).toBe('round_open');
  });

  it('lets an expert recuse (申请回避): the assignment stops counting and the conflict is kept', async () => {
    const m = await mine('zhao');
    const fgw = m.assignments.find((a: Loose) => a.unit === 'FGW');
    const short = await as('zhao', 'POST', `${P}/mine/assignments/${fgw.id}/recusal`, { reason: '' });
    expect(short.status).toBe(422);
    const r = await ok('zhao', 'POST', `${P}/mine/assignments/${fgw.id}/recusal`, {
      reason: '近亲属在该单位任职',
    });
    expect(r.assignments.find((a: Loose) => a.id === fgw.id).status).toBe('recused');
    expect(r.expert.conflicts).toContain('FGW');
    const score = await as('zhao', 'PUT', `${P}/mine/scores`, {
      scores: [{ assignment: fgw.id, leaf: 'D3-1', score: 90, comment: '回避后评分。' }],
    });
    expect(score.body.code).toBe('assignment_recused');
    const reassign = await as('admin', 'POST', `${P}/assignments`, {
      expertId: experts.get('赵教授').id,
      unit: 'FGW',
      leaves: ['D3-1'],
    });
    expect(reassign.body.code).toBe('conflict_of_interest');
    const results = await ok('admin', 'GET', `${P}/results`);
    const item = results.items.find((i: Loose) => i.unit === 'FGW');
    expect(item.scores.map((x: Loose) => x.expertName)).not.toContain('赵教授');
  });

  it('withdraws an unscored assignment (deleted) and a scored one (recused)', async () => {
    const e = await ok('admin', 'POST', '/v1/experts', { name: '陈教授' });
    const a = await ok('admin', 'POST', `${P}/assignments`, {
      expertId: e.id,
      unit: 'RSJ',
      leaves: ['D3-1'],
    });
    const del = await ok('admin', 'DELETE', `${P}/assignments/${a.id}?version=${a.version}`);
    expect(del.outcome).toBe('deleted');
    const scored = (await assignmentOf('吴律师', 'CGJ')) ?? (await assignmentOf('钱研究员', 'CGJ'));
    expect(scored).toBeDefined();
    const rec = await ok('admin', 'DELETE', `${P}/assignments/${scored.id}?version=${scored.version}`);
    expect(rec.outcome).toBe('recused');
    expect(rec.assignment.status).toBe('recused');
  });

  it('answers 404 to an expert not in the pool, and to another tenant', async () => {
    const u = await ok('admin', 'POST', '/v1/users', { name: '未入库专家', roles: ['expert'] });
    tok.stranger = await s.token('230100', u.id);
    const r = await as('stranger', 'GET', `${P}/mine`);
    expect(r.status).toBe(404);
    expect(r.body.message.zh).toContain('专家库');
    expect((await as('bx', 'GET', P)).status).toBe(404);
    expect((await as('bx', 'GET', `/v1/experts/${experts.get('赵教授').id}`)).status).toBe(404);
    expect((await as('fgw', 'GET', P)).status).toBe(403);
  });
});
