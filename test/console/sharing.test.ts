import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, formFields, type Session, startConsole, withValue } from './support';

/**
 * A sharing region's console pages (#12) and guidance between a city and its counties, against
 * the real product seeded with 黑龙江省's comparison demo: 宾县 sees exactly what it sends before
 * it shares, withdraws from its city with a reason (the city no longer holds it) and shares again;
 * maps its leaves with the API's issues beside their rows; reads the guidance 哈尔滨市 sent, which
 * sends one more. A unit user and an expert are refused; another role's forms are not offered.
 */
let s: ConsoleStack;
let county: Session;
let city: Session;
let analyst: Session;
let unitUser: Session;
let cycleId: string;

const SYSTEM = 'isbxxxdeptsyst';

beforeAll(async () => {
  s = await startConsole({ demoProvince: true });
  county = await s.as('230125', 'bx-admin');
  city = await s.as('230100', 'hrb-admin');
  analyst = await s.as('230000', 'hlj-analyst');
  unitUser = await s.as('230125', 'bx-czj');
  const cycles = await county.api('GET', '/v1/cycles?limit=50');
  cycleId = (cycles.body.items as { id: string; year: number }[]).find((c) => c.year === 2025)!.id;
}, 900_000);
afterAll(() => s?.stop());

const page = async (who: Session, path: string, lang?: 'zh' | 'en') => {
  const res = await who.get(path, lang ? { lang } : {});
  return { status: res.status, html: await res.text() };
};
const post = async (
  who: Session,
  path: string,
  form: Record<string, string | string[]> | [string, string][],
) => {
  const res = await who.post(path, form);
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const P = () => `/console/cycles/${cycleId}/sharing`;
/** Whether the city holds 宾县's snapshot of 2025. */
const cityHolds = async () =>
  (await page(city, '/console/comparisons/shared?year=2025')).html.includes('data-tenant="230125"');

describe('共享 (a cycle’s sharing)', () => {
  it('is linked from the cycle, and lists the shares of the region', async () => {
    expect((await page(county, `/console/cycles/${cycleId}`)).html).toContain(`href="${P()}"`);
    const { status, html } = await page(county, '/console/sharing');
    expect(status).toBe(200);
    expect(html).toContain('id="share-records"');
    expect(html).toContain(`href="${P()}"`);
    expect(html).toContain('data-status="shared"');
    expect(html).toContain('href="/console/sharing/mappings"');
  });

  it('shows, for the province and the city, exactly what would be sent, and the consent', async () => {
    const { status, html } = await page(county, P());
    expect(status).toBe(200);
    for (const kind of ['province', 'city']) {
      expect(html).toContain(`id="share-${kind}"`);
      expect(html).toMatch(
        new RegExp(`id="preview-${kind}"[\\s\\S]*?覆盖本地 45% 的分值（4 / 9 个末级指标已对标）`),
      );
      expect(html).toContain(`id="preview-indicators-${kind}"`);
      expect(html).toContain(`id="share-form-${kind}"`);
      expect(html).toContain(`id="withdraw-form-${kind}"`);
    }
    expect(html).toContain('共享给黑龙江省（省级绩效管理机构）');
    expect(html).toContain('共享给哈尔滨市（市级绩效管理机构）');
    expect(html).toContain('data-share-status="shared"');
    expect(html).toContain('不会发送：各单位的原始数据、分项得分、佐证材料和评审意见。');
    expect(html).toContain('以第 1 次计算的结果刷新共享');
    // Two recipients' forms on one page: no field id twice.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('withdraws from the city with a reason (refused without one), and the city no longer holds it', async () => {
    expect(await cityHolds()).toBe(true);
    const html = (await page(county, P())).html;
    const fields = formFields(html, 'withdraw-form-city');
    const empty = await post(county, `${P()}/230100/withdraw`, withValue(fields, 'reason', ''));
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('id="f-city-reason-error"');
    const done = await post(
      county,
      `${P()}/230100/withdraw`,
      withValue(fields, 'reason', '数据复核中，暂时撤回（测试）'),
    );
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${P()}?ok=withdrawn`);
    const after = (await page(county, `${P()}?ok=withdrawn`)).html;
    expect(after).toContain('共享已撤回。');
    expect(after).toMatch(/id="share-city"[\s\S]*?data-share-status="withdrawn"/);
    expect(after).toContain('数据复核中，暂时撤回（测试）');
    expect(await cityHolds()).toBe(false);
  });

  it('shares with the city again by consent, and the city holds it again', async () => {
    const html = (await page(county, P())).html;
    const shared = await post(
      county,
      P(),
      withValue(formFields(html, 'share-form-city'), 'note', '复核完毕，重新共享'),
    );
    expect(shared.status).toBe(303);
    expect(shared.location).toBe(`${P()}?ok=shared`);
    expect(await cityHolds()).toBe(true);
  });

  it('speaks English when asked', async () => {
    const { html } = await page(county, P(), 'en');
    expect(html).toContain('What will be sent');
    expect(html).toContain('Share with 黑龙江省');
  });
});

describe('指标对标', () => {
  const M = `/console/sharing/mappings/${SYSTEM}`;

  it('lists the systems with their mapping, and opens one: leaves, standards with units, factors', async () => {
    expect((await page(county, '/console/sharing/mappings')).html).toContain(`href="${M}"`);
    const { status, html } = await page(county, M);
    expect(status).toBe(200);
    expect(html).toContain('id="leaf-D1-1"');
    expect(html).toMatch(/<option value="S01" selected(="")?>S01 预算执行率（%）<\/option>/);
    expect(html).toContain('1 % × 系数 = %');
    expect(html).toContain('定性指标，不能对标');
  });

  it('shows every issue of a refused mapping beside its row, and saves a good one', async () => {
    const fields = formFields((await page(county, M)).html, 'mapping-form');
    // D2-3 (行政审批办理时限) onto S01, which D1-1 already takes; D1-2 from one unit without naming it.
    const html = (await page(county, M)).html;
    const row = (leaf: string) =>
      /name="m\.(\d+)\.standard"/.exec(html.slice(html.indexOf(`id="leaf-${leaf}"`)))![1];
    const bad = fields
      .map(([k, v]) => [k, k === `m.${row('D2-3')}.standard` ? 'S01' : v] as [string, string])
      .map(([k, v]) => [k, k === `m.${row('D1-2')}.aggregate` ? 'unit' : v] as [string, string]);
    const refused = await post(county, M, bad);
    expect(refused.status).toBe(422);
    expect(refused.html).toMatch(/id="leaf-D2-3"[^>]*class="has-issue"/);
    expect(refused.html).toMatch(/id="leaf-D1-2"[^>]*class="has-issue"/);
    expect(refused.html).toContain('指标对标有 2 处问题');
    const saved = await post(county, M, fields);
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${M}?ok=saved`);
    expect((await page(county, saved.location!)).html).toContain('对标已保存。');
  });
});

