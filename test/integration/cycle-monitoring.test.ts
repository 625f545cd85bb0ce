import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The year after the plans, through the API on the embedded stack with the product's clock set to
 * each step's day: the office's own 2032 cycle (the demo year is untouched) binds 哈尔滨市's filed
 * department system to the economic group; every unit's plan is approved; 市发改委 reports progress
 * behind its path and gets a warning with its rule; the office records a spot check; 市统计局
 * supplies one indicator once for several units (一数一源); 市发改委's self-assessment is checked,
 * refused after the deadline until the office reopens it; in verification the office corrects a
 * value (the original kept) and the provider confirms its own; the Excel exports match the JSON.
 */
let s: TestStack;
let clock = new Date('2032-01-10T10:00:00+08:00');
/** Sets the product's clock to a day (Asia/Shanghai, mid-morning). */
const at = (day: string) => {
  clock = new Date(`${day}T10:00:00+08:00`);
};
let admin: string;
let fgw: string;
let tjj: string;
let observer: string;
const unitTokens = new Map<string, string>();

const YEAR = 2032;
const UNITS = ['CZJ', 'FGW', 'GXJ', 'SWJ', 'TJJ'];
/** 市统计局 supplies this indicator (一数一源); D1-2 is nobody's. */
const SUPPLIED = 'D1-1';
const calendar = {
  planDeadline: `${YEAR}-03-31`,
  consultationDays: 7,
  progressPeriods: [
    { code: 'Q1', name: '第一季度', ends: `${YEAR}-03-31`, due: `${YEAR}-04-10` },
    { code: 'H1', name: '上半年', ends: `${YEAR}-06-30`, due: `${YEAR}-07-10` },
  ],
  selfAssessment: { opens: `${YEAR + 1}-01-05`, closes: `${YEAR + 1}-01-20` },
  verification: { opens: `${YEAR + 1}-01-21`, closes: `${YEAR + 1}-02-28` },
  review: { opens: `${YEAR + 1}-03-01`, closes: `${YEAR + 1}-03-10` },
  appeal: { opens: `${YEAR + 1}-03-11`, closes: `${YEAR + 1}-03-20` },
};

interface Leaf {
  code: string;
  type: string;
  weight: number;
  needsNumber: boolean;
  officeTarget?: number;
}
let leaves: Leaf[] = [];
let cycleId = '';
const base = () => `/v1/cycles/${cycleId}`;

const planItem = (l: Leaf) => ({
  leaf: l.code,
  ...(l.needsNumber
    ? l.officeTarget === undefined
      ? { target: 100 }
      : {}
    : { targetText: '按期完成年度任务' }),
  basis: '依据上年完成情况和本年度重点工作安排',
  standard: '按指标体系评分规则评估',
  measures: '建立台账，按月调度，季度通报',
  owner: '综合处',
  milestones: [
    { name: '年中完成过半', due: `${YEAR}-06-30`, owner: '综合处', standard: '完成年度目标的 50% 以上' },
  ],
});

