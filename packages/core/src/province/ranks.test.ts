import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../scoring/decimal';
import { competitionRanks, gradeCutoffs, gradeOf } from './ranks';

describe('competition ranks and grades by quota', () => {
  it('ranks 1, 2, 2, 4 and leaves null unranked', () => {
    expect(competitionRanks([dec(5), dec(9), null, dec(5), dec(1)])).toEqual([2, 1, null, 2, 4]);
  });

  it('treats composites equal to 25 places as tied (the last digit of 40 is rounding noise)', () => {
    const third = dec(1).div(3);
    expect(competitionRanks([third.mul(3), dec(1)])).toEqual([1, 1]);
    expect(competitionRanks([dec('1.0000000000000000000001'), dec(1)])).toEqual([1, 2]);
  });

  it('cuts off by round-half-up(n × cumulative %)', () => {
    // 4 × 12.5% = 0.5 → 1 (half up), 4 × 50% = 2, 4 × 87.5% = 3.5 → 4.
    expect(gradeCutoffs(4, { excellent: 12.5, good: 37.5, fair: 37.5 })).toEqual([1, 2, 4]);
    expect(gradeCutoffs(10, { excellent: 20, good: 30, fair: 30 })).toEqual([2, 5, 8]);
    expect(gradeCutoffs(3, { excellent: 0, good: 0, fair: 100 })).toEqual([0, 0, 3]);
    const cut = gradeCutoffs(10, { excellent: 20, good: 30, fair: 30 });
    expect([1, 2, 3, 5, 6, 8, 9, null].map((r) => gradeOf(r, cut))).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'fair',
      'fair',
      'poor',
      null,
    ]);
  });

  it('ranks are consistent with the composites (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -50, max: 50 }), { nil: null }), { maxLength: 30 }),
        (xs) => {
          const ranks = competitionRanks(xs.map((x) => (x === null ? null : dec(x))));
          xs.forEach((x, i) => {
            // Competition rank: 1 + the number strictly better.
            expect(ranks[i]).toBe(x === null ? null : 1 + xs.filter((y) => y !== null && y > x).length);
          });
        },
      ),
    );
  });
});
