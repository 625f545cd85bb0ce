import { example, fromSource, type SystemContent, TEMPLATES } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, createSystem, rowHtml, type Session, startConsole } from './support';

/**
 * Where each part of a system comes from (原文 with its citation, 示例, or the office's own), what
 * the office fixes for a leaf (考核办设定参数) and whose performance it measures, the statistics
 * beside the tree, and a trial's points per party and reported statistics — on the template
 * preview, the version page and the trial results.
 */

let s: ConsoleStack;
let admin: Session;
beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
});
afterAll(() => s.stop());

/** Text as the console writes it into HTML. */
const esc = (x: string) =>
  x
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const KPI_QUOTE = '1. 工作目标完成情况(权重:30%)';
const WINDOW_QUOTE = '办事量';

/** Two dimensions: a 原文 one (its weight from the source) and the office's own; a 示例 bonus and grade. */
const content = (): Record<string, unknown> => ({
  name: '出处测试体系',
  dimensions: [
    {
      code: 'D1',
      name: '工作目标完成情况',
      weight: 60,
      provenance: fromSource('kpi', '考核指标与权重 1.', KPI_QUOTE, ['weight']),
      children: [
        {
          code: 'D1-1',
          name: '目标完成率',
          weight: 60,
          unitOfMeasure: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: { kind: 'target_completion' },
          officeParams: { target: 100 },
          party: 'buyer',
          provenance: fromSource('kpi', '考核指标与权重 1.', '目标完成率'),
        },
      ],
    },
    {
      code: 'D2',
      name: '自定指标',
      weight: 40,
      children: [
        {
          code: 'D2-1',
          name: '财务净现值',
          weight: 40,
          unitOfMeasure: '万元',
          type: 'quantitative',
          source: 'self_report',
          rule: {
            kind: 'formula',
            calculator: 'fnpv',
            // biome-ignore lint/suspicious/noThenProperty: the formula rule's field, never awaited
            then: {
              kind: 'bands',
              bands: [
                { min: null, max: 0, fraction: 0 },
                { min: 0, max: null, fraction: 1 },
              ],
            },
          },
          officeParams: { args: { ratePercent: 8 } },
          party: 'provider',
          provenance: example('示例指标'),
        },
      ],
    },
  ],
  bonusItems: [{ code: 'B1', name: '创新加分', maxPoints: 3, provenance: example() }],
  bonusCap: 3,
  statistics: [
    {
      code: 'S1',
      name: '办件量',
      unitOfMeasure: '件',
      criteria: '本年度办结事项数',
      provenance: fromSource('service_window', '三、评估内容', WINDOW_QUOTE),
    },
  ],
});

describe('provenance on the template preview', () => {
  // Templates are being rewritten: test whichever cites its source on a dimension, district_county first.
  const cited = [...TEMPLATES]
    .sort((a, b) => Number(b.id === 'district_county') - Number(a.id === 'district_county'))
    .find((t) => t.content.dimensions.some((d) => d.provenance?.kind === 'source'));

  it('shows 原文 with the document, section and quote, 示例 badges and the legend', async () => {
    expect(cited).toBeDefined();
    const tpl = cited!;
    const i = tpl.content.dimensions.findIndex((d) => d.provenance?.kind === 'source');
    const p = tpl.content.dimensions[i]!.provenance as ReturnType<typeof fromSource>;
    const html = await (await admin.get(`/console/indicator-templates/${tpl.id}`)).text();
    expect(html).toContain('id="provenance-legend"');
    expect(html).toMatch(
      /id="provenance-legend">[\s\S]*原文[\s\S]*来源文件的原文措辞[\s\S]*示例[\s\S]*可修改示例/,
    );
    const row = rowHtml(html, `node-${i}`);
    expect(row).toContain('data-provenance="source">原文</span>');
    expect(row).toContain(`<details class="prov">`);
    expect(row).toContain(`<blockquote class="prov-quote">${esc(p.quote)}</blockquote>`);
    expect(row).toContain(esc(p.section));
    expect(row).toMatch(/<cite>《[^》]+》<\/cite>/);
    if (!(p.covers ?? []).includes('weight')) expect(row).toContain('权重为示例');
    const examples = tpl.content.dimensions.flatMap((d) =>
      'children' in d ? d.children.filter((c) => c.provenance?.kind === 'example') : [],
    );
    if (examples.length) expect(html).toContain('data-provenance="example">示例</span>');
  });
});

