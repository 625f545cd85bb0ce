import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SHOTS } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The console in a real browser: Debian's Chromium, headless, driven by playwright-core, against
 * the embedded stack. Screenshots go to .tmp/screens for a person to look at.
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

describe('the console in Chromium', () => {
  it('signs in through the OIDC flow, manages a unit, and switches to English', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();

    await page.goto(`${s.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await expect(page.title()).resolves.toContain('绩效');
    await page.getByRole('link', { name: '登录' }).click();
    expect(new URL(page.url()).pathname).toBe('/oauth2/authorize');
    await page.locator('button[data-user="hrb-admin"]').click();
    await page.waitForURL(`${s.url}/console`);
    const home = await page.locator('main').innerText();
    expect(home).toContain('哈尔滨市');
    await page.screenshot({ path: `${SHOTS}/home-admin.png`, fullPage: true });

    await page.locator('nav.main').getByRole('link', { name: '被考核单位' }).click();
    expect(await page.locator('main').innerText()).toContain('哈尔滨市发展和改革委员会');
    await page.goto(`${s.url}/console/units/new`);
    await page.fill('input[name="code"]', 'SJJ');
    await page.fill('input[name="name"]', '哈尔滨市审计局');
    await page.selectOption('select[name="type"]', 'department');
    await page.selectOption('select[name="group"]', 'ENFORCE');
    await page.fill('input[name="uscc"]', '11230100MB1234567X');
    await page.locator('main form button[type="submit"]').click();
    // A wrong check character is refused next to the field, with the user's input kept.
    await expect(page.locator('[aria-invalid="true"]').first().getAttribute('name')).resolves.toBe('uscc');
    expect(await page.inputValue('input[name="name"]')).toBe('哈尔滨市审计局');
    await page.screenshot({ path: `${SHOTS}/unit-error.png`, fullPage: true });
    await page.fill('input[name="uscc"]', '11230100MB1234567P');
    await page.locator('main form button[type="submit"]').click();
    await page.waitForLoadState();
    expect(await page.locator('main').innerText()).toContain('哈尔滨市审计局');
    const stored = await s.data.org.getUnit('230100', 'SJJ');
    expect(stored).toMatchObject({ name: '哈尔滨市审计局', group: 'ENFORCE', uscc: '11230100MB1234567P' });

    await page.locator('a[hreflang="en"]').first().click();
    await page.waitForLoadState();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('nav.main').innerText()).toMatch(/Units/);
    await page.screenshot({ path: `${SHOTS}/unit-en.png`, fullPage: true });
    await context.close();
  });

  it('shows a unit user only its own unit', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${s.url}/console/auth/login`);
    await page.locator('button[data-user="hrb-jyj"]').click();
    await page.waitForURL(`${s.url}/console`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('哈尔滨市教育局');
    expect(text).not.toContain('哈尔滨市发展和改革委员会');
    await page.goto(`${s.url}/console/units/FGW`);
    expect(await page.locator('main').innerText()).not.toContain('哈尔滨市发展和改革委员会');
    await page.screenshot({ path: `${SHOTS}/home-unit-user.png`, fullPage: true });
    await context.close();
  });
});
