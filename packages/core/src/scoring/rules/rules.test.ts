import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FINANCE_CALCULATORS } from '../../finance';
import { leafInputSchema } from '../../indicators/model';
import { scoreUnits } from '../engine';
import { formulaRule, leaf, system, unit, value } from '../testing';
import type { LeafResult } from '../types';
import { applyRule } from '.';
import type { CalculatorRegistry } from './types';

/** Scores one leaf (weight w) for one unit through the engine and returns the leaf's result. */
function one(
  l: ReturnType<typeof leaf>,
  input: unknown,
  opts: Parameters<typeof scoreUnits>[2] = {},
): LeafResult {
  const content = system({ dimensions: [{ code: 'D', name: '维度', weight: l.weight, children: [l] }] });
  const r = scoreUnits(content, [unit('U1', 'G', input === undefined ? {} : { [l.code]: input })], opts);
  return (r.units[0]!.dimensions[0] as { children: LeafResult[] }).children[0]!;
}

/** A rule outcome without the engine. */
function outcome(l: ReturnType<typeof leaf>, input: unknown) {
  return applyRule(l.rule, leafInputSchema.parse(input), { leaf: l, decimals: 2 });
}

describe('target completion (目标完成率)', () => {
  it('95 of a target of 100 on a 10-point leaf: 10 × 0.95 = 9.50', () => {
    const r = one(leaf('GDP', 10, { kind: 'target_completion' }, { unitOfMeasure: '%' }), value(95, 100));
    expect(r.status).toBe('scored');
    expect(r.points).toEqual({ shown: '9.50', exact: '9.5' });
    expect(r.reason.zh).toBe('完成值 95%，目标值 100%，完成率 95.00%，得 9.50 分（满分 10 分）');
    expect(r.reason.en).toBe('Actual 95%, target 100%, completion 95.00%: 9.50 of 10 points');
  });

  it('cap 1.2: 115/100 gives full marks and 0.15 × 10 = 1.50 excess; 130/100 stops at the cap (2.00)', () => {
    const l = leaf('GDP', 10, { kind: 'target_completion', cap: 1.2 });
    const a = one(l, value(115, 100));
    expect(a.points.shown).toBe('10.00');
    expect(a.excess).toEqual({ shown: '1.50', exact: '1.5' });
    expect(a.reason.zh).toContain('超额完成部分 1.50 分计入加分');
    const b = one(l, value(130, 100));
    expect(b.points.shown).toBe('10.00');
    expect(b.excess?.shown).toBe('2.00');
    expect(b.reason.zh).toContain('按上限 120% 计');
  });

  it('cap 1 (default): above target is full marks and no excess', () => {
    const r = one(leaf('GDP', 10, { kind: 'target_completion' }), value(150, 100));
    expect(r.points.shown).toBe('10.00');
    expect(r.excess).toBeUndefined();
  });

  it('a negative actual scores 0, not a negative number', () => {
    expect(one(leaf('GDP', 10, { kind: 'target_completion' }), value(-5, 100)).points.shown).toBe('0.00');
  });

  it('target 0, a negative target, or no target: invalid with 0 points, never a throw', () => {
    const l = leaf('GDP', 10, { kind: 'target_completion' });
    for (const input of [value(5, 0), value(5, -1), value(5)]) {
      const r = one(l, input);
      expect(r.status).toBe('invalid');
      expect(r.points.shown).toBe('0.00');
      expect(r.effectiveWeight.shown).toBe('10.00');
    }
    expect(one(l, value(5, 0)).reason.zh).toContain('目标值须大于 0');
    expect(one(l, value(5)).reason.en).toContain('No target');
  });

  it('an input of the wrong kind is invalid and says what was expected', () => {
    const r = one(leaf('GDP', 10, { kind: 'target_completion' }), { kind: 'grade', grade: 'A' });
    expect(r.status).toBe('invalid');
    expect(r.reason.zh).toContain('本指标需要数值，提交的是评定等级');
  });
});

