import { describe, expect, it } from 'vitest';
import {
  CHART_FONT_STACK,
  dimensionRadarChart,
  gradeDistributionChart,
  rankingChart,
  scoreBandsChart,
  scoreRate,
  TILE_COLORS,
  tileClass,
  tileClasses,
  tileMapChart,
  trendChart,
} from '.';

const HOSTILE = '<script>alert(1)</script>&"';

const grades = [
  { label: '优秀', count: 2 },
  { label: '良好', count: 3 },
  { label: '一般', count: 1 },
  { label: '不及格', count: 0 },
];
const dims = [
  { name: '履职成效', points: '48.09', max: '50.00', groupMean: '41.50' },
  { name: '依法行政', points: '20.00', max: '20.00', groupMean: '15.00' },
  { name: '社会评价', points: '18.55', max: '30.00', groupMean: '20.59' },
];
const years = [
  { year: 2022, total: '84.14', grade: '良好' },
  { year: 2023, total: '85.64', grade: '良好' },
  { year: 2024, total: '91.00', grade: '优秀' },
];
const lines = [
  { name: '市教育局', total: '98.00', rank: 1, grade: '优秀', gradePlace: 0 },
  { name: '市交通运输局', total: '89.53', rank: 2, grade: '不及格', gradePlace: 3 },
];

const all = (id: string, name = '南岗区') => ({
  grades: gradeDistributionChart({ id: `${id}-g`, grades }),
  bands: scoreBandsChart({
    id: `${id}-b`,
    bands: [
      { label: '<60', count: 1 },
      { label: '60–70', count: 0 },
      { label: '90–100', count: 2 },
    ],
  }),
  radar: dimensionRadarChart({ id: `${id}-r`, unitName: name, dimensions: dims }),
  pair: dimensionRadarChart({ id: `${id}-p`, unitName: name, dimensions: dims.slice(0, 2) }),
  trend: trendChart({ id: `${id}-t`, years }),
  ranking: rankingChart({
    id: `${id}-k`,
    groupName: '市直部门',
    lines: lines.map((l, i) => (i ? l : { ...l, name })),
  }),
});

