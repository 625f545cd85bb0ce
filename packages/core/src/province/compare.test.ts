import { describe, expect, it } from 'vitest';
import { compare, trend } from './compare';
import { effectiveGroup } from './groups';
import {
  ALL_GROUP,
  type Comparison,
  comparisonSchema,
  type StandardisationMethod,
  trendSchema,
} from './model';
import { libraryOrder } from './selection';
import {
  handMadeShares,
  LIBRARY,
  PROVINCE,
  plainShare,
  previousShares,
  TENANTS,
  URBAN,
  YEAR,
} from './testing';

/**
 * The hand-made case (./testing.ts). Values in the standard units after each tenant's mapping:
 *
 *            A 预算执行率 % (higher, w 40)   B “三公”经费 万元 (lower, w 20)   C 任务完成率 % (higher, w 40)
 *   T1 道里区      90                              100                               80
 *   T2 南岗区      80                              100                               90
 *   T3 道外区     100                               50                              100
 *   T4 平房区      70                               —  (not mapped)                   70
 *
 * The year before: T1 (75, 125, 80), T2 (80, 80, 60), T3 (100, 50, 0), T4 did not share.
 */

const { T1, T2, T3, T4 } = TENANTS;
const all = effectiveGroup(ALL_GROUP, LIBRARY, [URBAN])!;

function run(method: StandardisationMethod, group = all): Comparison {
  const c = compare({
    recipient: PROVINCE,
    year: YEAR,
    group,
    method,
    library: LIBRARY,
    shares: handMadeShares(),
    previous: previousShares(),
    names: new Map([['230109', '香坊区']]),
  });
  expect(comparisonSchema.parse(c)).toEqual(c);
  return c;
}

const rowOf = (c: Comparison, t: { code: string }) => c.rows.find((r) => r.tenant === t.code)!;
const scores = (c: Comparison, t: { code: string }) =>
  Object.fromEntries(rowOf(c, t).cells.map((x) => [x.standard, x.score?.shown ?? null]));

