import type { EvaluationLauncher } from '@jixiao/api';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SHOTS } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The year-end evaluation in Chromium: the office (hrb-admin) opens the 2025 cycle's evaluation
 * page, starts a trial run with a reason, lands on the run's page and watches the progress bar
 * (the page's script polls the console's JSON route and updates it in place) until it reaches
 * 100% and the page reloads itself with the results by group; then opens 市发改委's breakdown down
 * to each indicator. The batch is the stack's own; its start is held back a moment so the page
 * sees the run under way. Screenshots go to .tmp/screens/evaluation-*.png.
 */
let s: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cycle = '';
/** Every percent the page's script showed, in order (kept across reloads). */
const seen: number[] = [];

beforeAll(async () => {
  s = await startTestStack({ demoYear: true, demoResults: false });
  browser = await launchChromium();
  const admin = await s.token('230100', 'hrb-admin');
  cycle = (await s.call('GET', '/v1/cycles', { token: admin })).body.items.find(
    (c: { year: number }) => c.year === 2025,
  ).id;
  const launcher = s.deps.evaluation as EvaluationLauncher;
  expect(launcher, 'the stack runs the evaluation batch').toBeDefined();
  // The run starts a moment after it is recorded, so the page first sees it under way.
  s.deps.evaluation = {
    async start(job) {
      setTimeout(() => void launcher.start(job), 2500);
    },
  };
  context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  await context.exposeBinding('runProgressSeen', (_source, percent: number) => {
    seen.push(percent);
  });
  await context.addInitScript(() => {
    document.addEventListener('jx:run-progress', (e) => {
      (window as unknown as { runProgressSeen(p: number): void }).runProgressSeen(
        (e as CustomEvent<{ percent: number }>).detail.percent,
      );
    });
  });
  page = await context.newPage();
  await page.goto(`${s.url}/console/auth/login`);
  await page.locator('button[data-user="hrb-admin"]').click();
  await page.waitForURL(`${s.url}/console`);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

describe('a run started from the evaluation page', () => {
  it('shows the progress bar moving to 100%, then the results', async () => {
    await page.goto(`${s.url}/console/cycles/${cycle}`);
    await page.locator('#cycle-links').getByRole('link', { name: '年终评估计算' }).click();
    await page.waitForURL(`${s.url}/console/cycles/${cycle}/evaluation`);
    expect(await page.locator('#run-kind').innerText()).toContain('预览试算');
    await page.getByLabel('计算说明').fill('浏览器中发起的试算');
    await page.getByRole('button', { name: '开始计算' }).click();
    await page.waitForURL(/\/evaluation\/runs\/rn[a-z2-7]{12}\?ok=started$/);
    // Under way: the bar, the step in words, the count.
    await expect.poll(() => page.locator('#run-progress').count()).toBe(1);
    expect(await page.locator('#run-count').innerText()).toMatch(/单位/);
    await page.screenshot({ path: `${SHOTS}/evaluation-progress.png` });

    // The script follows the run and reloads the page with the results when it is ready.
    await page.locator('#run-results').waitFor({ timeout: 120_000 });
    expect(new URL(page.url()).search).toBe('');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(100);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(await page.locator('#run-facts').innerText()).toContain('待审核');
    expect(await page.locator('#run-results tr[data-unit]').count()).toBeGreaterThan(10);
    await page.screenshot({ path: `${SHOTS}/evaluation-results.png`, fullPage: true });
  });

  it('opens a unit’s breakdown down to each indicator', async () => {
    await page.locator('#row-FGW a').first().click();
    await page.waitForURL(/\/units\/FGW$/);
    await page.locator('#breakdown').waitFor();
    const leaf = page.locator('#leaf-D1-3');
    expect(await leaf.innerText()).toContain('财务管理合规性');
    expect(await leaf.innerText()).toContain('扣分法');
    expect(await page.locator('#unit-grade').innerText()).not.toBe('');
    expect(await page.locator('#unit-rank').innerText()).toMatch(/\d+ \/ \d+/);
    await page.screenshot({ path: `${SHOTS}/evaluation-unit.png`, fullPage: true });
  });
});

describe('the runs and the determinations', () => {
  it('lists the run on the evaluation page, finished, and leads to a unit’s determinations', async () => {
    await page.goto(`${s.url}/console/cycles/${cycle}/evaluation`);
    const row = page.locator('#runs tr[data-run]').first();
    expect(await row.innerText()).toContain('第 1 次计算');
    expect(await row.innerText()).toContain('100%');
    expect(await row.locator('[data-run-status]').innerText()).toBe('待审核');
    await page.screenshot({ path: `${SHOTS}/evaluation-overview.png`, fullPage: true });
    await page.getByRole('link', { name: '年终认定 →' }).click();
    await page.locator('#determinations tr[data-unit="FGW"] a').click();
    await page.waitForURL(/\/determinations\/FGW$/);
    await page.getByLabel('审计发现违规问题：发生次数').fill('1');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/determinations\/FGW\?ok=updated$/);
    expect(await page.locator('#determination-state').innerText()).toContain('已认定（第 1 版');
    expect(await page.getByLabel('审计发现违规问题：发生次数').inputValue()).toBe('1');
    await page.screenshot({ path: `${SHOTS}/evaluation-determination.png`, fullPage: true });
  });
});
