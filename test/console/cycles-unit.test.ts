import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleStack,
  fieldValue,
  formFields,
  type Session,
  startConsole,
  unescapeHtml,
  withValue,
} from './support';

/**
 * The unit's pages of a cycle, driven as a browser would: 市发改委 (hrb-fgw) writes its annual plan in
 * a 2034 cycle the office opened (the approved 市直部门 system bound to its group 综合经济部门),
 * loses a stale save without losing its input, consults the public (whose page needs no sign-in),
 * moderates and answers the comment, and submits; 市教育局 (hrb-jyj) reaches none of it.
 */
let s: ConsoleStack;
let admin: Session;
let fgw: Session;
let jyj: Session;
let cycle: string;
const U = 'FGW';

const ws = () => `/console/cycles/${cycle}/units/${U}`;
const planPage = () => `/console/cycles/${cycle}/plans/${U}`;
const storedPlan = async () => (await fgw.api('GET', `/v1/cycles/${cycle}/plans/${U}`)).body;

beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
  fgw = await s.as('230100', 'hrb-fgw');
  jyj = await s.as('230100', 'hrb-jyj');
  const created = await admin.api('POST', '/v1/cycles', {
    name: '2034 年度市直部门绩效评估',
    year: 2034,
    kind: 'annual',
    bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] }],
    calendar: {
      planDeadline: '2034-03-31',
      consultationDays: 7,
      progressPeriods: [{ code: 'H1', name: '上半年', ends: '2034-06-30', due: '2034-07-10' }],
      selfAssessment: { opens: '2035-01-05', closes: '2035-01-20' },
      verification: { opens: '2035-01-21', closes: '2035-02-10' },
      review: { opens: '2035-02-11', closes: '2035-02-28' },
      appeal: { opens: '2035-03-01', closes: '2035-03-10' },
    },
  });
  expect(created.status).toBe(201);
  cycle = created.body.id;
  const moved = await admin.api('POST', `/v1/cycles/${cycle}/transitions`, {
    version: created.body.version,
    action: 'open_planning',
  });
  expect(moved.status).toBe(200);
});
afterAll(() => s.stop());

/** The plan form with every field a unit must give filled in. */
function filledPlan(fields: [string, string][]): [string, string][] {
  let out = withValue(fields, 'basis', '依据市政府工作报告和本委“十五五”规划确定年度目标。');
  const rows = fields.map(([k]) => /^i\.(\d+)\.leaf$/.exec(k)?.[1]).filter((x): x is string => !!x);
  for (const i of rows) {
    const n = (f: string) => `i.${i}.${f}`;
    if (fieldValue(out, n('target')) === '') out = withValue(out, n('target'), '100');
    for (const [f, v] of [
      ['targetText', '全面完成年度任务'],
      ['basis', '上年完成情况和本年工作要点'],
      ['standard', '按指标体系评分标准'],
      ['measures', '细化分解到处室，按月调度'],
      ['owner', '综合处'],
      ['m.0.name', '上半年过半'],
      ['m.0.due', '2034-06-30'],
      ['m.0.owner', '综合处'],
      ['m.0.standard', '完成全年目标的一半'],
    ] as const)
      out = withValue(out, n(f), v);
  }
  return out;
}

/** Posts one of the plan's action forms (公开征求意见, 结束征求意见, 报送审核) as shown on the page. */
async function planAction(action: string) {
  const html = await (await fgw.get(planPage())).text();
  const res = await fgw.post(`${planPage()}/transitions`, formFields(html, `plan-${action}`));
  expect(res.status, await res.clone().text()).toBe(303);
  expect(res.headers.get('location')).toBe(`${planPage()}?done=${action}`);
}

