import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * A cycle and one unit's annual plan through the API on the embedded stack: the office opens a
 * cycle (its own year, so the demo year is untouched), 市发改委 writes its plan, holds the public
 * consultation (art. 11), is returned once, resubmits, is approved and published; the public sends
 * an opinion the office forwards and the unit answers (art. 12). Every refusal on the way is
 * checked, and the audit trail verifies.
 */
let s: TestStack;
let admin: string;
let fgw: string;
let jyj: string;
let daoli: string;
let binAdmin: string;

const YEAR = 2031;
const calendar = {
  planDeadline: `${YEAR}-03-31`,
  consultationDays: 7,
  progressPeriods: [
    { code: 'H1', name: '上半年', ends: `${YEAR}-06-30`, due: `${YEAR}-07-10` },
    { code: 'Q3', name: '前三季度', ends: `${YEAR}-09-30`, due: `${YEAR}-10-10` },
  ],
  selfAssessment: { opens: `${YEAR}-12-01`, closes: `${YEAR}-12-20` },
  verification: { opens: `${YEAR}-12-21`, closes: `${YEAR + 1}-01-10` },
  review: { opens: `${YEAR + 1}-01-11`, closes: `${YEAR + 1}-01-31` },
  appeal: { opens: `${YEAR + 1}-02-01`, closes: `${YEAR + 1}-02-10` },
};
const binding = { system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] };

interface Leaf {
  code: string;
  needsNumber: boolean;
  officeTarget?: number;
}

/** A complete plan item for a leaf, as a careful unit writes it. */
const itemFor = (l: Leaf, i: number) => ({
  leaf: l.code,
  ...(l.needsNumber
    ? l.officeTarget === undefined
      ? { target: 90 + i }
      : {}
    : { targetText: '按期完成年度任务' }),
  basis: '依据市委市政府年度重点工作安排和上年完成情况',
  standard: '按指标体系评分规则评估',
  measures: '建立台账，按月调度，季度通报',
  owner: '综合处',
  milestones: [
    { name: '年中完成过半', due: `${YEAR}-06-30`, owner: '综合处', standard: '完成年度目标的 50% 以上' },
  ],
});

let cycleId = '';
let leaves: Leaf[] = [];
let planVersion = 0;
let consultationId = '';

const base = () => `/v1/cycles/${cycleId}`;
const plan = () => `${base()}/plans/FGW`;

beforeAll(async () => {
  s = await startTestStack();
  admin = await s.token('230100', 'hrb-admin');
  fgw = await s.token('230100', 'hrb-fgw');
  jyj = await s.token('230100', 'hrb-jyj');
  daoli = await s.token('230100', 'hrb-daoli');
  binAdmin = await s.token('230125', 'bx-admin');
});
afterAll(() => s.stop());

