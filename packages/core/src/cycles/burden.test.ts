import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BurdenCount, burdenChange, reportingBurden } from './burden';
import type { PlanLeaf } from './plan-checks';

const leaf = (over: Partial<PlanLeaf>): PlanLeaf => ({
  code: 'C',
  name: 'n',
  type: 'quantitative',
  direction: 'higher',
  weight: 10,
  needsNumber: true,
  source: 'self_report',
  evidenceRequired: false,
  ...over,
});

describe('reportingBurden', () => {
  it('counts by the documented rule', () => {
    const leaves = [
      leaf({ code: 'A', evidenceRequired: true }),
      leaf({ code: 'B', source: 'data_provider' }),
      leaf({ code: 'C', type: 'qualitative', needsNumber: false, source: 'expert', evidenceRequired: true }),
    ];
    const b = reportingBurden({ leaves, milestones: 4, progressPeriods: 3, returns: 1, reopenings: 2 });
    // plan 5·3 + 1 + 4·4 = 32; progress 3·(2 + 1) = 9; self 2·3 + 1 (A's actual) + 1 = 8.
    expect(b).toEqual({ fields: 32 + 9 + 8, reports: 5, files: 2, returns: 3 });
  });

  it('asks for a plan and a self-assessment even of a unit with nothing to report', () => {
    expect(
      reportingBurden({ leaves: [], milestones: 0, progressPeriods: 0, returns: 0, reopenings: 0 }),
    ).toEqual({
      fields: 2,
      reports: 2,
      files: 0,
      returns: 0,
    });
  });

  it('grows with each thing it counts', () => {
    const arb = fc.record({
      n: fc.integer({ min: 0, max: 50 }),
      milestones: fc.integer({ min: 0, max: 100 }),
      progressPeriods: fc.integer({ min: 0, max: 12 }),
      returns: fc.integer({ min: 0, max: 5 }),
      reopenings: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(arb, fc.boolean(), ({ n, ...rest }, needsNumber) => {
        const leaves = Array.from({ length: n }, (_, i) => leaf({ code: `L${i}`, needsNumber }));
        const b = reportingBurden({ leaves, ...rest });
        const more = reportingBurden({
          leaves: [...leaves, leaf({ code: 'X' })],
          ...rest,
          milestones: rest.milestones + 1,
        });
        expect(more.fields - b.fields).toBe(5 + 4 + rest.progressPeriods + 3);
        expect(b.reports).toBe(rest.progressPeriods + 2);
        expect(b.returns).toBe(rest.returns + rest.reopenings);
      }),
    );
  });
});

describe('burdenChange', () => {
  const now: BurdenCount = { fields: 40, reports: 5, files: 2, returns: 1 };
  it('shows only now without a before', () => {
    expect(burdenChange(now)).toEqual({
      fields: { now: 40 },
      reports: { now: 5 },
      files: { now: 2 },
      returns: { now: 1 },
    });
  });
  it('shows before and the change', () => {
    expect(burdenChange(now, { fields: 50, reports: 5, files: 0, returns: 3 })).toEqual({
      fields: { now: 40, before: 50, delta: -10 },
      reports: { now: 5, before: 5, delta: 0 },
      files: { now: 2, before: 0, delta: 2 },
      returns: { now: 1, before: 3, delta: -2 },
    });
  });
});