async function move(action: string) {
  const c = await s.call('GET', base(), { token: admin });
  const r = await s.call('POST', `${base()}/transitions`, {
    token: admin,
    body: { version: c.body.version, action },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** The unit's liaison: the demo's own user where there is one, else one made now. */
async function unitToken(code: string): Promise<string> {
  const found = await s.call('GET', `/v1/users?unit=${code}`, { token: admin });
  let id = found.body.items.find((u: { roles: string[] }) => u.roles.includes('unit_user'))?.id;
  if (!id) {
    const made = await s.call('POST', '/v1/users', {
      token: admin,
      body: { name: `${code} 绩效联络员`, roles: ['unit_user'], unit: code },
    });
    id = made.body.id;
  }
  return s.token('230100', id);
}

/** Drafts, consults on, submits and approves one unit's plan through the plan API. */
async function approvePlan(unit: string) {
  const token = unitTokens.get(unit)!;
  const path = `${base()}/plans/${unit}`;
  const view = await s.call('GET', path, { token });
  const put = await s.call('PUT', path, {
    token,
    body: { basis: '依据市政府工作报告', items: view.body.leaves.map(planItem) },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  let version = put.body.plan.version;
  for (const action of ['open_consultation', 'close_consultation', 'submit']) {
    const r = await s.call('POST', `${path}/transitions`, { token, body: { version, action } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    version = r.body.plan.version;
  }
  const decisions = view.body.leaves.map((l: Leaf) => ({ leaf: l.code, decision: 'approved' }));
  const r = await s.call('POST', `${path}/reviews`, { token: admin, body: { version, decisions } });
  expect(r.body.plan?.status, JSON.stringify(r.body)).toBe('approved');
}

beforeAll(async () => {
  s = await startTestStack({ now: () => clock });
  admin = await s.token('230100', 'hrb-admin');
  fgw = await s.token('230100', 'hrb-fgw');
  tjj = await s.token('230100', 'hrb-tjj');
  observer = await s.token('230100', 'hrb-observer');
  for (const u of UNITS) unitTokens.set(u, u === 'FGW' ? fgw : await unitToken(u));
}, 120_000);
afterAll(() => s.stop());

describe('before monitoring', () => {
  it('opens the cycle and refuses checks, progress and supplied values outside their steps', async () => {
    at(`${YEAR}-01-10`);
    const c = await s.call('POST', '/v1/cycles', {
      token: admin,
      body: {
        name: `${YEAR} 年度经济部门绩效评估（监测测试）`,
        year: YEAR,
        bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] }],
        calendar,
        providers: [{ leaf: SUPPLIED, unit: 'TJJ' }],
      },
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    cycleId = c.body.id;
    const check = { kind: 'spot_check', unit: 'FGW', day: `${YEAR}-01-10`, findings: '台账不全' };
    const draft = await s.call('POST', `${base()}/checks`, { token: admin, body: check });
    expect([draft.status, draft.body.code]).toEqual([409, 'invalid_state']);
    await move('open_planning');
    const q1 = await s.call('PUT', `${base()}/progress/FGW/Q1`, { token: fgw, body: { items: [] } });
    expect([q1.status, q1.body.code]).toEqual([409, 'invalid_state']);
    expect(q1.body.message.zh).toContain('绩效计划制定');
    const supply = await s.call('POST', `${base()}/supplied-values`, {
      token: tjj,
      body: { leaf: SUPPLIED, rows: [{ unit: 'FGW', value: 90 }] },
    });
    expect([supply.status, supply.body.code]).toEqual([409, 'invalid_state']);
    const self = await s.call('PUT', `${base()}/self-assessments/FGW`, { token: fgw, body: { items: [] } });
    expect([self.status, self.body.code]).toEqual([409, 'invalid_state']);
  });

  it('approves every plan of the group and starts monitoring', async () => {
    at(`${YEAR}-02-15`);
    for (const u of UNITS) await approvePlan(u);
    at(`${YEAR}-04-01`);
    await move('start_monitoring');
    const r = await s.call('GET', `${base()}/progress/FGW`, { token: fgw });
    expect(r.status).toBe(200);
    leaves = r.body.leaves;
    expect(r.body.items).toHaveLength(leaves.length);
    expect(r.body.allowed.edit).toBe(true);
    expect(r.body.periods.map((p: { period: { code: string } }) => p.period.code)).toEqual(['Q1', 'H1']);
    expect((await s.call('GET', `${base()}/progress/CZJ`, { token: fgw })).status).toBe(404);
    expect((await s.call('GET', `${base()}/progress/CZJ`, { token: admin })).body.allowed.edit).toBe(false);
  });
});

describe('monitoring', () => {
  it('warns a unit behind the path to its target, with the rule that made the light', async () => {
    at(`${YEAR}-04-05`);
    const q1 = `${base()}/progress/FGW/Q1`;
    // 91 of 366 days: the path to 100 is at 24.86; 15 is 60% of it (red), 21 is 84% (yellow).
    const body = {
      items: [
        { leaf: 'D2-1', value: 15 },
        { leaf: 'D1-1', value: 21 },
      ],
      narrative: '一季度推进情况',
      submit: true,
    };
    const wrong = await s.call('PUT', q1, {
      token: fgw,
      body: { ...body, items: [{ leaf: 'NOPE9', value: 1 }] },
    });
    expect([wrong.status, wrong.body.errors[0].path]).toEqual([422, 'body.items.0.leaf']);
    const ms = await s.call('PUT', q1, {
      token: fgw,
      body: { ...body, milestones: [{ leaf: 'D2-1', index: 3, done: true }] },
    });
    expect([ms.status, ms.body.errors[0].path]).toEqual([422, 'body.milestones.0.index']);
    expect((await s.call('PUT', `${base()}/progress/FGW/Q9`, { token: fgw, body })).status).toBe(404);
    expect((await s.call('PUT', `${base()}/progress/CZJ/Q1`, { token: fgw, body })).status).toBe(404);
    const r = await s.call('PUT', q1, { token: fgw, body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const period = r.body.periods[0];
    expect(period.report).toMatchObject({ status: 'submitted', version: 1 });
    expect(period.late).toBe(false);
    const byLeaf = new Map(period.warnings.map((w: { leaf: string }) => [w.leaf, w]));
    expect(byLeaf.get('D2-1')).toMatchObject({ light: 'red', actual: 15 });
    expect((byLeaf.get('D2-1') as { reason: { zh: string } }).reason.zh).toContain('低于黄灯线 80%');
    expect(byLeaf.get('D1-1')).toMatchObject({ light: 'yellow' });
    expect(period.light).toBe('red');
    const again = await s.call('PUT', q1, { token: fgw, body });
    expect([again.status, again.body.code]).toEqual([409, 'already_exists']);
  });

  it('lets a submitted report be corrected until its due day, then refuses it; a late draft is flagged', async () => {
    at(`${YEAR}-04-09`);
    const q1 = `${base()}/progress/FGW/Q1`;
    const fixed = await s.call('PUT', q1, {
      token: fgw,
      body: { version: 1, items: [{ leaf: 'D2-1', value: 16 }] },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.periods[0].report).toMatchObject({ status: 'submitted', version: 2 });
    const stale = await s.call('PUT', q1, { token: fgw, body: { version: 1, items: [] } });
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    at(`${YEAR}-04-12`);
    const late = await s.call('PUT', q1, { token: fgw, body: { version: 2, items: [] } });
    expect([late.status, late.body.code]).toEqual([409, 'deadline_passed']);
    at(`${YEAR}-07-15`);
    const h1 = await s.call('PUT', `${base()}/progress/FGW/H1`, {
      token: fgw,
      body: { items: [{ leaf: 'D2-1', value: 60 }], submit: true },
    });
    expect(h1.status).toBe(200);
    expect(h1.body.periods[1]).toMatchObject({ late: true, report: { status: 'submitted' } });
  });

  it('records a spot check for a unit in the cycle; the unit sees its own only', async () => {
    const check = {
      kind: 'spot_check',
      unit: 'FGW',
      day: `${YEAR}-07-15`,
      leaves: ['D2-1'],
      participants: '市考核办 王丽',
      findings: '重点工作台账与报送进度不一致',
      followUp: '8 月底前补齐台账',
      followUpDue: `${YEAR}-08-31`,
    };
    const outside = await s.call('POST', `${base()}/checks`, {
      token: admin,
      body: { ...check, unit: 'JYJ' },
    });
    expect([outside.status, outside.body.errors[0].path]).toEqual([422, 'body.unit']);
    const badLeaf = await s.call('POST', `${base()}/checks`, {
      token: admin,
      body: { ...check, leaves: ['NOPE9'] },
    });
    expect([badLeaf.status, badLeaf.body.errors[0].path]).toEqual([422, 'body.leaves.0']);
    expect((await s.call('POST', `${base()}/checks`, { token: fgw, body: check })).status).toBe(403);
    const headers = { 'idempotency-key': 'spot-check-fgw-1' };
    const made = await s.call('POST', `${base()}/checks`, { token: admin, body: check, headers });
    expect(made.status).toBe(201);
    const replay = await s.call('POST', `${base()}/checks`, { token: admin, body: check, headers });
    expect(replay.body.id).toBe(made.body.id);
    await s.call('POST', `${base()}/checks`, {
      token: admin,
      body: { ...check, unit: 'CZJ', kind: 'consultation', leaves: [] },
    });
    const own = await s.call('GET', `${base()}/checks`, { token: fgw });
    expect(own.body.items.map((c: { unit: string }) => c.unit)).toEqual(['FGW']);
    expect((await s.call('GET', `${base()}/checks?unit=CZJ`, { token: fgw })).status).toBe(404);
    expect((await s.call('GET', `${base()}/checks`, { token: admin })).body.items).toHaveLength(2);
    const done = await s.call('PATCH', `${base()}/checks/${made.body.id}`, {
      token: admin,
      body: { version: 1, followUpStatus: 'done', followUpDue: null },
    });
    expect(done.body).toMatchObject({ followUpStatus: 'done', version: 2 });
    expect(done.body.followUpDue).toBeUndefined();
    const stale = await s.call('PATCH', `${base()}/checks/${made.body.id}`, {
      token: admin,
      body: { version: 1, followUp: 'x' },
    });
    expect(stale.status).toBe(409);
  });
});

/** A complete self-assessment of FGW (the supplied leaf without an actual value). */
const selfItems = () =>
  leaves.map((l) => ({
    leaf: l.code,
    ...(l.type === 'quantitative' && l.code !== SUPPLIED ? { actual: 96 } : {}),
    ...(l.type === 'qualitative' ? { actualText: '全年任务按计划完成' } : {}),
    selfScore: l.weight * 0.9,
    narrative: '对照年度绩效计划逐项完成，佐证材料已归档。',
  }));
const REPORT =
  '本年度本单位以年度绩效计划为统领，逐项分解目标、压实责任、按季调度，主要指标总体完成，个别指标因外部因素未达预期，已分析原因并提出改进措施。';

describe('self-assessment and values supplied once', () => {
  it('takes a provider’s values once for several units, and refuses other leaves and units', async () => {
    at(`${YEAR + 1}-01-06`);
    await move('open_self_assessment');
    const rows = [
      { unit: 'FGW', value: 97.5 },
      { unit: 'CZJ', value: 99 },
      { unit: 'GXJ', value: 93 },
    ];
    const other = await s.call('POST', `${base()}/supplied-values`, {
      token: tjj,
      body: { leaf: 'D1-2', rows },
    });
    expect(other.status).toBe(404);
    const outside = await s.call('POST', `${base()}/supplied-values`, {
      token: tjj,
      body: { leaf: SUPPLIED, rows: [...rows, { unit: 'JYJ', value: 1 }] },
    });
    expect([outside.status, outside.body.errors[0].path]).toEqual([422, 'body.rows.3.unit']);
    const r = await s.call('POST', `${base()}/supplied-values`, {
      token: tjj,
      body: { leaf: SUPPLIED, rows },
    });
    expect(r.body).toEqual({ written: 3, unchanged: 0 });
    const again = await s.call('POST', `${base()}/supplied-values`, {
      token: tjj,
      body: { leaf: SUPPLIED, rows: [...rows.slice(0, 2), { unit: 'GXJ', value: 94 }] },
    });
    expect(again.body).toEqual({ written: 1, unchanged: 2 });
    const view = await s.call('GET', `${base()}/self-assessments/FGW`, { token: fgw });
    expect(view.body.supplied).toEqual([{ leaf: SUPPLIED, value: 97.5, status: 'confirmed' }]);
  });

  it('refuses an incomplete submission with paths, and an actual value for a supplied leaf', async () => {
    const path = `${base()}/self-assessments/FGW`;
    const typed = await s.call('PUT', path, {
      token: fgw,
      body: {
        items: selfItems().map((i) => (i.leaf === SUPPLIED ? { ...i, actual: 99 } : i)),
        report: REPORT,
      },
    });
    expect(typed.status).toBe(422);
    const at0 = typed.body.errors[0];
    expect(at0.path).toBe(`body.items.${leaves.findIndex((l) => l.code === SUPPLIED)}.actual`);
    expect(at0.zh).toContain('一数一源');
    const partial = await s.call('PUT', path, {
      token: fgw,
      body: { items: selfItems().slice(0, 2), report: '太短' },
    });
    expect(partial.status).toBe(200);
    expect(partial.body.allowed).toMatchObject({ edit: true, submit: false, reopen: false });
    const submit = await s.call('POST', `${path}/actions`, {
      token: fgw,
      body: { version: 1, action: 'submit' },
    });
    expect(submit.status).toBe(422);
    const paths = submit.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('body.items');
    expect(paths).toContain('body.report');
    const full = await s.call('PUT', path, {
      token: fgw,
      body: { version: 1, items: selfItems(), report: REPORT },
    });
    expect(full.body.issues).toEqual([]);
    expect(full.body.allowed.submit).toBe(true);
    const office = await s.call('POST', `${path}/actions`, {
      token: admin,
      body: { version: 2, action: 'submit' },
    });
    expect(office.status).toBe(403);
  });

  it('refuses the submission after the deadline until the office reopens it', async () => {
    at(`${YEAR + 1}-01-21`);
    const path = `${base()}/self-assessments/FGW`;
    const view = await s.call('GET', path, { token: fgw });
    expect(view.body).toMatchObject({ deadline: `${YEAR + 1}-01-20`, late: true });
    expect(view.body.allowed).toMatchObject({ edit: false, submit: false });
    const late = await s.call('POST', `${path}/actions`, {
      token: fgw,
      body: { version: 2, action: 'submit' },
    });
    expect([late.status, late.body.code]).toEqual([409, 'deadline_passed']);
    const byUnit = await s.call('POST', `${path}/actions`, {
      token: fgw,
      body: { version: 2, action: 'reopen', reason: '系统故障', until: `${YEAR + 1}-01-25` },
    });
    expect(byUnit.status).toBe(403);
    const past = await s.call('POST', `${path}/actions`, {
      token: admin,
      body: { version: 2, action: 'reopen', reason: '系统故障', until: `${YEAR + 1}-01-02` },
    });
    expect([past.status, past.body.errors[0].path]).toEqual([422, 'body.until']);
    const reopened = await s.call('POST', `${path}/actions`, {
      token: admin,
      body: { version: 2, action: 'reopen', reason: '系统故障导致未能按时提交', until: `${YEAR + 1}-01-25` },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ deadline: `${YEAR + 1}-01-25`, late: false });
    const done = await s.call('POST', `${path}/actions`, {
      token: fgw,
      body: { version: 3, action: 'submit' },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.assessment).toMatchObject({ status: 'submitted' });
    const edit = await s.call('PUT', path, {
      token: fgw,
      body: { version: 4, items: selfItems(), report: REPORT },
    });
    expect([edit.status, edit.body.code]).toEqual([409, 'already_submitted']);
  });
});

describe('verification', () => {
  it('lets the office correct a value (the original kept) and the unit see the outcome', async () => {
    const early = await s.call('POST', `${base()}/values/FGW/D2-1/verification`, {
      token: admin,
      body: { version: 1, action: 'confirm' },
    });
    expect([early.status, early.body.code]).toEqual([409, 'invalid_state']);
    await move('start_verification');
    const pending = await s.call('GET', `${base()}/values?unit=FGW&status=pending`, { token: admin });
    const quantitative = leaves.filter((l) => l.type === 'quantitative' && l.code !== SUPPLIED);
    expect(pending.body.items.map((v: { leaf: string }) => v.leaf).sort()).toEqual(
      quantitative.map((l) => l.code).sort(),
    );
    expect(pending.body.items[0]).toMatchObject({
      unitName: '哈尔滨市发展和改革委员会',
      mayVerify: true,
      origin: 'unit',
    });
    const d21 = pending.body.items.find((v: { leaf: string }) => v.leaf === 'D2-1');
    const fixed = await s.call('POST', `${base()}/values/FGW/D2-1/verification`, {
      token: admin,
      body: { version: d21.version, action: 'correct', value: 92, reason: '与台账核对后更正' },
    });
    expect(fixed.body).toMatchObject({
      status: 'corrected',
      original: 96,
      value: 92,
      leafName: d21.leafName,
    });
    const stale = await s.call('POST', `${base()}/values/FGW/D2-1/verification`, {
      token: admin,
      body: { version: d21.version, action: 'confirm' },
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    const seen = await s.call('GET', `${base()}/values?unit=FGW`, { token: fgw });
    expect(seen.body.items.find((v: { leaf: string }) => v.leaf === 'D2-1')).toMatchObject({
      status: 'corrected',
      original: 96,
      value: 92,
      reason: '与台账核对后更正',
      mayVerify: false,
    });
    expect((await s.call('GET', `${base()}/values?unit=CZJ`, { token: fgw })).status).toBe(404);
  });

  it('lets the provider confirm its own leaf only', async () => {
    const mine = await s.call('GET', `${base()}/values`, { token: tjj });
    expect(new Set(mine.body.items.map((v: { leaf: string }) => v.leaf))).toEqual(new Set([SUPPLIED]));
    expect((await s.call('GET', `${base()}/values?leaf=D2-1`, { token: tjj })).status).toBe(404);
    const row = mine.body.items.find((v: { unit: string }) => v.unit === 'FGW');
    const ok = await s.call('POST', `${base()}/values/FGW/${SUPPLIED}/verification`, {
      token: tjj,
      body: { version: row.version, action: 'confirm' },
    });
    expect(ok.body).toMatchObject({ status: 'confirmed', value: 97.5, verified: { by: 'hrb-tjj' } });
    const other = await s.call('POST', `${base()}/values/FGW/D2-3/verification`, {
      token: tjj,
      body: { version: 1, action: 'confirm' },
    });
    expect(other.status).toBe(404);
    const page = await s.call('GET', `${base()}/values?limit=2`, { token: admin });
    const rest = await s.call(
      'GET',
      `${base()}/values?limit=200&cursor=${encodeURIComponent(page.body.nextCursor)}`,
      { token: admin },
    );
    const all = await s.call('GET', `${base()}/values?limit=200`, { token: admin });
    expect(
      [...page.body.items, ...rest.body.items].map(
        (v: { leaf: string; unit: string }) => `${v.unit}/${v.leaf}`,
      ),
    ).toEqual(all.body.items.map((v: { leaf: string; unit: string }) => `${v.unit}/${v.leaf}`));
  });
});

/** The data rows of a workbook's first sheet (title row 1, header row 2). */
async function sheetRows(bytes: Uint8Array): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: unknown[][] = [];
  for (let r = 3; r <= ws.rowCount; r++) out.push((ws.getRow(r).values as unknown[]).slice(1));
  return out;
}

describe('exports', () => {
  it('gives the overview and the values as workbooks with the JSON’s rows and numbers', async () => {
    const overview = await s.call('GET', `${base()}/overview?limit=200`, { token: admin });
    const file = await s.call('GET', `${base()}/exports/overview.xlsx`, { token: observer });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const rows = await sheetRows(file.bytes);
    expect(rows.map((r) => r[0])).toEqual(overview.body.items.map((r: { unit: string }) => r.unit));
    const fgwRow = overview.body.items.find((r: { unit: string }) => r.unit === 'FGW');
    expect(rows.find((r) => r[0] === 'FGW')!.at(-3)).toBe(fgwRow.valuesPending);

    const values = await s.call('GET', `${base()}/values?limit=200`, { token: admin });
    const vfile = await s.call('GET', `${base()}/exports/values.xlsx`, { token: admin });
    const vrows = await sheetRows(vfile.bytes);
    expect(vrows.map((r) => [r[0], r[2], r[5], r[6]])).toEqual(
      values.body.items.map((v: { unit: string; leaf: string; original?: number; value?: number }) => [
        v.unit,
        v.leaf,
        v.original,
        v.value,
      ]),
    );
    const en = await s.call('GET', `${base()}/exports/checks.xlsx`, {
      token: admin,
      headers: { 'accept-language': 'en' },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(en.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(2).getCell(1).value).toBe('Day');
    // A unit exports its own rows; the overview and the burden are the office's.
    const own = await s.call('GET', `${base()}/exports/plans.xlsx`, { token: fgw });
    expect(own.status).toBe(200);
    expect((await sheetRows(own.bytes)).map((r) => r[0])).toEqual(['FGW']);
    expect((await s.call('GET', `${base()}/exports/overview.xlsx`, { token: fgw })).status).toBe(403);
  });

  it('exports the audit trail with its hashes, and the trail still verifies', async () => {
    const file = await s.call('GET', '/v1/audit/export.xlsx', { token: admin });
    expect(file.status).toBe(200);
    const rows = await sheetRows(file.bytes);
    // The action cell reads its label, then its code on the next line.
    const actions = rows.map((r) => String(r[3]).split('\n').pop());
    for (const a of [
      'progress.save',
      'check.create',
      'check.update',
      'value.supply',
      'self.save',
      'self.submit',
      'self.reopen',
      'value.verify',
    ])
      expect(actions).toContain(a);
    expect(String(rows.at(-1)![9])).toMatch(/^[0-9a-f]{64}$/);
    expect((await s.call('GET', '/v1/audit/verify', { token: admin })).body.ok).toBe(true);
    expect((await s.call('GET', '/v1/audit/export.xlsx', { token: observer })).status).toBe(403);
  });
});