describe('provenance, office parameters and statistics on a version page', () => {
  let id: string;
  beforeAll(async () => {
    id = await createSystem(admin, { content: content() });
  });

  it('cites the source of a 原文 node and says what of it is an example', async () => {
    const html = await (await admin.get(`/console/indicator-systems/${id}`)).text();
    expect(html).toContain('id="provenance-legend"');
    const d1 = rowHtml(html, 'node-0');
    expect(d1).toContain('data-provenance="source">原文</span>');
    expect(d1).toContain('<cite>《政府KPI绩效考核方案》</cite> 考核指标与权重 1.');
    expect(d1).toContain(`<blockquote class="prov-quote">${esc(KPI_QUOTE)}</blockquote>`);
    expect(d1).toContain('原文还给出：权重。');
    expect(d1).not.toContain('为示例');
    const leaf = rowHtml(html, 'node-0-0');
    expect(leaf).toContain('<blockquote class="prov-quote">目标完成率</blockquote>');
    expect(leaf).toContain('权重与评分方法为示例，可修改。');
    // the office's own dimension shows no badge; a 示例 leaf shows its badge and note
    expect(rowHtml(html, 'node-1')).not.toContain('data-provenance');
    const own = rowHtml(html, 'node-1-0');
    expect(own).toContain('data-provenance="example">示例</span>');
    expect(own).toContain('示例指标');
  });

  it('shows what the office sets for a leaf and whose performance it measures', async () => {
    const html = await (await admin.get(`/console/indicator-systems/${id}`)).text();
    expect(rowHtml(html, 'node-0-0')).toContain('考核办设定参数：目标值 100%');
    expect(rowHtml(html, 'node-0-0')).toContain('评价对象：购买主体（购买服务的部门）');
    expect(rowHtml(html, 'node-1-0')).toContain('考核办设定参数：基准折现率 8%');
    expect(rowHtml(html, 'node-1-0')).toContain('评价对象：承接主体（服务提供方）');
    expect(rowHtml(html, 'node-1')).not.toContain('data-office-params');
  });

  it('lists the statistics beside the tree, and 示例 on side items', async () => {
    const html = await (await admin.get(`/console/indicator-systems/${id}`)).text();
    expect(html).toMatch(/id="statistic-list"[\s\S]*统计数据指标[\s\S]*不计分/);
    const stat = rowHtml(html, 'statistic-0');
    expect(stat).toContain('办件量');
    expect(stat).toContain('<td>件</td>');
    expect(stat).toContain('本年度办结事项数');
    expect(stat).toContain('<cite>《办事服务绩效评估方案》</cite> 三、评估内容');
    expect(rowHtml(html, 'bonus-0')).toContain('data-provenance="example">示例</span>');
    // grade levels of the office's own: nothing
    expect(rowHtml(html, 'level-0')).not.toContain('data-provenance');
  });

  it('places an issue of a statistic on its row', async () => {
    const dup = content();
    (dup.statistics as { code: string }[])[0]!.code = 'D1-1';
    const bad = await createSystem(admin, { content: dup });
    const html = await (await admin.get(`/console/indicator-systems/${bad}`)).text();
    expect(rowHtml(html, 'statistic-0')).toMatch(/node-issues[\s\S]*D1-1/);
    expect(html).toMatch(/<a href="#statistic-0">[^<]*D1-1/);
  });

  it('shows nothing of provenance for a system of the office’s own', async () => {
    const plain = content();
    const strip = (x: unknown): unknown =>
      Array.isArray(x)
        ? x.map(strip)
        : x && typeof x === 'object'
          ? Object.fromEntries(
              Object.entries(x)
                .filter(([k]) => k !== 'provenance')
                .map(([k, v]) => [k, strip(v)]),
            )
          : x;
    const own = await createSystem(admin, { content: strip(plain) as SystemContent });
    const html = await (await admin.get(`/console/indicator-systems/${own}`)).text();
    expect(html).not.toContain('id="provenance-legend"');
    expect(html).not.toContain('data-provenance');
  });

  it('shows a trial’s points per party and the reported statistics, not scored', async () => {
    const inputs = JSON.stringify([
      {
        unit: 'FGW',
        group: 'ECON',
        leaves: {
          'D1-1': { kind: 'value', actual: 90 },
          'D2-1': { kind: 'formula', args: { netFlows: [-100, 60, 60] } },
        },
        statistics: { S1: 1234 },
      },
    ]);
    const res = await admin.post(`/console/indicator-systems/${id}/versions/1/trial`, { inputs });
    const html = await res.text();
    expect(res.status, html.slice(0, 2000)).toBe(200);
    const unit = html.slice(html.indexOf('id="trial-FGW"'));
    expect(unit).toMatch(/<li data-party="buyer">购买主体（购买服务的部门）：54\.00 \/ 60\.00<\/li>/);
    expect(unit).toMatch(/<li data-party="provider">承接主体（服务提供方）：40\.00 \/ 40\.00<\/li>/);
    expect(unit).toMatch(/统计数据指标 <span class="badge">不计分<\/span>/);
    expect(unit).toMatch(/<li data-statistic="S1">[\s\S]*办件量：1234 件<\/li>/);
  });
});