describe('the implicit group ALL (library weights 40/20/40, efficacy, quotas 20/30/30)', () => {
  it('is everyone who shared, weighted by the library', () => {
    expect(all).toMatchObject({
      code: 'ALL',
      members: null,
      method: 'efficacy',
      weights: { A: 40, B: 20, C: 40 },
    });
    expect(effectiveGroup('NOPE', LIBRARY, [URBAN])).toBeUndefined();
  });

  it('efficacy coefficient: 60 + 40·(x − min)/(max − min), flipped for B', () => {
    const c = run('efficacy');
    // A: min 70, max 100, range 30 → T1 60 + 40·20/30 = 86.67, T2 60 + 40·10/30 = 73.33, T3 100, T4 60.
    // B (lower, T4 has none): min 50, max 100 → T1 60 + 40·(100 − 100)/50 = 60, T2 60, T3 60 + 40·50/50 = 100.
    // C: min 70, max 100 → T1 73.33, T2 86.67, T3 100, T4 60.
    expect(scores(c, T1)).toEqual({ A: '86.67', B: '60.00', C: '73.33' });
    expect(scores(c, T2)).toEqual({ A: '73.33', B: '60.00', C: '86.67' });
    expect(scores(c, T3)).toEqual({ A: '100.00', B: '100.00', C: '100.00' });
    expect(scores(c, T4)).toEqual({ A: '60.00', B: null, C: '60.00' });
    // Composites: T1 (40·86.67 + 20·60 + 40·73.33)/100 = 76, T2 the same (a tie), T3 100,
    // T4 (40·60 + 40·60)/80 = 60: its weights renormalised over the two indicators it has.
    expect(c.rows.map((r) => [r.name, r.composite?.shown, r.rank, r.grade])).toEqual([
      ['道外区', '100.00', 1, 'excellent'],
      // Tied: same rank, same grade, then by name (道 dao before 南 nan).
      ['道里区', '76.00', 2, 'good'],
      ['南岗区', '76.00', 2, 'good'],
      // n = 4: cut-offs round(0.8) = 1, round(2.0) = 2, round(3.2) = 3; rank 4 is beyond → poor.
      ['平房区', '60.00', 4, 'poor'],
    ]);
    expect(rowOf(c, T1).composite?.exact).toBe('76');
    expect(rowOf(c, T4).weightCoverage).toBe(80);
    expect(rowOf(c, T1).weightCoverage).toBe(100);
  });

  it('z-score: (x − mean)/population sd, sign flipped for B', () => {
    const c = run('zscore');
    // A: mean 85, sd √(500/4) = √125 → T1 5/√125 = 0.45, T2 −0.45, T3 15/√125 = 1.34, T4 −1.34.
    // B: mean 83.33, sd √(1666.67/3) = 23.57 → T1 −(16.67/23.57) = −0.71, T2 −0.71, T3 +1.41.
    // C: mean 85 → T1 −0.45, T2 0.45, T3 1.34, T4 −1.34.
    expect(scores(c, T1)).toEqual({ A: '0.45', B: '-0.71', C: '-0.45' });
    expect(scores(c, T3)).toEqual({ A: '1.34', B: '1.41', C: '1.34' });
    // T1 = T2 = (40·0.447 − 20·0.707 − 40·0.447)/100 = −0.1414; T3 = (240/√5 + 20·√2)/100 = 1.3562;
    // T4 = −3/√5 = −1.3416.
    expect(c.rows.map((r) => [r.name, r.composite?.shown, r.rank])).toEqual([
      ['道外区', '1.36', 1],
      ['道里区', '-0.14', 2],
      ['南岗区', '-0.14', 2],
      ['平房区', '-1.34', 4],
    ]);
    expect(Number(rowOf(c, T4).composite?.exact)).toBeCloseTo(-3 / Math.sqrt(5), 12);
    expect(Number(rowOf(c, T3).composite?.exact)).toBeCloseTo(
      (240 / Math.sqrt(5) + 20 * Math.SQRT2) / 100,
      12,
    );
  });

  it('percentile: 100·(B + 0.5·E)/N over the members with a value', () => {
    const c = run('percentile');
    // A: T1 90 beats 2 → 100·2.5/4 = 62.5; T2 37.5; T3 87.5; T4 12.5.
    // B (lower; N = 3): T1 100: none worse, 2 equal → 100·1/3 = 33.33; T2 33.33; T3 100·(2 + 0.5)/3 = 83.33.
    // C: T1 37.5, T2 62.5, T3 87.5, T4 12.5.
    expect(scores(c, T1)).toEqual({ A: '62.50', B: '33.33', C: '37.50' });
    expect(scores(c, T3)).toEqual({ A: '87.50', B: '83.33', C: '87.50' });
    expect(scores(c, T4)).toEqual({ A: '12.50', B: null, C: '12.50' });
    // T1 = T2 = (2500 + 666.67 + 1500)/100 = 46.67; T3 86.67; T4 12.5.
    expect(c.rows.map((r) => [r.name, r.composite?.shown, r.rank])).toEqual([
      ['道外区', '86.67', 1],
      ['道里区', '46.67', 2],
      ['南岗区', '46.67', 2],
      ['平房区', '12.50', 4],
    ]);
  });

  it('增幅 side by side: (x − prev)/|prev| × 100, standardised the same way', () => {
    const c = run('efficacy');
    expect(c.previousYear).toBe(YEAR - 1);
    const changes = (t: { code: string }) => rowOf(c, t).cells.map((x) => x.change);
    // A: T1 (90 − 75)/75 = +20%, T2 0, T3 0. B: T1 (100 − 125)/125 = −20%, T2 +25%, T3 0.
    // C: T1 0, T2 +50%, T3 null (the previous value is 0). T4 did not share last year.
    expect(changes(T1)).toEqual([20, -20, 0]);
    expect(changes(T2)).toEqual([0, 25, 50]);
    expect(changes(T3)).toEqual([0, 0, null]);
    expect(changes(T4)).toEqual([null, null, null]);
    // Efficacy of the changes: A min 0 max 20 → T1 100, T2 60, T3 60; B (lower) min −20 max 25 →
    // T1 100, T2 60, T3 60 + 40·25/45 = 82.22; C min 0 max 50 → T1 60, T2 100.
    expect(rowOf(c, T3).cells.map((x) => x.changeScore?.shown ?? null)).toEqual(['60.00', '82.22', null]);
    // T1 (4000 + 2000 + 2400)/100 = 84; T2 (2400 + 1200 + 4000)/100 = 76; T3 (2400 + 1644.44)/60 = 67.41.
    expect(
      [T1, T2, T3, T4].map((t) => [rowOf(c, t).improvement?.shown, rowOf(c, t).improvementRank]),
    ).toEqual([
      ['84.00', 1],
      ['76.00', 2],
      ['67.41', 3],
      [undefined, null],
    ]);
  });

  it('indicators in library order with shares and distributions', () => {
    const c = run('efficacy');
    // The library is given as C, A, B: A and B (预算管理, first code A) come before C (工作落实).
    expect(c.indicators.map((x) => [x.code, x.weight, x.share])).toEqual([
      ['A', 40, 40],
      ['B', 20, 20],
      ['C', 40, 40],
    ]);
    // A's values 70, 80, 90, 100: quartiles at positions 0.75, 1.5, 2.25 → 77.5, 85, 92.5.
    const a = c.indicators[0]!;
    expect(a.level).toMatchObject({ n: 4, min: 70, q1: 77.5, median: 85, q3: 92.5, max: 100, mean: 85 });
    expect(a.level?.sd).toBeCloseTo(Math.sqrt(125), 12);
    // A's changes 20, 0, 0: q3 at position 1.5 → 10; mean 6.67; sd √(266.67/3) = 9.43.
    expect(a.change).toMatchObject({ n: 3, min: 0, q1: 0, median: 0, q3: 10, max: 20 });
    expect(a.change?.mean).toBeCloseTo(20 / 3, 12);
    expect(a.change?.sd).toBeCloseTo(Math.sqrt(800 / 9), 12);
    expect(c.indicators[1]?.level?.n).toBe(3);
  });

  it('explains the method, gaps, ties, quotas and 增幅 in both languages', () => {
    for (const method of ['efficacy', 'zscore', 'percentile'] as const) {
      const c = run(method);
      expect(c.method).toBe(method);
      const zh = c.explanation.map((e) => e.zh).join('\n');
      const en = c.explanation.map((e) => e.en).join('\n');
      expect(zh).toContain({ efficacy: '功效系数法', zscore: 'Z 分数法', percentile: '百分位法' }[method]);
      expect(zh).toContain('重新归一');
      expect(zh).toContain('1、2、2、4');
      expect(zh).toContain('n × 20%、n × 50%、n × 80%');
      expect(zh).toContain('增幅');
      expect(en).toContain('renormalised');
    }
  });
});

