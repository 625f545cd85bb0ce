import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from './compare';
import { type EffectiveGroup, effectiveGroup } from './groups';
import { ALL_GROUP, type Comparison, STANDARDISATION_METHODS, type StandardisationMethod } from './model';
import { handMadeShares, LIBRARY, PROVINCE, plainShare, previousShares, YEAR } from './testing';
import {
  type ComparisonMatrix,
  comparisonMatrix,
  rankSensitivity,
  weightsFor,
  whatIf,
  whatIfOutcome,
} from './what-if';

const all = effectiveGroup(ALL_GROUP, LIBRARY, [])!;
const handMade = (method: StandardisationMethod = 'efficacy', group: EffectiveGroup = all): Comparison =>
  compare({
    recipient: PROVINCE,
    year: YEAR,
    group,
    method,
    library: LIBRARY,
    shares: handMadeShares(),
    previous: previousShares(),
    names: new Map(),
  });

/** The exact comparison's ranks in the matrix's row order (0 = unranked), and grades. */
const exactRanks = (c: Comparison) => c.rows.map((r) => r.rank ?? 0);
const exactGrades = (c: Comparison) => c.rows.map((r) => r.grade);

describe('comparisonMatrix and whatIf on the hand-made case', () => {
  const c = handMade();
  const m = comparisonMatrix(c);

  it('holds the exact level scores, a presence mask and the group weights', () => {
    expect(m.codes).toEqual(['A', 'B', 'C']);
    expect([...m.weights]).toEqual([40, 20, 40]);
    // Rows in the comparison's order: 道外区, 道里区, 南岗区, 平房区 (no B).
    expect(m.names).toEqual(['道外区', '道里区', '南岗区', '平房区']);
    expect([...m.full]).toEqual([1, 1, 1, 0]);
    expect([...m.present.subarray(9, 12)]).toEqual([1, 0, 1]);
    expect(m.values[3]).toBeCloseTo(60 + 80 / 3, 12);
  });

  it("with the group's own weights gives the exact ranks and grades (the tie included)", () => {
    const o = whatIf(m, m.weights);
    expect([...o.ranks]).toEqual([1, 2, 2, 4]);
    expect([...o.ranks]).toEqual(exactRanks(c));
    expect(o.grades).toEqual(exactGrades(c));
    expect(o.scores[1]).toBeCloseTo(76, 10);
  });

  it('moves the ranks with new weights, and reuses the output buffers', () => {
    const out = whatIfOutcome(4);
    // C alone: 道外区 100, 南岗区 86.67, 道里区 73.33, 平房区 60.
    expect(whatIf(m, weightsFor(m, { A: 0, B: 0 }), out)).toBe(out);
    expect([...out.ranks]).toEqual([1, 3, 2, 4]);
    // B alone: 平房区 has no B, so it is not ranked (rank 0, no grade); n = 3 → cut-offs 1, 2, 2.
    whatIf(m, weightsFor(m, { A: 0, C: 0 }), out);
    expect([...out.ranks]).toEqual([1, 2, 2, 0]);
    expect(out.grades).toEqual(['excellent', 'good', 'good', null]);
    expect(Number.isNaN(out.scores[3])).toBe(true);
    expect(() => whatIf(m, new Float64Array(2))).toThrow(/2 weights for 3/);
  });
});

describe('rankSensitivity on the hand-made case (band ±20%)', () => {
  const m = comparisonMatrix(handMade());
  const s = rankSensitivity(m, { band: 0.2, draws: 500, seed: 7 });

  it('keeps the clear ranks and splits the tie', () => {
    // 道外区 scores 100 on everything and 平房区 60: no weights move them.
    expect([...s.minRank]).toEqual([1, 2, 2, 4]);
    expect([...s.maxRank]).toEqual([1, 3, 3, 4]);
    expect([s.p5[1], s.p95[1]]).toEqual([2, 3]);
    expect(s.stayInGrade[0]).toBe(1);
    expect(s.stayInGrade[3]).toBe(1);
    // Once the weights of A and C differ, one of the tied pair is 2nd (良好, its base grade) and
    // the other 3rd (一般): their shares of draws in grade add up to one.
    expect((s.stayInGrade[1] as number) + (s.stayInGrade[2] as number)).toBeCloseTo(1, 12);
    expect(s.stayInGrade[1]).toBeGreaterThan(0.3);
    expect(s.stayInGrade[1]).toBeLessThan(0.7);
  });

  it('same seed, same answer', () => {
    expect(rankSensitivity(m, { band: 0.2, draws: 500, seed: 7 })).toEqual(s);
    expect(rankSensitivity(m, { band: 0.2, draws: 500, seed: 8 }).stayInGrade).not.toEqual(s.stayInGrade);
  });

  it('an unranked tenant stays unranked', () => {
    const unranked = comparisonMatrix(handMade('efficacy', { ...all, weights: { B: 1 } }));
    const u = rankSensitivity(unranked, { band: 0.5, draws: 50, seed: 1 });
    expect([u.minRank[3], u.maxRank[3], u.p5[3], u.p95[3]]).toEqual([0, 0, 0, 0]);
    expect(Number.isNaN(u.stayInGrade[3])).toBe(true);
  });
});

