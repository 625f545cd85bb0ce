import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SHOTS } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Evidence (佐证材料) uploaded in a real browser: 市发改委 (hrb-fgw) opens its evidence page from its
 * workspace, picks a PDF for an indicator, sees the progress bar appear and reach 100% while the
 * page's script POSTs the file straight to S3 (s3rver, cross-origin), and finds the file listed
 * with its size and SHA-256 once the API has checked it. An .exe is refused before anything is
 * sent; an executable renamed to .pdf is refused by the API after upload, with its Chinese
 * message; a file over the tenant's limit is refused before sending. Screenshots go to
 * .tmp/screens/evidence-*.png.
 */
let s: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cycle: string;
let leaf: { code: string; name: string };
const U = 'FGW';
/** Every value the progress bars took (recorded in the page, kept across reloads). */
const progressSeen: number[] = [];

/** A small but real PDF (~60 KB of content, so the upload takes more than one progress event). */
function pdf(bytes: number): Buffer {
  const head =
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n';
  const tail = 'trailer<</Root 1 0 R>>\n%%EOF\n';
  const filler = `% ${'佐证材料'.repeat(8)}\n`;
  let body = '';
  while (Buffer.byteLength(head + body + tail) < bytes) body += filler;
  return Buffer.from(head + body + tail);
}
const PDF = pdf(60_000);
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), Buffer.alloc(2000, 0x41)]);

const evidenceUrl = () => `${s.url}/console/cycles/${cycle}/evidence/${U}`;
const formOf = () => page.locator(`#up-${leaf.code}`);

