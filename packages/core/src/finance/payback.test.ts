import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dynamicPayback, type PaybackResult, staticPayback } from './payback';

const value = <T>(r: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`);
  return r.value;
};

const years = (r: PaybackResult): number => {
  if (r.kind !== 'paid_back') throw new Error('expected to pay back');
  return r.years;
};

/** Conventional project: k ≥ 1 investment years (negative), then m ≥ 1 positive years. */
const conventional = fc
  .tuple(
    fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 5 }),
    fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 25 }),
  )
  .map(([out, inn]) => [...out.map((x) => -x), ...inn]);

describe('staticPayback (静态投资回收期)', () => {
  it('interpolates within the year the cumulative flow turns non-negative', () => {
    // year:        1      2     3     4     5
    // flow:    −1000    300   400   500   200
    // cumulative −1000  −700  −300  +200  +400  → T = 4
    // P = (T − 1) + |C_3| / f_4 = 3 + 300/500 = 3.6 years
    expect(value(staticPayback([-1000, 300, 400, 500, 200]))).toEqual({
      kind: 'paid_back',
      years: 3.6,
      year: 4,
    });
  });

  it('a two-year construction period: −600, −400, then 250 a year', () => {
    // cumulative −600, −1000, −750, −500, −250, 0 → T = 6 (0 counts as paid back)
    // P = 5 + 250/250 = 6 years, measured from the start of construction
    expect(value(staticPayback([-600, -400, 250, 250, 250, 250, 250]))).toEqual({
      kind: 'paid_back',
      years: 6,
      year: 6,
    });
  });

  it('counts only the first crossing (开始出现正值), ignoring a later dip', () => {
    // cumulative −100, +100, −400, +600 → T = 2, P = 1 + 100/200 = 1.5
    expect(years(value(staticPayback([-100, 200, -500, 1000])))).toBe(1.5);
  });

  it('skips leading zero years and handles early positive years', () => {
    // cumulative 0, −100, −60, +20 → T = 4, P = 3 + 60/80 = 3.75
    expect(years(value(staticPayback([0, -100, 40, 80])))).toBe(3.75);
    // cumulative 50, −50, +30 → T = 3, P = 2 + 50/80 = 2.625
    expect(years(value(staticPayback([50, -100, 80])))).toBe(2.625);
  });

  it('returns never when the cumulative flow stays negative', () => {
    // −1000 + 100 + 100 = −800 at the end
    expect(value(staticPayback([-1000, 100, 100]))).toEqual({ kind: 'never', finalCumulative: -800 });
  });

  it('rejects empty, non-finite and investment-free flows', () => {
    expect(staticPayback([])).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(staticPayback([-1, Number.NaN])).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(staticPayback([10, 20])).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(staticPayback([0, 0])).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('accepts {inflow, outflow} pairs', () => {
    const pairs = [
      { inflow: 0, outflow: 1000 },
      { inflow: 800, outflow: 300 },
      { inflow: 900, outflow: 300 },
    ];
    // net −1000, 500, 600; cumulative −1000, −500, +100 → 2 + 500/600
    expect(years(value(staticPayback(pairs)))).toBeCloseTo(2 + 500 / 600, 12);
  });
});

describe('dynamicPayback (动态投资回收期)', () => {
  it('interpolates on discounted flows, t = 1..n', () => {
    // discounted at 8%: −925.925926, 257.201646, 317.532896, 367.514926, 136.116639
    // cumulative:       −925.925926, −668.724280, −351.191383, +16.323543 → T = 4
    // P = 3 + 351.191383 / 367.514926 = 3 + 0.955584 = 3.955584 years
    const r = value(dynamicPayback([-1000, 300, 400, 500, 200], 0.08));
    expect(r.kind === 'paid_back' && r.year).toBe(4);
    expect(years(r)).toBeCloseTo(3.955584, 6);
  });

  it('equals the static period at a zero rate', () => {
    expect(years(value(dynamicPayback([-1000, 300, 400, 500, 200], 0)))).toBe(3.6);
  });

  it('can never pay back at a high rate although the static period does', () => {
    // undiscounted: pays back in 3.6 years; at 20% the FNPV is negative, so never
    expect(value(staticPayback([-1000, 300, 400, 500, 200])).kind).toBe('paid_back');
    expect(value(dynamicPayback([-1000, 300, 400, 500, 200], 0.2)).kind).toBe('never');
  });

  it('rejects a rate ≤ −100% and reports overflow', () => {
    expect(dynamicPayback([-100, 200], -1)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(dynamicPayback([-100, ...Array(199).fill(1e300)], -0.99)).toMatchObject({
      ok: false,
      code: 'not_finite',
    });
  });

  it('property: for a positive rate, static ≤ dynamic (and never-static ⇒ never-dynamic)', () => {
    fc.assert(
      fc.property(conventional, fc.double({ min: 1e-6, max: 10, noNaN: true }), (flows, rate) => {
        const s = value(staticPayback(flows));
        const d = value(dynamicPayback(flows, rate));
        if (s.kind === 'never') expect(d.kind).toBe('never');
        if (d.kind === 'paid_back') {
          expect(s.kind).toBe('paid_back');
          expect(years(s)).toBeLessThanOrEqual(d.years + 1e-12);
        }
      }),
    );
  });

  it('property: scaling all flows by k > 0 leaves both paybacks unchanged', () => {
    // k is an integer or a power of two so that k·f is exact: with an arbitrary k, a cumulative that
    // lands exactly on 0 (e.g. −3, 1, 2) could round to −1e−16 and turn "paid back" into "never".
    const k = fc.oneof(
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: -20, max: 20 }).map((j) => 2 ** j),
    );
    fc.assert(
      fc.property(conventional, k, fc.double({ min: 0, max: 1, noNaN: true }), (flows, k, rate) => {
        const scaled = flows.map((f) => f * k);
        for (const [a, b] of [
          [value(staticPayback(flows)), value(staticPayback(scaled))],
          [value(dynamicPayback(flows, rate)), value(dynamicPayback(scaled, rate))],
        ] as const) {
          expect(b.kind).toBe(a.kind);
          if (a.kind === 'paid_back' && b.kind === 'paid_back') expect(b.years).toBeCloseTo(a.years, 9);
        }
      }),
    );
  });
});
