import { shanghaiDay } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishResults } from '../support/fixtures/outcomes';
import { type ConsoleStack, formFields, type Session, startConsole } from './support';

/**
 * Appeals, rectification and the use of results in the console, driven as a browser would: a unit
 * appeals from its page and follows the outcome; the office decides with a correction from its
 * queue; tasks are created, reported, closed and carried over on the board; uses of results are
 * recorded, edited and revoked. The cycle is put in review and results are released directly in
 * the data layer, with an appeal window around today, so the pages are all this file depends on.
 */
let s: ConsoleStack;
let admin: Session;
let fgw: Session;
let jyj: Session;
let observer: Session;
let cycleId: string;
let earlierId: string;

const TODAY = shanghaiDay(new Date());
const Y = Number(TODAY.slice(0, 4)) - 1;

const calendar = (year: number) => ({
  planDeadline: `${year}-03-31`,
  selfAssessment: { opens: `${year}-04-01`, closes: `${year}-04-10` },
  verification: { opens: `${year}-04-11`, closes: `${year}-04-20` },
  review: { opens: `${year}-04-21`, closes: `${year}-04-30` },
  appeal: { opens: `${year}-05-01`, closes: `${year + 2}-12-31` },
});

async function makeCycle(year: number) {
  const c = await admin.api('POST', '/v1/cycles', {
    name: `${year} 年度结果运用控制台测试`,
    year,
    bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON', 'SOCIAL'] }],
    calendar: calendar(year),
  });
  expect(c.status).toBe(201);
  return c.body.id as string;
}

beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
  fgw = await s.as('230100', 'hrb-fgw');
  jyj = await s.as('230100', 'hrb-jyj');
  observer = await s.as('230100', 'hrb-observer');
  earlierId = await makeCycle(Y - 1);
  cycleId = await makeCycle(Y);
  const cur = await s.stack.data.cycles.getOr404('230100', cycleId);
  await s.stack.data.cycles.update('230100', cycleId, cur.version, { state: 'review' });
  await publishResults(s.stack.data, '230100', cycleId, { at: new Date() });
});
afterAll(() => s.stop());

const html = async (who: Session, path: string, lang?: 'zh' | 'en') => {
  const res = await who.get(path, lang ? { lang } : {});
  return { status: res.status, html: await res.text() };
};
const P = () => `/console/cycles/${cycleId}`;

