import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { irr } from './irr';
import { fnpv, netFlowsOf, npvr, npvrOfFlows, presentValueOfInvestment } from './npv';
import { runFinanceCalculator } from './registry';

const value = <T>(r: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`);
  return r.value;
};

/** Conventional project: k ≥ 1 investment years (negative), then m ≥ 1 positive years. */
const conventional = fc
  .tuple(
    fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 5 }),
    fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 25 }),
  )
  .map(([out, inn]) => ({ flows: [...out.map((x) => -x), ...inn], k: out.length }));

describe('fnpv (财务净现值, seed: FNPV = Σ_{t=1..n} (CI_t − CO_t)(1+i)^−t)', () => {
  it('computes the hand-checked example [−1000, 300, 400, 500, 200] at 8%', () => {
    // t = 1..n, so the −1000 is discounted once:
    //   −1000 / 1.08          = −925.925926
    //    300 / 1.1664         =  257.201646
    //    400 / 1.259712       =  317.532896
    //    500 / 1.36048896     =  367.514926
    //    200 / 1.4693280768   =  136.116639
    //   sum                   =  152.440182
    expect(value(fnpv([-1000, 300, 400, 500, 200], 0.08))).toBeCloseTo(152.440182, 5);
  });

  it('starts at t = 1, NOT t = 0 (the seed: R_t = (1+i)^−t for t = 1..n)', () => {
    // With t = 0 the first flow would not be discounted and the result would be 152.440182 × 1.08
    // = 164.635397. A single flow of 108 in year 1 at 8% is worth exactly 100, not 108.
    const npv = value(fnpv([-1000, 300, 400, 500, 200], 0.08));
    expect(npv).not.toBeCloseTo(164.635397, 2);
    expect(value(fnpv([108], 0.08))).toBeCloseTo(100, 12);
    expect(value(fnpv([0, 116.64], 0.08))).toBeCloseTo(100, 12);
  });

  it('accepts {inflow, outflow} pairs: CI_t − CO_t', () => {
    const pairs = [
      { inflow: 0, outflow: 1000 },
      { inflow: 500, outflow: 200 },
      { inflow: 650, outflow: 250 },
      { inflow: 800, outflow: 300 },
      { inflow: 200, outflow: 0 },
    ];
    expect(value(netFlowsOf(pairs))).toEqual([-1000, 300, 400, 500, 200]);
    expect(value(fnpv(pairs, 0.08))).toBeCloseTo(152.440182, 5);
  });

  it('is the plain sum of the flows at a zero rate', () => {
    expect(value(fnpv([-1000, 300, 400, 500, 200], 0))).toBe(400);
  });

  it('rejects empty flows, non-finite numbers, negative inflows/outflows and rates ≤ −100%', () => {
    expect(fnpv([], 0.08)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(fnpv([-100, Number.NaN], 0.08)).toMatchObject({
      ok: false,
      code: 'invalid_input',
      detail: { field: 'netFlows.1' },
    });
    expect(fnpv([-100, Number.POSITIVE_INFINITY], 0.08)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(fnpv([{ inflow: -1, outflow: 0 }], 0.08)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(fnpv([{ inflow: 0, outflow: -5 }], 0.08)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(fnpv([-100, 200], -1)).toMatchObject({
      ok: false,
      code: 'invalid_input',
      detail: { field: 'rate' },
    });
    expect(fnpv([-100, 200], Number.NaN)).toMatchObject({ ok: false, code: 'invalid_input' });
    const e = fnpv([], 0.08);
    expect(e.ok === false && e.zh.length > 0 && e.en.length > 0).toBe(true);
  });

  it('reports overflow as not_finite instead of returning Infinity', () => {
    // (1 − 0.999999)^−200 = 1e1200: far beyond a double.
    expect(fnpv([...Array(199).fill(0), 1e10], -0.999999)).toMatchObject({ ok: false, code: 'not_finite' });
  });

  it('keeps precision when large terms cancel (compensated summation)', () => {
    // 1e16 + 1 − 1e16 is 0 in naive left-to-right double arithmetic; the exact answer is 1.
    expect(value(fnpv([1e16, 1, -1e16], 0))).toBe(1);
  });

  it('property: conventional flows — FNPV compounded to the last investment year, FNPV·(1+r)^k, is strictly decreasing in r', () => {
    // Why not FNPV itself: with t starting at 1 even the investment is discounted, so above the
    // IRR, FNPV = (1+r)^−k · g(r) with g < 0 rises back towards 0 as r grows (see the next test).
    fc.assert(
      fc.property(
        conventional,
        fc.double({ min: -0.5, max: 2, noNaN: true }),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        ({ flows, k }, r1, gap) => {
          const r2 = r1 + gap;
          const g1 = value(fnpv(flows, r1)) * (1 + r1) ** k;
          const g2 = value(fnpv(flows, r2)) * (1 + r2) ** k;
          expect(g1).toBeGreaterThan(g2);
        },
      ),
    );
  });

  it('property: conventional flows — FNPV itself is strictly decreasing in r up to the IRR, and changes sign there', () => {
    fc.assert(
      fc.property(
        conventional,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ flows }, u1, u2) => {
          const result = value(irr(flows));
          fc.pre(result.kind === 'unique');
          if (result.kind !== 'unique') return;
          const lo = -0.9;
          fc.pre(result.rate > lo + 0.01);
          // two rates in [lo, IRR], at least 0.1% apart
          const [a, b] = [u1, u2].sort((x, y) => x - y) as [number, number];
          fc.pre(b - a > 1e-3);
          const r1 = lo + a * (result.rate - lo);
          const r2 = lo + b * (result.rate - lo);
          expect(value(fnpv(flows, r1))).toBeGreaterThan(value(fnpv(flows, r2)));
          expect(value(fnpv(flows, r1))).toBeGreaterThan(0);
          expect(value(fnpv(flows, result.rate + 0.01))).toBeLessThan(0);
        },
      ),
    );
  });

  it('FNPV is not monotone above the IRR under the t = 1 convention (pinned, so nobody "fixes" it)', () => {
    // [−100, 50]: FNPV = −100/(1+r) + 50/(1+r)².  r = 1: −50 + 12.5 = −37.5;  r = 3: −25 + 3.125 = −21.875.
    expect(value(fnpv([-100, 50], 1))).toBeCloseTo(-37.5, 12);
    expect(value(fnpv([-100, 50], 3))).toBeCloseTo(-21.875, 12);
  });
});

describe('npvr (财务净现值率, seed: NPVR = NPV / PVI × 100%)', () => {
  it('divides the NPV by the present value of investment, as a decimal fraction', () => {
    // PVI of 1000 invested in year 1 at 8% = 1000 / 1.08 = 925.925926
    // NPVR = 152.440182 / 925.925926 = 0.164635  (16.46%)
    const pvi = value(presentValueOfInvestment([1000], 0.08));
    expect(pvi).toBeCloseTo(925.925926, 5);
    expect(value(npvr(152.440182, pvi))).toBeCloseTo(0.164635, 6);
    expect(value(npvrOfFlows([-1000, 300, 400, 500, 200], [1000], 0.08))).toBeCloseTo(0.164635, 6);
    expect(value(npvr(152.440182, pvi, 'percent'))).toBeCloseTo(16.4635, 4);
  });

  it('PVI of 0 is division_by_zero, negative PVI is invalid', () => {
    expect(npvr(100, 0)).toMatchObject({
      ok: false,
      code: 'division_by_zero',
      detail: { field: 'presentValueOfInvestment' },
    });
    expect(npvr(100, -5)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(npvr(Number.NaN, 5)).toMatchObject({ ok: false, code: 'invalid_input', detail: { field: 'npv' } });
    expect(presentValueOfInvestment([100, -1], 0.08)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(npvrOfFlows([-100, 200], [0, 0], 0.08)).toMatchObject({ ok: false, code: 'division_by_zero' });
  });
});

describe('npvr in the registry: from the same flows and rate as the FNPV', () => {
  it('the worked example: NPVR × PVI / 100 = FNPV (152.440182 万元)', () => {
    const flows = { inflows: [0, 500, 650, 800, 200], outflows: [1000, 200, 250, 300, 0] };
    const f = value(runFinanceCalculator('fnpv', { ...flows, ratePercent: 8 }));
    const p = value(
      runFinanceCalculator('present_value_of_investment', { investments: [1000], ratePercent: 8 }),
    );
    const n = value(runFinanceCalculator('npvr', { ...flows, investments: [1000], ratePercent: 8 }));
    expect(f).toBeCloseTo(152.440182, 5);
    expect(n).toBeCloseTo(16.4635, 4);
    expect((n * p) / 100).toBeCloseTo(f, 9);
  });

  it('no longer takes a typed-in NPV', () => {
    expect(runFinanceCalculator('npvr', { npv: 152.44, presentValueOfInvestment: 925.93 })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
  });

  it('property: NPVR × PVI / 100 = FNPV for any project and rate', () => {
    fc.assert(
      fc.property(
        conventional,
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 40 }),
        ({ flows }, investments, ratePercent) => {
          const f = value(runFinanceCalculator('fnpv', { netFlows: flows, ratePercent }));
          const p = value(runFinanceCalculator('present_value_of_investment', { investments, ratePercent }));
          const n = value(runFinanceCalculator('npvr', { netFlows: flows, investments, ratePercent }));
          const scale = flows.reduce((a, x) => a + Math.abs(x), 0);
          expect(Math.abs((n * p) / 100 - f)).toBeLessThanOrEqual(1e-12 * scale);
        },
      ),
    );
  });
});