describe("the unit's workspace and annual plan", () => {
  let stale: [string, string][];

  it('the workspace lists the steps with deadlines and the next thing to do', async () => {
    const res = await fgw.get(ws());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('哈尔滨市发展和改革委员会');
    for (const step of ['plan', 'consultation', 'approval', 'progress', 'self', 'verification'])
      expect(html).toContain(`id="step-${step}"`);
    expect(html).toContain('编制年度绩效计划，保存后公开征求意见');
    expect(html).toMatch(
      /data-due="2034-03-31" data-due-state="open">2034年3月31日 <span class="badge">还有 \d+ 天/,
    );
    expect(html).toContain(`href="${planPage()}"`);
  });

  it('saves the plan form; the stored plan has every indicator', async () => {
    const html = await (await fgw.get(planPage())).text();
    expect(html).toContain('id="plan-form"');
    expect(html).toContain('未编制');
    const fields = formFields(html, 'plan-form');
    expect(fieldValue(fields, 'i.0.leaf')).toBeTruthy();
    const res = await fgw.post(planPage(), filledPlan(fields));
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`${planPage()}?ok=updated`);
    const view = await storedPlan();
    expect(view.plan.basis).toContain('十五五');
    expect(view.plan.items).toHaveLength(view.leaves.length);
    expect(view.plan.items[0].milestones[0]).toMatchObject({ name: '上半年过半', due: '2034-06-30' });
    expect(view.issues).toEqual([]);
    stale = filledPlan(formFields(await (await fgw.get(planPage())).text(), 'plan-form'));
  });

  it('a stale save shows 已被他人修改 with a reload link and keeps what was typed', async () => {
    const first = await fgw.post(planPage(), withValue(stale, 'basis', '甲的修改：以上年实绩为基数。'));
    expect(first.status).toBe(303);
    const second = await fgw.post(planPage(), withValue(stale, 'basis', '乙的修改：对标先进城市。'));
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain('已被他人修改');
    expect(html).toContain(`<a href="${planPage()}">重新加载最新数据</a>`);
    expect(html).toContain('未丢失');
    expect(fieldValue(formFields(html, 'plan-form'), 'basis')).toBe('乙的修改：对标先进城市。');
    expect((await storedPlan()).plan.basis).toBe('甲的修改：以上年实绩为基数。');
  });

  it('a refused value lands under its field', async () => {
    const fields = formFields(await (await fgw.get(planPage())).text(), 'plan-form');
    const html = await (await fgw.post(planPage(), withValue(fields, 'i.0.m.0.due', '2034-13-40'))).text();
    expect(html).toMatch(/id="f-i_0_m_0_due"[^>]*aria-invalid="true"/);
    expect(html).toContain('id="f-i_0_m_0_due-error"');
  });

  let publicPath: string;
  it('opens the consultation and shows the public link to copy', async () => {
    await planAction('open_consultation');
    const html = await (await fgw.get(`${planPage()}?done=open_consultation`)).text();
    expect(html).toContain('「公开征求意见」已完成。');
    const link = /id="f-public-link" readonly="" value="([^"]+)"/.exec(html)?.[1];
    expect(link).toMatch(/\/console\/public\/230100\/consultations\/pc[a-z2-7]{16}$/);
    publicPath = new URL(unescapeHtml(link!)).pathname;
    expect(html).not.toContain('id="plan-form"'); // not editable while open for comment
  });

  it('the public page shows the draft without sign-in and takes a comment', async () => {
    const anon = s.anonymous();
    const page = await anon.get(publicPath);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('哈尔滨市发展和改革委员会2034年度绩效计划（征求意见稿）');
    expect(html).toContain('细化分解到处室，按月调度');
    expect(html).toContain('name="website"');
    const sent = await anon.post(publicPath, {
      text: '建议增加项目审批提速的量化目标。',
      name: '市民王先生',
      contact: '13900000000',
      website: '',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${publicPath}?sent=1#thanks`);
    const thanks = await (await anon.get(`${publicPath}?sent=1`)).text();
    expect(thanks).toContain('意见已收到，经审核后公开');
    expect(thanks).not.toContain('建议增加项目审批提速'); // not public before moderation
  });

  it('the moderation page publishes and answers the comment', async () => {
    const url = `${planPage()}/comments`;
    const html = await (await fgw.get(url)).text();
    expect(html).toContain('建议增加项目审批提速的量化目标。');
    expect(html).toContain('13900000000'); // the unit sees the contact, marked 不公开
    expect(html).toContain('待审核 1 条');
    const id = /id="moderate-(cm[a-z2-7]{12})"/.exec(html)?.[1];
    expect(id).toBeDefined();
    const fields = withValue(formFields(html, `moderate-${id}`), 'answer', '已采纳，增加审批时限压缩目标。');
    const res = await fgw.post(`${url}/${id}`, [...fields, ['status', 'published']]);
    expect(res.status, await res.clone().text()).toBe(303);
    const pub = await (await s.anonymous().get(publicPath)).text();
    expect(pub).toContain('建议增加项目审批提速的量化目标。');
    expect(pub).toContain('已采纳，增加审批时限压缩目标。');
    expect(pub).not.toContain('13900000000');
  });

  it('a refused moderation keeps the typed answer with the version the form was loaded with', async () => {
    const url = `${planPage()}/comments`;
    const html = await (await fgw.get(url)).text();
    const id = /id="moderate-(cm[a-z2-7]{12})"/.exec(html)![1]!;
    const loaded = formFields(html, `moderate-${id}`);
    // A colleague answers first.
    const api = `/v1/cycles/${cycle}/plans/${U}/comments`;
    const stored = (await fgw.api('GET', api)).body.items.find((c: { id: string }) => c.id === id);
    const other = await fgw.api('PATCH', `${api}/${id}`, { version: stored.version, answer: '同事的答复。' });
    expect(other.status, other.text).toBe(200);
    const typed = withValue(loaded, 'answer', '我的答复：三季度增加量化目标。');
    const res = await fgw.post(`${url}/${id}`, typed);
    expect(res.status).toBe(409);
    const page = await res.text();
    expect(page).toContain('已被他人修改');
    expect(page).toContain(`<a href="${url}">重新加载最新数据</a>`);
    expect(page).toContain('未丢失');
    const kept = formFields(page, `moderate-${id}`);
    expect(fieldValue(kept, 'answer')).toBe('我的答复：三季度增加量化目标。');
    expect(fieldValue(kept, 'version')).toBe(fieldValue(loaded, 'version'));
    // A second click is refused again: the colleague's answer is not overwritten.
    expect((await fgw.post(`${url}/${id}`, kept)).status).toBe(409);
    const after = (await fgw.api('GET', api)).body.items.find((c: { id: string }) => c.id === id);
    expect(after.answer).toBe('同事的答复。');
  });

  it('closes the consultation and submits; the workspace says what comes next', async () => {
    await planAction('close_consultation');
    await planAction('submit');
    expect((await storedPlan()).plan.status).toBe('submitted');
    const html = await (await fgw.get(ws())).text();
    expect(html).toContain('计划已报审，等待考核办审核');
    expect(html).toMatch(/id="step-plan"[\s\S]*?data-status="submitted"/);
  });

  it('the office reads the plan without the form, with its review form', async () => {
    const res = await admin.get(planPage());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('id="plan-form"');
    expect(html).toContain('id="office-review"');
    expect((await admin.get(ws())).status).toBe(200);
  });
});