describe('reverse (逆向指标)', () => {
  const l = leaf('PM', 8, { kind: 'reverse' }, { direction: 'lower' });
  it('actual 8 against a target of 6: 8 × 6/8 = 6.00', () => {
    expect(one(l, value(8, 6)).points.shown).toBe('6.00');
  });
  it('actual 0 earns full marks instead of dividing by zero', () => {
    const r = one(l, value(0, 6));
    expect(r.status).toBe('scored');
    expect(r.points.shown).toBe('8.00');
    expect(r.reason.zh).toContain('按满分计');
  });
  it('better than target is capped at full marks (cap 1)', () => {
    expect(one(l, value(3, 6)).points.shown).toBe('8.00');
  });
  it('cap 1.5: target 6, actual 4 → ratio 1.5, excess 0.5 × 8 = 4.00', () => {
    const r = one(leaf('PM', 8, { kind: 'reverse', cap: 1.5 }), value(4, 6));
    expect(r.points.shown).toBe('8.00');
    expect(r.excess?.shown).toBe('4.00');
  });
  it('target 0 is invalid', () => {
    expect(one(l, value(3, 0)).status).toBe('invalid');
  });
});

describe('bands (分档)', () => {
  const l = leaf('EDU', 10, {
    kind: 'bands',
    bands: [
      { min: null, max: 60, fraction: 0, label: '差' },
      { min: 60, max: 80, fraction: 0.6, label: '中' },
      { min: 80, max: 90, fraction: 0.8, label: '良' },
      { min: 90, max: null, fraction: 1, label: '优' },
    ],
  });
  it('min is inclusive, max exclusive: 80 → 0.8 (8.00), 79.999 → 0.6 (6.00), 90 → 1, −1000 → 0', () => {
    expect(one(l, value(80)).points.shown).toBe('8.00');
    expect(one(l, value(79.999)).points.shown).toBe('6.00');
    expect(one(l, value(90)).points.shown).toBe('10.00');
    expect(one(l, value(1e9)).points.shown).toBe('10.00');
    expect(one(l, value(-1000)).points.shown).toBe('0.00');
    expect(one(l, value(80)).reason.zh).toBe(
      '完成值 80，落在「良」档 [80, 90)，得分比例 80.00%，得 8.00 分（满分 10 分）',
    );
    expect(one(l, value(59)).reason.en).toContain('band "差" (−∞, 60)');
  });
  it('a value in a gap between bands is invalid (validate.ts should have caught the gap)', () => {
    const gap = leaf('EDU', 10, {
      kind: 'bands',
      bands: [
        { min: 0, max: 50, fraction: 0.5 },
        { min: 60, max: null, fraction: 1 },
      ],
    });
    const r = one(gap, value(55));
    expect(r.status).toBe('invalid');
    expect(r.reason.zh).toContain('不在任何分档内');
  });
});

describe('deduction (扣分)', () => {
  const items = [
    { code: 'LATE', label: '迟报', pointsEach: 1 },
    { code: 'ACC', label: '安全事故', pointsEach: 3 },
  ];
  it('2 late (2 × 1) + 2 accidents (2 × 3) = 8, capped by maxDeduction 5: 10 − 5 = 5.00', () => {
    const r = one(leaf('SAFE', 10, { kind: 'deduction', items, maxDeduction: 5 }), {
      kind: 'incidents',
      counts: { LATE: 2, ACC: 2 },
    });
    expect(r.points.shown).toBe('5.00');
    expect(r.value).toBe(5);
    expect(r.reason.zh).toContain('迟报 2 次 × 1 分，安全事故 2 次 × 3 分，合计 8 分，扣分上限 5 分');
  });
  it('default cap is the weight and the floor is 0: 2 accidents = 6 > 4 → 0.00', () => {
    const r = one(leaf('SAFE', 4, { kind: 'deduction', items }), { kind: 'incidents', counts: { ACC: 2 } });
    expect(r.points.shown).toBe('0.00');
  });
  it('no incidents: full marks', () => {
    expect(
      one(leaf('SAFE', 4, { kind: 'deduction', items }), { kind: 'incidents', counts: {} }).points.shown,
    ).toBe('4.00');
  });
  it('a count for an item the rule does not list is invalid (ignoring it would raise the score)', () => {
    const r = one(leaf('SAFE', 4, { kind: 'deduction', items }), { kind: 'incidents', counts: { FIRE: 1 } });
    expect(r.status).toBe('invalid');
    expect(r.reason.zh).toContain('FIRE');
  });
});