describe('a peer group with its own weights (URBAN: A 3, C 1, B 0; 230109 did not share)', () => {
  const urban = effectiveGroup('URBAN', LIBRARY, [URBAN])!;

  it('standardises among its members only and uses its weights', () => {
    const c = run('efficacy', urban);
    expect(c.group).toEqual({ code: 'URBAN', name: '城区', members: 4 });
    expect(c.missing).toEqual([{ tenant: '230109', name: '香坊区' }]);
    expect(c.indicators.map((x) => [x.code, x.share])).toEqual([
      ['A', 75],
      ['C', 25],
    ]);
    // A over T1–T3: min 80, max 100 → T1 80, T2 60, T3 100; C: min 80, max 100 → T1 60, T2 80, T3 100.
    expect(scores(c, T1)).toEqual({ A: '80.00', C: '60.00' });
    // T1 (3·80 + 60)/4 = 75; T2 (3·60 + 80)/4 = 65; T3 100 — the weights break ALL's tie.
    // Quotas 12.5/40/40 with n = 3: cut-offs round(0.375) = 0, round(1.575) = 2, round(2.775) = 3.
    expect(c.rows.map((r) => [r.name, r.composite?.shown, r.rank, r.grade])).toEqual([
      ['道外区', '100.00', 1, 'good'],
      ['道里区', '75.00', 2, 'good'],
      ['南岗区', '65.00', 3, 'fair'],
    ]);
    // 增幅: A T1 100, T2 60, T3 60; C T1 60, T2 100 → T1 (300 + 60)/4 = 90, T2 (180 + 100)/4 = 70, T3 60.
    expect(c.rows.map((r) => [r.name, r.improvement?.shown, r.improvementRank])).toEqual([
      ['道外区', '60.00', 3],
      ['道里区', '90.00', 1],
      ['南岗区', '70.00', 2],
    ]);
    expect(c.grades).toEqual({ excellent: 12.5, good: 40, fair: 40 });
  });

  it('has no previous year when no member shared the year before', () => {
    const c = compare({
      recipient: PROVINCE,
      year: YEAR,
      group: urban,
      library: LIBRARY,
      shares: handMadeShares(),
      previous: [],
      names: new Map(),
    });
    expect(c.previousYear).toBeNull();
    expect(c.rows.every((r) => r.improvement === null && r.improvementRank === null)).toBe(true);
    expect(c.missing).toEqual([{ tenant: '230109', name: '230109' }]);
  });
});