describe('the other pages of the workspace', () => {
  it('progress, self-assessment and the long-term plan render for the unit', async () => {
    const progress = await fgw.get(`/console/cycles/${cycle}/progress/${U}`);
    expect(progress.status).toBe(200);
    expect(await progress.text()).toContain('上半年');
    expect((await fgw.get(`/console/cycles/${cycle}/self-assessments/${U}`)).status).toBe(200);
    const lt = `/console/cycles/long-term/${U}`;
    const form = formFields(await (await fgw.get(lt)).text(), 'long-term-form');
    let typed = withValue(withValue(form, 'startYear', '2031'), 'endYear', '2035');
    for (const p of ['functions', 'goals', 'keyFactors', 'measures'])
      typed = withValue(typed, `parts.${p}`, `${p}：按“十六五”时期职能编写。`);
    const saved = await fgw.post(lt, typed);
    expect(saved.status, await saved.clone().text()).toBe(303);
    expect(await (await fgw.get(`${lt}?start=2031`)).text()).toContain('2031–2035');
  });

  it('the verification table reads pasted rows and names the lines it cannot read', async () => {
    const url = `/console/cycles/${cycle}/values`;
    const html = await (await admin.get(url)).text();
    expect(html).toContain('id="supply-form"');
    const leaf = /<select id="f-supply-leaf" name="leaf"[^>]*>\s*<option value="([^"]+)"/.exec(html)?.[1];
    expect(leaf).toBeDefined();
    const bad = await admin.post(`${url}/supply`, { leaf: leaf!, rows: 'FGW\t12\n不存在的局\t3\nCZJ\tabc' });
    expect(bad.status).toBe(422);
    const body = await bad.text();
    expect(body).toContain('第 2 行：找不到单位「不存在的局」');
    expect(body).toContain('第 3 行：「abc」不是数值');
    expect(body).toContain('不存在的局\t3'); // the pasted rows stay
    expect((await fgw.get(url)).status).toBe(200);
  });
});