describe('efficacy coefficient (功效系数法) across 4 peers: 50, 70, 80, 90', () => {
  const scoreAll = (direction: 'higher' | 'lower') => {
    const l = leaf('INV', 10, { kind: 'efficacy' }, { direction });
    const content = system({ dimensions: [{ code: 'D', name: '维度', weight: 10, children: [l] }] });
    const units = [50, 70, 80, 90].map((x, i) => unit(`U${i}`, 'G', { INV: value(x) }));
    return scoreUnits(content, units).units.map(
      (u) => (u.dimensions[0] as { children: LeafResult[] }).children[0]!,
    );
  };
  it('higher: 10 × (60 + 40 × (x − 50)/(90 − 50))/100 → 6.00, 8.00, 9.00, 10.00', () => {
    // 70: 60 + 40 × 20/40 = 80 → 8.00; 80: 60 + 40 × 30/40 = 90 → 9.00
    const r = scoreAll('higher');
    expect(r.map((x) => x.points.shown)).toEqual(['6.00', '8.00', '9.00', '10.00']);
    expect(r[1]!.reason.zh).toContain('组内 4 个单位最小值 50、最大值 90');
    expect(r[1]!.reason.zh).toContain('功效系数 = 60 + 40 × (70 − 50) ÷ (90 − 50) = 80.00');
  });
  it('lower: flipped, 10 × (60 + 40 × (90 − x)/40)/100 → 10.00, 8.00, 7.00, 6.00', () => {
    expect(scoreAll('lower').map((x) => x.points.shown)).toEqual(['10.00', '8.00', '7.00', '6.00']);
  });
  it('all peers equal (or a unit alone) → full marks', () => {
    const l = leaf('INV', 10, { kind: 'efficacy' });
    const content = system({ dimensions: [{ code: 'D', name: '维度', weight: 10, children: [l] }] });
    const r = scoreUnits(content, [unit('A', 'G', { INV: value(5) }), unit('B', 'G', { INV: value(5) })]);
    for (const u of r.units) expect(u.total.shown).toBe('10.00');
  });
  it('peers are the unit group with a usable value only (a missing unit is not a peer)', () => {
    const l = leaf('INV', 10, { kind: 'efficacy' });
    const content = system({ dimensions: [{ code: 'D', name: '维度', weight: 10, children: [l] }] });
    const r = scoreUnits(content, [
      unit('A', 'G', { INV: value(50) }),
      unit('B', 'G', { INV: value(100) }),
      unit('C', 'G', {}),
      unit('D', 'H', { INV: value(0) }),
    ]);
    // A: group G is {50, 100} → 6.00; D is alone in H → full marks.
    expect(r.units.map((u) => u.total.shown)).toEqual(['6.00', '10.00', '0.00', '10.00']);
  });
});

describe('rank (排名法)', () => {
  const scoreAll = (values: number[], direction: 'higher' | 'lower') => {
    const l = leaf('R', 10, { kind: 'rank', lastFraction: 0.6 }, { direction });
    const content = system({ dimensions: [{ code: 'D', name: '维度', weight: 10, children: [l] }] });
    return scoreUnits(
      content,
      values.map((x, i) => unit(`U${i}`, 'G', { R: value(x) })),
    ).units.map((u) => u.total.shown);
  };
  it('10, 20, 20, 5 higher: ranks 3, 1, 1, 4 → 1 − 2/3 × 0.4 = 0.7333 → 7.33; 10; 10; 0.6 → 6.00', () => {
    expect(scoreAll([10, 20, 20, 5], 'higher')).toEqual(['7.33', '10.00', '10.00', '6.00']);
  });
  it('lower ranks ascending: 5 first, 10 second (1 − 1/3 × 0.4 → 8.67), 20 shares third (7.33)', () => {
    expect(scoreAll([10, 20, 20, 5], 'lower')).toEqual(['8.67', '7.33', '7.33', '10.00']);
  });
  it('one unit: full marks', () => {
    expect(scoreAll([3], 'higher')).toEqual(['10.00']);
  });
});

