import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { environmentalQualityIndex, eqiExceedances } from './eqi';
import { runFinanceCalculator as run } from './registry';
import type { FinanceResult } from './result';

const value = (r: FinanceResult<number>): number => {
  if (!r.ok) throw new Error(`${r.code}: ${r.en}`);
  return r.value;
};

describe('环境质量指数 EQI = Σ(Qi/Qio)/n, n = the substances the project emits', () => {
  it('three pollutants: COD 80/100, SO₂ 30/60, dust 12/40 → (0.8 + 0.5 + 0.3) / 3', () => {
    expect(
      value(
        environmentalQualityIndex([
          { emitted: 80, maxAllowed: 100 },
          { emitted: 30, maxAllowed: 60 },
          { emitted: 12, maxAllowed: 40 },
        ]),
      ),
    ).toBeCloseTo(0.533333, 6);
  });

  it('is above 1 when emissions exceed limits on average: (1.5 + 0.9) / 2 = 1.2', () => {
    expect(
      value(
        environmentalQualityIndex([
          { emitted: 150, maxAllowed: 100 },
          { emitted: 9, maxAllowed: 10 },
        ]),
      ),
    ).toBeCloseTo(1.2, 12);
  });

  it('n counts only the substances emitted: a listed substance with Qi = 0 does not dilute the mean', () => {
    // emitted: 0.8 and 0.4 → n = 2, EQI = 0.6 (not 1.2 / 4 = 0.3)
    const r = run('eqi', { emitted: [80, 0, 20, 0], maxAllowed: [100, 50, 50, 10] });
    expect(value(r)).toBeCloseTo(0.6, 12);
    expect(value(run('eqi', { emitted: [80, 20], maxAllowed: [100, 50] }))).toBeCloseTo(0.6, 12);
  });

  it('nothing emitted at all: EQI = 0, not 0/0', () => {
    expect(run('eqi', { emitted: [0, 0], maxAllowed: [100, 50] })).toEqual({ ok: true, value: 0 });
  });

  it('a zero limit is a clear error naming the pollutant, never a division by zero', () => {
    const r = run('eqi', { emitted: [10, 5, 3], maxAllowed: [100, 0, 40] });
    expect(r).toMatchObject({
      ok: false,
      code: 'division_by_zero',
      detail: { field: 'pollutants.1.maxAllowed' },
    });
    if (r.ok) return;
    expect(r.zh).toContain('第 2 种污染物的国家最大允许排放量为 0，无法计算');
    expect(r.en).toContain("Pollutant 2's national maximum allowed emission is 0");
    // also for a substance not emitted: a 0 in the limits is a blank, not a limit
    expect(run('eqi', { emitted: [10, 0], maxAllowed: [100, 0] })).toMatchObject({
      ok: false,
      code: 'division_by_zero',
    });
    expect(run('eqi_exceedances', { emitted: [10], maxAllowed: [0] })).toMatchObject({
      ok: false,
      code: 'division_by_zero',
    });
  });

  it('rejects no pollutants, negative values and lists of different lengths', () => {
    expect(environmentalQualityIndex([])).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(environmentalQualityIndex([{ emitted: -1, maxAllowed: 10 }])).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    expect(environmentalQualityIndex([{ emitted: 1, maxAllowed: -10 }])).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    expect(run('eqi', { emitted: [1, 2], maxAllowed: [3] })).toMatchObject({
      ok: false,
      code: 'invalid_input',
      detail: { issues: [{ path: 'maxAllowed' }] },
    });
    expect(run('eqi_exceedances', { emitted: [1], maxAllowed: [3, 4] })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
  });
});

describe('超标污染物种数: Qi/Qio > 1', () => {
  it('catches one pollutant over its limit that the average EQI hides', () => {
    // 1.5 + 0.1 + 0.1 + 0.1 = 1.8, / 4 = 0.45 < 1, yet SO₂ is 50% over its limit
    const args = { emitted: [150, 10, 5, 4], maxAllowed: [100, 100, 50, 40] };
    expect(value(run('eqi', args))).toBeCloseTo(0.45, 12);
    expect(run('eqi_exceedances', args)).toEqual({ ok: true, value: 1 });
  });

  it('exactly at the limit is within it; every one over is counted', () => {
    expect(value(eqiExceedances([{ emitted: 100, maxAllowed: 100 }]))).toBe(0);
    expect(
      value(
        eqiExceedances([
          { emitted: 101, maxAllowed: 100 },
          { emitted: 0, maxAllowed: 5 },
          { emitted: 6, maxAllowed: 5 },
        ]),
      ),
    ).toBe(2);
  });

  it('property: no exceedance ⇒ EQI ≤ 1, and EQI > 1 ⇒ at least one exceedance', () => {
    const pollutant = fc.record({
      emitted: fc.integer({ min: 0, max: 10_000 }),
      maxAllowed: fc.integer({ min: 1, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.array(pollutant, { minLength: 1, maxLength: 20 }), (ps) => {
        const eqi = value(environmentalQualityIndex(ps));
        const over = value(eqiExceedances(ps));
        expect(Number.isInteger(over) && over >= 0 && over <= ps.length).toBe(true);
        if (over === 0) expect(eqi).toBeLessThanOrEqual(1 + 1e-12);
        if (eqi > 1 + 1e-12) expect(over).toBeGreaterThan(0);
      }),
    );
  });
});
