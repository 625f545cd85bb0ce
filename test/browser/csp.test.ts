import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { DEMO, resolveDemoIds } from '../support/routes';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The Content-Security-Policy (#14 item 3) as Chromium enforces it: the OIDC sign-in still works,
 * and the key pages (the dashboard, the indicator editor with its live sums, the public portal with
 * its server-drawn charts, the API docs) cause no policy violation and no console error.
 */
let s: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every violation the pages reported, and every console error, with the page it happened on. */
const problems: string[] = [];

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  const token = await s.token('230100', 'hrb-admin');
  await resolveDemoIds(async (path) => (await s.call('GET', path, { token })).body);
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // Runs before any page script, so a violation on load is caught too.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sample})`,
      );
    });
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error')
      problems.push(`${new URL(page.url()).pathname}: ${m.text()} ${m.location().url ?? ''}`.trim());
  });
  page.on('pageerror', (e) => problems.push(`${new URL(page.url()).pathname}: ${e.message}`));
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

describe('the Content-Security-Policy in Chromium', () => {
  it('signs in through the OIDC flow onto the dashboard', async () => {
    await page.goto(`${s.url}/console`);
    await page.getByRole('link', { name: '登录' }).click();
    await page.locator('button[data-user="hrb-admin"]').click();
    await page.waitForURL(`${s.url}/console`);
    expect(await page.locator('main').innerText()).toContain('哈尔滨市');
    expect(problems).toEqual([]);
  });

  it('runs the indicator editor’s script (live sums) from its own file', async () => {
    await page.goto(`${s.url}/console/indicator-templates`);
    await page.locator('article[data-template="kpi"]').getByRole('button', { name: '使用此模板' }).click();
    await page.waitForURL(/\/versions\/1\/edit\?ok=created$/);
    expect(await page.locator('#is-editor').count()).toBe(1);
    // A weight that is not a number: the script (not the server) shows its parent's sum as '?'.
    await page.locator('#is-editor [data-parent]').first().fill('x');
    await expect
      .poll(() => page.locator('#is-editor [data-sum-for][data-ok="false"]').filter({ hasText: '?' }).count())
      .toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('shows the portal’s charts (SVG with style attributes) and the API docs without a violation', async () => {
    for (const path of [
      '/console/public/230100',
      `/console/public/230100/results/${DEMO.pubCycle}`,
      '/docs',
    ]) {
      const res = await page.goto(`${s.url}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(res?.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
    }
    await page.goto(`${s.url}/console/public/230100/results/${DEMO.pubCycle}`);
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThan(0);
    // A unit's page: its radar chart.
    await page.locator('main a[href*="/units/"]').first().click();
    await page.waitForURL(/\/units\/[^/]+$/);
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('reports a violation when the policy is broken (the check above can fail)', async () => {
    await page.goto(`${s.url}/console/public/230100`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = 1';
      document.body.appendChild(s);
    });
    await expect.poll(() => problems.length).toBeGreaterThan(0);
    // Chromium's own report, and the page's securitypolicyviolation event (the listener above).
    await expect.poll(() => problems.join('\n')).toContain('CSP violation: script-src');
    expect(problems.join('\n')).toContain(
      "violates the following Content Security Policy directive 'script-src 'self''",
    );
    expect(await page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();
  });
});