describe('appeals', () => {
  let appealPath: string;

  it('shows the unit its released standing and the appeal form, and links it from the cycle', async () => {
    const { status, html: h } = await html(fgw, `${P()}/appeals`);
    expect(status).toBe(200);
    expect(h).toContain('id="appeal-standing"');
    expect(h).toContain('data-open="true"');
    expect(h).toContain('id="appeal-form"');
    expect(h).toContain('<option value="D2-1"');
    expect(h).toContain('本单位在本考核周期还没有已上传的佐证材料。');
    expect(h).toContain('name="_idem"');
    const cycle = await html(admin, P());
    expect(cycle.html).toContain(`href="${P()}/appeals"`);
    expect(cycle.html).toContain(`href="${P()}/rectification"`);
    expect(cycle.html).toContain(`href="${P()}/result-uses"`);
  });

  it('puts the API’s problems at their fields and keeps what was typed', async () => {
    const page = (await html(fgw, `${P()}/appeals`)).html;
    const form = formFields(page, 'appeal-form').filter(([k]) => k !== 'reasons' && k !== 'leaf');
    const res = await fgw.post(`${P()}/appeals/FGW`, [...form, ['leaf', 'D2-1'], ['reasons', '太短了']]);
    expect(res.status).toBe(422);
    const h = await res.text();
    expect(h).toContain('id="f-reasons-error"');
    expect(h).toContain('太短了');
    expect(h).toContain('<option value="D2-1" selected');
  });

  it('submits an indicator appeal and shows it, with the way to withdraw it', async () => {
    const page = (await html(fgw, `${P()}/appeals`)).html;
    const form = formFields(page, 'appeal-form').filter(([k]) => k !== 'reasons' && k !== 'leaf');
    const res = await fgw.post(`${P()}/appeals/FGW`, [
      ...form,
      ['leaf', 'D2-1'],
      ['reasons', '重点项目完成数据漏报，实际完成值高于核定值，申请复核。'],
    ]);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${P()}/appeals/FGW/ap[a-z2-7]{12}\\?ok=submitted$`));
    appealPath = location.split('?')[0]!;
    const { html: h } = await html(fgw, appealPath);
    expect(h).toContain('已提交，待复核');
    expect(h).toContain('id="appeal-withdraw-form"');
    expect(h).not.toContain('id="appeal-decide-form"');
    expect((await html(jyj, appealPath)).status).toBe(404);
    expect((await html(observer, appealPath)).html).not.toContain('id="appeal-decide-form"');
  });

  it('lists it in the office’s queue, filtered by status', async () => {
    const { html: h } = await html(admin, `${P()}/appeals?status=submitted`);
    expect(h).toContain('哈尔滨市发展和改革委员会');
    expect(h).toContain(appealPath);
    expect(h).toContain('id="appeal-counts"');
    expect((await html(admin, `${P()}/appeals?status=rejected`)).html).not.toContain(appealPath);
  });

  it('lets the office accept with a corrected value, shown with the value before and after', async () => {
    const page = (await html(admin, appealPath)).html;
    expect(page).toContain('id="appeal-decide-form"');
    expect(page).toContain('name="correction.value"');
    const form = formFields(page, 'appeal-decide-form').filter(
      ([k]) => !['reason', 'correction', 'correction.value'].includes(k),
    );
    const bad = await admin.post(`${appealPath}/decision`, [
      ...form,
      ['reason', '复核采纳'],
      ['correction', 'value'],
      ['correction.value', '很多'],
    ]);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('id="f-correction.value-error"');
    const ok = await admin.post(`${appealPath}/decision`, [
      ...form,
      ['reason', '经复核，漏报数据有佐证，予以采纳。'],
      ['correction', 'value'],
      ['correction.value', '130'],
    ]);
    expect(ok.status).toBe(303);
    const { html: h } = await html(fgw, appealPath);
    expect(h).toContain('复核采纳');
    expect(h).toContain('经复核，漏报数据有佐证，予以采纳。');
    expect(h).toContain('（空） → 130');
    expect(h).toContain('采纳的更正将在下一次计算中生效。');
    expect(h).not.toContain('id="appeal-withdraw-form"');
  });

  it('offers a deduction leaf’s items as counts, with errors at the count typed', async () => {
    const page = (await html(fgw, `${P()}/appeals`)).html;
    const form = formFields(page, 'appeal-form').filter(([k]) => k !== 'reasons' && k !== 'leaf');
    const res = await fgw.post(`${P()}/appeals/FGW`, [
      ...form,
      ['leaf', 'D1-3'],
      ['reasons', '审计发现的问题已于年内整改销号，不应扣分。'],
    ]);
    const path = res.headers.get('location')!.split('?')[0]!;
    const decide = (await html(admin, path)).html;
    expect(decide).toContain('name="count.SJ"');
    expect(decide).toContain('name="count.WG"');
    const fields = formFields(decide, 'appeal-decide-form').filter(
      ([k]) => !['reason', 'correction', 'count.SJ'].includes(k),
    );
    const bad = await admin.post(`${path}/decision`, [
      ...fields,
      ['reason', '按零项认定'],
      ['correction', 'incidents'],
      ['count.SJ', '-1'],
    ]);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('id="f-count.SJ-error"');
  });

  it('shows the unit how its total and rank changed once a new run is released', async () => {
    const id = appealPath.split('/').at(-1)!;
    await publishResults(s.stack.data, '230100', cycleId, { at: new Date(), appeals: [id] });
    const { html: h } = await html(fgw, appealPath);
    expect(h).toContain('id="appeal-outcome"');
    expect(h).toContain('id="appeal-total-change"');
    expect(h).toMatch(/已计入第 \d+ 次计算/);
    const en = (await html(fgw, appealPath, 'en')).html;
    expect(en).toContain('Change of the total');
    expect(en).toContain('Accepted');
  });
});

describe('rectification', () => {
  let taskPath: string;

  it('lets the office create a task on the board; a past deadline is flagged overdue', async () => {
    const board = (await html(admin, `${P()}/rectification`)).html;
    expect(board).toContain('id="rect-create-form"');
    const form = formFields(board, 'rect-create-form');
    const noUnit = await admin.post(`${P()}/rectification`, [
      ...form.filter(([k]) => k !== 'title'),
      ['title', '事项'],
    ]);
    expect(noUnit.status).toBe(422);
    expect(await noUnit.text()).toContain('id="f-unit-error"');
    const base = form.filter(([k]) => !['unit', 'title', 'problem', 'owner', 'deadline'].includes(k));
    const res = await admin.post(`${P()}/rectification`, [
      ...base,
      ['unit', 'FGW'],
      ['title', '项目前期手续办理滞后'],
      ['problem', '察访核验发现三个重大项目用地预审超期。'],
      ['owner', '投资处'],
      ['deadline', `${Y}-06-30`],
    ]);
    expect(res.status).toBe(303);
    taskPath = res.headers.get('location')!.split('?')[0]!;
    expect(taskPath).toMatch(new RegExp(`^${P()}/rectification/FGW/rt[a-z2-7]{12}$`));
    const after = (await html(admin, `${P()}/rectification`)).html;
    expect(after).toContain('data-overdue="true"');
    expect(after).toContain('已逾期');
    expect(after).toContain('逾期 1 项');
  });

  it('lets the unit report progress done, and the office close it', async () => {
    const page = (await html(fgw, taskPath)).html;
    expect(page).toContain('id="task-progress-form"');
    expect(page).not.toContain('id="task-edit-form"');
    const form = formFields(page, 'task-progress-form').filter(([k]) => !['note', 'status'].includes(k));
    const empty = await fgw.post(`${taskPath}/progress`, [...form, ['note', ''], ['status', 'done']]);
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('id="f-note-error"');
    const done = await fgw.post(`${taskPath}/progress`, [
      ...form,
      ['note', '三个项目用地预审已全部办结。'],
      ['status', 'done'],
    ]);
    expect(done.status).toBe(303);
    const office = (await html(admin, taskPath)).html;
    expect(office).toContain('三个项目用地预审已全部办结。');
    expect(office).toContain('id="task-action-form"');
    expect(office).toContain('确认销号');
    const action = formFields(office, 'task-action-form').filter(([k]) => !['action'].includes(k));
    const closed = await admin.post(`${taskPath}/transitions`, [...action, ['action', 'close']]);
    expect(closed.status).toBe(303);
    const after = (await html(fgw, taskPath)).html;
    expect(after).toContain('已销号');
    expect(after).not.toContain('id="task-progress-form"');
    expect((await html(jyj, taskPath)).status).toBe(404);
  });

  it('carries an earlier year’s open tasks over and says what it did', async () => {
    const t = await admin.api('POST', `/v1/cycles/${earlierId}/rectification/units/JYJ`, {
      title: '校园安全隐患整改',
      problem: '两所学校消防通道被占用。',
      source: 'check',
      owner: '安全处',
      deadline: `${Y - 1}-12-31`,
    });
    expect(t.status).toBe(201);
    const board = (await html(admin, `${P()}/rectification`)).html;
    expect(board).toContain(`<option value="${earlierId}"`);
    const res = await admin.post(`${P()}/rectification/carry-over`, [['from', earlierId]]);
    expect(res.status).toBe(200);
    const h = await res.text();
    expect(h).toContain('id="rect-carried"');
    expect(h).toContain('本次结转 1 项');
    expect(h).toContain('校园安全隐患整改');
    const again = await (await admin.post(`${P()}/rectification/carry-over`, [['from', earlierId]])).text();
    expect(again).toContain('本次结转 0 项');
    expect(again).toContain('此前已结转 1 项');
  });
});

describe('the use of results', () => {
  let usePath: string;

  it('records a reward with its amount, refusing an amount on accountability at the field', async () => {
    const page = (await html(admin, `${P()}/result-uses`)).html;
    expect(page).toContain('id="uses-create-form"');
    const form = formFields(page, 'uses-create-form').filter(
      ([k]) => !['unit', 'kind', 'description', 'amount', 'document', 'day'].includes(k),
    );
    const fill = (kind: string) =>
      [
        ...form,
        ['unit', 'FGW'],
        ['kind', kind],
        ['description', '年度绩效评估结果良好以上，通报表扬并奖励。'],
        ['amount', '12.5'],
        ['document', '哈政办发〔2027〕3号'],
        ['day', TODAY],
      ] as [string, string][];
    const bad = await admin.post(`${P()}/result-uses`, fill('accountability'));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('id="f-amount-error"');
    const ok = await admin.post(`${P()}/result-uses`, fill('reward'));
    expect(ok.status).toBe(303);
    usePath = ok.headers.get('location')!.split('?')[0]!;
    const { html: h } = await html(admin, usePath);
    expect(h).toContain('哈政办发〔2027〕3号');
    expect(h).toContain('12.5');
    expect(h).toContain('id="use-edit-form"');
  });

  it('edits and revokes it, keeping it marked void', async () => {
    const page = (await html(admin, usePath)).html;
    const edit = formFields(page, 'use-edit-form').filter(([k]) => k !== 'description');
    const saved = await admin.post(usePath, [...edit, ['description', '通报表扬并给予一次性绩效奖励。']]);
    expect(saved.status).toBe(303);
    const revoke = formFields((await html(admin, usePath)).html, 'use-revoke-form').filter(
      ([k]) => k !== 'reason',
    );
    const empty = await admin.post(`${usePath}/revoke`, [...revoke, ['reason', '']]);
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('id="f-reason-error"');
    const done = await admin.post(`${usePath}/revoke`, [...revoke, ['reason', '文件撤回重发']]);
    expect(done.status).toBe(303);
    const { html: h } = await html(admin, usePath);
    expect(h).toContain('已作废');
    expect(h).toContain('文件撤回重发');
    expect(h).not.toContain('id="use-edit-form"');
  });

  it('shows a unit its own uses without forms; another unit finds nothing', async () => {
    const list = (await html(fgw, `${P()}/result-uses`)).html;
    expect(list).toContain('通报表扬并给予一次性绩效奖励。');
    expect(list).not.toContain('id="uses-create-form"');
    expect((await html(jyj, usePath)).status).toBe(404);
    const en = (await html(admin, `${P()}/result-uses`, 'en')).html;
    expect(en).toContain('Use of results');
    expect(en).toContain('Void');
  });
});