describe('qualitative grade (定性等级)', () => {
  it('B is 0.8 of the weight by default', () => {
    const r = one(leaf('Q', 15, { kind: 'qualitative_grade' }), { kind: 'grade', grade: 'B' });
    expect(r.points.shown).toBe('12.00');
    expect(r.reason.zh).toContain('评定等级 B（良）');
  });
  it('custom fractions', () => {
    const r = one(leaf('Q', 10, { kind: 'qualitative_grade', fractions: { A: 1, B: 0.9, C: 0.5, D: 0 } }), {
      kind: 'grade',
      grade: 'D',
    });
    expect(r.points.shown).toBe('0.00');
  });
});

describe('expert scores (专家评分)', () => {
  it('7 experts: drop one highest and one lowest', () => {
    // sorted 60 75 85 88 90 92 95 → drop 60 and 95 → (75 + 85 + 88 + 90 + 92) / 5 = 430 / 5 = 86 → 10 × 0.86
    const r = one(leaf('EXP', 10, { kind: 'expert' }), {
      kind: 'expert_scores',
      scores: [88, 92, 75, 95, 60, 85, 90],
    });
    expect(r.points.shown).toBe('8.60');
    expect(r.value).toBe('86.00');
    expect(r.reason.zh).toContain('去掉一个最高分 95 和一个最低分 60，其余 5 份平均 86.00 分');
  });
  it('exactly trimFrom (5) experts are trimmed: 50 60 70 80 100 → (60 + 70 + 80)/3 = 70', () => {
    expect(
      one(leaf('EXP', 10, { kind: 'expert' }), { kind: 'expert_scores', scores: [50, 60, 70, 80, 100] })
        .points.shown,
    ).toBe('7.00');
  });
  it('4 experts: the plain mean (80 + 90 + 70 + 100)/4 = 85', () => {
    expect(
      one(leaf('EXP', 10, { kind: 'expert' }), { kind: 'expert_scores', scores: [80, 90, 70, 100] }).points
        .shown,
    ).toBe('8.50');
  });
  it('one tied extreme is dropped, not every copy: 90 90 90 50 50 → (90 + 90 + 50)/3 = 76.67', () => {
    expect(
      one(leaf('EXP', 100, { kind: 'expert' }), { kind: 'expert_scores', scores: [90, 90, 90, 50, 50] })
        .points.shown,
    ).toBe('76.67');
  });
  it('a score above the scale cannot earn more than full marks', () => {
    expect(
      one(leaf('EXP', 10, { kind: 'expert', scale: 10 }), { kind: 'expert_scores', scores: [12, 12] }).points
        .shown,
    ).toBe('10.00');
  });
});

