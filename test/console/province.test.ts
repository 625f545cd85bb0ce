import { COMPARISON_GRADE_LABELS, type ComparisonGrade, isEnumValue } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, type Session, startConsole, unescapeHtml } from './support';

/**
 * A recipient's console pages (#12), against the real product on an embedded stack seeded with
 * 黑龙江省's comparison demo (`demoProvince`: fourteen regions that shared 2024 and 2025, the
 * library, four peer groups): 共享成果 and a snapshot, 比较分析 (group and method switched, the
 * method stated, grades in words, charts, the Excel export), and the same page for a city over its
 * counties. Unit users, experts and county offices are refused; what does not exist is not found.
 * What-if, sensitivity, the library and peer groups: province-tools.test.ts.
 */
let s: ConsoleStack;
let analyst: Session;
let city: Session;
let county: Session;
let unitUser: Session;
let expert: Session;

beforeAll(async () => {
  s = await startConsole({ demoProvince: true });
  analyst = await s.as('230000', 'hlj-analyst');
  city = await s.as('230100', 'hrb-admin');
  county = await s.as('230125', 'bx-admin');
  unitUser = await s.as('230100', 'hrb-fgw');
  expert = await s.as('230100', 'hrb-expert');
}, 900_000);
afterAll(() => s?.stop());

const page = async (who: Session, path: string, lang?: 'zh' | 'en') => {
  const res = await who.get(path, lang ? { lang } : {});
  return {
    status: res.status,
    html: await res.text(),
    headers: res.headers,
    location: res.headers.get('location'),
  };
};
const post = async (
  who: Session,
  path: string,
  form: Record<string, string | string[]> | [string, string][],
) => {
  const res = await who.post(path, form);
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
/** The rows of a table (by id) that carry `data-tenant`, in order. */
const tenantsOf = (html: string, table: string) => {
  const start = html.indexOf(`id="${table}"`);
  const body = html.slice(start, html.indexOf('</table>', start));
  return [...body.matchAll(/<tr[^>]*data-tenant="(\d{6})"/g)].map((m) => m[1]!);
};

describe('共享成果', () => {
  it('lists the years and the snapshots of the latest: who, cycle, run, release, public, coverage, indicators', async () => {
    const { status, html } = await page(analyst, '/console/comparisons/shared');
    expect(status).toBe(200);
    expect(html).toContain('<h1>共享成果</h1>');
    expect(html).toContain('data-year="2025"');
    expect(html).toContain('data-year="2024"');
    const rows = tenantsOf(html, 'shared-results');
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows).toContain('230125');
    expect(html).toContain('覆盖本地 45% 的分值');
    expect(html).toMatch(/data-published="(true|false)"/);
    expect(html).toContain('第 1 次计算');
    // The caption says the year; th scope on columns and rows.
    expect(html).toMatch(/<caption>2025 年度各地区共享的考核结果（\d+ 个）<\/caption>/);
    expect(html).toContain('<th scope="row">');
  });

  it('opens one region’s snapshot: its facts, summary and standard indicators with units', async () => {
    const { status, html } = await page(analyst, '/console/comparisons/shared/2025/230125');
    expect(status).toBe(200);
    expect(html).toContain('宾县 · 2025 年度');
    expect(html).toContain('id="snapshot-indicators"');
    expect(html).toMatch(/data-standard="S01"[\s\S]*?预算执行率[\s\S]*?\d+(\.\d+)? %/);
    expect(html).toContain('结果概要');
  });

  it('speaks English when asked', async () => {
    const { html } = await page(analyst, '/console/comparisons/shared?year=2024', 'en');
    expect(html).toContain('<h1>Shared results</h1>');
    expect(html).toContain('Results shared for 2024');
  });

  it('answers 404 for a snapshot that does not exist or a malformed address', async () => {
    expect((await page(analyst, '/console/comparisons/shared/2025/230999')).status).toBe(404);
    expect((await page(analyst, '/console/comparisons/shared/2025/abc')).status).toBe(404);
  });
});

