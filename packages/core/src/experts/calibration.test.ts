import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Leaf, leafSchema } from '../indicators/model';
import { type CalibrationScore, calibrate, flaggedItems } from './calibration';
import { rwg, trimmedMean } from './stats';

const leaf = (rule: unknown, code = 'D3-1'): Leaf =>
  leafSchema.parse({ code, name: '职能履行效果', weight: 15, type: 'qualitative', source: 'expert', rule });
const EXPERT = leaf({ kind: 'expert' });
const LEAVES = new Map([['D3-1', EXPERT]]);

const item = (unit: string, scores: Record<string, number>, l = 'D3-1'): CalibrationScore[] =>
  Object.entries(scores).map(([expert, score]) => ({ expert, unit, leaf: l, score }));

describe('calibration on a hand-made case (computed by hand below)', () => {
  // Five experts score unit A on a 0..100 scale: 80, 85, 90, 70, 95.
  //   n = 5, mean = 420 / 5 = 84, sorted 70 80 85 90 95 → median 85, min 70, max 95, range 25
  //   deviations −4, 1, 6, −14, 11 → squares 16 + 1 + 36 + 196 + 121 = 370
  //   sample variance s² = 370 / 4 = 92.5, sd = √92.5 = 9.6177
  //   σ²_EU = 100² / 12 = 833.333…, r_wg = 1 − 92.5 / 833.333 = 1 − 0.111 = 0.889
  //   trimmed mean (5 ≥ trimFrom 5): drop 95 and 70 → (80 + 85 + 90) / 3 = 85
  //   outliers (20% of 100 = 20): e5's 70 vs the others' median (80, 85, 90, 95 → 87.5) is 17.5 → none
  const A = item('A', { e1: 80, e2: 85, e3: 90, e4: 70, e5: 95 });

  it('gives n, mean, median, sd, min, max, range, trimmed mean and r_wg', () => {
    const c = calibrate(A, LEAVES);
    const i = c.items[0]!;
    expect(i).toMatchObject({
      unit: 'A',
      leaf: 'D3-1',
      n: 5,
      mean: 84,
      median: 85,
      min: 70,
      max: 95,
      range: 25,
    });
    expect(i.sd).toBeCloseTo(9.6177, 4);
    expect(i.rwg).toBeCloseTo(0.889, 4);
    expect(i.trimmedMean).toBe(85);
    expect(i.outliers).toEqual([]);
    expect(i.flags).toEqual([]);
    expect(c.leaves).toEqual([{ leaf: 'D3-1', items: 1, meanRwg: 0.889, meanRange: 25, flagged: 0 }]);
  });

  // Unit B: 80, 82, 85, 84, 40. The 40: others 80 82 84 85 → median 83, distance 43 > 20 → outlier.
  //   The 85: others 40 80 82 84 → median 81, distance 4 → not. mean = 371/5 = 74.2
  //   deviations 5.8, 7.8, 10.8, 9.8, −34.2 → squares 33.64 + 60.84 + 116.64 + 96.04 + 1169.64 = 1476.8
  //   s² = 369.2, r_wg = 1 − 369.2 / 833.333 = 0.55696 < 0.7 → low agreement too.
  const B = item('B', { e1: 80, e2: 82, e3: 85, e4: 84, e5: 40 });

  it('flags an outlier and low agreement, saying why in words', () => {
    const c = calibrate([...A, ...B], LEAVES, {}, (e) => `专家${e}`);
    const b = c.items.find((i) => i.unit === 'B')!;
    expect(b.rwg).toBeCloseTo(0.55696, 4);
    expect(b.outliers).toEqual([{ expert: 'e5', score: 40, othersMedian: 83, distance: 43 }]);
    expect(b.flags.map((f) => f.kind)).toEqual(['low_agreement', 'outlier']);
    expect(b.flags[1]!.reason.zh).toBe(
      '专家e5评 40 分，与其他专家评分的中位数 83 相差 43 分，超过满分的 20%（示例阈值）',
    );
    expect(b.flags[0]!.reason.en).toContain('r_wg = 0.557');
    expect(c.leaves[0]).toMatchObject({ items: 2, flagged: 1, meanRange: 35 });
    expect(c.leaves[0]!.meanRwg).toBeCloseTo((0.889 + 0.55696) / 2, 4);
    expect(flaggedItems(c)).toEqual([{ unit: 'B', leaf: 'D3-1' }]);
  });

  it('names an expert harsher when on average 10% of the scale below the others (≥ 3 items)', () => {
    // On A, B and a third unit C (90, 90, 90, 90, 75), e5 deviates from the others' mean by
    //   A: 95 − (80+85+90+70)/4 = 95 − 81.25 = +13.75; B: 40 − 82.75 = −42.75; C: 75 − 90 = −15
    //   mean (13.75 − 42.75 − 15) / 3 / 100 = −0.14667 → harsher
    const C = item('C', { e1: 90, e2: 90, e3: 90, e4: 90, e5: 75 });
    const c = calibrate([...A, ...B, ...C], LEAVES, {}, (e) => e);
    const e5 = c.experts.find((e) => e.expert === 'e5')!;
    expect(e5.items).toBe(3);
    expect(e5.meanDeviation).toBeCloseTo(-0.1467, 4);
    expect(e5.tendency).toBe('harsher');
    expect(e5.reason.zh).toBe(
      'e5在 3 个项目上的评分平均比其他专家的均值低满分的 14.67%，超过 10%（示例阈值）',
    );
    // e3 on A: 90 − 82.5 = 7.5; on B: 85 − 71.5 = 13.5; on C: 90 − 86.25 = 3.75 → 0.0825 → neutral
    const e3 = c.experts.find((e) => e.expert === 'e3')!;
    expect(e3.meanDeviation).toBeCloseTo(0.0825, 4);
    expect(e3.tendency).toBe('neutral');
  });

  it('names no tendency below three shared items, and a milder one above +10%', () => {
    const c = calibrate(A, LEAVES);
    expect(c.experts.every((e) => e.tendency === 'insufficient')).toBe(true);
    const mild = [
      ...item('A', { x: 95, y: 70, z: 72 }),
      ...item('B', { x: 90, y: 60, z: 64 }),
      ...item('C', { x: 88, y: 70, z: 70 }),
    ];
    expect(calibrate(mild, LEAVES).experts.find((e) => e.expert === 'x')!.tendency).toBe('milder');
  });

  it('uses the rule scale (r_wg on a 0..10 scale) and plain means below trimFrom', () => {
    const ten = new Map([['D3-1', leaf({ kind: 'expert', scale: 10, trimFrom: 5 })]]);
    // 7, 8, 9: mean 8, s² = 1, σ²_EU = 100/12, r_wg = 1 − 12/100 = 0.88; 3 < 5 → plain mean 8
    const c = calibrate(item('A', { a: 7, b: 8, c: 9 }), ten);
    expect(c.items[0]!.rwg).toBeCloseTo(0.88, 6);
    expect(c.items[0]!.trimmedMean).toBe(8);
    // An outlier threshold of 20% of 10 = 2: e's 4 vs the median 8.5 of (8, 9, 8, 9) is 4.5 away;
    // b's 9 vs the median 8 of (8, 8, 9, 4) is 1.
    const o = calibrate(item('A', { a: 8, b: 9, c: 8, d: 9, e: 4 }), ten).items[0]!.outliers;
    expect(o).toEqual([{ expert: 'e', score: 4, othersMedian: 8.5, distance: 4.5 }]);
  });

  it("takes each unit's own leaf where units are bound to systems with different scales", () => {
    const ten = leaf({ kind: 'expert', scale: 10 });
    const byUnit = (unit: string) => (unit === 'A' ? ten : EXPERT);
    // The same scores 7, 8, 9: on A's 0..10 scale r_wg = 0.88; on B's 0..100 scale 1 − 1/833.33 ≈ 0.9988.
    const c = calibrate([...item('A', { a: 7, b: 8, c: 9 }), ...item('B', { a: 7, b: 8, c: 9 })], (u) =>
      byUnit(u),
    );
    expect(c.items.find((i) => i.unit === 'A')!.rwg).toBeCloseTo(0.88, 6);
    expect(c.items.find((i) => i.unit === 'B')!.rwg).toBeCloseTo(0.9988, 4);
  });

  it('calibrates a 360° composite per rater group', () => {
    const comp = leaf({
      kind: 'composite',
      sources: [
        { key: 'leader', label: '领导评价', weight: 0.5 },
        { key: 'peer', label: '同级评价', weight: 0.5 },
      ],
    });
    const scores: CalibrationScore[] = [
      { expert: 'a', unit: 'A', leaf: 'D3-1', group: 'leader', score: 90 },
      { expert: 'b', unit: 'A', leaf: 'D3-1', group: 'leader', score: 92 },
      { expert: 'c', unit: 'A', leaf: 'D3-1', group: 'peer', score: 60 },
      { expert: 'd', unit: 'A', leaf: 'D3-1', group: 'peer', score: 64 },
    ];
    const c = calibrate(scores, new Map([['D3-1', comp]]));
    expect(c.items.map((i) => [i.group, i.mean])).toEqual([
      ['leader', 91],
      ['peer', 62],
    ]);
  });
});