describe('satisfaction (满意度)', () => {
  const rule = {
    kind: 'satisfaction' as const,
    groups: [
      { key: 'RECIP', label: '服务对象', weight: 0.5 },
      { key: 'NPC', label: '人大代表政协委员', weight: 0.2 },
      { key: 'PUB', label: '社会公众', weight: 0.3 },
    ],
    minSample: 30,
  };
  const answers = (vs: number, s: number, f: number, d: number, vd: number) => ({
    very_satisfied: vs,
    satisfied: s,
    fair: f,
    dissatisfied: d,
    very_dissatisfied: vd,
  });
  it('3 groups, one under minSample: dropped and the weights renormalised; 6.925 shows as 6.93 (half up)', () => {
    // RECIP: n = 50, (20·100 + 15·80 + 10·60 + 5·30)/50 = 3950/50 = 79
    // NPC: n = 12 < 30 → dropped
    // PUB: n = 100, (10·100 + 20·80 + 30·60 + 30·30 + 10·0)/100 = 5300/100 = 53
    // (0.5 × 79 + 0.3 × 53) / 0.8 = 55.4 / 0.8 = 69.25 → 10 × 0.6925 = 6.925 → 6.93
    const r = one(leaf('SAT', 10, rule, { type: 'qualitative', source: 'survey' }), {
      kind: 'survey',
      answers: {
        RECIP: answers(20, 15, 10, 5, 0),
        NPC: answers(10, 2, 0, 0, 0),
        PUB: answers(10, 20, 30, 30, 10),
      },
    });
    expect(r.points).toEqual({ shown: '6.93', exact: '6.925' });
    expect(r.value).toBe('69.25');
    expect(r.reason.zh).toContain('人大代表政协委员 12 份，不足最低样本 30 份，不计入');
    expect(r.reason.zh).toContain('按剩余组权重重新归一：(0.5 × 79.00 + 0.3 × 53.00) ÷ 0.8 = 69.25 分');
  });
  it('every group under minSample: missing data, the reason names the sample sizes', () => {
    const r = one(leaf('SAT', 10, rule), {
      kind: 'survey',
      answers: { RECIP: answers(5, 0, 0, 0, 0), PUB: answers(1, 1, 1, 1, 1) },
    });
    expect(r.status).toBe('missing');
    expect(r.points.shown).toBe('0.00');
    expect(r.reason.zh).toContain('服务对象 5 份、人大代表政协委员 0 份、社会公众 5 份');
    expect(r.reason.zh).toContain('按 0 分计');
  });
  it('with missing: redistribute, an unusable survey gives its weight to its siblings', () => {
    const sat = leaf('SAT', 10, rule, { missing: 'redistribute' });
    const other = leaf('OTH', 10, { kind: 'qualitative_grade' });
    const content = system({ dimensions: [{ code: 'D', name: '维度', weight: 20, children: [sat, other] }] });
    const r = scoreUnits(content, [
      unit('U', 'G', { SAT: { kind: 'survey', answers: {} }, OTH: { kind: 'grade', grade: 'A' } }),
    ]);
    expect(r.units[0]!.total.shown).toBe('20.00');
  });
});

describe('composite (综合得分)', () => {
  const l = leaf('C', 10, {
    kind: 'composite',
    sources: [
      { key: 'IND', label: '指标考核', weight: 0.6 },
      { key: 'SAT', label: '满意度', weight: 0.2 },
      { key: 'LEAD', label: '领导评价', weight: 0.2 },
    ],
  });
  it('0.6 × 90 + 0.2 × 80 + 0.2 × 70 = 84 → 8.40', () => {
    const r = one(l, { kind: 'sources', scores: { IND: 90, SAT: 80, LEAD: 70 } });
    expect(r.points.shown).toBe('8.40');
    expect(r.reason.zh).toContain('指标考核 90 × 60% + 满意度 80 × 20% + 领导评价 70 × 20% = 84.00');
  });
  it('a missing source counts 0 and is named: 54 + 16 = 70 → 7.00', () => {
    const r = one(l, { kind: 'sources', scores: { IND: 90, SAT: 80 } });
    expect(r.points.shown).toBe('7.00');
    expect(r.reason.zh).toContain('领导评价（未提供，按 0 计）');
  });
});