describe('指导文件', () => {
  it('a county reads its inbox and each document', async () => {
    const { status, html } = await page(county, '/console/guidance');
    expect(status).toBe(200);
    expect(html).toContain('<h1>上级指导文件</h1>');
    const href = /href="(\/console\/guidance\/inbox\/[^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const doc = await page(county, href!);
    expect(doc.status).toBe(200);
    expect(doc.html).toContain('id="guidance-body"');
    expect(doc.html).toContain('哈尔滨市');
    expect((await page(county, '/console/guidance/inbox/nope')).status).toBe(404);
    expect((await page(county, '/console/guidance/new')).status).toBe(403);
  });

  it('a city sends one (refused without a title), and the county finds it in its inbox', async () => {
    const form = (await page(city, '/console/guidance/new')).html;
    expect(form).toContain('id="guidance-form"');
    expect(form).toContain('value="230125"');
    const fields = formFields(form, 'guidance-form');
    const body = withValue(
      withValue(fields, 'body', '请于 3 月底前完成指标对标复核（测试）。'),
      'reference',
      '哈绩效办〔2026〕1号',
    );
    const untitled = await post(city, '/console/guidance/new', body);
    expect(untitled.status).toBe(422);
    expect(untitled.html).toContain('id="f-title-error"');
    const sent = await post(city, '/console/guidance/new', [
      ...withValue(body, 'title', '关于指标对标复核的通知（测试）'),
      ['to', '230125'],
    ]);
    expect(sent.status).toBe(303);
    const list = await page(city, '/console/guidance?ok=created');
    expect(list.html).toContain('指导文件已下发。');
    expect(list.html).toContain('关于指标对标复核的通知（测试）');
    expect((await page(county, '/console/guidance')).html).toContain('关于指标对标复核的通知（测试）');
  });
});

describe('who may not', () => {
  it('refuses a unit user and the analyst the sharing pages', async () => {
    for (const who of [unitUser, analyst]) {
      expect((await page(who, '/console/sharing')).status).toBe(403);
      expect((await page(who, `/console/sharing/mappings/${SYSTEM}`)).status).toBe(403);
    }
    expect([403, 404]).toContain((await page(unitUser, P())).status);
    expect([403, 404]).toContain((await post(unitUser, P(), { to: 'province', note: '' })).status);
  });
});
