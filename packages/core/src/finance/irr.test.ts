import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brent, irr, signChanges } from './irr';
import { fnpv, relativeNpv } from './npv';

const value = <T>(r: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`);
  return r.value;
};

const uniqueRate = (flows: number[]): number => {
  const r = value(irr(flows));
  if (r.kind !== 'unique') throw new Error(`expected a unique IRR, got ${JSON.stringify(r)}`);
  return r.rate;
};

/** Conventional project: k ≥ 1 investment years (negative), then m ≥ 1 positive years. */
const conventional = fc
  .tuple(
    fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 5 }),
    fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 25 }),
  )
  .map(([out, inn]) => [...out.map((x) => -x), ...inn]);

describe('irr (内部收益率): the rate where fnpv = 0, same t = 1..n convention', () => {
  it('finds 10% for a one-year loan: −100 then 110', () => {
    // −100/(1+r) + 110/(1+r)² = 0  ⇔  1 + r = 1.1
    expect(uniqueRate([-100, 110])).toBeCloseTo(0.1, 12);
  });

  it('finds 10% for a bond bought at par: −1000, 100, 100, 1100 (textbook)', () => {
    // at 10%: −1000 + 100/1.1 + 100/1.21 + 1100/1.331 = −1000 + 90.909 + 82.645 + 826.446 = 0
    // (the shared (1.1)^−1 of the t = 1 convention does not move the root)
    expect(uniqueRate([-1000, 100, 100, 1100])).toBeCloseTo(0.1, 12);
  });

  it('finds 23.375% for a 3-year annuity of 500 on 1000 (textbook annuity table: between 23% and 24%)', () => {
    // annuity factor (1 − 1.23375^−3)/0.23375 = 2.0000 ⇒ 500 × 2 = 1000
    const r = uniqueRate([-1000, 500, 500, 500]);
    expect(r).toBeCloseTo(0.2337519, 6);
    expect(Math.abs(value(fnpv([-1000, 500, 500, 500], r)))).toBeLessThan(1e-9);
  });

  it('finds ≈15.32% for [−1000, 300, 400, 500, 200], bracketed by hand', () => {
    // FNPV at 15%: −869.565 + 226.843 + 263.006 + 285.877 + 99.435 = +5.596 (> 0)
    // FNPV at 16%: −862.069 + 222.949 + 256.263 + 276.146 + 95.223 = −11.489 (< 0)
    // linear interpolation: 15% + 5.596/(5.596 + 11.489) × 1% ≈ 15.33%; the exact root is 15.3221%
    const r = uniqueRate([-1000, 300, 400, 500, 200]);
    expect(value(fnpv([-1000, 300, 400, 500, 200], 0.15))).toBeCloseTo(5.596, 2);
    expect(value(fnpv([-1000, 300, 400, 500, 200], 0.16))).toBeCloseTo(-11.489, 2);
    expect(r).toBeGreaterThan(0.15);
    expect(r).toBeLessThan(0.16);
    expect(r).toBeCloseTo(0.1532214, 6);
  });

  it('reports both IRRs, 10% and 20%, for −100, 230, −132', () => {
    // with v = 1/(1+r): −100 + 230v − 132v² = 0 ⇒ v = (230 ± √(52900 − 52800)) / 264 = 240/264 or 220/264
    // ⇒ 1 + r = 1.1 or 1.2
    const r = value(irr([-100, 230, -132]));
    expect(r.kind).toBe('multiple');
    if (r.kind !== 'multiple') return;
    expect(r.rates).toHaveLength(2);
    expect(r.rates[0]).toBeCloseTo(0.1, 10);
    expect(r.rates[1]).toBeCloseTo(0.2, 10);
  });

  it('says none, with a reason, when flows never change sign or NPV never crosses zero', () => {
    expect(value(irr([100, 50, 20]))).toMatchObject({ kind: 'none', reason: 'same_sign' });
    expect(value(irr([-100, -50]))).toMatchObject({ kind: 'none', reason: 'same_sign' });
    expect(value(irr([0, 0, 0]))).toMatchObject({ kind: 'none', reason: 'same_sign' });
    // −100 + 50v − 50v² = 0 has discriminant 2500 − 20000 < 0: no real root at all
    expect(value(irr([-100, 50, -50]))).toMatchObject({ kind: 'none', reason: 'no_sign_change' });
    // −1 then 100: the one IRR is 9900%, outside the default range (−99% … 1000%)
    const far = value(irr([-1, 100]));
    expect(far).toMatchObject({ kind: 'none', reason: 'outside_range' });
    expect(far.kind === 'none' && far.zh.includes('1000%')).toBe(true);
    // …but a wider range finds it
    expect(value(irr([-1, 100], { max: 200 }))).toMatchObject({ kind: 'unique' });
    const wide = value(irr([-1, 100], { max: 200 }));
    expect(wide.kind === 'unique' && wide.rate).toBeCloseTo(99, 8);
  });

  it('finds a negative IRR (a project that loses money)', () => {
    // −100 then 81: 1 + r = 0.81 ⇒ r = −19%
    expect(uniqueRate([-100, 81])).toBeCloseTo(-0.19, 12);
  });

  it('finds an IRR of exactly 0 (flows sum to zero)', () => {
    expect(uniqueRate([-100, 40, 60])).toBeCloseTo(0, 12);
  });

  it('rejects empty or non-finite flows and bad search options', () => {
    expect(irr([])).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(irr([-100, Number.NaN])).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(irr([-100, 110], { min: -1 })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(irr([-100, 110], { min: 1, max: 0.5 })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(irr([-100, 110], { gridSize: 0.5 })).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('counts sign changes, skipping zeros', () => {
    expect(signChanges([-1, 0, 0, 2, 3])).toBe(1);
    expect(signChanges([-1, 2, -3, 0, 4])).toBe(3);
    expect(signChanges([0, 0])).toBe(0);
  });

  it('brent stays in its bracket and converges', () => {
    const root = brent((x) => x * x - 2, 0, 2);
    expect(root).toBeCloseTo(Math.SQRT2, 14);
  });

  it('property: every rate returned makes |fnpv| < 1e-6 × Σ|discounted flows|', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 2, maxLength: 20 }),
        (flows) => {
          const r = value(irr(flows));
          const rates = r.kind === 'unique' ? [r.rate] : r.kind === 'multiple' ? r.rates : [];
          for (const rate of rates) {
            expect(rate).toBeGreaterThanOrEqual(-0.99);
            expect(rate).toBeLessThanOrEqual(10);
            expect(relativeNpv(flows, rate)).toBeLessThan(1e-6);
          }
          if (r.kind === 'multiple') expect(signChanges(flows)).toBeGreaterThan(1);
        },
      ),
    );
  });

  it('property: a conventional project has exactly one IRR (Descartes), found or reported out of range', () => {
    fc.assert(
      fc.property(conventional, (flows) => {
        const r = value(irr(flows));
        expect(r.kind === 'unique' || (r.kind === 'none' && r.reason === 'outside_range')).toBe(true);
      }),
    );
  });

  it('property: scaling all flows by k > 0 leaves the IRR unchanged', () => {
    fc.assert(
      fc.property(conventional, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (flows, k) => {
        const a = value(irr(flows));
        const b = value(irr(flows.map((f) => f * k)));
        expect(b.kind).toBe(a.kind);
        if (a.kind === 'unique' && b.kind === 'unique') expect(b.rate).toBeCloseTo(a.rate, 9);
      }),
    );
  });
});