describe('formula (公式指标) with an injected calculator registry', () => {
  const fake: CalculatorRegistry = {
    ratio: {
      args: z.object({ a: z.number(), b: z.number() }),
      compute: ({ a, b }: { a: number; b: number }) =>
        b === 0
          ? { ok: false as const, code: 'division_by_zero', zh: '分母为零', en: 'the denominator is zero' }
          : { ok: true as const, value: a / b },
    },
  };
  const l = leaf('F', 10, formulaRule('ratio', { kind: 'target_completion' }));
  it('computes a/b = 0.25, then target completion against 0.5: 10 × 0.5 = 5.00', () => {
    const r = one(l, { kind: 'formula', args: { a: 1, b: 4 }, target: 0.5 }, { calculators: fake });
    expect(r.status).toBe('scored');
    expect(r.value).toBe(0.25);
    expect(r.points.shown).toBe('5.00');
    expect(r.reason.zh).toContain('按公式「ratio」计算得 0.25；完成值 0.25，目标值 0.5，完成率 50.00%');
  });
  it('then: bands and reverse work too', () => {
    const bands = leaf(
      'F',
      10,
      formulaRule('ratio', {
        kind: 'bands',
        bands: [
          { min: null, max: 1, fraction: 0.5 },
          { min: 1, max: null, fraction: 1 },
        ],
      }),
    );
    expect(one(bands, { kind: 'formula', args: { a: 3, b: 2 } }, { calculators: fake }).points.shown).toBe(
      '10.00',
    );
    const rev = leaf('F', 10, formulaRule('ratio', { kind: 'reverse' }));
    expect(
      one(rev, { kind: 'formula', args: { a: 2, b: 1 }, target: 1 }, { calculators: fake }).points.shown,
    ).toBe('5.00');
  });
  it('a calculator error is invalid with its own words', () => {
    const r = one(l, { kind: 'formula', args: { a: 1, b: 0 }, target: 0.5 }, { calculators: fake });
    expect(r.status).toBe('invalid');
    expect(r.reason.zh).toContain('无法计算：分母为零');
    expect(r.reason.en).toContain('the denominator is zero');
  });
  it('bad arguments, an unknown calculator, or no registry at all: invalid', () => {
    expect(one(l, { kind: 'formula', args: { a: 1 }, target: 1 }, { calculators: fake }).reason.zh).toContain(
      '参数有误',
    );
    const unknown = leaf('F', 10, formulaRule('nope', { kind: 'target_completion' }));
    expect(one(unknown, { kind: 'formula', args: {}, target: 1 }, { calculators: fake }).status).toBe(
      'invalid',
    );
    expect(one(l, { kind: 'formula', args: { a: 1, b: 4 }, target: 0.5 }).reason.en).toContain(
      'No calculator',
    );
    // `constructor` is not a calculator, even though every object has one.
    const proto = leaf('F', 10, formulaRule('constructor', { kind: 'target_completion' }));
    expect(one(proto, { kind: 'formula', args: {}, target: 1 }, { calculators: fake }).status).toBe(
      'invalid',
    );
  });
});

