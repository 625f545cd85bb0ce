import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, type Session, startConsole } from './support';

/**
 * A recipient's tools (#12), against the real product seeded with 黑龙江省's comparison demo
 * (`demoProvince`): 权重模拟 (weights posted, ranks moved, a wrong weight refused at its field),
 * 排名稳定性 (the defaults' answer, another band, the same seed the same answer, refusals), the
 * standard library and the peer groups (created, changed, deleted, refused with the API's reasons
 * at their fields; read-only for the analyst and a county). The pages themselves: province.test.ts.
 */
let s: ConsoleStack;
let analyst: Session;
let admin: Session;
let county: Session;

beforeAll(async () => {
  s = await startConsole({ demoProvince: true });
  analyst = await s.as('230000', 'hlj-analyst');
  admin = await s.as('230000', 'hlj-admin');
  county = await s.as('230125', 'bx-admin');
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
/** The rows of a table (by id) that carry `data-tenant`, in order. */
const tenantsOf = (html: string, table: string) => {
  const start = html.indexOf(`id="${table}"`);
  const body = html.slice(start, html.indexOf('</table>', start));
  return [...body.matchAll(/<tr[^>]*data-tenant="(\d{6})"/g)].map((m) => m[1]!);
};

describe('权重模拟', () => {
  const P = '/console/comparisons/what-if?year=2025';

  it('offers the group’s weights as numbers, and the ranks with them (nothing moved)', async () => {
    const { status, html } = await page(analyst, P);
    expect(status).toBe(200);
    expect(html).toContain('name="weights.S01"');
    expect(html).toContain('id="whatif-table"');
    expect(html).not.toMatch(/data-moved="-?[1-9]/);
    expect(html).toMatch(/id="whatif-elapsed" data-ms="[\d.]+"/);
    expect(html).toMatch(/<script src="\/console\/assets\/what-if\.[0-9a-f]{12}\.js" defer(="")?><\/script>/);
  });

  it('posts other weights and shows the new ranks with their movement', async () => {
    const r = await post(analyst, P, {
      'weights.S01': '0',
      'weights.S02': '0',
      'weights.S03': '0',
      'weights.S04': '100',
    });
    expect(r.status).toBe(200);
    expect(r.html).toMatch(/data-moved="-?[1-9]\d*"/);
    expect(r.html).toMatch(/class="move (up|down)" data-moved="-?\d+">[↑↓]\d+/);
    // What was typed stays in the form.
    expect(r.html).toContain('name="weights.S04" value="100"');
  });

  it('shows the API’s refusal at the weight typed wrong', async () => {
    const r = await post(analyst, P, { 'weights.S01': 'abc' });
    expect(r.status).toBe(422);
    expect(r.html).toContain('id="f-weights.S01-error"');
    expect(r.html).toContain('aria-invalid="true"');
  });
});

describe('排名稳定性', () => {
  const P = '/console/comparisons/sensitivity?year=2025';

  it('opens with the defaults’ answer: intervals, 90% ranks, grade kept, the verdict and the chart', async () => {
    const { status, html } = await page(analyst, P);
    expect(status).toBe(200);
    expect(tenantsOf(html, 'sensitivity-table').length).toBeGreaterThanOrEqual(12);
    expect(html).toContain('±20% 权重扰动、1000 次抽样（种子 1）下的名次区间');
    expect(html).toMatch(/data-interval="\d+-\d+">\[\d+, \d+\]/);
    expect(html).toMatch(/id="sensitivity-summary"><strong>[^<]+<\/strong>/);
    expect(html).toMatch(/id="chart-rank-intervals"[\s\S]*?<svg role="img"/);
  });

  it('recomputes with the band, draws and seed posted, the same seed giving the same answer', async () => {
    const form = { band: '10', draws: '200', seed: '7' };
    const a = await post(analyst, P, form);
    expect(a.status).toBe(200);
    expect(a.html).toContain('±10% 权重扰动、200 次抽样（种子 7）下的名次区间');
    const b = await post(analyst, P, form);
    const table = (h: string) =>
      h.slice(
        h.indexOf('id="sensitivity-table"'),
        h.indexOf('</table>', h.indexOf('id="sensitivity-table"')),
      );
    expect(table(b.html)).toBe(table(a.html));
  });

  it('refuses a band out of range, and shows the API’s refusal of the draws at its field', async () => {
    const band = await post(analyst, P, { band: '0', draws: '200', seed: '1' });
    expect(band.status).toBe(422);
    expect(band.html).toContain('扰动幅度须为 1 至 90 之间的数。');
    const draws = await post(analyst, P, { band: '20', draws: '5', seed: '1' });
    expect(draws.status).toBe(422);
    expect(draws.html).toContain('id="f-draws-error"');
  });
});

describe('标准指标库', () => {
  it('is read by the analyst and by a county (to map to), kept by the provincial office', async () => {
    const read = await page(analyst, '/console/standards');
    expect(read.status).toBe(200);
    expect(read.html).toContain('id="std-S01"');
    expect(read.html).toContain('标准指标库由省级绩效管理机构维护，这里只能查看。');
    expect(read.html).not.toContain('id="standard-new"');
    expect((await page(county, '/console/standards')).status).toBe(200);
    expect((await page(county, '/console/standards/new')).status).toBe(403);
    expect((await page(analyst, '/console/standards/new')).status).toBe(403);
    const keep = await page(admin, '/console/standards');
    expect(keep.html).toContain('id="standard-new"');
  });

  it('creates, changes and deletes a standard indicator; refusals land at their fields', async () => {
    const fields = {
      code: 'S09',
      name: '政务服务事项网上可办率',
      dimension: '社会效果',
      definition: '可在网上办理的政务服务事项占全部事项的比例（示例）。',
      unit: '%',
      direction: 'higher',
      formula: '网上可办事项数 ÷ 事项总数 × 100%',
      weight: '10',
      source: '示例',
    };
    const bad = await post(admin, '/console/standards/new', { ...fields, code: '9 九' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('id="f-code-error"');
    const empty = await post(admin, '/console/standards/new', { ...fields, name: '' });
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('id="f-name-error"');
    const created = await post(admin, '/console/standards/new', fields);
    expect(created.status).toBe(303);
    expect(created.location).toBe('/console/standards?ok=created');
    const detail = await page(admin, '/console/standards/S09');
    expect(detail.status).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(detail.html)?.[1];
    expect(version).toBe('1');
    const again = await post(admin, '/console/standards/new', fields);
    expect(again.status).toBe(409);
    const changed = await post(admin, '/console/standards/S09', { ...fields, version: '1', weight: '12' });
    expect(changed.status).toBe(303);
    const stale = await post(admin, '/console/standards/S09', { ...fields, version: '1', weight: '13' });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain('class="alert"');
    const removed = await post(admin, '/console/standards/S09/delete', { version: '2' });
    expect(removed.status).toBe(303);
    expect((await page(admin, '/console/standards/S09')).status).toBe(404);
  });
});

describe('分类考核组', () => {
  it('lists the office’s groups, each with the way to compare by it', async () => {
    const { status, html } = await page(analyst, '/console/comparisons/groups');
    expect(status).toBe(200);
    for (const g of ['CITY-DEV', 'CITY-ECO', 'COUNTY-AGRI', 'COUNTY-DEV'])
      expect(html).toContain(`id="group-${g}"`);
    expect(html).not.toContain('id="group-new"');
    expect((await page(analyst, '/console/comparisons/groups/new')).status).toBe(403);
    expect((await page(analyst, '/console/comparisons/groups/CITY-DEV')).html).not.toContain(
      'id="group-form"',
    );
  });

  it('creates a group from members, weights, method and quotas, and compares by it', async () => {
    const form: [string, string][] = [
      ['code', 'TEST-G'],
      ['name', '测试组（示例）'],
      ['description', ''],
      ['members', '230200'],
      ['members', '230300'],
      ['members', '230600'],
      ['weights.S01', '1'],
      ['weights.S03', '2'],
      ['method', 'percentile'],
      ['grades.excellent', '10'],
      ['grades.good', '20'],
      ['grades.fair', '30'],
    ];
    const noWeight = await post(
      admin,
      '/console/comparisons/groups/new',
      form.filter(([k]) => !k.startsWith('weights.')),
    );
    expect(noWeight.status).toBe(422);
    expect(noWeight.html).toContain('id="f-weights-error"');
    const quotas = await post(
      admin,
      '/console/comparisons/groups/new',
      form.map(([k, v]) => [k, k === 'grades.fair' ? '90' : v] as [string, string]),
    );
    expect(quotas.status).toBe(422);
    expect(quotas.html).toContain('class="alert"');
    const outside = await post(admin, '/console/comparisons/groups/new', [...form, ['members', '110101']]);
    expect(outside.status).toBe(422);
    expect(outside.html).toContain('id="f-members-error"');
    const created = await post(admin, '/console/comparisons/groups/new', form);
    expect(created.status).toBe(303);
    const cmp = await page(analyst, '/console/comparisons?year=2025&group=TEST-G');
    expect(cmp.status).toBe(200);
    expect(cmp.html).toMatch(/<caption>2025 年度 · 测试组（示例） · 百分位法（3 个成员）<\/caption>/);
    const edit = await page(admin, '/console/comparisons/groups/TEST-G');
    expect(edit.html).toContain('name="weights.S03" value="2"');
    expect(edit.html).toMatch(/value="230300" checked/);
    const removed = await post(admin, '/console/comparisons/groups/TEST-G/delete', { version: '1' });
    expect(removed.status).toBe(303);
    expect((await page(admin, '/console/comparisons/groups/TEST-G')).status).toBe(404);
  });
});
