import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SHOTS } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The indicator-system pages in a real browser: template gallery → draft → editor with live weight
 * sums → issues next to their node → filing → trial. Screenshots go to .tmp/screens.
 */
let s: TestStack;
let browser: Browser;

beforeAll(async () => {
  s = await startTestStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

describe('indicator systems in Chromium', () => {
  it('creates a draft from a template, edits it with live sums, files it and runs a trial', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${s.url}/console/auth/login`);
    await page.locator('button[data-user="hrb-admin"]').click();
    await page.waitForURL(`${s.url}/console`);

    // The list, then the gallery.
    await page.locator('nav.main').getByRole('link', { name: '指标体系' }).click();
    await page.waitForURL(/\/console\/indicator-systems$/);
    const list = await page.locator('main').innerText();
    expect(list).toContain('哈尔滨市 2026 年度市直部门绩效评估指标体系');
    expect(list).toContain('已备案');
    await page.screenshot({ path: `${SHOTS}/is-list.png`, fullPage: true });
    await page.getByRole('link', { name: '从模板新建' }).click();
    await page.waitForURL(/\/console\/indicator-templates$/);
    expect(await page.locator('article.tpl').count()).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: `${SHOTS}/is-gallery.png`, fullPage: true });

    // Use the KPI template: a draft, straight into the editor.
    await page.locator('article[data-template="kpi"]').getByRole('button', { name: '使用此模板' }).click();
    await page.waitForURL(/\/versions\/1\/edit\?ok=created$/);
    const editUrl = page.url().replace(/\?.*$/, '');

    // The source's weights add up to 110: the version page explains it, shows where each node
    // comes from (原文 with its quote), and the office chooses the correction — here, lowering
    // 决策与执行能力 and 团队建设与人才培养 by 5 each.
    await page.goto(editUrl.replace(/\/edit$/, ''));
    const card = page.locator('[data-correction="lower"]').locator('xpath=ancestor::form');
    expect(await page.locator('main').innerText()).toContain('110');
    const badge = page.locator('#node-0 details').first();
    await badge.locator('summary').click();
    expect(await badge.innerText()).toContain('工作目标完成情况(权重:30%)');
    await page.screenshot({ path: `${SHOTS}/is-kpi-provenance.png`, fullPage: true });
    await card.locator('input[name="r.D7"]').fill('3');
    await card.locator('input[name="r.D4"]').fill('5');
    await card.locator('[data-correction="lower"]').click();
    await page.waitForLoadState();
    // A total that does not remove exactly the excess (10) is refused at the inputs, nothing saved.
    expect(await page.locator('main').innerText()).toContain('10');
    await page.screenshot({ path: `${SHOTS}/is-kpi-correction-refused.png`, fullPage: true });
    await page.locator('input[name="r.D7"]').fill('5');
    await page.locator('input[name="r.D4"]').fill('5');
    await page.locator('[data-correction="lower"]').click();
    await page.waitForURL(/\?ok=updated$/);
    await expect(page.locator('[data-correction]').count()).resolves.toBe(0);
    await page.goto(editUrl);
    const sum0 = page.locator('output[data-sum-for="0"]');
    await expect(sum0.innerText()).resolves.toBe('合计 30 / 应为 30');
    await expect(sum0.getAttribute('class')).resolves.toBe('sum ok');

    // Typing a weight updates the sum at once, in red.
    await page.fill('input[name="n.0.0.weight"]', '10');
    await expect(sum0.innerText()).resolves.toBe('合计 25 / 应为 30');
    await expect(sum0.getAttribute('class')).resolves.toBe('sum bad');
    expect(await sum0.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(164, 18, 27)');
    await page.locator('#node-0').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/is-editor-live-sum.png` });

    // Saved: the API's issue shows on D1's row.
    await page.locator('.savebar button[value="save"]').click();
    await page.waitForURL(`${editUrl}?ok=updated`);
    expect(await page.locator('#node-0 .node-issues').innerText()).toContain(
      '下级指标权重合计为 25，应等于其权重 30',
    );
    expect(await page.locator('section.issues').innerText()).toContain('合计为 25');
    await page.locator('#node-0').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/is-editor-issue.png` });

    // Fixed and saved: no more issues.
    await page.fill('input[name="n.0.0.weight"]', '15');
    await expect(sum0.getAttribute('class')).resolves.toBe('sum ok');
    await page.locator('input[name="n.0.0.weight"]').press('Enter'); // Enter saves too
    await page.waitForURL(`${editUrl}?ok=updated`);
    await expect(page.locator('[data-issues="0"]').innerText()).resolves.toContain('未发现问题');

    // The fields beside the tree: evidence note, groups, a dimension's criteria (folded), tie-breaks.
    await page.fill('input[name="n.0.0.evidenceDescription"]', '上传年度工作总结');
    const firstGroup = page.locator('input[name="n.0.0.appliesTo"]').first();
    const groupCode = await firstGroup.getAttribute('value');
    await firstGroup.check();
    await page.selectOption('select[name="n.0.0.missing"]', 'exclude');
    const d1Criteria = page.locator('#node-0 details.criteria');
    await d1Criteria.locator('summary').click();
    await page.fill('textarea[name="n.0.criteria"]', '按年度目标完成情况评分。');
    await page.locator('#node-0').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/is-editor-leaf-fields.png` });
    await page.selectOption('select[name="tb.0"]', 'more_bonus');
    await page.selectOption('select[name="tb.1"]', 'dimension:D1');
    await page.selectOption('select[name="quotaRounding"]', 'ceil');
    await page.locator('#level-list').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/is-editor-grading.png` });
    await page.locator('.savebar button[value="save"]').click();
    await page.waitForURL(`${editUrl}?ok=updated`);
    await expect(page.locator('[data-issues="0"]').innerText()).resolves.toContain('未发现问题');
    expect(await page.inputValue('input[name="n.0.0.evidenceDescription"]')).toBe('上传年度工作总结');
    expect(await page.locator('input[name="n.0.0.appliesTo"]').first().isChecked()).toBe(true);
    expect(await page.inputValue('select[name="tb.1"]')).toBe('dimension:D1');
    await expect(page.locator('#node-0 details.criteria summary').innerText()).resolves.toBe(
      '评分标准（已填写）',
    );
    {
      const draftId = /indicator-systems\/(is[a-z2-7]+)\//.exec(page.url())?.[1];
      const token = await s.token('230100', 'hrb-admin');
      const got = await s.call('GET', `/v1/indicator-systems/${draftId}/versions/1`, { token });
      const d1 = got.body.dimensions[0];
      expect(d1.criteria).toBe('按年度目标完成情况评分。');
      expect(d1.children[0]).toMatchObject({
        evidence: { description: '上传年度工作总结' },
        appliesTo: [groupCode],
        missing: 'exclude',
      });
      expect(got.body.grading).toMatchObject({
        quotaRounding: 'ceil',
        tieBreak: ['more_bonus', 'dimension:D1'],
      });
    }

    // File it: submit, approve.
    await page.getByRole('link', { name: '返回指标体系' }).first().click();
    await page.getByRole('button', { name: '提交备案' }).click();
    await page.waitForURL(/\?ok=submitted$/);
    expect(await page.locator('.flash').innerText()).toContain('已提交备案');
    await page.getByRole('button', { name: '备案通过' }).click();
    await page.waitForURL(/\?ok=approved$/);
    expect(await page.locator('h1 .badge[data-status]').innerText()).toBe('已备案');
    const id = /indicator-systems\/(is[a-z2-7]+)\//.exec(page.url())?.[1];
    const token = await s.token('230100', 'hrb-admin');
    const stored = await s.call('GET', `/v1/indicator-systems/${id}`, { token });
    expect(stored.body.status).toBe('approved');
    await page.screenshot({ path: `${SHOTS}/is-version.png`, fullPage: true });

    // Trial with the prefilled sample inputs: ranked units with grades, each with a breakdown.
    const inputs = JSON.parse(await page.inputValue('#f-inputs')) as unknown[];
    expect(inputs.length).toBe(8);
    await page.locator('#trial').getByRole('button', { name: '试算' }).click();
    await page.locator('#trial-results').waitFor();
    const rows = page.locator('#trial-results table.results tbody tr');
    expect(await rows.count()).toBe(8);
    const grades = await page.locator('#trial-results [data-grade]').allInnerTexts();
    for (const g of grades) expect(['优秀', '良好', '一般', '不及格']).toContain(g);
    const ranks = await page.locator('#trial-results td[data-rank]').allInnerTexts();
    expect(ranks.some((r) => r.startsWith('1 / '))).toBe(true);
    const totals = await page.locator('#trial-results td.total').allInnerTexts();
    for (const x of totals) expect(x).toMatch(/^\d+\.\d\d$/);
    const first = page.locator('details.breakdown').first();
    await first.locator('summary').click();
    expect(await first.innerText()).toMatch(/得 [\d.]+ 分（满分 \d+ 分）/);
    await page.locator('#trial-results').screenshot({ path: `${SHOTS}/is-trial-results.png` });
    await page.screenshot({ path: `${SHOTS}/is-trial.png`, fullPage: true });
    await context.close();
  });

  it('a unit drafts its own system from a template and submits it; the office approves it (art. 20)', async () => {
    const signIn = async (user: string) => {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      await page.goto(`${s.url}/console/auth/login`);
      await page.locator(`button[data-user="${user}"]`).click();
      await page.waitForURL(`${s.url}/console`);
      return { context, page };
    };

    // 市发改委: from the home page to its systems, then a template that asks which groups do approval work.
    const unit = await signIn('hrb-fgw');
    await unit.page.getByRole('link', { name: /本单位指标体系/ }).click();
    await unit.page.waitForURL(/\/console\/indicator-systems$/);
    expect(await unit.page.locator('[data-hint="unit-draft"]').innerText()).toContain('第二十条');
    await unit.page.getByRole('link', { name: '从模板新建' }).click();
    await unit.page
      .locator('article[data-template="department"]')
      .getByRole('link', { name: '使用此模板' })
      .click();
    await unit.page.waitForURL(/\/indicator-templates\/department#use$/);
    await unit.page.locator('input[name="groups.approval"][value="ECON"]').check();
    await unit.page.screenshot({ path: `${SHOTS}/is-unit-template-groups.png`, fullPage: true });
    await unit.page.locator('#use button[type="submit"]').click();
    await unit.page.waitForURL(/\/versions\/1\/edit\?ok=created$/);
    const id = /indicator-systems\/(is[a-z2-7]+)\//.exec(unit.page.url())?.[1];
    await unit.page.getByRole('link', { name: '返回指标体系' }).first().click();
    await unit.page.getByRole('button', { name: '提交备案' }).click();
    await unit.page.waitForURL(/\?ok=submitted$/);
    // Submitted: the unit can no longer change it, and cannot approve it.
    await expect(unit.page.getByRole('button', { name: '备案通过' }).count()).resolves.toBe(0);
    await unit.page.screenshot({ path: `${SHOTS}/is-unit-submitted.png`, fullPage: true });
    await unit.context.close();

    // The office finds it in the list, drafted by FGW, and approves it.
    const office = await signIn('hrb-admin');
    await office.page.goto(`${s.url}/console/indicator-systems`);
    expect(await office.page.locator(`tr[data-id="${id}"]`).innerText()).toContain('FGW');
    await office.page.locator(`tr[data-id="${id}"] a`).first().click();
    await office.page.getByRole('button', { name: '备案通过' }).click();
    await office.page.waitForURL(/\?ok=approved$/);
    expect(await office.page.locator('h1 .badge[data-status]').innerText()).toBe('已备案');
    const token = await s.token('230100', 'hrb-fgw');
    const stored = await s.call('GET', `/v1/indicator-systems/${id}`, { token });
    expect(stored.body).toMatchObject({ status: 'approved', owner: 'FGW' });
    await office.context.close();
  });
});
