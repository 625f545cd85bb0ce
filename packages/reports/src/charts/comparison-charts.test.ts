import { describe, expect, it } from 'vitest';
import { boxPlotChart, groupTrendChart, rankIntervalChart } from '.';

/** The comparison's charts (#12): an indicator's distribution, the group's trend, rank intervals. */

const HOSTILE = '<script>alert(1)</script>&"';
const stats = { n: 5, min: 80, q1: 85, median: 90, q3: 95, max: 99.5 };
const points = [80, 85, 90, 95, 99.5].map((value, i) => ({ name: `地区${i}`, value }));
const charts = (id: string, name = '哈尔滨市') => ({
  box: boxPlotChart({ id: `${id}-b`, name: '预算执行率', unit: '%', stats, points }),
  trend: groupTrendChart({
    id: `${id}-t`,
    title: '历年综合指数',
    measure: 'composite',
    years: [2024, 2025],
    series: [
      { name, values: [88.5, 91.25] },
      { name: '宾县', values: [null, 70] },
    ],
  }),
  ranks: groupTrendChart({
    id: `${id}-r`,
    title: '历年名次',
    measure: 'rank',
    years: [2024, 2025],
    series: [
      { name, values: [2, 1] },
      { name: '宾县', values: [1, 2] },
    ],
  }),
  intervals: rankIntervalChart({
    id: `${id}-i`,
    title: '权重扰动下的名次区间',
    members: 3,
    rows: [
      { name, rank: 1, min: 1, max: 2, p5: 1, p95: 1 },
      { name: '宾县', rank: 2, min: 1, max: 3, p5: 2, p95: 3 },
    ],
  }),
});

describe('comparison charts', () => {
  it('are accessible SVGs that say their numbers in words', () => {
    const c = charts('a');
    for (const [name, svg] of Object.entries(c)) {
      expect(svg.startsWith('<svg role="img" aria-label="'), name).toBe(true);
      expect(svg, name).toMatch(/<title>[^<]*[\u4e00-\u9fff][^<]*<\/title>/);
      expect(svg, name).not.toMatch(/<style|ecmeta_|class="zr/);
    }
    expect(c.box).toContain(
      'aria-label="预算执行率分布箱线图（单位：%）：5 个地区，最小值 80，下四分位数 85，中位数 90，上四分位数 95，最大值 99.5"',
    );
    expect(c.trend).toContain('哈尔滨市：2024 年 88.5 分、2025 年 91.25 分；宾县：2024 年无、2025 年 70 分');
    expect(c.ranks).toContain('哈尔滨市：2024 年 2 名、2025 年 1 名');
    expect(c.intervals).toContain('宾县 第 2 名，区间 1–3，九成抽样在 2–3');
    expect(c.trend).toMatch(/>2025年<\/text>/);
  });

  it('give the same bytes for the same data', () => {
    const first = charts('same');
    charts('other');
    expect(charts('same')).toEqual(first);
  });

  it('escape names', () => {
    const c = charts('h', HOSTILE);
    for (const svg of [c.trend, c.intervals]) {
      expect(svg).not.toContain('<script>');
      expect(svg).toContain('&lt;script&gt;');
    }
  });

  it('say 暂无数据 when there is nothing to draw', () => {
    for (const svg of [
      boxPlotChart({ id: 'e1', name: '预算执行率', unit: '%', stats: null, points: [] }),
      groupTrendChart({ id: 'e2', title: '历年综合指数', measure: 'composite', years: [], series: [] }),
      rankIntervalChart({ id: 'e3', title: '名次区间', members: 0, rows: [] }),
    ])
      expect(svg).toContain('暂无数据');
  });
});