describe('edge cases', () => {
  it('all equal → 100 (efficacy), 0 (z-score), 50 (percentile); an unmapped tenant is unranked', () => {
    const shares = [
      plainShare(TENANTS.T1, YEAR, { A: 90 }),
      plainShare(TENANTS.T2, YEAR, { A: 90 }),
      plainShare(TENANTS.T3, YEAR, {}),
    ];
    const expected = { efficacy: '100.00', zscore: '0.00', percentile: '50.00' } as const;
    for (const method of ['efficacy', 'zscore', 'percentile'] as const) {
      const c = compare({
        recipient: PROVINCE,
        year: YEAR,
        group: all,
        method,
        library: LIBRARY,
        shares,
        previous: [],
        names: new Map(),
      });
      expect(c.rows.map((r) => [r.name, r.composite?.shown ?? null, r.rank, r.grade])).toEqual([
        ['道里区', expected[method], 1, 'good'],
        ['南岗区', expected[method], 1, 'good'],
        ['道外区', null, null, null],
      ]);
      expect(c.indicators[1]?.level).toBeNull();
      expect(rowOf(c, T3).weightCoverage).toBe(0);
    }
  });

  it('orders the library by dimension (first code) then code', () => {
    expect(libraryOrder(LIBRARY).map((s) => s.code)).toEqual(['A', 'B', 'C']);
  });
});

describe('trend', () => {
  it('gives composite and rank per year, each year standardised on its own', () => {
    const t = trend({
      recipient: PROVINCE,
      group: all,
      library: LIBRARY,
      sharesByYear: new Map([
        [YEAR, handMadeShares()],
        [YEAR - 1, previousShares()],
      ]),
    });
    expect(trendSchema.parse(t)).toEqual(t);
    expect(t.years).toEqual([YEAR - 1, YEAR]);
    // 2024 efficacy: A 75, 80, 100 → T1 60, T2 68, T3 100; B (lower) 125, 80, 50 → T1 60, T2 84, T3 100;
    // C 80, 60, 0 → T1 100, T2 90, T3 60. T1 (2400 + 1200 + 4000)/100 = 76; T2 (2720 + 1680 + 3600)/100 = 80;
    // T3 (4000 + 2000 + 2400)/100 = 84.
    expect(t.series.map((s) => [s.name, s.points.map((p) => [p.year, p.composite, p.rank])])).toEqual([
      [
        '道外区',
        [
          [2024, '84.00', 1],
          [2025, '100.00', 1],
        ],
      ],
      [
        '道里区',
        [
          [2024, '76.00', 3],
          [2025, '76.00', 2],
        ],
      ],
      [
        '南岗区',
        [
          [2024, '80.00', 2],
          [2025, '76.00', 2],
        ],
      ],
      [
        '平房区',
        [
          [2024, null, null],
          [2025, '60.00', 4],
        ],
      ],
    ]);
  });
});