describe('calibration properties (fast-check)', () => {
  const scores = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 12 });

  it('r_wg is within [0, 1] and 1 when all agree', () => {
    fc.assert(
      fc.property(scores, (xs) => {
        const r = rwg(xs, 100)!;
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
        if (new Set(xs).size === 1) expect(r).toBe(1);
      }),
    );
  });

  it('is invariant under permutation of the scores', () => {
    fc.assert(
      fc.property(
        scores.chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })),
        ),
        ([xs, ys]) => {
          const a = calibrate(item('A', Object.fromEntries(xs.map((x, i) => [`e${i}`, x]))), LEAVES)
            .items[0]!;
          const b = calibrate(item('A', Object.fromEntries(ys.map((x, i) => [`e${i}`, x]))), LEAVES)
            .items[0]!;
          const { outliers: _a, flags: _fa, ...ra } = a;
          const { outliers: _b, flags: _fb, ...rb } = b;
          expect(ra).toEqual(rb);
          expect(a.outliers.map((o) => o.score).sort()).toEqual(b.outliers.map((o) => o.score).sort());
        },
      ),
    );
  });

  it('keeps the trimmed mean between min and max, and the mean of a shifted set shifted', () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 0, max: 50 }), (xs, k) => {
        const t = trimmedMean(xs, EXPERT);
        expect(t).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
        expect(t).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
        const base = xs.map((x) => Math.min(x, 50));
        const a = calibrate(item('A', Object.fromEntries(base.map((x, i) => [`e${i}`, x]))), LEAVES)
          .items[0]!;
        const b = calibrate(item('A', Object.fromEntries(base.map((x, i) => [`e${i}`, x + k]))), LEAVES)
          .items[0]!;
        expect(b.mean).toBeCloseTo(a.mean + k, 3);
        expect(b.rwg).toBeCloseTo(a.rwg!, 6);
      }),
    );
  });

  it('flags an item exactly when r_wg is below the threshold or an outlier exists', () => {
    fc.assert(
      fc.property(scores, (xs) => {
        const i = calibrate(item('A', Object.fromEntries(xs.map((x, j) => [`e${j}`, x]))), LEAVES).items[0]!;
        expect(i.flags.length > 0).toBe((i.rwg ?? 1) < 0.7 || i.outliers.length > 0);
        if (xs.length < 3) expect(i.outliers).toEqual([]);
      }),
    );
  });
});
