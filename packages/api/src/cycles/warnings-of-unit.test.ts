import { type Cycle, type PlanLeaf, type ProgressReport, planItemSchema } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { reportLate, warningsOfUnit } from './warnings-of-unit';

const leaf: PlanLeaf = {
  code: 'C1',
  name: '开工项目数',
  type: 'quantitative',
  direction: 'higher',
  weight: 10,
  needsNumber: true,
  source: 'self_report',
  evidenceRequired: false,
};
const cycle = {
  year: 2024,
  warningRule: { greenAtLeast: 0.95, yellowAtLeast: 0.8 },
  calendar: {
    progressPeriods: [
      { code: 'H1', name: '上半年', ends: '2024-07-01', due: '2024-07-10' },
      { code: 'Q3', name: '前三季度', ends: '2024-09-30', due: '2024-10-10' },
    ],
  },
} as unknown as Cycle;
const plan = {
  items: [
    planItemSchema.parse({
      leaf: 'C1',
      basis: 'b',
      standard: 's',
      measures: 'm',
      owner: 'o',
      target: 100,
      milestones: [
        { name: '开工', due: '2024-06-30', owner: 'o', standard: 's' },
        { name: '过半', due: '2024-09-01', owner: 'o', standard: 's' },
      ],
    }),
    // A leaf that no longer applies is left out.
    planItemSchema.parse({ leaf: 'GONE', basis: 'b', standard: 's', measures: 'm', owner: 'o' }),
  ],
};
const report = (period: string, value: number, over: Partial<ProgressReport> = {}): ProgressReport => ({
  cycle: 'cy',
  unit: 'FGW',
  period,
  items: [{ leaf: 'C1', value }],
  milestones: [],
  narrative: '',
  status: 'submitted',
  submittedAt: '2024-07-05T02:00:00.000Z',
  version: 1,
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('warningsOfUnit', () => {
  it('reads each period with its own value, and keeps a milestone done once reported', () => {
    const h1 = report('H1', 50, { milestones: [{ leaf: 'C1', index: 0, done: true }] });
    const q3 = report('Q3', 60, { submittedAt: '2024-10-20T01:00:00.000Z' });
    const [a, b] = warningsOfUnit(cycle, [leaf], plan, [q3, h1], '2024-11-01');
    expect(a).toMatchObject({ light: 'green', late: false, report: h1 });
    expect(a!.warnings).toHaveLength(1);
    expect(a!.warnings[0]!.actual).toBe(50);
    // 60 of ~75 expected is yellow; 过半 is overdue (开工 stays done); submitted after its due day.
    expect(b).toMatchObject({ light: 'yellow', late: true });
    expect(b!.warnings[0]!.overdueMilestones).toEqual(['过半']);
  });

  it('does not read a period that has neither a report nor ended, and flags a missing report once due', () => {
    const before = warningsOfUnit(cycle, [leaf], plan, [], '2024-05-01');
    expect(before.map((p) => [p.light, p.warnings.length, p.late])).toEqual([
      ['none', 0, false],
      ['none', 0, false],
    ]);
    const after = warningsOfUnit(cycle, [leaf], plan, [], '2024-07-11');
    expect(after[0]).toMatchObject({ late: true, light: 'yellow' }); // no value; 开工 overdue
    expect(after[1]).toMatchObject({ late: false, warnings: [] });
    expect(
      warningsOfUnit(cycle, [leaf], undefined, [], '2024-12-31').every((p) => p.warnings.length === 0),
    ).toBe(true);
  });

  it('counts a draft as not submitted', () => {
    const p = cycle.calendar.progressPeriods[0]!;
    expect(reportLate(p, report('H1', 1, { status: 'draft' }), '2024-07-10')).toBe(false);
    expect(reportLate(p, report('H1', 1, { status: 'draft' }), '2024-07-11')).toBe(true);
    // Submitted at 23:30 Shanghai time on the due day: on time.
    expect(reportLate(p, report('H1', 1, { submittedAt: '2024-07-10T15:30:00.000Z' }), '2024-08-01')).toBe(
      false,
    );
  });
});