describe("another unit's user", () => {
  it('finds none of 市发改委 pages', async () => {
    for (const path of [
      ws(),
      planPage(),
      `${planPage()}/comments`,
      `/console/cycles/${cycle}/progress/${U}`,
      `/console/cycles/${cycle}/self-assessments/${U}`,
    ]) {
      const res = await jyj.get(path);
      expect(res.status, path).toBe(404);
    }
    const post = await jyj.post(planPage(), { version: '1', basis: '篡改' });
    expect(post.status).toBe(404);
  });
});

describe('a year through the unit pages: progress, self-assessment, verification', () => {
  const Y = 'CUYEAR';
  let unit: Session;
  let tjj: Session;
  let year: string;
  const api = (who: Session, method: string, path: string, body?: unknown) =>
    who.api(method, `/v1/cycles/${year}${path}`, body);
  const move = async (action: string) => {
    const c = await api(admin, 'GET', '');
    expect((await api(admin, 'POST', '/transitions', { version: c.body.version, action })).status).toBe(200);
  };
  const planMove = async (who: Session, action: string) => {
    const p = await api(who, 'GET', `/plans/${Y}`);
    const r = await api(who, 'POST', `/plans/${Y}/transitions`, { version: p.body.plan.version, action });
    expect(r.status, r.text).toBe(200);
  };

  beforeAll(async () => {
    // Its own group with one unit, so the cycle's steps wait for this unit alone.
    await admin.api('POST', '/v1/unit-groups', { code: 'CUG', name: '工作台测试组' });
    await admin.api('POST', '/v1/units', { code: Y, name: '工作台测试局', type: 'department', group: 'CUG' });
    const user = await admin.api('POST', '/v1/users', { name: '测试员', roles: ['unit_user'], unit: Y });
    unit = await s.as('230100', user.body.id);
    tjj = await s.as('230100', 'hrb-tjj');
    const created = await admin.api('POST', '/v1/cycles', {
      name: '2034 年度工作台测试',
      year: 2034,
      bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['CUG'] }],
      providers: [{ leaf: 'D1-1', unit: 'TJJ' }],
      calendar: {
        planDeadline: '2034-03-31',
        progressPeriods: [{ code: 'H1', name: '上半年', ends: '2034-06-30', due: '2034-07-10' }],
        selfAssessment: { opens: '2035-01-05', closes: '2035-01-20' },
        verification: { opens: '2035-01-21', closes: '2035-02-10' },
        review: { opens: '2035-02-11', closes: '2035-02-28' },
        appeal: { opens: '2035-03-01', closes: '2035-03-10' },
      },
    });
    expect(created.status).toBe(201);
    year = created.body.id;
    await move('open_planning');
    // The plan, its consultation and approval through the API (the pages are tested above).
    const view = await api(unit, 'GET', `/plans/${Y}`);
    const leaves = view.body.leaves as { code: string; needsNumber: boolean; officeTarget?: number }[];
    const saved = await api(unit, 'PUT', `/plans/${Y}`, {
      basis: '依据本局“十五五”规划。',
      items: leaves.map((l) => ({
        leaf: l.code,
        ...(l.needsNumber ? { target: l.officeTarget ?? 100 } : { targetText: '全面完成' }),
        basis: '上年实绩',
        standard: '按评分标准',
        measures: '按月调度',
        owner: '综合处',
        milestones: [{ name: '年中过半', due: '2034-06-15', owner: '综合处', standard: '完成一半' }],
      })),
    });
    expect(saved.status, saved.text).toBe(200);
    await planMove(unit, 'open_consultation');
    await planMove(unit, 'close_consultation');
    await planMove(unit, 'submit');
    const p = await api(admin, 'GET', `/plans/${Y}`);
    const reviewed = await api(admin, 'POST', `/plans/${Y}/reviews`, {
      version: p.body.plan.version,
      decisions: leaves.map((l) => ({ leaf: l.code, decision: 'approved' })),
    });
    expect(reviewed.body.plan.status).toBe('approved');
    await planMove(admin, 'publish');
  });

  const progress = () => `/console/cycles/${year}/progress/${Y}`;
  const self = () => `/console/cycles/${year}/self-assessments/${Y}`;
  const values = () => `/console/cycles/${year}/values`;

  it('a public opinion on the published plan, forwarded by the office, is answered on the unit page', async () => {
    const pub = `/console/public/230100/plans/${year}/${Y}`;
    const page = await s.anonymous().get(pub);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="opinion-form"');
    const sent = await s.anonymous().post(pub, { text: '建议按季度公开进展。', name: '人大代表' });
    expect(sent.status).toBe(303);
    const all = await api(admin, 'GET', '/opinions');
    const op = all.body.items.find((o: { unit: string }) => o.unit === Y);
    const fwd = await api(admin, 'POST', `/opinions/${op.id}/steps`, {
      version: op.version,
      action: 'forward',
      text: '请研究答复。',
    });
    expect(fwd.status, fwd.text).toBe(200);
    const url = `/console/cycles/${year}/plans/${Y}/comments`;
    const html = await (await unit.get(url)).text();
    expect(html).toContain('建议按季度公开进展。');
    expect(html).toContain('请研究答复。');
    const fields = withValue(formFields(html, `reply-${op.id}`), 'text', '将按季度在门户网站公开。');
    const res = await unit.post(`/console/cycles/${year}/plans/${Y}/opinions/${op.id}`, fields);
    expect(res.status, await res.clone().text()).toBe(303);
    const after = await api(admin, 'GET', '/opinions');
    expect(after.body.items.find((o: { id: string }) => o.id === op.id)).toMatchObject({
      status: 'answered',
      reply: '将按季度在门户网站公开。',
    });
    await move('start_monitoring');
  });

  it('a reply refused because the office closed the opinion meanwhile keeps the typed text', async () => {
    const pub = `/console/public/230100/plans/${year}/${Y}`;
    expect((await s.anonymous().post(pub, { text: '建议公开资金使用情况。' })).status).toBe(303);
    const mine = (await api(admin, 'GET', '/opinions')).body.items.find(
      (o: { text: string }) => o.text === '建议公开资金使用情况。',
    );
    const fwd = await api(admin, 'POST', `/opinions/${mine.id}/steps`, {
      version: mine.version,
      action: 'forward',
      text: '请答复。',
    });
    expect(fwd.status, fwd.text).toBe(200);
    const url = `/console/cycles/${year}/plans/${Y}/comments`;
    const fields = formFields(await (await unit.get(url)).text(), `reply-${mine.id}`);
    const closed = await api(admin, 'POST', `/opinions/${mine.id}/steps`, {
      version: fwd.body.version,
      action: 'close',
      text: '已在年报中公开。',
    });
    expect(closed.status, closed.text).toBe(200);
    const res = await unit.post(
      `/console/cycles/${year}/plans/${Y}/opinions/${mine.id}`,
      withValue(fields, 'text', '拟在门户网站按季度公开资金使用情况。'),
    );
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('不能答复转交的公众意见');
    expect(html).toMatch(
      new RegExp(
        `id="f-kept-reply-${mine.id}" readonly="" rows="3">拟在门户网站按季度公开资金使用情况。</textarea>`,
      ),
    );
  });

  it("the published plan's page links to its public page", async () => {
    const html = await (await unit.get(`/console/cycles/${year}/plans/${Y}`)).text();
    const link = /id="f-published-link" readonly="" value="([^"]+)"/.exec(html)?.[1];
    expect(new URL(unescapeHtml(link!)).pathname).toBe(`/console/public/230100/plans/${year}/${Y}`);
    expect(html).toContain('已公布');
  });

  it('reports progress from the form; the warnings show a light in words and the rule', async () => {
    const fields = formFields(await (await unit.get(progress())).text(), 'progress-H1');
    const typed = withValue(withValue(fields, 'v.D1-1', '20'), 'narrative', '上半年推进偏慢。');
    const res = await unit.post(`${progress()}/H1`, [...typed, ['submit', 'true']]);
    expect(res.status, await res.clone().text()).toBe(303);
    const html = await (await unit.get(progress())).text();
    expect(html).not.toContain('id="progress-H1"'); // reported: read-only
    expect(html).toMatch(/<tr data-leaf="D1-1" data-light="red">[\s\S]*?红灯（严重滞后）[\s\S]*?应达/);
    expect(html).toContain('已报送');
  });

  it('the provider pastes a value once; the self-assessment shows it as supplied and submits', async () => {
    await move('open_self_assessment');
    const pasted = await tjj.post(`${values()}/supply`, { leaf: 'D1-1', rows: `单位\t数值\n${Y}\t96.5` });
    expect(pasted.status, await pasted.clone().text()).toBe(303);
    expect(await (await tjj.get(pasted.headers.get('location')!)).text()).toContain('已录入 1 条');
    let html = await (await unit.get(self())).text();
    expect(html).toMatch(/data-supplied="D1-1">96\.5%/);
    expect(html).toContain('由数据提供部门提供（一数一源）');
    let fields = formFields(html, 'self-form');
    expect(fieldValue(fields, 's.D1-1.actual')).toBeUndefined();
    for (const [k] of fields) {
      if (k.endsWith('.actual')) fields = withValue(fields, k, '90');
      if (k.endsWith('.actualText')) fields = withValue(fields, k, '按计划完成');
      if (k.endsWith('.selfScore')) fields = withValue(fields, k, '4');
      if (k.endsWith('.narrative')) fields = withValue(fields, k, '全年按计划推进。');
    }
    fields = withValue(
      fields,
      'report',
      '本年度本局围绕年度绩效计划逐项推进各项指标任务，预算执行、重点工作和依法行政总体完成情况良好，存在的问题和下一步改进措施如下：……',
    );
    const saved = await unit.post(self(), fields);
    expect(saved.status, await saved.clone().text()).toBe(303);
    html = await (await unit.get(self())).text();
    expect(/<section class="issues"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '').toBe('');
    const submitted = await unit.post(`${self()}/actions`, formFields(html, 'self-submit'));
    expect(submitted.status, await submitted.clone().text()).toBe(303);
    expect(await (await unit.get(self())).text()).toContain('已提交');
  });

  it('the office corrects a value with a reason; the unit sees the outcome read-only', async () => {
    await move('start_verification');
    const url = `${values()}?unit=${Y}`;
    const html = await (await admin.get(url)).text();
    const row = /id="v-CUYEAR-(D[\d-]+)-correct"/.exec(html)?.[1];
    expect(row).toBeDefined();
    const fields = withValue(
      withValue(formFields(html, `v-${Y}-${row}-correct`), 'value', '88'),
      'reason',
      '核对台账，少计一项。',
    );
    const res = await admin.post(`/console/cycles/${year}/values/${Y}/${row}`, fields);
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`${values()}?unit=${Y}&ok=updated`);
    const seen = await (await unit.get(values())).text();
    expect(seen).toMatch(new RegExp(`<tr id="v-${Y}-${row}" data-status="corrected"`));
    expect(seen).toContain('核对台账，少计一项。');
    expect(seen).not.toContain(`id="v-${Y}-${row}-correct"`);
    expect(seen).not.toContain('id="supply-form"');
  });
});