describe('charts (ECharts SSR to SVG)', () => {
  it('are accessible SVGs: role="img", a Chinese aria-label and <title> saying what they show', () => {
    const c = all('a');
    for (const [name, svg] of Object.entries(c)) {
      expect(svg.startsWith('<svg role="img" aria-label="'), name).toBe(true);
      expect(svg, name).toMatch(/<title>[^<]*[\u4e00-\u9fff][^<]*<\/title>/);
      expect(svg, name).toContain('viewBox="0 0 ');
      expect(svg.endsWith('</svg>'), name).toBe(true);
      // No hover stylesheet, no ECharts hydration attributes, no animation leftovers.
      expect(svg, name).not.toMatch(/<style|ecmeta_|class="zr/);
    }
    expect(c.grades).toContain('aria-label="等级分布柱状图：优秀 2 个，良好 3 个，一般 1 个，不及格 0 个"');
    expect(c.radar).toContain('履职成效 96.2%（组内平均 83%）');
    expect(c.trend).toContain('2024 年 91.00 分（优秀）');
    expect(c.ranking).toContain('第 2 名 市交通运输局 89.53 分（不及格）');
  });

  it('draw their words in the CJK font stack, and the data as text', () => {
    const c = all('a');
    expect(CHART_FONT_STACK).toContain("'Noto Sans SC'");
    for (const svg of Object.values(c)) expect(svg).toContain(`font-family:${CHART_FONT_STACK}`);
    expect(c.grades).toMatch(/>优秀<\/text>/);
    expect(c.trend).toMatch(/>2024年<\/text>/);
    expect(c.ranking).toMatch(/>1\. 南岗区<\/text>/);
  });

  it('give the same bytes for the same data, whatever was drawn before (ids come from the given id)', () => {
    const first = all('same');
    all('other'); // ECharts' instance counter moves on; the output must not.
    const again = all('same');
    expect(again).toEqual(first);
    // Ids inside a chart start with its id, so charts on one page never collide.
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    const trendIds = ids(first.trend);
    expect(trendIds.length).toBeGreaterThan(0);
    for (const id of trendIds) expect(id.startsWith('same-t-')).toBe(true);
    for (const ref of first.trend.matchAll(/url\(#([^)]+)\)/g)) expect(trendIds).toContain(ref[1]);
  });

  it('escape names (a unit called <script>…&") in the label and in the drawing', () => {
    const c = all('h', HOSTILE);
    for (const svg of [c.radar, c.ranking]) {
      expect(svg).not.toContain('<script>');
      expect(svg).toContain('&lt;script&gt;');
    }
    expect(c.radar).toContain('aria-label="&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;各维度');
  });

  it('keep a name holding $& or characters XML forbids well-formed', () => {
    const odd = 'A$&$1\u0000\u0008B\uD800';
    const svg = rankingChart({ id: 'x', groupName: odd, lines: [{ ...lines[0]!, name: odd }] });
    expect(svg).toContain('aria-label="A$&amp;$1B得分排名条形图');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters under test
    expect(svg).not.toMatch(/[\u0000-\u0008]|\uD800(?![\uDC00-\uDFFF])/);
  });

  it('say 暂无数据 when there is nothing to draw', () => {
    for (const svg of [
      gradeDistributionChart({ id: 'e1', grades: [] }),
      scoreBandsChart({ id: 'e2', bands: [] }),
      dimensionRadarChart({ id: 'e3', unitName: '南岗区', dimensions: [] }),
      trendChart({ id: 'e4', years: [] }),
      rankingChart({ id: 'e5', groupName: '区县政府', lines: [] }),
    ]) {
      expect(svg).toContain('role="img"');
      expect(svg).toContain('暂无数据');
    }
  });

  it('refuse an id that could break the markup', () => {
    expect(() => gradeDistributionChart({ id: 'a"b', grades })).toThrow(/chart id/);
    expect(() => gradeDistributionChart({ id: '1abc', grades })).toThrow(/chart id/);
  });

  it('compare dimensions as score rates', () => {
    expect(scoreRate('48.09', '50.00')).toBe(96.2);
    expect(scoreRate('5', '0')).toBe(0);
    expect(scoreRate('x', '10')).toBe(0);
  });
});

describe('the tile map (divisions as equal tiles, grouped by parent city)', () => {
  const blocks = [
    {
      code: '230000',
      name: '地级市',
      tiles: [
        { code: '230100', name: '哈尔滨市', value: 92.3, text: '92.30', rank: 1 },
        { code: '230200', name: '齐齐哈尔市', value: 75.12, text: '75.12', rank: 2 },
        { code: '230300', name: '鸡西市', value: null, note: '未共享' },
      ],
    },
    {
      code: '230100',
      name: '哈尔滨市',
      tiles: [{ code: '230125', name: HOSTILE, value: 60, text: '60.00', rank: 3 }],
    },
  ];
  const map = (id: string) =>
    tileMapChart({ id, title: '各地区综合指数瓦片图', valueName: '综合指数', blocks });

  it('says every tile in its label: name, rank and value, or why it has none', () => {
    const svg = map('tm');
    expect(
      svg.startsWith(
        '<svg role="img" aria-label="各地区综合指数瓦片图：地级市：哈尔滨市（第 1 名，综合指数 92.30）',
      ),
    ).toBe(true);
    expect(svg).toContain('鸡西市（未共享）');
    expect(svg).toMatch(/>哈尔滨市<\/text>/);
    expect(svg).toMatch(/>92\.30 · 1<\/text>/);
    // The legend: five classes from the lowest value to the highest, and the empty tile.
    expect(svg).toMatch(/>60\.00–66\.46<\/text>/);
    expect(svg).toMatch(/>未共享或未排名<\/text>/);
    expect(svg).not.toContain('<script>');
    expect(map('tm')).toBe(svg);
  });

  it('colours by five equal classes of the values, the highest in the darkest', () => {
    const b = tileClasses([60, 70, 100]);
    expect(b).toEqual([60, 68, 76, 84, 92, 100]);
    expect(tileClass(60, b)).toBe(0);
    expect(tileClass(91.9, b)).toBe(3);
    expect(tileClass(100, b)).toBe(4);
    expect(tileClass(5, tileClasses([5, 5]))).toBe(4);
    const svg = map('tc');
    expect(svg).toContain(`fill="${TILE_COLORS[4]}"`);
    expect(svg).toContain(`fill="${TILE_COLORS[0]}"`);
  });

  it('says 暂无数据 when no division has a tile', () => {
    const svg = tileMapChart({ id: 'te', title: '瓦片图', valueName: '综合指数', blocks: [] });
    expect(svg).toContain('暂无数据');
  });
});
