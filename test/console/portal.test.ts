import { labelOf } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReleasedYear, releasedYear } from '../support/fixtures/portal';
import { type ConsoleStack, formFields, type Session, startConsole } from './support';

/**
 * Publication (结果公开) and the public portal, driven as a browser would against the real product:
 * the office reads the publication page (status, what becomes public), publishes from it, and the
 * portal shows the year — the tenant's home, the cycle by group with grades in words, charts and
 * downloads, a unit's breakdown — cached for five minutes with an ETag; then the office withdraws
 * it and every portal page of it is the public 404 again; publishing again numbers it 2. A cycle
 * never published and another tenant's path answer 404 throughout. Observers read, never publish.
 */
let s: ConsoleStack;
let admin: Session;
let observer: Session;
let earlier: ReleasedYear;
let year: ReleasedYear;

beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
  observer = await s.as('230100', 'hrb-observer');
  earlier = await releasedYear(s.stack, 2020, '2020 年度门户测试（未公开）');
  year = await releasedYear(s.stack, 2021, '2021 年度门户测试');
});
afterAll(() => s.stop());

const P = () => `/console/cycles/${year.cycleId}/publication`;
const HOME = '/console/public/230100';
const CYCLE = () => `${HOME}/results/${year.cycleId}`;
const UNIT = (u: string) => `${CYCLE()}/units/${u}`;
const page = async (who: Pick<Session, 'get'>, path: string, lang?: 'zh' | 'en') => {
  const res = await who.get(path, lang ? { lang } : {});
  return { status: res.status, html: await res.text(), headers: res.headers };
};
const anon = () => s.anonymous();

/** The portal's pages of the cycle and what each must contain while it is published. */
const PORTAL_PAGES = () => [CYCLE(), UNIT('FGW'), UNIT('JYJ')];

describe('before publishing', () => {
  it('shows the office the status, what becomes public and the form; observers no form', async () => {
    const { status, html, headers } = await page(admin, P());
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('data-publication="none"');
    expect(html).toContain('未公开');
    expect(html).toContain('id="publish-form"');
    expect(html).toContain('id="publish-what"');
    expect(html).toContain('各单位的总分、等级和组内排名');
    expect(html).toContain('确认公开第 1 次计算的结果');
    const obs = await page(observer, P());
    expect(obs.status).toBe(200);
    expect(obs.html).toContain('data-publication="none"');
    expect(obs.html).not.toContain('id="publish-form"');
  });

  it('answers 404 on the portal for the unpublished cycle, and lists nothing yet', async () => {
    for (const path of PORTAL_PAGES()) {
      const r = await page(anon(), path);
      expect(r.status, path).toBe(404);
      expect(r.headers.get('cache-control'), path).toBe('no-store');
    }
    const home = await page(anon(), HOME);
    expect(home.status).toBe(200);
    expect(home.html).not.toContain(year.cycleId);
  });

  it('refuses an observer’s publish', async () => {
    const r = await observer.post(P(), { note: '观察员不能公开' });
    expect(r.status).toBe(403);
  });
});

