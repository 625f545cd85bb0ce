import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SHOTS } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The unit's part of an annual plan and the office's approval in a real browser (arts. 10–12):
 * 市发改委 (hrb-fgw) writes its plan in a 2036 cycle, opens it for comment, a member of the public
 * comments from a phone without signing in, the unit publishes and answers the comment, closes the
 * consultation and submits; the office (hrb-admin) finds it in its review queue, approves every
 * indicator and publishes it. Screenshots go to .tmp/screens/cycle-*.png.
 */
let s: TestStack;
let browser: Browser;
let cycle: string;
let leaves: { code: string; name: string }[];
let publicLink: string;
const U = 'FGW';
const UNIT_NAME = '哈尔滨市发展和改革委员会';
const COMMENT = '建议把项目审批办结时限再压缩一天。';
const ANSWER = '已采纳，年度目标增加审批时限压缩一天。';

const desktop = () =>
  browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });

async function signIn(context: BrowserContext, user: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${s.url}/console/auth/login`);
  await page.locator(`button[data-user="${user}"]`).click();
  await page.waitForURL(`${s.url}/console`);
  return page;
}

const planUrl = () => `${s.url}/console/cycles/${cycle}/plans/${U}`;
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const flash = (page: Page) => page.getByRole('status').first();

beforeAll(async () => {
  s = await startTestStack();
  browser = await launchChromium();
  // The office opens a 2036 cycle binding the approved 市直部门 system to 综合经济部门 (FGW's group).
  const admin = await s.token('230100', 'hrb-admin');
  const created = await s.call('POST', '/v1/cycles', {
    token: admin,
    body: {
      name: '2036 年度市直部门绩效评估',
      year: 2036,
      kind: 'annual',
      bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] }],
      calendar: {
        planDeadline: '2036-03-31',
        consultationDays: 7,
        progressPeriods: [{ code: 'H1', name: '上半年', ends: '2036-06-30', due: '2036-07-10' }],
        selfAssessment: { opens: '2037-01-05', closes: '2037-01-20' },
        verification: { opens: '2037-01-21', closes: '2037-02-10' },
        review: { opens: '2037-02-11', closes: '2037-02-28' },
        appeal: { opens: '2037-03-01', closes: '2037-03-10' },
      },
    },
  });
  expect(created.status, created.text).toBe(201);
  cycle = created.body.id;
  const moved = await s.call('POST', `/v1/cycles/${cycle}/transitions`, {
    token: admin,
    body: { version: created.body.version, action: 'open_planning' },
  });
  expect(moved.status, moved.text).toBe(200);
  const view = await s.call('GET', `/v1/cycles/${cycle}/plans/${U}`, {
    token: await s.token('230100', 'hrb-fgw'),
  });
  leaves = view.body.leaves;
  expect(leaves.length).toBeGreaterThan(3);
});
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

describe('an annual plan through the console in Chromium', () => {
  let unit: BrowserContext;
  let page: Page;
  let phone: BrowserContext;

  it('the unit finds its workspace, fills every indicator and saves without issues', async () => {
    unit = await desktop();
    page = await signIn(unit, 'hrb-fgw');
    // From the navigation: 考核周期 → the cycle → 本单位工作台 → the next step.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '考核周期' }).click();
    await page.waitForURL(/\/console\/cycles$/);
    await page.getByRole('link', { name: '2036 年度市直部门绩效评估' }).click();
    await page.waitForURL(new RegExp(`/console/cycles/${cycle}$`));
    await page.getByRole('link', { name: '本单位工作台' }).click();
    await page.waitForURL(new RegExp(`/console/cycles/${cycle}/units/${U}$`));
    expect(await heading(page).innerText()).toContain(UNIT_NAME);
    await page.screenshot({ path: `${SHOTS}/cycle-unit-workspace.png`, fullPage: true });
    await page.getByRole('link', { name: '编制年度绩效计划，保存后公开征求意见' }).click();
    await page.waitForURL(planUrl());
    expect(await heading(page).innerText()).toContain('未编制');

    const form = page.locator('#plan-form');
    await form
      .getByLabel('目标依据（设定年度绩效目标的主要依据）')
      .fill('依据市政府工作报告和本委“十五五”规划确定。');
    const cards = form.locator('section[data-leaf]');
    expect(await cards.count()).toBe(leaves.length);
    for (const card of await cards.all()) {
      // A number where the indicator asks for one (the office's fixed targets are shown, not asked).
      const target = card.getByLabel('目标值', { exact: true });
      if ((await target.count()) > 0 && (await target.inputValue()) === '') await target.fill('100');
      await card.getByLabel('目标（文字表述）', { exact: true }).fill('全面完成年度任务');
      await card.getByLabel('目标依据', { exact: true }).fill('上年完成情况和本年工作要点');
      await card.getByLabel('评估标准', { exact: true }).fill('按指标体系评分标准');
      await card.getByLabel('方法和措施', { exact: true }).fill('细化分解到处室，按月调度');
      await card.getByLabel('责任人（处室）', { exact: true }).fill('综合处');
    }
    await page.screenshot({ path: `${SHOTS}/cycle-plan-filled.png` });
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.waitForURL(`${planUrl()}?ok=updated`);
    expect(await flash(page).innerText()).toBe('已保存。');
    await expect(page.getByRole('region', { name: /计划还有/ }).count()).resolves.toBe(0);
    expect(await heading(page).innerText()).toContain('编制中');
    expect(await page.getByLabel('评估标准', { exact: true }).first().inputValue()).toBe(
      '按指标体系评分标准',
    );
  });

  it('opens the consultation and shows the public link', async () => {
    await page.getByRole('button', { name: '公开征求意见' }).click();
    await page.waitForURL(`${planUrl()}?done=open_consultation`);
    expect(await flash(page).innerText()).toBe('「公开征求意见」已完成。');
    expect(await heading(page).innerText()).toContain('公开征求意见中');
    publicLink = await page.getByLabel('公开链接').inputValue();
    expect(publicLink).toMatch(new RegExp(`^${s.url}/console/public/230100/consultations/pc[a-z2-7]{16}$`));
    // Not editable while the public reads it.
    await expect(page.locator('#plan-form').count()).resolves.toBe(0);
    await page.screenshot({ path: `${SHOTS}/cycle-plan-consultation.png`, fullPage: true });
  });

  it('a member of the public reads the draft on a phone and comments, without signing in', async () => {
    phone = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const pub = await phone.newPage();
    await pub.goto(publicLink);
    expect(await heading(pub).innerText()).toBe(`${UNIT_NAME}2036年度绩效计划（征求意见稿）`);
    await expect(pub.getByRole('heading', { level: 3, name: leaves[0]!.name }).count()).resolves.toBe(1);
    expect(await pub.locator('main').innerText()).toContain('细化分解到处室，按月调度');
    // One column: nothing wider than the phone.
    expect(await pub.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await pub.screenshot({ path: `${SHOTS}/cycle-public-phone.png`, fullPage: true });

    await pub.getByLabel('意见内容').fill(COMMENT);
    await pub.getByLabel('署名').fill('市民王先生');
    await pub.getByLabel('联系方式').fill('13900000000');
    await pub.getByRole('button', { name: '提交意见' }).tap();
    await pub.waitForURL(/\?sent=1#thanks$/);
    expect(await pub.locator('#thanks').innerText()).toBe('意见已收到，经审核后公开。感谢您的参与！');
    // Not public before the unit moderates it.
    expect(await pub.locator('main').innerText()).not.toContain(COMMENT);
    await pub.screenshot({ path: `${SHOTS}/cycle-public-thanks-phone.png`, fullPage: true });

    // The same phone sees the comment with its answer once the unit has moderated it (next test).
  });

  it('the unit publishes and answers the comment, closes the consultation and submits', async () => {
    await page.goto(planUrl());
    await page.getByRole('link', { name: /审核和答复公众意见/ }).click();
    await page.waitForURL(`${planUrl()}/comments`);
    const card = page.locator('section.card', { hasText: COMMENT });
    expect(await card.innerText()).toContain('13900000000'); // the unit sees the contact, marked 不公开
    expect(await card.innerText()).toContain('待审核');
    await card.getByLabel('答复', { exact: true }).fill(ANSWER);
    await page.screenshot({ path: `${SHOTS}/cycle-comments.png`, fullPage: true });
    await card.getByRole('button', { name: '公开', exact: true }).click();
    await page.waitForURL(`${planUrl()}/comments?ok=updated`);
    expect(await flash(page).innerText()).toBe('已保存。');
    expect(await page.locator('section.card', { hasText: COMMENT }).innerText()).toContain('已公开');

    // The public page now shows the comment and the answer, never the contact.
    const pub = phone.pages()[0]!;
    await pub.goto(publicLink);
    const text = await pub.locator('main').innerText();
    expect(text).toContain(COMMENT);
    expect(text).toContain(ANSWER);
    expect(text).not.toContain('13900000000');
    await pub.getByText(ANSWER).scrollIntoViewIfNeeded();
    await pub.screenshot({ path: `${SHOTS}/cycle-public-answered-phone.png` });
    await phone.close();

    await page.getByRole('link', { name: /返回年度绩效计划/ }).click();
    await page.waitForURL(planUrl());
    await page.getByRole('button', { name: '结束征求意见' }).click();
    await page.waitForURL(`${planUrl()}?done=close_consultation`);
    expect(await heading(page).innerText()).toContain('编制中');
    await page.getByRole('button', { name: '报送审核' }).click();
    await page.waitForURL(`${planUrl()}?done=submit`);
    expect(await flash(page).innerText()).toBe('「报送审核」已完成。');
    expect(await heading(page).innerText()).toContain('已报审');
    await page.screenshot({ path: `${SHOTS}/cycle-plan-submitted.png`, fullPage: true });
    await unit.close();
  });

  it('the office finds the plan in its review queue, approves every indicator and publishes it', async () => {
    const office = await desktop();
    const p = await signIn(office, 'hrb-admin');
    await p.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '考核周期' }).click();
    await p.getByRole('link', { name: '2036 年度市直部门绩效评估' }).click();
    await p.getByRole('link', { name: '计划审核' }).click();
    await p.waitForURL(`${s.url}/console/cycles/${cycle}/plans`);
    const row = p.getByRole('row', { name: new RegExp(UNIT_NAME) });
    expect(await row.innerText()).toContain('已报审');
    await p.screenshot({ path: `${SHOTS}/cycle-office-queue.png`, fullPage: true });
    await row.getByRole('link', { name: new RegExp(UNIT_NAME) }).click();
    await p.waitForURL(planUrl());
    expect(await heading(p).innerText()).toContain('已报审');

    // One decision chosen by hand, the rest with 其余指标全部同意.
    const review = p.getByRole('region', { name: '考核办审核' });
    await review.getByLabel(`${leaves[0]!.code} 审核意见`).first().selectOption({ label: '同意' });
    await review.scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${SHOTS}/cycle-office-review.png` });
    await review.getByRole('button', { name: '其余指标全部同意' }).click();
    await p.waitForURL(`${planUrl()}?ok=reviewed`);
    expect(await heading(p).innerText()).toContain('已批准');

    await p.getByRole('button', { name: '向社会公布' }).click();
    await p.waitForURL(`${planUrl()}?ok=published`);
    expect(await heading(p).innerText()).toContain('已公布');
    await p.screenshot({ path: `${SHOTS}/cycle-plan-published.png`, fullPage: true });

    const stored = await s.call('GET', `/v1/cycles/${cycle}/plans/${U}`, {
      token: await s.token('230100', 'hrb-admin'),
    });
    expect(stored.body.plan.status).toBe('published');
    const decisions = stored.body.plan.reviews.filter(
      (r: { round: number }) => r.round === stored.body.plan.round,
    );
    expect(decisions).toHaveLength(leaves.length);
    expect(decisions.every((r: { decision: string }) => r.decision === 'approved')).toBe(true);
    await office.close();
  });
});