describe('target gap (差额计分)', () => {
  it('a growth target of 0%, 5 points of tolerance: 2% is full marks, −2.5% half, −5% (the edge) nothing', () => {
    const l = leaf('G', 10, { kind: 'target_gap', tolerance: 5 }, { unitOfMeasure: '%' });
    expect(one(l, value(2, 0)).points.shown).toBe('10.00');
    expect(one(l, value(0, 0)).points.shown).toBe('10.00');
    const half = one(l, value(-2.5, 0));
    expect(half.points.shown).toBe('5.00');
    expect(half.reason.zh).toContain('完成值 -2.5%，目标值 0%');
    expect(half.reason.zh).toContain('差 2.5%');
    expect(one(l, value(-5, 0)).points.shown).toBe('0.00');
    expect(one(l, value(-4.99, 0)).points.shown).toBe('0.02');
    expect(one(l, value(-9, 0)).points.shown).toBe('0.00');
  });

  it('a target of −2 (a planned fall): −2 meets it, −3 is 1 short of 4 (7.50), −6 (the edge) and below score 0', () => {
    const l = leaf('G', 10, { kind: 'target_gap', tolerance: 4 });
    expect(one(l, value(-2, -2)).points.shown).toBe('10.00');
    expect(one(l, value(-1, -2)).points.shown).toBe('10.00');
    expect(one(l, value(-3, -2)).points.shown).toBe('7.50');
    expect(one(l, value(-6, -2)).points.shown).toBe('0.00');
    expect(one(l, value(-7, -2)).points.shown).toBe('0.00');
    expect(one(l, value(-2, -2)).reason.zh).toContain('达到目标，得满分');
  });

  it('lower is better: at or under the target is full marks, over it costs points', () => {
    const l = leaf('C', 10, { kind: 'target_gap', tolerance: 2 }, { direction: 'lower' });
    expect(one(l, value(2, 3)).points.shown).toBe('10.00');
    expect(one(l, value(3, 3)).points.shown).toBe('10.00');
    expect(one(l, value(4, 3)).points.shown).toBe('5.00');
    expect(one(l, value(5, 3)).points.shown).toBe('0.00');
    expect(one(l, value(5.0001, 3)).points.shown).toBe('0.00');
    expect(one(l, value(4, 3)).reason.zh).toContain('越低越好');
    expect(one(l, value(4, 3)).reason.en).toContain('lower is better');
  });

  it('no target is invalid; float noise never shows: 0.1 + 0.2 against 0.3 meets it', () => {
    const l = leaf('G', 10, { kind: 'target_gap', tolerance: 1 });
    expect(one(l, value(1)).status).toBe('invalid');
    const r = one(l, value(0.1 + 0.2, 0.3));
    expect(r.points.shown).toBe('10.00');
    expect(r.reason.zh).not.toContain('0.30000000000000004');
  });

  it('the office’s target wins: a unit sending another target is invalid, the same one or none is scored', () => {
    const l = leaf('G', 10, { kind: 'target_gap', tolerance: 5 }, { officeParams: { target: 3 } });
    expect(one(l, value(3)).points.shown).toBe('10.00');
    expect(one(l, value(3, 3)).points.shown).toBe('10.00');
    const r = one(l, value(3, 0));
    expect(r.status).toBe('invalid');
    expect(r.reason.zh).toContain('目标值由考核办设定（3）');
    expect(r.reason.en).toContain('The target is set by the office (3)');
  });
});