// ─── Properties ─────────────────────────────────────────────────────────────────────────────────

/** Up to 8 tenants, each with optional small-integer values of A, B, C (small, so that distinct
 * composites differ far more than the fast path's 1e-9 tie tolerance). */
const tenantsArb = fc.array(
  fc.record({
    A: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    B: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    C: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 8 },
);
const groupArb = fc.record({
  weights: fc.record({
    A: fc.integer({ min: 0, max: 5 }),
    B: fc.integer({ min: 0, max: 5 }),
    C: fc.integer({ min: 0, max: 5 }),
  }),
  method: fc.constantFrom(...STANDARDISATION_METHODS),
  grades: fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }))
    .map(([excellent, good, fair]) => ({ excellent, good, fair })),
});

function randomComparison(
  values: { A?: number; B?: number; C?: number }[],
  g: { weights: Record<string, number>; method: StandardisationMethod; grades: EffectiveGroup['grades'] },
): Comparison {
  const shares = values.map((v, i) =>
    plainShare({ code: `23${String(1000 + i)}`, name: `地区${i}` }, YEAR, v),
  );
  return compare({
    recipient: PROVINCE,
    year: YEAR,
    group: { code: 'G', name: '组', members: null, ...g },
    library: LIBRARY,
    shares,
    previous: [],
    names: new Map(),
  });
}

/** A random matrix of scores with gaps, and weights > 0. */
const matrixArb = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    k: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ n, k }) =>
    fc.record({
      values: fc.array(fc.option(fc.double({ min: -100, max: 100, noNaN: true }), { nil: null }), {
        minLength: n * k,
        maxLength: n * k,
      }),
      weights: fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: k, maxLength: k }),
      n: fc.constant(n),
      k: fc.constant(k),
    }),
  );

function matrixOf(x: {
  values: (number | null)[];
  weights: number[];
  n: number;
  k: number;
}): ComparisonMatrix {
  const full = new Uint8Array(x.n);
  for (let r = 0; r < x.n; r++)
    full[r] = x.values.slice(r * x.k, (r + 1) * x.k).every((v) => v !== null) ? 1 : 0;
  return {
    tenants: Array.from({ length: x.n }, (_, r) => `T${r}`),
    names: Array.from({ length: x.n }, (_, r) => `T${r}`),
    codes: Array.from({ length: x.k }, (_, j) => `I${j}`),
    values: Float64Array.from(x.values, (v) => v ?? 0),
    present: Float64Array.from(x.values, (v) => (v === null ? 0 : 1)),
    full,
    weights: Float64Array.from(x.weights),
    grades: { excellent: 20, good: 30, fair: 30 },
  };
}