describe('publishing', () => {
  it('publishes from the page, then shows 已公开（第 1 次） with the public link', async () => {
    const form = formFields((await page(admin, P())).html, 'publish-form');
    const r = await admin.post(P(), [
      ...form.filter(([k]) => k !== 'note'),
      ['note', '经复核后定稿公开（测试）'],
    ]);
    expect(r.status, await r.clone().text()).toBe(303);
    expect(r.headers.get('location')).toBe(`${P()}?ok=published`);
    const { html } = await page(admin, `${P()}?ok=published`);
    expect(html).toContain('id="publication-flash"');
    expect(html).toContain(
      `data-publication="published">${labelOf('publicationStatus', 'published', 'zh')}（第 1 次）`,
    );
    expect(html).toContain(`href="${CYCLE()}"`);
    expect(html).toContain('id="withdraw-form"');
    expect(html).toContain('第 1 次公开');
  });

  it('lists the year on the tenant’s home, cached for five minutes', async () => {
    const r = await page(anon(), HOME);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=300');
    expect(r.headers.get('vary')).toContain('Cookie');
    expect(r.headers.get('etag')).toBeTruthy();
    expect(r.html).toContain('<html lang="zh-CN">');
    expect(r.html).toContain('name="viewport"');
    expect(r.html).toContain('href="#main"');
    expect(r.html).toContain(`href="${CYCLE()}"`);
    expect(r.html).toContain('2021 年度门户测试');
    expect(r.html).not.toContain(earlier.cycleId);
    expect(r.html).not.toContain('nav class="main"');
  });

  it('keeps the public pages with forms (plans, opinions) out of any cache', async () => {
    const plans = await page(anon(), `${HOME}/plans`);
    expect(plans.status).toBe(200);
    expect(plans.headers.get('cache-control')).toBe('no-store');
    expect(plans.headers.get('etag')).toBeNull();
  });

  it('answers 304 to a browser that has the page', async () => {
    const first = await page(anon(), CYCLE());
    const again = await anon().get(CYCLE(), { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('shows the cycle by group: rank, total, grade in words, the charts and the downloads', async () => {
    const { status, html } = await page(anon(), CYCLE());
    expect(status).toBe(200);
    expect(html).toContain('<h1>2021 年度门户测试</h1>');
    expect(html).toContain('经复核后定稿公开（测试）');
    expect(html).toContain('id="group-ECON"');
    expect(html).toContain('id="group-SOCIAL"');
    for (const row of year.rows) {
      expect(html).toContain(`id="row-${row.unit}"`);
      expect(html).toContain(`href="${UNIT(row.unit)}"`);
      expect(html).toContain(`data-total="${row.total.shown}"`);
    }
    const fgw = year.rows.find((r) => r.unit === 'FGW')!;
    expect(html).toMatch(new RegExp(`id="row-FGW"[\\s\\S]*?data-grade="${fgw.grade}">${fgw.gradeLabel.zh}<`));
    expect(html).toContain('id="chart-grades"');
    expect(html).toContain('id="chart-bands"');
    expect(html).toMatch(/id="chart-grades"><div lang="zh-CN"><svg[^>]*role="img"/);
    expect(html).toContain(labelOf('reportKind', 'office', 'zh'));
    expect(html).toContain(labelOf('reportKind', 'congress', 'zh'));
    expect(html).toContain(`/v1/public/230100/results/${year.cycleId}/reports/office/pdf`);
    expect(html).toContain(`/v1/public/230100/results/${year.cycleId}/reports/congress/xlsx`);
    // No service provider group in this year: no such section.
    expect(html).not.toContain('id="providers"');
  });

  it('downloads the published Congress report through the public file route (302 to the file)', async () => {
    const r = await s.stack.fetch(
      new Request(`${s.url}/v1/public/230100/results/${year.cycleId}/reports/congress/pdf`, {
        redirect: 'manual',
      }),
    );
    expect(r.status).toBe(302);
    const file = await fetch(r.headers.get('location')!);
    expect(new TextDecoder().decode(new Uint8Array(await file.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });

  it('shows a unit: headline, radar, dimensions as <details>, appeals, tasks and its report', async () => {
    const { status, html } = await page(anon(), UNIT('JYJ'));
    expect(status).toBe(200);
    expect(html).toContain('<h1>哈尔滨市教育局</h1>');
    const jyj = year.rows.find((r) => r.unit === 'JYJ')!;
    expect(html).toContain(`id="unit-total">${jyj.total.shown}<`);
    expect(html).toContain(`在“社会管理部门”中排第 ${jyj.rank} 名（共 ${jyj.of} 名）`);
    expect(html).toContain('id="chart-radar"');
    expect(html).toMatch(/<details class="dimension" id="dim-/);
    expect(html).toContain('id="appeals"');
    expect(html).toContain('id="rectification"');
    expect(html).toContain(`/v1/public/230100/results/${year.cycleId}/reports/unit/pdf?unit=JYJ`);
  });

  it('shows no year that was never published in a unit’s trend', async () => {
    // 2020 has released results, but they were never published: the public must not read them.
    const { html } = await page(anon(), UNIT('FGW'));
    expect(html).not.toContain('data-year="2020"');
    expect(html).not.toContain('2020 年：');
    expect(html).not.toContain('id="chart-trend"');
  });

  it('speaks English through the language switch, which is never cached', async () => {
    const r = await page(anon(), `${UNIT('FGW')}?lang=en`);
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toContain('jx_lang=en');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.html).toContain('<html lang="en">');
    expect(r.html).toContain('Points by dimension');
    const again = await page(anon(), UNIT('FGW'), 'en');
    expect(again.headers.get('cache-control')).toBe('public, max-age=300');
    expect(again.html).toContain('Points by dimension');
  });

  it('never shows another tenant’s path, an unpublished year or an unknown unit', async () => {
    for (const path of [
      `/console/public/230125/results/${year.cycleId}`,
      `/console/public/230125/results/${year.cycleId}/units/FGW`,
      `${HOME}/results/${earlier.cycleId}`,
      `${HOME}/results/${earlier.cycleId}/units/FGW`,
      `${CYCLE()}/units/NOPE`,
      `${HOME}/results/not-a-cycle`,
      '/console/public/999999',
    ]) {
      const r = await page(anon(), path);
      expect(r.status, path).toBe(404);
      expect(r.html, path).toContain('您访问的页面不存在');
      expect(r.headers.get('cache-control'), path).toBe('no-store');
    }
  });
});

describe('withdrawing and publishing again', () => {
  it('keeps a withdrawal without a reason in the form, with the API’s words', async () => {
    const form = formFields((await page(admin, P())).html, 'withdraw-form');
    const r = await admin.post(
      `${P()}/withdraw`,
      form.map(([k, v]): [string, string] => [k, k === 'reason' ? '' : v]),
    );
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('id="f-reason-error"');
  });

  it('withdraws: every portal page of the year is 404 again, the home lists it no more', async () => {
    const form = formFields((await page(admin, P())).html, 'withdraw-form');
    const r = await admin.post(`${P()}/withdraw`, [
      ...form.filter(([k]) => k !== 'reason'),
      ['reason', '发现数据需要复核，暂时撤回（测试）'],
    ]);
    expect(r.status, await r.clone().text()).toBe(303);
    const { html } = await page(admin, `${P()}?ok=withdrawn`);
    expect(html).toContain(
      `data-publication="withdrawn">${labelOf('publicationStatus', 'withdrawn', 'zh')}<`,
    );
    expect(html).toContain('发现数据需要复核，暂时撤回（测试）');
    expect(html).not.toContain('id="withdraw-form"');
    for (const path of PORTAL_PAGES()) expect((await page(anon(), path)).status, path).toBe(404);
    expect((await page(anon(), HOME)).html).not.toContain(year.cycleId);
    const file = await s.stack.fetch(
      new Request(`${s.url}/v1/public/230100/results/${year.cycleId}/reports/office/pdf`, {
        redirect: 'manual',
      }),
    );
    expect(file.status).toBe(404);
  });

  it('publishes again as the second publication', async () => {
    const form = formFields((await page(admin, P())).html, 'publish-form');
    const r = await admin.post(P(), form);
    expect(r.status, await r.clone().text()).toBe(303);
    const { html } = await page(admin, P());
    expect(html).toContain(`${labelOf('publicationStatus', 'published', 'zh')}（第 2 次）`);
    expect(html).toContain('data-number="1"');
    expect(html).toContain('data-number="2"');
    const cycle = await page(anon(), CYCLE());
    expect(cycle.status).toBe(200);
    expect(cycle.html).toContain('第 2 次公开');
    expect(cycle.html).toContain(`>${year.rows[0]!.gradeLabel.zh}<`);
  });
});
