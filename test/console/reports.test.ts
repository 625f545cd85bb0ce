import { labelOf } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReleasedYear, releasedYear } from '../support/fixtures/portal';
import { type ConsoleStack, type Session, startConsole, unescapeHtml } from './support';

/**
 * A cycle's reports in the console (`/console/cycles/:id/reports`), against the real product on the
 * embedded stack: a year with released results (released straight into the data layer, so the page
 * depends on nothing else). The office and observers read the index with the overall and Congress
 * reports and every unit's report by group; a download goes through the console's route, which
 * answers 303 to the object store's short-lived link, and the file is a real PDF / XLSX / HTML. A
 * unit's user finds its own report on its released-result page and nothing of other units.
 */
let s: ConsoleStack;
let admin: Session;
let observer: Session;
let fgw: Session;
let year: ReleasedYear;

beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
  observer = await s.as('230100', 'hrb-observer');
  fgw = await s.as('230100', 'hrb-fgw');
  year = await releasedYear(s.stack, 2022, '2022 年度报告控制台测试');
});
afterAll(() => s.stop());

const P = () => `/console/cycles/${year.cycleId}`;
const page = async (who: Session, path: string, lang?: 'zh' | 'en') => {
  const res = await who.get(path, lang ? { lang } : {});
  return { status: res.status, html: await res.text() };
};
/** Follows the console's 303 to the stored file and reads it. */
async function download(who: Session, path: string) {
  const res = await who.get(path);
  expect(res.status, await res.clone().text()).toBe(303);
  const location = res.headers.get('location')!;
  expect(location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  expect(location).toContain('tenants/230100/reports/');
  const file = await fetch(location);
  expect(file.status).toBe(200);
  return { type: file.headers.get('content-type') ?? '', bytes: new Uint8Array(await file.arrayBuffer()) };
}

describe('the reports page', () => {
  it('is linked from the cycle for the office and observers', async () => {
    for (const who of [admin, observer]) {
      const { html } = await page(who, P());
      expect(html).toContain(`href="${P()}/reports"`);
      expect(html).toContain(`href="${P()}/publication"`);
    }
    expect((await page(fgw, P())).html).not.toContain(`href="${P()}/reports"`);
  });

  it('shows the run, the report step’s progress, the overall reports and every unit by group', async () => {
    const { status, html } = await page(admin, `${P()}/reports`);
    expect(status).toBe(200);
    expect(html).toContain('<h1>评估报告</h1>');
    expect(html).toContain('id="report-progress"');
    expect(html).toMatch(/data-total="\d+"/);
    expect(html).toContain(labelOf('reportKind', 'office', 'zh'));
    expect(html).toContain(labelOf('reportKind', 'congress', 'zh'));
    for (const f of ['pdf', 'xlsx', 'html'] as const) {
      expect(html).toContain(`href="${P()}/reports/office/${f}"`);
      expect(html).toContain(`href="${P()}/reports/congress/${f}"`);
      expect(html).toContain(labelOf('reportFormat', f, 'zh'));
    }
    // The overall reports' sizes are known (the API hands out their links).
    expect(html).toMatch(/id="report-office"[\s\S]*?class="muted size"> \d+(\.\d)? [KM]B/);
    expect(html).toContain('id="reports-group-ECON"');
    expect(html).toContain('id="reports-group-SOCIAL"');
    for (const row of year.rows) {
      expect(html).toContain(`id="report-unit-${row.unit}"`);
      expect(html).toContain(`href="${P()}/reports/unit/pdf?unit=${row.unit}"`);
    }
    // Standing with the grade in words.
    const fgwRow = year.rows.find((r) => r.unit === 'FGW')!;
    expect(html).toContain(`data-grade="${fgwRow.grade}">${fgwRow.gradeLabel.zh}</span>`);
  });

  it('speaks English when asked', async () => {
    const { html } = await page(observer, `${P()}/reports`, 'en');
    expect(html).toContain('<h1>Evaluation reports</h1>');
    expect(unescapeHtml(html)).toContain(labelOf('reportKind', 'congress', 'en'));
  });

  it('downloads the office’s PDF, the Congress report’s XLSX and a unit’s web page from the object store', async () => {
    const pdf = await download(admin, `${P()}/reports/office/pdf`);
    expect(pdf.type).toContain('application/pdf');
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
    const xlsx = await download(observer, `${P()}/reports/congress/xlsx`);
    expect(xlsx.type).toContain('spreadsheetml');
    expect(String.fromCharCode(xlsx.bytes[0]!, xlsx.bytes[1]!)).toBe('PK');
    const html = await download(admin, `${P()}/reports/unit/html?unit=JYJ`);
    expect(html.type).toContain('text/html');
    expect(new TextDecoder().decode(html.bytes)).toContain('哈尔滨市教育局');
  });

  it('answers a malformed report or unit with the not-found page', async () => {
    for (const path of [
      `${P()}/reports/annual/pdf`,
      `${P()}/reports/unit/docx?unit=FGW`,
      `${P()}/reports/unit/pdf?unit=${encodeURIComponent('../x')}`,
    ]) {
      const r = await page(admin, path);
      expect(r.status, path).toBe(404);
    }
  });
});

describe('a unit’s own report', () => {
  it('is offered on the unit’s released-result page, and downloads', async () => {
    const { status, html } = await page(fgw, `${P()}/results/FGW`);
    expect(status).toBe(200);
    expect(html).toContain('id="unit-report"');
    expect(html).toContain('下载本单位评估报告');
    for (const f of ['pdf', 'xlsx', 'html'] as const)
      expect(html).toContain(`href="${P()}/reports/unit/${f}?unit=FGW"`);
    const pdf = await download(fgw, `${P()}/reports/unit/pdf?unit=FGW`);
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
  });

  it('is all a unit user sees: no other unit’s report, no overall report', async () => {
    const { status, html } = await page(fgw, `${P()}/reports`);
    expect(status).toBe(200);
    expect(html).toContain('id="report-unit-FGW"');
    expect(html).not.toContain('id="report-unit-JYJ"');
    expect(html).not.toContain('id="summary-reports"');
    for (const path of [
      `${P()}/reports/unit/pdf?unit=JYJ`,
      `${P()}/reports/office/pdf`,
      `${P()}/reports/congress/html`,
    ]) {
      const r = await fgw.get(path);
      expect([403, 404], path).toContain(r.status);
      expect(r.headers.get('location')).toBeNull();
    }
  });

  it('is refused to someone signed out (sign-in first)', async () => {
    const r = await s.anonymous().get(`${P()}/reports/office/pdf`);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toContain('/console/sign-in');
  });
});