describe('比较分析', () => {
  it('states the method, ranks with grades in words and 增幅 beside, and lists who did not share', async () => {
    const { status, html } = await page(analyst, '/console/comparisons');
    expect(status).toBe(200);
    expect(html).toContain('<h1>比较分析</h1>');
    expect(html).toContain('方法说明：功效系数法');
    expect(html).toContain('data-method="efficacy"');
    expect(html).toContain('60 + 40');
    expect(html).toContain('等次按组内名次比例确定：优秀 20%、良好 30%、一般 30%，其余为较差。');
    expect(html).toContain('增幅与 2024 年度比较。');
    const rows = tenantsOf(html, 'ranking');
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(html).toMatch(/id="row-\d{6}" data-tenant="\d{6}" data-rank="1"/);
    for (const m of html.matchAll(/data-grade="([a-z]+)">([^<]+)</g)) {
      expect(isEnumValue('comparisonGrade', m[1]!)).toBe(true);
      expect(m[2]).toBe(COMPARISON_GRADE_LABELS[m[1] as ComparisonGrade].zh);
    }
    expect(html).toContain('增幅得分');
    expect(html).toContain('增幅名次');
    expect(html).toContain('id="missing"');
    expect(html).toContain('id="cells-table"');
    expect(html).toContain('<th scope="colgroup"');
  });

  it('draws the distribution, the trend and the tile map, each with its numbers in words', async () => {
    const { html } = await page(analyst, '/console/comparisons?year=2025');
    for (const id of ['chart-dist-S01', 'chart-trend-composite', 'chart-trend-rank', 'chart-tile-map'])
      expect(html, id).toMatch(new RegExp(`id="${id}"[\\s\\S]*?<svg role="img" aria-label="`));
    expect(html).toContain('id="distribution-table"');
    expect(html).toContain('id="trend-table"');
    expect(html).toMatch(/id="tile-map-text"[\s\S]*?地级市[\s\S]*?哈尔滨市/);
    expect(html).toContain('各地区综合指数瓦片图');
  });

  it('switches group and method: the caption and the explanation follow', async () => {
    const { status, html } = await page(
      analyst,
      '/console/comparisons?year=2025&group=CITY-DEV&method=zscore',
    );
    expect(status).toBe(200);
    expect(html).toContain('data-method="zscore"');
    expect(html).toContain('方法说明：Z 分数法');
    expect(html).toMatch(/<caption>2025 年度 · [^<]+ · Z 分数法（\d+ 个成员）<\/caption>/);
    expect(html).toMatch(/<option value="CITY-DEV" selected(="")?>/);
    // Only cities in a group of cities.
    for (const t of tenantsOf(html, 'ranking')) expect(t.endsWith('00')).toBe(true);
    const en = await page(analyst, '/console/comparisons?year=2025&group=CITY-DEV&method=percentile', 'en');
    expect(en.html).toContain('Method: Percentile rank');
  });

  it('exports the same comparison as an Excel workbook with a Chinese file name', async () => {
    const { html } = await page(analyst, '/console/comparisons?year=2025&group=COUNTY-DEV');
    const href = unescapeHtml(/href="([^"]+)" id="export-link"/.exec(html)?.[1] ?? '');
    expect(href).toContain('/console/comparisons/export.xlsx?year=2025&group=COUNTY-DEV');
    const res = await analyst.get(href);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toMatch(
      /filename\*=UTF-8''黑龙江省2025年度[^.]*\.xlsx/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
  });

  it('shows a city its counties only', async () => {
    const { status, html } = await page(city, '/console/comparisons');
    expect(status).toBe(200);
    const rows = tenantsOf(html, 'ranking');
    expect(rows.length).toBeGreaterThan(0);
    for (const t of rows) expect(t.startsWith('2301')).toBe(true);
    expect(rows).toContain('230125');
  });
});

describe('who may not', () => {
  it('refuses a unit user, an expert and a county office the recipient’s pages', async () => {
    for (const who of [unitUser, expert, county])
      for (const path of [
        '/console/comparisons',
        '/console/comparisons/shared',
        '/console/comparisons/what-if',
      ])
        expect((await page(who, path)).status, path).toBe(403);
    expect(
      (await post(expert, '/console/comparisons/what-if?year=2025', { 'weights.S01': '1' })).status,
    ).toBe(403);
    expect((await page(unitUser, '/console/standards')).status).toBe(403);
  });

  it('offers the pages in the navigation only to who may open them', async () => {
    expect((await page(analyst, '/console/')).html).toContain('href="/console/comparisons"');
    expect((await page(county, '/console/')).html).not.toContain('href="/console/comparisons"');
    expect((await page(unitUser, '/console/')).html).not.toContain('href="/console/standards"');
  });
});
