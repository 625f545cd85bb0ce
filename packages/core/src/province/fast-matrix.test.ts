import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from './compare';
import { sharesMatrix, standardiseFloats } from './fast-matrix';
import { type EffectiveGroup, effectiveGroup } from './groups';
import { ALL_GROUP, type Comparison, STANDARDISATION_METHODS, type StandardisationMethod } from './model';
import { handMadeShares, LIBRARY, PROVINCE, plainShare, URBAN, YEAR } from './testing';
import { whatIf } from './what-if';

/** Exact rank and grade by tenant, to compare with the fast path's (whose rows may be in another order). */
const byTenant = (c: Comparison) => new Map(c.rows.map((r) => [r.tenant, [r.rank ?? 0, r.grade]]));
const fastByTenant = (i: Parameters<typeof sharesMatrix>[0]) => {
  const m = sharesMatrix(i);
  const o = whatIf(m, m.weights);
  return new Map(m.tenants.map((t, r) => [t, [o.ranks[r], o.grades[r]]]));
};

const exact = (group: EffectiveGroup, method: StandardisationMethod, shares = handMadeShares()) =>
  compare({
    recipient: PROVINCE,
    year: YEAR,
    group,
    method,
    library: LIBRARY,
    shares,
    previous: [],
    names: new Map(),
  });

describe('sharesMatrix: the what-if matrix in floats, straight from the shares', () => {
  const all = effectiveGroup(ALL_GROUP, LIBRARY, [])!;
  const urban = effectiveGroup(URBAN.code, LIBRARY, [URBAN])!;

  for (const method of STANDARDISATION_METHODS)
    it(`gives the exact scores and ranks on the hand-made case (${method})`, () => {
      for (const group of [all, urban]) {
        const c = exact(group, method);
        const m = sharesMatrix({ group, method, library: LIBRARY, shares: handMadeShares() });
        expect(fastByTenant({ group, method, library: LIBRARY, shares: handMadeShares() })).toEqual(
          byTenant(c),
        );
        for (const row of c.rows) {
          const r = m.tenants.indexOf(row.tenant);
          row.cells.forEach((cell, j) => {
            if (cell.score === null) expect(m.present[r * m.codes.length + j]).toBe(0);
            else expect(m.values[r * m.codes.length + j]).toBeCloseTo(Number(cell.score.exact), 10);
          });
        }
      }
    });

  it('follows the exact rules when every value is equal (no spread)', () => {
    const same = Float64Array.of(0.1 + 0.2, 0.3, 0.3);
    expect([...standardiseFloats(Float64Array.of(5, 5, 5), 'efficacy', 'higher')]).toEqual([100, 100, 100]);
    expect([...standardiseFloats(Float64Array.of(5, 5), 'zscore', 'lower')]).toEqual([0, 0]);
    expect([...standardiseFloats(Float64Array.of(5, 5), 'percentile', 'higher')]).toEqual([50, 50]);
    // 0.1 + 0.2 ≠ 0.3 in floats: a real (tiny) spread, scored as one.
    expect(standardiseFloats(same, 'efficacy', 'higher')[0]).toBe(100);
  });

  it('gives the exact ranks and grades on random comparisons, every method', () => {
    const valueArb = fc.option(
      fc.integer({ min: 0, max: 40 }).map((x) => x / 4),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ A: valueArb, B: valueArb, C: valueArb }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(...STANDARDISATION_METHODS),
        fc.record({
          A: fc.integer({ min: 0, max: 5 }),
          B: fc.integer({ min: 0, max: 5 }),
          C: fc.integer({ min: 0, max: 5 }),
        }),
        (values, method, weights) => {
          const shares = values.map((v, i) =>
            plainShare({ code: `23${String(1000 + i)}`, name: `地区${i}` }, YEAR, v),
          );
          const group: EffectiveGroup = {
            code: 'G',
            name: '组',
            members: null,
            weights,
            method,
            grades: { excellent: 20, good: 30, fair: 30 },
          };
          expect(fastByTenant({ group, method, library: LIBRARY, shares })).toEqual(
            byTenant(exact(group, method, shares)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
