import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benefitCostRatio, changeRate, inputOutputRatio } from './evaluation';
import { runFinanceCalculator as run } from './registry';
import type { FinanceResult } from './result';

const value = (r: FinanceResult<number>): number => {
  if (!r.ok) throw new Error(`${r.code}: ${r.en}`);
  return r.value;
};

describe('投入产出比 = 产出 / 投入', () => {
  it('1500 of output for 600 of input is 2.5 (“1:2.5”), in any one money unit', () => {
    expect(inputOutputRatio(1500, 600)).toEqual({ ok: true, value: 2.5 });
    expect(run('input_output_ratio', { output: 15_000_000, input: 6_000_000, moneyUnit: 'yuan' })).toEqual({
      ok: true,
      value: 2.5,
    });
    expect(
      value(run('input_output_ratio', { output: 0.15, input: 0.06, moneyUnit: 'hundred_million_yuan' })),
    ).toBeCloseTo(2.5, 12);
  });

  it('no input is an error, a negative output invalid', () => {
    expect(inputOutputRatio(100, 0)).toMatchObject({ ok: false, code: 'division_by_zero' });
    expect(inputOutputRatio(-1, 10)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(run('input_output_ratio', { output: 1 })).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});

describe('成本效益法: benefit-cost ratio = PV(benefits) / PV(costs)', () => {
  it('one year: 1100 / 1000 = 1.1 at any rate', () => {
    for (const ratePercent of [0, 8, 25])
      expect(value(run('benefit_cost_ratio', { benefits: [1100], costs: [1000], ratePercent }))).toBeCloseTo(
        1.1,
        12,
      );
  });

  it('costs first, benefits later: discounting lowers the ratio', () => {
    // costs 1000 in year 1; benefits 600 in years 2 and 3. At 0%: 1200/1000 = 1.2.
    // At 10%: (600/1.21 + 600/1.331) / (1000/1.1) = (495.8678 + 450.7889) / 909.0909 = 1.041322
    const args = { benefits: [0, 600, 600], costs: [1000, 0, 0] };
    expect(value(run('benefit_cost_ratio', { ...args, ratePercent: 0 }))).toBeCloseTo(1.2, 12);
    expect(value(run('benefit_cost_ratio', { ...args, ratePercent: 10 }))).toBeCloseTo(1.041322, 6);
  });

  it('no costs is a clear error; years must match; negative amounts invalid', () => {
    const r = benefitCostRatio([100], [0], 0.08);
    expect(r).toMatchObject({ ok: false, code: 'division_by_zero' });
    if (!r.ok) expect(r.zh).toContain('成本现值为零');
    expect(run('benefit_cost_ratio', { benefits: [1, 2], costs: [1], ratePercent: 8 })).toMatchObject({
      ok: false,
      code: 'invalid_input',
      detail: { issues: [{ path: 'costs' }] },
    });
    expect(benefitCostRatio([1, 2], [1], 0.08)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(benefitCostRatio([-1], [1], 0.08)).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('property: BCR − 1 has the sign of the FNPV of (benefits − costs) at the same rate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 })), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.integer({ min: 0, max: 30 }),
        (years, ratePercent) => {
          const benefits = years.map(([b]) => b);
          const costs = years.map(([, c]) => c);
          const bcr = value(run('benefit_cost_ratio', { benefits, costs, ratePercent }));
          const npv = value(run('fnpv', { inflows: benefits, outflows: costs, ratePercent }));
          const pvCosts = value(run('present_value_of_investment', { investments: costs, ratePercent }));
          // BCR = PV(B)/PV(C) and FNPV = PV(B) − PV(C), so FNPV = (BCR − 1) × PV(C)
          expect(Math.abs((bcr - 1) * pvCosts - npv)).toBeLessThanOrEqual(1e-9 * (pvCosts + Math.abs(npv)));
        },
      ),
    );
  });
});

describe('对比分析法: change rate = (current − baseline) / |baseline| × 100%', () => {
  it('before 80, after 92: +15%; before 92, after 80: about −13.04%', () => {
    expect(run('change_rate', { baseline: 80, current: 92 })).toEqual({ ok: true, value: 15 });
    expect(value(run('change_rate', { baseline: 92, current: 80 }))).toBeCloseTo(-13.043478, 6);
    expect(run('change_rate', { baseline: 50, current: 50 })).toEqual({ ok: true, value: 0 });
  });

  it('a negative baseline: a loss of 50 shrinking to 20 is +60%, a rise', () => {
    expect(run('change_rate', { baseline: -50, current: -20 })).toEqual({ ok: true, value: 60 });
    expect(changeRate(-50, -20)).toEqual({ ok: true, value: 0.6 });
  });

  it('a baseline of 0 is a clear error', () => {
    const r = run('change_rate', { baseline: 0, current: 10 });
    expect(r).toMatchObject({ ok: false, code: 'division_by_zero', detail: { field: 'baseline' } });
    if (r.ok) return;
    expect(r.zh).toContain('基期值（实施前）为 0，无法计算变化率');
    expect(r.en).toContain('The baseline (before) is 0');
  });

  it('property: applying the rate to the baseline gives the current value back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((x) => x !== 0),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        (baseline, current) => {
          const rate = value(changeRate(baseline, current));
          expect(baseline + rate * Math.abs(baseline)).toBeCloseTo(current, 6);
        },
      ),
    );
  });
});
