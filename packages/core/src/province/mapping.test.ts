import { describe, expect, it } from 'vitest';
import { type MappableLeaf, mappingIssues } from './mapping';
import { type LeafMappingItem, leafMappingItemSchema } from './model';
import { LIBRARY } from './testing';

const LEAVES: MappableLeaf[] = [
  { code: 'D1-1', name: '预算执行率', unit: '%', type: 'quantitative' },
  { code: 'D1-2', name: '“三公”经费支出', unit: '千元', type: 'quantitative' },
  { code: 'D2-1', name: '任务完成率', unit: '%', type: 'quantitative' },
  { code: 'Q1', name: '群众满意度', unit: '', type: 'qualitative' },
];
const UNITS = ['TJJ', 'CZJ'];
const item = (x: Record<string, unknown>): LeafMappingItem => leafMappingItemSchema.parse(x);
const issues = (items: Record<string, unknown>[]) => mappingIssues(items.map(item), LEAVES, LIBRARY, UNITS);

describe('mappingIssues', () => {
  it('accepts a good mapping', () => {
    expect(
      issues([
        { leaf: 'D1-1', standard: 'A' },
        { leaf: 'D1-2', standard: 'B', factor: 0.1, aggregate: 'sum' },
        { leaf: 'D2-1', standard: 'C', aggregate: 'unit', unit: 'TJJ' },
      ]),
    ).toEqual([]);
    expect(issues([])).toEqual([]);
  });

  it.each([
    ['an unknown leaf', [{ leaf: 'ZZ', standard: 'A' }], 'ZZ', '不在该指标体系的最新版本中'],
    ['an unknown standard', [{ leaf: 'D1-1', standard: 'NOPE' }], 'D1-1', '不在省级标准指标库中'],
    ['a qualitative leaf', [{ leaf: 'Q1', standard: 'A' }], 'Q1', '定性指标'],
    [
      'a leaf mapped twice',
      [
        { leaf: 'D1-1', standard: 'A' },
        { leaf: 'D1-1', standard: 'C' },
      ],
      'D1-1',
      '重复对标',
    ],
    [
      'two leaves on one standard',
      [
        { leaf: 'D1-1', standard: 'A' },
        { leaf: 'D2-1', standard: 'A' },
      ],
      'D2-1',
      '对标同一标准指标 A',
    ],
    [
      'aggregate unit without a unit',
      [{ leaf: 'D1-1', standard: 'A', aggregate: 'unit' }],
      'D1-1',
      '未指定单位',
    ],
    [
      'an unknown unit',
      [{ leaf: 'D1-1', standard: 'A', aggregate: 'unit', unit: 'NOPE' }],
      'D1-1',
      '单位 NOPE 不存在',
    ],
    ['a unit without aggregate unit', [{ leaf: 'D1-1', standard: 'A', unit: 'TJJ' }], 'D1-1', '取值方式不是'],
  ])('names %s', (_, items, leaf, zh) => {
    const found = issues(items);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ leaf });
    expect(found[0]?.zh).toContain(zh);
    expect(found[0]?.en.length).toBeGreaterThan(10);
  });

  it('reports every issue at once', () => {
    expect(
      issues([
        { leaf: 'ZZ', standard: 'NOPE' },
        { leaf: 'Q1', standard: 'A', aggregate: 'unit' },
      ]).map((x) => x.leaf),
    ).toEqual(['ZZ', 'ZZ', 'Q1', 'Q1']);
  });
});