beforeAll(async () => {
  s = await startTestStack();
  browser = await launchChromium();
  const admin = await s.token('230100', 'hrb-admin');
  const created = await s.call('POST', '/v1/cycles', {
    token: admin,
    body: {
      name: '2038 年度市直部门绩效评估',
      year: 2038,
      kind: 'annual',
      bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] }],
      calendar: {
        planDeadline: '2038-03-31',
        selfAssessment: { opens: '2039-01-05', closes: '2039-01-20' },
        verification: { opens: '2039-01-21', closes: '2039-02-10' },
        review: { opens: '2039-02-11', closes: '2039-02-28' },
        appeal: { opens: '2039-03-01', closes: '2039-03-10' },
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
  const self = await s.call('GET', `/v1/cycles/${cycle}/self-assessments/${U}`, {
    token: await s.token('230100', 'hrb-fgw'),
  });
  leaf = self.body.leaves[0];

  context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  await context.exposeBinding('evProgressSeen', (_source, value: number) => {
    progressSeen.push(value);
  });
  // Record every value a <progress> takes: the script sets `value`, which reflects to the attribute.
  await context.addInitScript(() => {
    new MutationObserver((records) => {
      for (const r of records)
        if (r.target instanceof HTMLProgressElement)
          (window as unknown as { evProgressSeen: (v: number) => void }).evProgressSeen(r.target.value);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['value'] });
  });
  page = await context.newPage();
  await page.goto(`${s.url}/console/auth/login`);
  await page.locator('button[data-user="hrb-fgw"]').click();
  await page.waitForURL(`${s.url}/console`);
});
afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

describe('evidence upload in Chromium', () => {
  it('reaches the evidence page from the workspace; the script turns the forms on', async () => {
    await page.goto(`${s.url}/console/cycles/${cycle}/units/${U}`);
    await page.locator('#step-evidence').getByRole('link').click();
    await page.waitForURL(evidenceUrl());
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('佐证材料');
    const form = formOf();
    expect(await form.getByRole('button', { name: '上传', exact: true }).isEnabled()).toBe(true);
    expect(await form.locator('.ev-nojs').isVisible()).toBe(false);
    expect(await form.locator('progress').isVisible()).toBe(false);
  });

  it('refuses an .exe before sending anything', async () => {
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') asked.push(r.url());
    });
    const form = formOf();
    await form.getByLabel(`上传材料：${leaf.name}`).setInputFiles({
      name: 'setup.exe',
      mimeType: 'application/octet-stream',
      buffer: EXE,
    });
    await form.getByRole('button', { name: '上传', exact: true }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('不接受“setup.exe”：.exe不在允许的文件类型之内');
    expect(asked).toEqual([]);
    page.removeAllListeners('request');
  });

  it('uploads a PDF with a visible progress bar that reaches 100%, then lists it with size and hash', async () => {
    // Slow the upload so that the bar is seen moving (Chromium's network emulation, upload side).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 40 * 1024,
    });
    const form = formOf();
    await form.getByLabel(`上传材料：${leaf.name}`).setInputFiles({
      name: '2038年度工作总结.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await form.getByRole('button', { name: '上传', exact: true }).click();
    const bar = form.locator('progress');
    await bar.waitFor({ state: 'visible' });
    expect(await form.getByRole('progressbar').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/evidence-progress.png` });
    await page.waitForFunction(
      (id) => (document.querySelector(`#${id} progress`) as HTMLProgressElement | null)?.value === 100,
      `up-${leaf.code}`,
    );
    expect(await form.locator('.ev-pct').innerText()).toBe('100%');
    expect(await bar.isVisible()).toBe(true);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    // Checked by the API, then the list comes back with the file.
    await page.waitForURL(/\?ok=uploaded#leaf-/);
    expect(progressSeen).toContain(100);
    expect(progressSeen.some((v) => v > 0 && v < 100)).toBe(true);
    expect(await page.getByRole('status').first().innerText()).toContain('文件已上传并通过校验');
    const sha = createHash('sha256').update(PDF).digest('hex');
    const row = page.locator(`#leaf-${leaf.code} tr[data-file="2038年度工作总结.pdf"]`);
    const text = await row.innerText();
    expect(text).toContain(`${Math.round((PDF.length / 1024) * 10) / 10} KB`);
    expect(text).toContain(sha.slice(0, 12));
    expect(await row.locator('code').getAttribute('title')).toBe(`完整 SHA-256：${sha}`);
    expect(text).toContain('PDF 文档');
    await page.screenshot({ path: `${SHOTS}/evidence-listed.png`, fullPage: true });
  });

  it('refuses an executable renamed to .pdf with the Chinese message of the API', async () => {
    const form = formOf();
    await form.getByLabel(`上传材料：${leaf.name}`).setInputFiles({
      name: '伪装文件.pdf',
      mimeType: 'application/pdf',
      buffer: EXE,
    });
    await form.getByRole('button', { name: '上传', exact: true }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    const message = await alert.innerText();
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).toContain('可执行程序');
    expect(await form.locator('progress').isVisible()).toBe(false);
    expect(await form.getByRole('button', { name: '上传', exact: true }).isEnabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/evidence-refused.png` });
    await page.reload();
    expect(await page.locator('tr[data-file="伪装文件.pdf"]').count()).toBe(0);
  });

  it('refuses a file over the tenant’s limit before sending it', async () => {
    const admin = await s.token('230100', 'hrb-admin');
    const storage = await s.call('GET', '/v1/tenant/storage', { token: admin });
    const put = await s.call('PUT', '/v1/tenant/evidence-settings', {
      token: admin,
      body: {
        allowedKinds: ['pdf'],
        maxFileBytes: 20 * 1024,
        ...(storage.body.version ? { version: storage.body.version } : {}),
      },
    });
    expect(put.status, put.text).toBe(200);
    await page.reload();
    const form = formOf();
    await form.getByLabel(`上传材料：${leaf.name}`).setInputFiles({
      name: '附件.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await form.getByRole('button', { name: '上传', exact: true }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      `“附件.pdf”有 ${Math.round((PDF.length / 1024) * 10) / 10} KB，超过每个文件 20 KB 的上限。`,
    );
  });
});
