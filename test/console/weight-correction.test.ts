import { type Branch, contentOf, type IndicatorSystem, TEMPLATES } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleStack,
  createSystem,
  formFields,
  type Session,
  startConsole,
  withValue,
} from './support';

/**
 * The KPI plan's weights add up to 110: a draft from its template shows the weight-correction card,
 * and the office chooses — scale the seven to 100, or name the weights to lower by exactly 10.
 */

let s: ConsoleStack;
let admin: Session;
beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
});
afterAll(() => s.stop());

const KPI = TEMPLATES.find((t) => t.id === 'kpi')!;
const weightsOf = (nodes: readonly { code: string; weight: number }[]) =>
  Object.fromEntries(nodes.map((n) => [n.code, n.weight]));

const stored = async (id: string) => {
  const r = await admin.api('GET', `/v1/indicator-systems/${id}/versions/1`);
  return r.body as IndicatorSystem & { issues: { check: string; path: string }[] };
};
const page = async (id: string) => (await admin.get(`/console/indicator-systems/${id}`)).text();
const post = (id: string, form: [string, string][]) =>
  admin.post(`/console/indicator-systems/${id}/versions/1/weight-corrections`, form);

describe('weight correction', () => {
  it('the KPI template keeps its source weights, which add up to 110', () => {
    expect(KPI.content.total).toBe(100);
    expect(KPI.content.dimensions.reduce((a, d) => a + d.weight, 0)).toBe(110);
  });

  it('offers both corrections on a draft from the KPI template', async () => {
    const id = await createSystem(admin, { template: 'kpi' });
    const html = await page(id);
    expect(html).toContain('id="weight-correction"');
    expect(html).toMatch(/<p class="wc-sum"[^>]*>原文权重合计 110，应为 100<\/p>/);
    expect(html).toContain('按比例缩放至 100</button>');
    expect(html).toContain('须降低合计 10 分');
    const lower = formFields(html, 'wc-dimensions-lower');
    expect(lower.filter(([k]) => k.startsWith('r.')).map(([k]) => k)).toEqual(
      KPI.content.dimensions.map((d) => `r.${d.code}`),
    );
    // the scale form previews the scaled weights
    expect(html).toMatch(/缩放后：D1 30 → 27\.27/);
  });

  it('scales the weights so that every level adds up, and the card is gone', async () => {
    const id = await createSystem(admin, { template: 'kpi' });
    const res = await post(id, formFields(await page(id), 'wc-dimensions-scale'));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/console/indicator-systems/${id}/versions/1?ok=updated`);
    const after = await stored(id);
    expect(after.issues.filter((i) => i.check === 'weight_sum')).toEqual([]);
    const sum = after.dimensions.reduce((a, d) => a + d.weight, 0);
    expect(Math.round(sum * 100) / 100).toBe(100);
    const html = await (await admin.get(res.headers.get('location')!)).text();
    expect(html).toContain('已保存。');
    expect(html).not.toContain('id="weight-correction"');
  });

  it('shows the API’s reasons at the inputs when the reductions do not remove the excess', async () => {
    const id = await createSystem(admin, { template: 'kpi' });
    const before = await stored(id);
    const fields = formFields(await page(id), 'wc-dimensions-lower');

    const short = await post(id, withValue(fields, 'r.D1', '5'));
    expect(short.status).toBe(422);
    const html = await short.text();
    expect(html).toMatch(/id="f-wc-dimensions-reductions-error">[^<]*合计须为 10/);
    expect(html).toMatch(/name="r\.D1" value="5"/);
    expect(html).toContain('id="weight-correction"');

    const tooMuch = await post(id, withValue(fields, 'r.D5', '20'));
    expect(tooMuch.status).toBe(422);
    const html2 = await tooMuch.text();
    expect(html2).toMatch(/id="f-wc-dimensions-D5-error">[^<]*D5 的权重只有 10，不能降低 20/);
    expect(html2).toMatch(/name="r\.D5" value="20"[^>]*aria-invalid="true"/);

    // a stale form: the conflict, with a link to reload the page
    const stale = await post(id, withValue(withValue(fields, 'version', '99'), 'r.D1', '10'));
    expect(stale.status).toBe(409);
    expect(await stale.text()).toMatch(
      new RegExp(
        `id="wc-dimensions"[\\s\\S]*?role="alert"[\\s\\S]*?<a href="/console/indicator-systems/${id}/versions/1">重新加载最新数据</a>`,
      ),
    );

    const after = await stored(id);
    expect(after.version).toBe(before.version);
    expect(weightsOf(after.dimensions)).toEqual(weightsOf(before.dimensions));
  });

  it('lowers the named weights by exactly the excess and rescales their indicators', async () => {
    const id = await createSystem(admin, { template: 'kpi' });
    const fields = formFields(await page(id), 'wc-dimensions-lower');
    const res = await post(id, withValue(withValue(fields, 'r.D1', '5'), 'r.D2', '5'));
    expect(res.status).toBe(303);
    const after = await stored(id);
    expect(after.issues.filter((i) => i.check === 'weight_sum')).toEqual([]);
    expect(weightsOf(after.dimensions)).toEqual({
      ...weightsOf(KPI.content.dimensions),
      D1: 25,
      D2: 15,
    });
    const d1 = after.dimensions[0] as Branch;
    expect(d1.children.reduce((a, c) => a + c.weight, 0)).toBeCloseTo(25, 6);
    // the rest of the content is the template's
    expect(contentOf(after).bonusItems).toEqual(KPI.content.bonusItems);
  });

  it('offers scaling alone for indicators that add up to less than their dimension', async () => {
    const content = structuredClone(KPI.content) as typeof KPI.content;
    (content.dimensions[0] as Branch).children[0]!.weight = 10;
    const id = await createSystem(admin, { content });
    const html = await page(id);
    expect(html).toMatch(/id="wc-dimensions-0-children"[^>]*><h3>D1 工作目标完成情况 的下级指标<\/h3>/);
    expect(html).toMatch(/<p class="wc-sum"[^>]*>权重合计 25，应为 30<\/p>/);
    expect(html).toContain('id="wc-dimensions-0-children-scale"');
    expect(html).not.toContain('id="wc-dimensions-0-children-lower"');
    // the dimensions' own correction is offered beside it
    expect(html).toContain('id="wc-dimensions-lower"');

    const res = await post(id, formFields(html, 'wc-dimensions-0-children-scale'));
    expect(res.status).toBe(303);
    const after = await stored(id);
    expect(after.issues.filter((i) => i.check === 'weight_sum').map((i) => i.path)).toEqual(['dimensions']);
    const d1 = after.dimensions[0] as Branch;
    expect(d1.weight).toBe(30);
    expect(d1.children.reduce((a, c) => a + c.weight, 0)).toBeCloseTo(30, 6);
  });
});
