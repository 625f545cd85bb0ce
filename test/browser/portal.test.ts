import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SHOTS } from '../support/browser';
import { publish, type ReleasedYear, releasedYear } from '../support/fixtures/portal';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The public portal on a phone (375×812, touch) in Chromium, as a member of the public: the
 * tenant's home → the published year → a unit → its report downloaded (a real PDF). On every page:
 * nothing wider than the screen (the page never scrolls sideways; tables scroll in their own box)
 * and axe-core finds no violation of impact serious or critical. The year is released and
 * published in `beforeAll` (through the data layer and the API), so the test needs no demo year.
 * Screenshots go to .tmp/screens/portal-*.png.
 */
let s: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let year: ReleasedYear;

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

/** Whether the page is wider than the screen (it would scroll sideways). */
const overflow = (p: Page) =>
  p.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));

async function checkPage(name: string) {
  const { scroll, inner } = await overflow(page);
  expect(scroll, `${name}: page width ${scroll} > ${inner}`).toBeLessThanOrEqual(inner);
  expect(await seriousViolations(page), name).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/portal-${name}.png`, fullPage: true });
}

beforeAll(async () => {
  s = await startTestStack();
  year = await releasedYear(s, 2023, '哈尔滨市 2023 年度门户浏览器测试');
  await publish(s, year.cycleId, '依据条例向社会公开（测试）。');
  browser = await launchChromium();
  context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
  });
  page = await context.newPage();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

describe('the portal on a phone', () => {
  it('opens the tenant’s home: the published year, no console navigation', async () => {
    await page.goto(`${s.url}/console/public/230100`);
    expect(await page.locator('h1').innerText()).toContain('哈尔滨市');
    expect(await page.locator('nav.main').count()).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await checkPage('home');
  });

  it('goes to the published year: groups with ranks, totals, grades in words, charts', async () => {
    await page.getByRole('link', { name: '哈尔滨市 2023 年度门户浏览器测试' }).tap();
    await page.waitForURL(`${s.url}/console/public/230100/results/${year.cycleId}`);
    expect(await page.locator('#group-ECON tr[data-unit]').count()).toBeGreaterThan(0);
    const grade = page.locator('#row-FGW [data-grade]');
    expect((await grade.innerText()).trim()).toBe(year.rows.find((r) => r.unit === 'FGW')!.gradeLabel.zh);
    expect(await page.locator('#chart-grades svg').count()).toBe(1);
    await checkPage('cycle');
  });

  it('goes to a unit: headline, radar, a dimension opened, no sideways scrolling', async () => {
    await page.locator('#row-FGW a').tap();
    await page.waitForURL(/\/units\/FGW$/);
    expect(await page.locator('h1').innerText()).toBe('哈尔滨市发展和改革委员会');
    expect(await page.locator('#chart-radar svg').count()).toBe(1);
    const first = page.locator('details.dimension').first();
    await first.locator('summary').tap();
    expect(await first.getAttribute('open')).not.toBeNull();
    await checkPage('unit');
  });

  it('downloads the unit’s report: a PDF', async () => {
    const link = page.locator('#downloads a[data-format="pdf"]');
    const href = await link.getAttribute('href');
    expect(href).toContain(`/v1/public/230100/results/${year.cycleId}/reports/unit/pdf`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.tap()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    // The same link as a plain request: 302 to the stored file, which is a PDF.
    const res = await context.request.get(`${s.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
  });

  it('reads the same pages in English without violations', async () => {
    await page.goto(`${s.url}/console/public/230100/results/${year.cycleId}?lang=en`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await checkPage('cycle-en');
  });
});
