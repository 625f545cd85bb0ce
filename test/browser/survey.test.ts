import { LIKERT_LABELS } from '@jixiao/core';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SHOTS } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * A satisfaction survey answered on a phone from a QR link, in Chromium: the office (hrb-admin)
 * prints the demo survey's invitation slips; the link written beside a QR code (which the test
 * checks the QR code encodes) is opened on a 390×844 touch screen without signing in; the
 * respondent taps big radio buttons for a few units, writes a suggestion, sends it and is thanked;
 * opening the same link again says it has been answered. Screenshots go to .tmp/screens/survey-*.png.
 */
let s: TestStack;
let browser: Browser;
let link = '';

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

const qrOf = async (text: string) =>
  `data:image/svg+xml;base64,${Buffer.from(
    await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    'utf8',
  ).toString('base64')}`;

describe('a survey answered on a phone from a QR link', () => {
  it('the office prints QR slips, each with its link beside the code', async () => {
    const office = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await office.newPage();
    await page.goto(`${s.url}/console/auth/login`);
    await page.locator('button[data-user="hrb-admin"]').click();
    await page.waitForURL(`${s.url}/console`);
    const admin = await s.token('230100', 'hrb-admin');
    const cycle = (await s.call('GET', '/v1/cycles', { token: admin })).body.items.find(
      (c: { year: number }) => c.year === 2025,
    ).id;
    await page.goto(`${s.url}/console/cycles/${cycle}/surveys`);
    await page.getByRole('link', { name: '2025 年度市直部门满意度测评' }).click();
    await page.locator('#survey-slips-link').click();
    const slip = page.locator('section.slip[data-token]').first();
    link = (await slip.locator('.slip-link a').innerText()).trim();
    expect(link).toMatch(
      /\/console\/public\/230100\/surveys\/cy[a-z2-7]{12}\/sv[a-z2-7]{12}\?t=iv[a-z2-7]{26}$/,
    );
    // The QR code beside it encodes exactly that link.
    expect(await slip.locator('img').getAttribute('src')).toBe(await qrOf(link));
    await page.screenshot({ path: `${SHOTS}/survey-slips.png` });
    await office.close();
  });

  it('a respondent answers on a phone without signing in, and is thanked once', async () => {
    const phone = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const pub: Page = await phone.newPage();
    await pub.goto(link);
    expect(await pub.getByRole('heading', { level: 1 }).innerText()).toBe('2025 年度市直部门满意度测评');
    expect(await pub.locator('main').innerText()).toContain('人大代表政协委员');
    // One column: nothing wider than the phone.
    expect(await pub.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The page keeps a device id for the integrity signals.
    expect(await pub.locator('#f-device').inputValue()).toMatch(/^[0-9a-f]{32}$/);
    const units = pub.locator('section[data-unit]');
    expect(await units.count()).toBe(13);
    for (let i = 0; i < 3; i++) {
      const unit = units.nth(i);
      await unit
        .locator('fieldset')
        .nth(0)
        .getByLabel(LIKERT_LABELS.very_satisfied.zh, { exact: true })
        .tap();
      await unit.locator('fieldset').nth(1).getByLabel(LIKERT_LABELS.satisfied.zh, { exact: true }).tap();
    }
    await pub.getByLabel('您对该单位的意见和建议（选填）').fill('希望网上办事再方便一些');
    await pub.screenshot({ path: `${SHOTS}/survey-phone.png`, fullPage: true });
    await pub.getByRole('button', { name: '提交答卷' }).tap();
    await pub.waitForURL(/\?sent=1#thanks$/);
    expect(await pub.locator('#thanks').innerText()).toContain('感谢您参与满意度测评');
    await pub.screenshot({ path: `${SHOTS}/survey-thanks-phone.png` });

    await pub.goto(link);
    expect(await pub.locator('#survey-message').innerText()).toContain('只能作答一次');
    await phone.close();
  });
});