describe('properties of the fast path', () => {
  it("whatIf with the group's own weights gives the exact comparison's ranks and grades", () => {
    fc.assert(
      fc.property(tenantsArb, groupArb, (values, g) => {
        const c = randomComparison(values, g);
        const o = whatIf(comparisonMatrix(c), comparisonMatrix(c).weights);
        expect([...o.ranks]).toEqual(exactRanks(c));
        expect(o.grades).toEqual(exactGrades(c));
      }),
      { numRuns: 150 },
    );
  });

  it('ranks are competition ranks consistent with the composites', () => {
    fc.assert(
      fc.property(matrixArb, (x) => {
        const o = whatIf(matrixOf(x), Float64Array.from(x.weights));
        const scores = [...o.scores];
        scores.forEach((s, r) => {
          const better = scores.filter(
            (t) => !Number.isNaN(t) && t > s + 1e-9 * Math.max(1, Math.abs(s)),
          ).length;
          expect(o.ranks[r]).toBe(Number.isNaN(s) ? 0 : 1 + better);
        });
        // A permutation with ties: sorted ranks are 1, then each either repeats or jumps to its position.
        const sorted = [...o.ranks].filter((r) => r > 0).sort((a, b) => a - b);
        sorted.forEach((r, i) => {
          expect(r === i + 1 || r === sorted[i - 1]).toBe(true);
        });
      }),
    );
  });

  it('scaling every weight by c changes no rank', () => {
    fc.assert(
      fc.property(matrixArb, fc.double({ min: 0.01, max: 100, noNaN: true }), (x, c) => {
        const m = matrixOf(x);
        const base = [...whatIf(m, m.weights).ranks];
        expect([
          ...whatIf(
            m,
            m.weights.map((w) => w * c),
          ).ranks,
        ]).toEqual(base);
      }),
    );
  });

  it('a ±1% band keeps every rank when no two composites are within its reach', () => {
    const band = 0.01;
    fc.assert(
      fc.property(matrixArb, fc.integer({ min: 0, max: 1000 }), (x, seed) => {
        const m = matrixOf(x);
        const o = whatIf(m, m.weights);
        // With weights within ±b, a composite c (a weighted mean) moves by at most
        // b/(1 − b) · Σ w·|s − c| / Σ w over the tenant's indicators.
        const reach = Array.from(o.scores, (c, r) => {
          let num = 0;
          let den = 0;
          for (let j = 0; j < x.k; j++) {
            const v = x.values[r * x.k + j];
            if (v === null || v === undefined) continue;
            num += (x.weights[j] as number) * Math.abs(v - c);
            den += x.weights[j] as number;
          }
          return den > 0 ? ((band / (1 - band)) * num) / den : 0;
        });
        const clear = Array.from(o.scores).every((a, r) =>
          Array.from(o.scores).every(
            (b, q) =>
              q === r ||
              Number.isNaN(a) ||
              Number.isNaN(b) ||
              Math.abs(a - b) > (reach[r] as number) + (reach[q] as number) + 1e-6,
          ),
        );
        fc.pre(clear);
        const s = rankSensitivity(m, { band, draws: 20, seed });
        expect([...s.minRank]).toEqual([...o.ranks]);
        expect([...s.maxRank]).toEqual([...o.ranks]);
        for (const [r, rank] of o.ranks.entries()) if (rank > 0) expect(s.stayInGrade[r]).toBe(1);
      }),
      { numRuns: 100 },
    );
  });

  it('same seed, same answer; bounds are ordered', () => {
    fc.assert(
      fc.property(matrixArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (x, seed) => {
        const m = matrixOf(x);
        const a = rankSensitivity(m, { band: 0.3, draws: 30, seed });
        expect(rankSensitivity(m, { band: 0.3, draws: 30, seed })).toEqual(a);
        for (let r = 0; r < x.n; r++) {
          if (a.base.ranks[r] === 0) continue;
          expect(a.minRank[r]).toBeLessThanOrEqual(a.p5[r] as number);
          expect(a.p5[r]).toBeLessThanOrEqual(a.p95[r] as number);
          expect(a.p95[r]).toBeLessThanOrEqual(a.maxRank[r] as number);
          expect(a.stayInGrade[r]).toBeGreaterThanOrEqual(0);
          expect(a.stayInGrade[r]).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('fast and exact agree on every method of the hand-made case and its groups', () => {
  it.each(STANDARDISATION_METHODS)('%s', (method) => {
    const tries: Record<string, number>[] = [
      { A: 40, B: 20, C: 40 },
      { A: 3, C: 1 },
      { B: 1 },
      { A: 1, B: 1, C: 1 },
    ];
    for (const weights of tries) {
      const c = handMade(method, { ...all, weights });
      const o = whatIf(comparisonMatrix(c), comparisonMatrix(c).weights);
      expect([...o.ranks]).toEqual(exactRanks(c));
      expect(o.grades).toEqual(exactGrades(c));
    }
  });
});