describe('opening a cycle', () => {
  it('refuses a calendar that does not hold together, with paths into the body', async () => {
    const r = await s.call('POST', '/v1/cycles', {
      token: admin,
      body: { name: '坏日历', year: YEAR, calendar: { ...calendar, planDeadline: `${YEAR + 1}-03-31` } },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('body.calendar.planDeadline');
  });

  it('refuses bindings to a missing system version, unknown groups and a group bound twice', async () => {
    const r = await s.call('POST', '/v1/cycles', {
      token: admin,
      body: {
        name: '坏绑定',
        year: YEAR,
        calendar,
        bindings: [
          { system: 'ishrbdepartmnt', systemVersion: 9, groups: ['ECON', 'NOPE'] },
          { system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] },
        ],
        providers: [{ leaf: 'X1', unit: 'NOSUCH' }],
      },
    });
    expect(r.status).toBe(422);
    const paths = r.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.bindings.0.system',
        'body.bindings.0.groups.1',
        'body.bindings.1.groups.0',
        'body.providers.0.unit',
      ]),
    );
  });

  it('lets only the office open a cycle, once per Idempotency-Key', async () => {
    const body = { name: `哈尔滨市 ${YEAR} 年度绩效评估（测试）`, year: YEAR, calendar, bindings: [binding] };
    expect((await s.call('POST', '/v1/cycles', { token: fgw, body })).status).toBe(403);
    const headers = { 'idempotency-key': 'cycle-plans-test-1' };
    const r = await s.call('POST', '/v1/cycles', { token: admin, body, headers });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: 'draft', version: 1, units: 5 });
    expect(r.body.allowed).toMatchObject({ edit: true, actions: ['open_planning'], reopenTo: [] });
    expect(r.body.blockers).toEqual([]);
    cycleId = r.body.id;
    const again = await s.call('POST', '/v1/cycles', { token: admin, body, headers });
    expect(again.body.id).toBe(cycleId);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const list = await s.call('GET', '/v1/cycles', { token: fgw });
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(cycleId);
    // A unit sees the cycle but may do nothing with it.
    const seen = await s.call('GET', base(), { token: fgw });
    expect(seen.body.allowed).toEqual({ edit: false, actions: [], reopenTo: [] });
  });

  it('refuses steps out of order, and plans before planning opens', async () => {
    for (const action of ['start_monitoring', 'close']) {
      const r = await s.call('POST', `${base()}/transitions`, { token: admin, body: { version: 1, action } });
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('invalid_transition');
    }
    const reopen = await s.call('POST', `${base()}/transitions`, {
      token: admin,
      body: { version: 1, action: 'reopen', to: 'planning', reason: '测试' },
    });
    expect(reopen.status).toBe(409);
    expect(reopen.body.code).toBe('invalid_transition');
    const early = await s.call('PUT', plan(), { token: fgw, body: { basis: '草稿', items: [] } });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('invalid_state');
    const byUnit = await s.call('POST', `${base()}/transitions`, {
      token: fgw,
      body: { version: 1, action: 'open_planning' },
    });
    expect(byUnit.status).toBe(403);
  });

  it('opens planning, then keeps the bindings as they are', async () => {
    const stale = await s.call('PATCH', base(), { token: admin, body: { version: 1, name: '改名' } });
    expect(stale.status).toBe(200);
    const conflict = await s.call('POST', `${base()}/transitions`, {
      token: admin,
      body: { version: 1, action: 'open_planning' },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('version_conflict');
    const r = await s.call('POST', `${base()}/transitions`, {
      token: admin,
      body: { version: 2, action: 'open_planning' },
    });
    expect(r.status).toBe(200);
    expect(r.body.state).toBe('planning');
    expect(r.body.allowed.actions).toEqual(['start_monitoring']);
    // No unit has an approved plan yet: the next step says so.
    expect(r.body.blockers[0].zh).toContain('5');
    const rebind = await s.call('PATCH', base(), {
      token: admin,
      body: { version: 3, bindings: [{ ...binding, groups: ['ECON', 'SOCIAL'] }] },
    });
    expect(rebind.status).toBe(409);
    expect(rebind.body.code).toBe('invalid_state');
    const badCal = await s.call('PATCH', base(), {
      token: admin,
      body: {
        version: 3,
        calendar: {
          ...calendar,
          progressPeriods: calendar.progressPeriods.map((p, i) =>
            i === 0 ? { ...p, due: `${YEAR}-06-01` } : p,
          ),
        },
      },
    });
    expect(badCal.status).toBe(422);
    expect(badCal.body.errors[0].path).toBe('body.calendar.progressPeriods.0.due');
    const early = await s.call('POST', `${base()}/transitions`, {
      token: admin,
      body: { version: 3, action: 'start_monitoring' },
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('precondition_failed');
  });
});

describe("a unit's annual plan", () => {
  it('shows the unit its indicators, and another unit nothing', async () => {
    const r = await s.call('GET', plan(), { token: fgw });
    expect(r.status).toBe(200);
    expect(r.body.plan).toBeUndefined();
    expect(r.body.allowed).toEqual({ edit: true, actions: [], review: false });
    leaves = r.body.leaves;
    expect(leaves.length).toBeGreaterThan(3);
    expect((await s.call('GET', plan(), { token: jyj })).status).toBe(404);
    expect((await s.call('PUT', plan(), { token: jyj, body: { basis: 'x', items: [] } })).status).toBe(404);
    const list = await s.call('GET', `${base()}/plans`, { token: fgw });
    expect(list.body.items).toEqual([expect.objectContaining({ unit: 'FGW', status: 'missing' })]);
    const all = await s.call('GET', `${base()}/plans?limit=2`, { token: admin });
    expect(all.body.items).toHaveLength(2);
    const rest = await s.call('GET', `${base()}/plans?cursor=${encodeURIComponent(all.body.nextCursor)}`, {
      token: admin,
    });
    expect(rest.body.items).toHaveLength(3);
  });

  it('refuses an item for an indicator that does not apply', async () => {
    const r = await s.call('PUT', plan(), {
      token: fgw,
      body: { basis: '依据', items: [itemFor({ code: 'NOPE9', needsNumber: false }, 0)] },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].path).toBe('body.items.0.leaf');
  });

  it('saves a draft; of two saves from the same version the second is refused and nothing is lost', async () => {
    const first = await s.call('PUT', plan(), {
      token: fgw,
      body: { basis: '初稿', items: leaves.slice(0, 1).map(itemFor) },
    });
    expect(first.status).toBe(200);
    expect(first.body.plan).toMatchObject({ status: 'draft', version: 1, round: 0 });
    expect(first.body.issues.length).toBeGreaterThan(0);
    const again = await s.call('PUT', plan(), { token: fgw, body: { basis: '又一稿', items: [] } });
    expect(again.status).toBe(409);
    const items = leaves.map(itemFor);
    const a = await s.call('PUT', plan(), { token: fgw, body: { version: 1, basis: '甲的修改', items } });
    const b = await s.call('PUT', plan(), { token: fgw, body: { version: 1, basis: '乙的修改', items: [] } });
    expect(a.status).toBe(200);
    expect(b.status).toBe(409);
    expect(b.body.code).toBe('version_conflict');
    const now = await s.call('GET', plan(), { token: fgw });
    expect(now.body.plan).toMatchObject({ basis: '甲的修改', version: 2 });
    expect(now.body.plan.items).toHaveLength(leaves.length);
    expect(now.body.issues).toEqual([]);
    expect(now.body.allowed.actions).toEqual(['open_consultation', 'submit']);
    planVersion = 2;
  });

  it('refuses submission before the public consultation, and actions of the other role', async () => {
    const submit = await s.call('POST', `${plan()}/transitions`, {
      token: fgw,
      body: { version: planVersion, action: 'submit' },
    });
    expect(submit.status).toBe(409);
    expect(submit.body.code).toBe('precondition_failed');
    expect(submit.body.message.zh).toContain('第十一条');
    const byOffice = await s.call('POST', `${plan()}/transitions`, {
      token: admin,
      body: { version: planVersion, action: 'open_consultation' },
    });
    expect(byOffice.status).toBe(403);
    const publish = await s.call('POST', `${plan()}/transitions`, {
      token: fgw,
      body: { version: planVersion, action: 'publish' },
    });
    expect(publish.status).toBe(403);
    const notYet = await s.call('POST', `${plan()}/transitions`, {
      token: admin,
      body: { version: planVersion, action: 'publish' },
    });
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('invalid_transition');
    const review = await s.call('POST', `${plan()}/reviews`, {
      token: admin,
      body: { version: planVersion, decisions: [{ leaf: leaves[0]!.code, decision: 'approved' }] },
    });
    expect(review.status).toBe(409);
    expect(review.body.code).toBe('invalid_transition');
  });
});

describe('the public consultation (art. 11)', () => {
  it('opens the draft for comment with a public link', async () => {
    const r = await s.call('POST', `${plan()}/transitions`, {
      token: fgw,
      body: { version: planVersion, action: 'open_consultation', days: 10 },
    });
    expect(r.status).toBe(200);
    expect(r.body.plan.status).toBe('consultation');
    consultationId = r.body.plan.consultation.id;
    expect(r.body.consultationPath).toBe(`/console/public/230100/consultations/${consultationId}`);
    planVersion = r.body.plan.version;
    const edit = await s.call('PUT', plan(), {
      token: fgw,
      body: { version: planVersion, basis: 'x', items: [] },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('not_editable');
  });

  it('shows the draft to anyone, takes comments, and drops what a bot fills in', async () => {
    const url = `/v1/public/230100/consultations/${consultationId}`;
    const page = await s.call('GET', url);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ unit: { code: 'FGW' }, consultation: { open: true }, comments: [] });
    expect(page.body.items).toHaveLength(leaves.length);
    expect(page.text).not.toContain('综合处'); // owners are not published
    const sent = await s.call('POST', `${url}/comments`, {
      body: { text: '建议增加营商环境指标的公开频次', name: '市民张先生', contact: '13900000000' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.received).toBe(true);
    const bot = await s.call('POST', `${url}/comments`, {
      body: { text: 'buy now', website: 'http://spam' },
    });
    expect(bot.status).toBe(201);
    const listed = await s.call('GET', `${plan()}/comments`, { token: fgw });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ status: 'pending', contact: '13900000000' });
    expect((await s.call('GET', `${plan()}/comments`, { token: jyj })).status).toBe(404);
    // Pending comments are not public.
    expect((await s.call('GET', url)).body.comments).toEqual([]);
  });

  it('is reachable only under its own tenant', async () => {
    expect((await s.call('GET', `/v1/public/230125/consultations/${consultationId}`)).status).toBe(404);
    const post = await s.call('POST', `/v1/public/230125/consultations/${consultationId}/comments`, {
      body: { text: '跨租户' },
    });
    expect(post.status).toBe(404);
    expect((await s.call('GET', '/v1/public/999999/consultations/pcaaaaaaaaaaaaaaaa')).status).toBe(404);
  });

  it('lets the unit publish and answer a comment, never answer an unpublished one', async () => {
    const c = (await s.call('GET', `${plan()}/comments`, { token: fgw })).body.items[0];
    const path = `${plan()}/comments/${c.id}`;
    const early = await s.call('PATCH', path, { token: fgw, body: { version: c.version, answer: '谢谢' } });
    expect(early.status).toBe(409);
    expect(
      (await s.call('PATCH', path, { token: admin, body: { version: c.version, status: 'published' } }))
        .status,
    ).toBe(403);
    const done = await s.call('PATCH', path, {
      token: fgw,
      body: { version: c.version, status: 'published', answer: '已采纳，将按季度公开。' },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'published', answer: '已采纳，将按季度公开。' });
    const page = await s.call('GET', `/v1/public/230100/consultations/${consultationId}`);
    expect(page.body.comments).toEqual([
      expect.objectContaining({
        text: '建议增加营商环境指标的公开频次',
        name: '市民张先生',
        answer: '已采纳，将按季度公开。',
      }),
    ]);
    expect(page.text).not.toContain('13900000000');
  });

  it('closes the consultation; comments are then refused', async () => {
    const submit = await s.call('POST', `${plan()}/transitions`, {
      token: fgw,
      body: { version: planVersion, action: 'submit' },
    });
    expect(submit.status).toBe(409);
    expect(submit.body.code).toBe('invalid_transition');
    const r = await s.call('POST', `${plan()}/transitions`, {
      token: fgw,
      body: { version: planVersion, action: 'close_consultation' },
    });
    expect(r.status).toBe(200);
    expect(r.body.plan.status).toBe('draft');
    expect(r.body.plan.consultation.closedAt).toBeDefined();
    planVersion = r.body.plan.version;
    const url = `/v1/public/230100/consultations/${consultationId}`;
    expect((await s.call('GET', url)).body.consultation.open).toBe(false);
    const late = await s.call('POST', `${url}/comments`, { body: { text: '来晚了' } });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('consultation_closed');
  });
});

describe('review until agreed (art. 12), then publication', () => {
  it('submits; the office returns one indicator with a comment', async () => {
    const r = await s.call('POST', `${plan()}/transitions`, {
      token: fgw,
      body: { version: planVersion, action: 'submit' },
    });
    expect(r.status).toBe(200);
    expect(r.body.plan).toMatchObject({ status: 'submitted', round: 1 });
    expect(r.body.allowed).toMatchObject({ edit: false, actions: [], review: false });
    planVersion = r.body.plan.version;
    const locked = await s.call('PUT', plan(), {
      token: fgw,
      body: { version: planVersion, basis: 'x', items: [] },
    });
    expect(locked.status).toBe(409);
    const officeView = await s.call('GET', plan(), { token: admin });
    expect(officeView.body.allowed).toEqual({ edit: false, actions: ['reopen'], review: true });
    expect(
      (
        await s.call('POST', `${plan()}/reviews`, {
          token: fgw,
          body: { version: planVersion, decisions: [{ leaf: leaves[0]!.code, decision: 'approved' }] },
        })
      ).status,
    ).toBe(403);
    const badLeaf = await s.call('POST', `${plan()}/reviews`, {
      token: admin,
      body: { version: planVersion, decisions: [{ leaf: 'NOPE9', decision: 'approved' }] },
    });
    expect(badLeaf.status).toBe(422);
    expect(badLeaf.body.errors[0].path).toBe('body.decisions.0.leaf');
    const decisions = leaves.map((l, i) =>
      i === 0
        ? { leaf: l.code, decision: 'returned', comment: '目标偏低，请对标上年实际' }
        : { leaf: l.code, decision: 'approved' },
    );
    const back = await s.call('POST', `${plan()}/reviews`, {
      token: admin,
      body: { version: planVersion, decisions },
    });
    expect(back.status).toBe(200);
    expect(back.body.plan.status).toBe('returned');
    planVersion = back.body.plan.version;
    const row = (await s.call('GET', `${base()}/plans?status=returned`, { token: admin })).body.items;
    expect(row).toEqual([expect.objectContaining({ unit: 'FGW', returnedItems: 1, round: 1, late: false })]);
  });

  it('the unit fixes and resubmits; the office approves all and publishes', async () => {
    const items = leaves.map(itemFor);
    items[0] = { ...items[0]!, basis: '对标上年实际完成值上调' };
    const fixed = await s.call('PUT', plan(), {
      token: fgw,
      body: { version: planVersion, basis: '甲的修改', items },
    });
    expect(fixed.status).toBe(200);
    const again = await s.call('POST', `${plan()}/transitions`, {
      token: fgw,
      body: { version: fixed.body.plan.version, action: 'submit' },
    });
    expect(again.status).toBe(200);
    expect(again.body.plan).toMatchObject({ status: 'submitted', round: 2 });
    const ok = await s.call('POST', `${plan()}/reviews`, {
      token: admin,
      body: {
        version: again.body.plan.version,
        decisions: leaves.map((l) => ({ leaf: l.code, decision: 'approved' })),
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.plan.status).toBe('approved');
    expect(ok.body.plan.approvedAt).toBeDefined();
    expect(ok.body.allowed.actions).toEqual(['publish', 'reopen']);
    const pub = await s.call('POST', `${plan()}/transitions`, {
      token: admin,
      body: { version: ok.body.plan.version, action: 'publish' },
    });
    expect(pub.status).toBe(200);
    expect(pub.body.plan.status).toBe('published');
    const noReason = await s.call('POST', `${plan()}/transitions`, {
      token: admin,
      body: { version: pub.body.plan.version, action: 'reopen' },
    });
    expect(noReason.status).toBe(422);
  });

  it('shows the published plan to the public, and no unpublished one', async () => {
    const list = await s.call('GET', '/v1/public/230100/plans');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(expect.objectContaining({ cycle: cycleId, unit: 'FGW' }));
    const one = await s.call('GET', `/v1/public/230100/cycles/${cycleId}/plans/FGW`);
    expect(one.status).toBe(200);
    expect(one.body.items).toHaveLength(leaves.length);
    expect((await s.call('GET', `/v1/public/230100/cycles/${cycleId}/plans/CZJ`)).status).toBe(404);
    expect((await s.call('GET', `/v1/public/230125/cycles/${cycleId}/plans/FGW`)).status).toBe(404);
  });
});

describe("the public's opinions on a published plan (art. 12 ¶2)", () => {
  let opinion: { id: string; version: number };
  const step = (token: string, action: string, text = '意见') =>
    s.call('POST', `${base()}/opinions/${opinion.id}/steps`, {
      token,
      body: { version: opinion.version, action, text },
    });

  it('takes an opinion for the office; the unit sees it only once forwarded', async () => {
    const sent = await s.call('POST', `/v1/public/230100/cycles/${cycleId}/plans/FGW/opinions`, {
      body: { text: '希望增加项目审批时限指标的季度公开', contact: 'a@b.cn' },
    });
    expect(sent.status).toBe(201);
    const unpublished = await s.call('POST', `/v1/public/230100/cycles/${cycleId}/plans/CZJ/opinions`, {
      body: { text: '未公布的计划' },
    });
    expect(unpublished.status).toBe(404);
    const office = await s.call('GET', `${base()}/opinions`, { token: admin });
    expect(office.body.items).toHaveLength(1);
    opinion = office.body.items[0];
    expect(opinion).toMatchObject({ status: 'received', unit: 'FGW' });
    expect((await s.call('GET', `${base()}/opinions`, { token: fgw })).body.items).toEqual([]);
    expect((await step(fgw, 'reply')).status).toBe(404);
  });

  it('forward (office) → reply (unit) → close (office), each by its role only', async () => {
    expect((await step(fgw, 'forward')).status).toBe(403);
    const fwd = await step(admin, 'forward', '请市发改委研究答复');
    expect(fwd.status).toBe(200);
    opinion = fwd.body;
    expect((await step(admin, 'reply')).status).toBe(403);
    expect((await step(admin, 'forward')).body.code).toBe('invalid_transition');
    expect((await s.call('GET', `${base()}/opinions`, { token: fgw })).body.items).toHaveLength(1);
    expect((await s.call('GET', `${base()}/opinions`, { token: jyj })).body.items).toEqual([]);
    const reply = await step(fgw, 'reply', '已纳入下季度公开计划');
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('answered');
    opinion = reply.body;
    const twice = await step(fgw, 'reply', '再答一次');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('invalid_transition');
    const closed = await step(admin, 'close', '单位已答复，办结');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', conclusion: '单位已答复，办结' });
  });
});

describe('long-term plans (arts. 7–8)', () => {
  const parts = { functions: '职能', goals: '目标', keyFactors: '因素', measures: '措施' };
  it('lets a department write its four parts, and only a district link its five-year plan', async () => {
    const link = {
      startYear: 2026,
      endYear: 2030,
      form: 'five_year_plan',
      link: { title: '十五五规划纲要' },
    };
    const refused = await s.call('PUT', '/v1/units/FGW/long-term-plans/2026', { token: fgw, body: link });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe('body.form');
    const own = await s.call('PUT', '/v1/units/FGW/long-term-plans/2026', {
      token: fgw,
      body: { startYear: 2026, endYear: 2030, form: 'own', parts },
    });
    expect(own.status).toBe(200);
    const changed = await s.call('PUT', '/v1/units/FGW/long-term-plans/2026', {
      token: fgw,
      body: { version: 1, startYear: 2026, endYear: 2028, form: 'own', parts },
    });
    expect(changed.body).toMatchObject({ version: 2, endYear: 2028 });
    expect(
      (await s.call('PUT', '/v1/units/FGW/long-term-plans/2026', { token: jyj, body: link })).status,
    ).toBe(404);
    expect((await s.call('GET', '/v1/units/FGW/long-term-plans', { token: jyj })).status).toBe(404);
    expect((await s.call('GET', '/v1/units/FGW/long-term-plans', { token: admin })).body.items).toHaveLength(
      1,
    );
    const district = await s.call('PUT', '/v1/units/DAOLI/long-term-plans/2026', {
      token: daoli,
      body: link,
    });
    expect(district.status).toBe(200);
  });
});

describe('oversight', () => {
  it('shows every unit of the cycle with its plan, and filters who is late', async () => {
    const r = await s.call('GET', `${base()}/overview`, { token: admin });
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(5);
    const row = r.body.items.find((x: { unit: string }) => x.unit === 'FGW');
    expect(row).toMatchObject({ plan: 'published', planLate: false, self: 'missing', light: 'none' });
    expect(row.progress.map((p: { period: string }) => p.period)).toEqual(['H1', 'Q3']);
    const late = await s.call('GET', `${base()}/overview?only=late`, { token: admin });
    expect(late.body.items).toEqual([]);
    const paged = await s.call('GET', `${base()}/overview?limit=3`, { token: admin });
    expect(paged.body.items).toHaveLength(3);
    const next = await s.call(
      'GET',
      `${base()}/overview?cursor=${encodeURIComponent(paged.body.nextCursor)}`,
      {
        token: admin,
      },
    );
    expect(next.body.items).toHaveLength(2);
    expect((await s.call('GET', `${base()}/overview`, { token: fgw })).status).toBe(403);
  });

  it('counts the reporting burden per unit, with the rule', async () => {
    const r = await s.call('GET', `${base()}/burden`, { token: admin });
    expect(r.status).toBe(200);
    expect(r.body.rows).toHaveLength(5);
    const row = r.body.rows.find((x: { unit: string }) => x.unit === 'FGW');
    expect(row.now.returns).toBe(1);
    expect(row.now.reports).toBe(4);
    expect(r.body.rule.zh).toContain('填报项');
  });
});

describe('the audit trail', () => {
  it('holds every change, and the chain verifies', async () => {
    const page = await s.call('GET', '/v1/audit?limit=200', { token: admin });
    expect(page.status).toBe(200);
    const actions = new Set(page.body.items.map((e: { action: string }) => e.action));
    for (const a of [
      'cycle.create',
      'cycle.update',
      'cycle.transition',
      'plan.save',
      'plan.transition',
      'plan.review',
      'comment.create',
      'comment.moderate',
      'opinion.create',
      'opinion.step',
      'longTermPlan.save',
    ])
      expect(actions).toContain(a);
    const publicEntry = page.body.items.find((e: { action: string }) => e.action === 'comment.create');
    expect(publicEntry.actor).toEqual({ sub: 'public', roles: [] });
    const v = await s.call('GET', '/v1/audit/verify', { token: admin });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ ok: true, alg: 'SM3' });
    expect(v.body.checked).toBeGreaterThan(10);
    expect((await s.call('GET', '/v1/audit', { token: fgw })).status).toBe(403);
    // Another tenant's trail is its own.
    const bin = await s.call('GET', '/v1/audit', { token: binAdmin });
    expect(bin.body.items.some((e: { target: { id: string } }) => e.target.id.includes(cycleId))).toBe(false);
  });
});

describe('reopening a step', () => {
  const NEXT = YEAR + 1;
  const shift = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
  const cal2 = {
    ...calendar,
    planDeadline: shift(calendar.planDeadline),
    progressPeriods: calendar.progressPeriods.map((p) => ({ ...p, ends: shift(p.ends), due: shift(p.due) })),
    selfAssessment: {
      opens: shift(calendar.selfAssessment.opens),
      closes: shift(calendar.selfAssessment.closes),
    },
    verification: { opens: shift(calendar.verification.opens), closes: shift(calendar.verification.closes) },
    review: { opens: shift(calendar.review.opens), closes: shift(calendar.review.closes) },
    appeal: { opens: shift(calendar.appeal.opens), closes: shift(calendar.appeal.closes) },
  };

  it('moves a one-unit cycle to monitoring, then reopens planning with a reason on record', async () => {
    // 市政务服务中心 is the only unit of its group; the office gives it a user for this test.
    const user = await s.call('POST', '/v1/users', {
      token: admin,
      body: { name: '测试（政务服务中心）', roles: ['unit_user'], unit: 'ZWFW' },
    });
    expect(user.status).toBe(201);
    const zwfw = await s.token('230100', user.body.id);
    const created = await s.call('POST', '/v1/cycles', {
      token: admin,
      body: {
        name: `${NEXT} 窗口单位（测试）`,
        year: NEXT,
        calendar: cal2,
        bindings: [{ ...binding, groups: ['WINDOW'] }],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const move = async (version: number, action: string, extra: object = {}) =>
      s.call('POST', `/v1/cycles/${id}/transitions`, { token: admin, body: { version, action, ...extra } });
    const planning = await move(1, 'open_planning');
    expect(planning.status).toBe(200);
    const p = `/v1/cycles/${id}/plans/ZWFW`;
    const view = await s.call('GET', p, { token: zwfw });
    const ls: Leaf[] = view.body.leaves;
    const items = ls.map((l, i) => ({
      ...itemFor(l, i),
      milestones: [{ ...itemFor(l, i).milestones[0]!, due: `${NEXT}-06-30` }],
    }));
    let v = (await s.call('PUT', p, { token: zwfw, body: { basis: '依据', items } })).body.plan.version;
    const step = async (action: string) => {
      const r = await s.call('POST', `${p}/transitions`, { token: zwfw, body: { version: v, action } });
      expect(r.status).toBe(200);
      v = r.body.plan.version;
    };
    await step('open_consultation');
    await step('close_consultation');
    await step('submit');
    const ok = await s.call('POST', `${p}/reviews`, {
      token: admin,
      body: { version: v, decisions: ls.map((l) => ({ leaf: l.code, decision: 'approved' })) },
    });
    expect(ok.body.plan.status).toBe('approved');
    const monitoring = await move(planning.body.version, 'start_monitoring');
    expect(monitoring.status).toBe(200);
    expect(monitoring.body.state).toBe('monitoring');
    expect(monitoring.body.allowed).toMatchObject({
      actions: ['open_self_assessment', 'reopen'],
      reopenTo: ['planning'],
    });
    // Plans are no longer written in monitoring.
    const edit = await s.call('PUT', p, {
      token: zwfw,
      body: { version: ok.body.plan.version, basis: 'x', items },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('invalid_state');
    const noReason = await move(monitoring.body.version, 'reopen', { to: 'planning' });
    expect(noReason.status).toBe(422);
    const forward = await move(monitoring.body.version, 'reopen', { to: 'verification', reason: '不行' });
    expect(forward.status).toBe(409);
    const reopened = await move(monitoring.body.version, 'reopen', {
      to: 'planning',
      reason: '调整窗口单位目标',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.state).toBe('planning');
    expect(reopened.body.reopenings).toEqual([
      expect.objectContaining({
        from: 'monitoring',
        to: 'planning',
        reason: '调整窗口单位目标',
        by: 'hrb-admin',
      }),
    ]);
    const trail = await s.call('GET', '/v1/audit?limit=20', { token: admin });
    const entry = trail.body.items.find((e: { action: string }) => e.action === 'cycle.reopen');
    expect(entry).toMatchObject({ target: { type: 'cycle', id }, note: '单位可再次修改并提交年度绩效计划' });

    // Its burden is set beside last year's cycle of the same kind.
    const burden = await s.call('GET', `/v1/cycles/${id}/burden`, { token: admin });
    expect(burden.body.previousCycle).toMatchObject({ id: cycleId, year: YEAR });
    expect(burden.body.totalBefore).toBeDefined();
    expect(burden.body.rows).toEqual([expect.objectContaining({ unit: 'ZWFW' })]);
  });
});
