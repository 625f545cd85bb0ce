import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MONEY_UNITS, type MoneyUnit } from '../indicators/model';
import { toTenThousandYuan } from './money';
import { runFinanceCalculator as run } from './registry';
import type { FinanceResult } from './result';

const value = (r: FinanceResult<number>): number => {
  if (!r.ok) throw new Error(`${r.code}: ${r.en}`);
  return r.value;
};

/** An amount in 万元 expressed in `unit` (the inverse of toTenThousandYuan). */
const from万 = (x: number, unit: MoneyUnit) =>
  unit === 'yuan' ? x * 10_000 : unit === 'hundred_million_yuan' ? x / 10_000 : x;

describe('money units (元 / 万元 / 亿元): computed in 万元', () => {
  it('converts 元 ÷ 10000 and 亿元 × 10000; 万元 is the default', () => {
    expect(toTenThousandYuan(50_000_000, 'yuan')).toBe(5000);
    expect(toTenThousandYuan(5000, 'ten_thousand_yuan')).toBe(5000);
    expect(toTenThousandYuan(0.5, 'hundred_million_yuan')).toBe(5000);
    expect(toTenThousandYuan(5000)).toBe(5000);
    expect(toTenThousandYuan(12_345, 'yuan')).toBe(1.2345);
  });

  it('单位投资就业人数 is 0.07 人/万元 whether the investment is in 元, 万元 or 亿元', () => {
    const jobs = { directJobs: 200, relatedJobs: 150 };
    const yuan = run('employment_per_investment', {
      ...jobs,
      directInvestment: 42_000_000,
      indirectInvestment: 8_000_000,
      moneyUnit: 'yuan',
    });
    const wan = run('employment_per_investment', {
      ...jobs,
      directInvestment: 4200,
      indirectInvestment: 800,
    });
    const yi = run('employment_per_investment', {
      ...jobs,
      directInvestment: 0.42,
      indirectInvestment: 0.08,
      moneyUnit: 'hundred_million_yuan',
    });
    expect(value(wan)).toBeCloseTo(0.07, 12);
    expect(value(yuan)).toBeCloseTo(0.07, 12);
    expect(value(yi)).toBeCloseTo(0.07, 12);
  });

  it('单位投资占用耕地: 120 亩 on 8000 万元 = 80 000 000 元 = 0.8 亿元 is 0.015 亩/万元', () => {
    for (const [totalInvestment, moneyUnit] of [
      [80_000_000, 'yuan'],
      [8000, 'ten_thousand_yuan'],
      [0.8, 'hundred_million_yuan'],
    ] as const)
      expect(
        value(run('land_per_investment', { cultivatedLandMu: 120, totalInvestment, moneyUnit })),
      ).toBeCloseTo(0.015, 12);
  });

  it('the FNPV comes back in 万元 whatever unit the flows were given in', () => {
    const wan = [-1000, 300, 400, 500, 200];
    const expected = 152.440182;
    expect(value(run('fnpv', { netFlows: wan, ratePercent: 8 }))).toBeCloseTo(expected, 5);
    expect(
      value(run('fnpv', { netFlows: wan.map((x) => x * 10_000), ratePercent: 8, moneyUnit: 'yuan' })),
    ).toBeCloseTo(expected, 5);
    expect(
      value(
        run('fnpv', {
          inflows: [0, 0.05, 0.065, 0.08, 0.02],
          outflows: [0.1, 0.02, 0.025, 0.03, 0],
          ratePercent: 8,
          moneyUnit: 'hundred_million_yuan',
        }),
      ),
    ).toBeCloseTo(expected, 5);
  });

  it('property: the same amounts in any unit give the same FNPV (万元), NPVR and 人/万元', () => {
    const flows = fc.array(fc.integer({ min: -100_000, max: 100_000 }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: -100_000, max: -1 }), flows),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom(...MONEY_UNITS),
        ([first, rest], investments, rate, unit) => {
          const netFlows = [first, ...rest];
          const inUnit = (xs: number[]) => xs.map((x) => from万(x, unit));
          const scale = netFlows.reduce((a, x) => a + Math.abs(x), 0);
          const near = (a: FinanceResult<number>, b: FinanceResult<number>, tolerance: number) => {
            expect(a.ok).toBe(b.ok);
            if (a.ok && b.ok) expect(Math.abs(a.value - b.value)).toBeLessThanOrEqual(tolerance);
          };
          near(
            run('fnpv', { netFlows: inUnit(netFlows), ratePercent: rate, moneyUnit: unit }),
            run('fnpv', { netFlows, ratePercent: rate }),
            1e-9 * scale,
          );
          const npvrIn = run('npvr', {
            netFlows: inUnit(netFlows),
            investments: inUnit(investments),
            ratePercent: rate,
            moneyUnit: unit,
          });
          const npvr = run('npvr', { netFlows, investments, ratePercent: rate });
          near(npvrIn, npvr, 1e-9 * Math.max(1, Math.abs(npvr.ok ? npvr.value : 0)));
          const jobs = run('employment_per_investment', { directJobs: 50, directInvestment: investments[0] });
          const jobsIn = run('employment_per_investment', {
            directJobs: 50,
            directInvestment: from万(investments[0]!, unit),
            moneyUnit: unit,
          });
          near(jobsIn, jobs, 1e-12 * (jobs.ok ? jobs.value : 1));
        },
      ),
    );
  });
});