describe('formula with the office’s parameters and the finance registry', () => {
  const calculators = FINANCE_CALCULATORS;
  const flows = [-1000, 300, 400, 500, 200];
  const fnpvLeaf = (officeParams?: object) =>
    leaf(
      'NPV',
      10,
      formulaRule('fnpv', { kind: 'target_gap', tolerance: 100 }),
      officeParams ? { unitOfMeasure: '万元', officeParams } : { unitOfMeasure: '万元' },
    );

  it('takes the 基准折现率 from officeParams.args: FNPV 152.44 万元 at 8%, against the office’s target 100', () => {
    const r = one(
      fnpvLeaf({ args: { ratePercent: 8 }, target: 100 }),
      { kind: 'formula', args: { netFlows: flows } },
      { calculators },
    );
    expect(r.status).toBe('scored');
    expect(r.value).toBe(152.440182);
    expect(r.points.shown).toBe('10.00');
    expect(r.reason.zh).toContain('按公式「财务净现值（FNPV）」计算得 152.4402；');
    expect(r.reason.zh).toContain('目标值 100万元');
  });

  it('a unit’s input naming ratePercent is invalid, with a bilingual reason naming the argument', () => {
    for (const l of [fnpvLeaf({ args: { ratePercent: 8 } }), fnpvLeaf()]) {
      const r = one(
        l,
        { kind: 'formula', args: { netFlows: flows, ratePercent: 0 }, target: 100 },
        { calculators },
      );
      expect(r.status).toBe('invalid');
      expect(r.points.shown).toBe('0.00');
      expect(r.reason.zh).toContain('参数 ratePercent 由考核办设定，被考核单位不能提交');
      expect(r.reason.en).toContain('ratePercent is set by the office; the evaluated unit cannot submit it');
    }
  });

  it('any argument the office fixed is refused from the unit, even one the calculator does not reserve', () => {
    const l = leaf('E', 10, formulaRule('land_per_investment', { kind: 'reverse' }), {
      officeParams: { args: { totalInvestment: 8000 }, target: 0.02 },
    });
    expect(one(l, { kind: 'formula', args: { cultivatedLandMu: 120 } }, { calculators }).points.shown).toBe(
      '10.00',
    );
    const r = one(
      l,
      { kind: 'formula', args: { cultivatedLandMu: 120, totalInvestment: 1 } },
      { calculators },
    );
    expect(r.status).toBe('invalid');
    expect(r.reason.zh).toContain('totalInvestment');
  });

  it('the office’s target overrides: a unit input with a different target is invalid', () => {
    const l = fnpvLeaf({ args: { ratePercent: 8 }, target: 100 });
    const r = one(l, { kind: 'formula', args: { netFlows: flows }, target: 150 }, { calculators });
    expect(r.status).toBe('invalid');
    expect(r.reason.zh).toContain('目标值由考核办设定（100）');
    expect(r.reason.en).toContain('set by the office (100)');
    expect(one(l, { kind: 'formula', args: { netFlows: flows }, target: 100 }, { calculators }).status).toBe(
      'scored',
    );
  });

  it('passes the input’s moneyUnit to money calculators: 元, 万元 and 亿元 give the same 人/万元', () => {
    const l = leaf('J', 10, formulaRule('employment_per_investment', { kind: 'target_completion' }), {
      officeParams: { target: 0.07 },
    });
    const shown = (directInvestment: number, moneyUnit?: string) =>
      one(
        l,
        { kind: 'formula', args: { directJobs: 350, directInvestment }, ...(moneyUnit ? { moneyUnit } : {}) },
        { calculators },
      );
    for (const r of [shown(50_000_000, 'yuan'), shown(5000), shown(0.5, 'hundred_million_yuan')]) {
      expect(r.status).toBe('scored');
      expect(r.value).toBe(0.07);
      expect(r.points.shown).toBe('10.00');
    }
    // a calculator without money never sees the unit (its strict schema would refuse it)
    const c = leaf('C', 10, formulaRule('change_rate', { kind: 'target_gap', tolerance: 10 }));
    expect(
      one(
        c,
        { kind: 'formula', args: { baseline: 80, current: 92 }, moneyUnit: 'yuan', target: 15 },
        { calculators },
      ).status,
    ).toBe('scored');
  });

  it('prints rounded numbers in its reasons, never float noise such as 0.30000000000000004', () => {
    const noisy: CalculatorRegistry = {
      sum: {
        args: z.object({ a: z.number(), b: z.number() }),
        compute: ({ a, b }: { a: number; b: number }) => ({ ok: true as const, value: a + b }),
        label: { zh: '求和', en: 'Sum' },
      },
    };
    for (const then of [
      { kind: 'target_completion' },
      { kind: 'target_gap', tolerance: 1 },
      { kind: 'reverse' },
    ]) {
      const r = one(
        leaf('S', 10, formulaRule('sum', then)),
        { kind: 'formula', args: { a: 0.1, b: 0.2 }, target: 0.3 },
        {
          calculators: noisy,
        },
      );
      expect(r.status).toBe('scored');
      expect(r.value).toBe(0.3);
      expect(r.reason.zh).toContain('按公式「求和」计算得 0.3；');
      expect(r.reason.en).toContain('Computed by Sum: 0.3;');
      expect(r.reason.zh + r.reason.en).not.toMatch(/0\.30000000000000004|0\.3000000/);
    }
  });
});

describe('applyRule on its own', () => {
  it('returns the fraction before weights (the engine redistributes after every rule ran)', () => {
    const o = outcome(leaf('GDP', 10, { kind: 'target_completion', cap: 1.2 }), value(110, 100));
    expect(o.fraction.toString()).toBe('1');
    expect(o.excess?.toString()).toBe('0.1');
  });
});
