import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SHOTS } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Cross-region comparison (#12) in Chromium, on a stack seeded with 黑龙江省's comparison demo
 * (`demoProvince`; one stack for the file): the provincial analyst walks 共享成果 → 比较分析 (group
 * and method switched; trend, distribution and tile map drawn) → 权重模拟 (a weight changed: the
 * page's script posts it and the ranks move without leaving the page) → 排名稳定性 → the Excel
 * export; the province's office opens its library and peer groups; 宾县's office opens a cycle's
 * 共享 page and its guidance from the city. On every page axe-core finds no violation of impact
 * serious or critical. Screenshots go to .tmp/screens/province-*.png.
 */
let s: TestStack;
let browser: Browser;

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core on the page as it is: the violations of impact serious or critical, in words. */
async function seriousViolations(p: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the pages' CSP (rightly) refuses inline scripts.
  await p.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
}

async function checkPage(page: Page, name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/province-${name}.png`, fullPage: true });
}

/** A browser of its own for a demo user, signed in through the dev sign-in page. */
async function signIn(user: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${s.url}/console/auth/login`);
  await page.locator(`button[data-user="${user}"]`).click();
  await page.waitForURL(`${s.url}/console`);
  return { context, page };
}

beforeAll(async () => {
  s = await startTestStack({ demoProvince: true });
  browser = await launchChromium();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

describe('the provincial analyst', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await signIn('hlj-analyst'));
  });
  afterAll(() => context?.close());

  it('opens 共享成果: the years and every region’s snapshot', async () => {
    await page.locator('nav.main').getByRole('link', { name: '跨地区比较' }).click();
    await page.locator('nav.tabs').getByRole('link', { name: '共享成果' }).click();
    await page.waitForURL(`${s.url}/console/comparisons/shared`);
    expect(await page.locator('#shared-results tbody tr').count()).toBeGreaterThanOrEqual(12);
    expect(await page.locator('#shared-results').innerText()).toContain('覆盖本地 45% 的分值');
    await checkPage(page, 'shared');
  });

  it('compares within a group by another method: ranks, trend, distribution and tile map drawn', async () => {
    await page.locator('nav.tabs').getByRole('link', { name: '比较分析' }).click();
    await page.getByLabel('分类考核组').selectOption('COUNTY-DEV');
    await page.getByLabel('标准化方法').selectOption('zscore');
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/group=COUNTY-DEV&method=zscore/);
    expect(await page.locator('#explanation').getAttribute('data-method')).toBe('zscore');
    expect(await page.locator('#ranking caption').innerText()).toContain('Z 分数法');
    expect(await page.locator('#ranking tbody tr').count()).toBeGreaterThan(1);
    for (const chart of [
      '#chart-trend-composite svg',
      '#chart-trend-rank svg',
      '#chart-dist-S01 svg',
      '#chart-tile-map svg',
    ])
      expect(await page.locator(chart).isVisible(), chart).toBe(true);
    await page.locator('#tile-map-text summary').click();
    const first = await page.locator('#ranking tbody tr th').first().innerText();
    expect(await page.locator('#tile-map-text').innerText()).toContain(first);
    await checkPage(page, 'comparison');
  });

  it('changes a weight on 权重模拟: the ranks move at once, without leaving the page', async () => {
    await page.locator('nav.tabs').getByRole('link', { name: '权重模拟' }).click();
    await page.waitForURL(/\/console\/comparisons\/what-if\?/);
    // Everyone who shared, by the group's own method.
    await page.getByLabel('分类考核组').selectOption('ALL');
    await page.getByLabel('标准化方法').selectOption('');
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/\/console\/comparisons\/what-if\?year=2025&group=ALL/);
    const url = page.url();
    expect(await page.locator('#whatif-form').getAttribute('data-live')).toBe('true');
    expect(await page.locator('#whatif-table [data-moved]:not([data-moved="0"])').count()).toBe(0);
    for (const code of ['S01', 'S02', 'S03']) await page.locator(`[name="weights.${code}"]`).fill('0');
    await page.locator('[name="weights.S04"]').fill('100');
    await expect
      .poll(() => page.locator('#whatif-table [data-moved]:not([data-moved="0"])').count(), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    expect(page.url()).toBe(url);
    expect(await page.locator('#whatif-elapsed').innerText()).toMatch(/服务器重算用时 [\d.]+ 毫秒/);
    await checkPage(page, 'what-if');
  });

  it('computes 排名稳定性 with another band', async () => {
    await page.locator('nav.tabs').getByRole('link', { name: '排名稳定性' }).click();
    expect(await page.locator('#sensitivity-table tbody tr').count()).toBeGreaterThan(1);
    await page.getByLabel('扰动幅度（±%）').fill('10');
    await page.getByRole('button', { name: '计算排名稳定性' }).click();
    await expect.poll(() => page.locator('#sensitivity-table caption').innerText()).toContain('±10%');
    expect(await page.locator('#chart-rank-intervals svg').isVisible()).toBe(true);
    await checkPage(page, 'sensitivity');
  });

  it('exports the comparison: the link answers a workbook', async () => {
    await page.locator('nav.tabs').getByRole('link', { name: '比较分析' }).click();
    const href = await page.locator('#export-link').getAttribute('href');
    expect(href).toContain('/console/comparisons/export.xlsx?');
    const res = await context.request.get(`${s.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    const bytes = await res.body();
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('switches to English', async () => {
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('h1').innerText()).toBe('Comparison');
    await page.getByRole('link', { name: '中文' }).click();
  });
});

describe('the province’s office', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await signIn('hlj-admin'));
  });
  afterAll(() => context?.close());

  it('opens the standard library and a standard indicator’s form', async () => {
    await page.locator('nav.main').getByRole('link', { name: '标准指标库' }).click();
    expect(await page.locator('#standards tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#standard-new').isVisible()).toBe(true);
    await checkPage(page, 'standards');
    await page.locator('#std-S01 a').click();
    expect(await page.locator('#standard-form').isVisible()).toBe(true);
    await checkPage(page, 'standard');
  });

  it('opens the peer groups and one group’s form', async () => {
    await page.locator('nav.tabs').getByRole('link', { name: '分类考核组' }).click();
    expect(await page.locator('#groups tbody tr').count()).toBeGreaterThanOrEqual(4);
    await checkPage(page, 'groups');
    await page.locator('#group-COUNTY-AGRI a').first().click();
    expect(await page.locator('#group-form').isVisible()).toBe(true);
    await checkPage(page, 'group');
  });
});

describe('a county’s office', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await signIn('bx-admin'));
  });
  afterAll(() => context?.close());

  it('opens 共享 from its 2025 cycle: what would be sent, to the province and the city', async () => {
    await page.locator('nav.main').getByRole('link', { name: '考核周期' }).click();
    await page.getByRole('link', { name: '宾县 2025 年度政府工作部门绩效评估' }).click();
    await page.locator('#cycle-links').getByRole('link', { name: '共享', exact: true }).click();
    await page.waitForURL(/\/sharing$/);
    for (const kind of ['province', 'city']) {
      expect(await page.locator(`#preview-indicators-${kind} tbody tr`).count()).toBe(4);
      expect(await page.locator(`#share-form-${kind}`).isVisible()).toBe(true);
    }
    await checkPage(page, 'sharing');
  });

  it('reads a guidance document from its city', async () => {
    await page.locator('nav.main').getByRole('link', { name: '上级指导文件' }).click();
    await page.locator('#guidance-inbox tbody a').first().click();
    expect(await page.locator('#guidance-body').innerText()).not.toBe('');
    await checkPage(page, 'guidance');
  });
});
