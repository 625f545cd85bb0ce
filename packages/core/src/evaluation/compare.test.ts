import { describe, expect, it } from 'vitest';
import type { SystemContent, UnitInputs } from '../indicators/model';
import { scoreUnits } from '../scoring/engine';
import { branch, leaf, system, unit, value } from '../scoring/testing';
import { compareDigests, signedDelta } from './compare';
import { digestOf } from './digest';
import { unitRunResultOf } from './rows';

/**
 * v1, 100 points: A 50 target completion (target 100) · B 30 efficacy · C 20 qualitative grade.
 * Grades: 优秀 ≥ 90, 良好 ≥ 80, 一般 ≥ 60 (no quota). Groups G1 (U1, U2, U3) and G2 (A4).
 */
const grading = {
  levels: [
    { code: 'excellent', label: { zh: '优秀', en: 'Excellent' }, min: 90 },
    { code: 'good', label: { zh: '良好', en: 'Good' }, min: 80 },
    { code: 'fair', label: { zh: '一般', en: 'Fair' }, min: 60 },
    { code: 'fail', label: { zh: '不及格', en: 'Fail' }, min: 0 },
  ],
};
const v1 = system({
  dimensions: [
    branch('D', 100, [
      leaf('A', 50, { kind: 'target_completion' }),
      leaf('B', 30, { kind: 'efficacy' }),
      leaf('C', 20, { kind: 'qualitative_grade' }, { type: 'qualitative' }),
    ]),
  ],
  grading,
});
/** v2: C weighs 10 and a new leaf N (10, qualitative grade) joins. */
const v2 = system({
  dimensions: [
    branch('D', 100, [
      leaf('A', 50, { kind: 'target_completion' }),
      leaf('B', 30, { kind: 'efficacy' }),
      leaf('C', 10, { kind: 'qualitative_grade' }, { type: 'qualitative' }),
      leaf('N', 10, { kind: 'qualitative_grade' }, { type: 'qualitative' }),
    ]),
  ],
  grading,
});

const grade = (g: 'A' | 'B' | 'C' | 'D') => ({ kind: 'grade' as const, grade: g });
const u = (
  code: string,
  group: string,
  a: number,
  b: number,
  c: 'A' | 'B' | 'C' | 'D',
  extra: Record<string, unknown> = {},
) => unit(code, group, { A: value(a, 100), B: value(b), C: grade(c), ...extra });

const digest = (content: SystemContent, version: number, inputs: UnitInputs[]) => {
  const results = scoreUnits(content, inputs).units.map((r) =>
    unitRunResultOf({
      unit: { code: r.unit, name: `单位${r.unit}` },
      system: { id: 'isaaaaaaaaaaaa', version, name: content.name },
      content,
      result: r,
      provenance: {},
    }),
  );
  return digestOf(results, inputs);
};

// Run 1 (G1 efficacy peers 60 · 70 · 80):
//   U1: A 50 × 0.92 = 46.00 · B 80 is the max → 30.00 · C A 20.00 = 96.00 (优秀, 1st)
//   U2: A 50.00 · B 60 is the min → 30 × 0.60 = 18.00 · C B 16.00 = 84.00 (良好, 2nd)
//   U3: A 35.00 · B 60 + 40 × (70 − 60) ÷ 20 = 80 → 24.00 · C B 16.00 = 75.00 (一般, 3rd)
//   A4: A 50.00 · B alone → 30.00 · C A 20.00 = 100.00
const run1 = [
  u('U1', 'G1', 92, 80, 'A'),
  u('U2', 'G1', 100, 60, 'B'),
  u('U3', 'G1', 70, 70, 'B'),
  u('A4', 'G2', 100, 50, 'A'),
];
// Run 2: U1 reports 95 for A; U3 90 for B (peers now 60 · 80 · 90); A4's C is graded B.
//   U1: A 47.50 · B 60 + 40 × 20 ÷ 30 = 86.67 → 26.00 · C 20.00 = 93.50 (优秀, 1st)
//   U2: unchanged 84.00 (B is still the min).   U3: A 35.00 · B 30.00 · C 16.00 = 81.00 (良好)
//   A4: 50.00 + 30.00 + 16.00 = 96.00
const run2 = [
  u('U1', 'G1', 95, 80, 'A'),
  u('U2', 'G1', 100, 60, 'B'),
  u('U3', 'G1', 70, 90, 'B'),
  u('A4', 'G2', 100, 50, 'B'),
];

describe('compareDigests', () => {
  it('lists changed units in (group, unit) order, each changed leaf with its cause and numbers', () => {
    const { summary, units } = compareDigests(digest(v1, 1, run1), digest(v1, 1, run2));
    expect(summary).toEqual({ units: 4, changedTotals: 3, changedRanks: 0, changedGrades: 1 });
    expect(units.map((x) => x.unit)).toEqual(['U1', 'U3', 'A4']);
    const [u1, u3, a4] = units;
    expect(u1).toEqual({
      unit: 'U1',
      name: '单位U1',
      group: 'G1',
      before: { total: '96.00', rank: 1, grade: 'excellent' },
      after: { total: '93.50', rank: 1, grade: 'excellent' },
      delta: '-2.50',
      changes: [
        {
          leaf: 'A',
          name: '指标A',
          before: { points: '46.00', value: 92 },
          after: { points: '47.50', value: 95 },
          cause: 'input',
          reason: {
            zh: '该指标数值由 92 变为 95，得分由 46.00 变为 47.50',
            en: "The indicator's value changed from 92 to 95; points from 46.00 to 47.50",
          },
        },
        {
          leaf: 'B',
          name: '指标B',
          before: { points: '30.00', value: 80 },
          after: { points: '26.00', value: 80 },
          // Another input of U1 changed, but no weight moved: the peers lowered it.
          cause: 'peers',
          reason: expect.objectContaining({ zh: expect.stringContaining('同组其他单位的数据变化') }),
        },
      ],
    });
    expect(u3!.delta).toBe('+6.00');
    expect(u3!.after).toEqual({ total: '81.00', rank: 3, grade: 'good' });
    expect(u3!.changes.map((c) => [c.leaf, c.cause])).toEqual([['B', 'input']]);
    expect(u3!.changes[0]!.reason.zh).toBe('该指标数值由 70 变为 90，得分由 24.00 变为 30.00');
    expect(a4!.changes.map((c) => [c.leaf, c.cause, c.reason.zh])).toEqual([
      ['C', 'input', '该指标数值由 A 变为 B，得分由 20.00 变为 16.00'],
    ]);
  });

  it("blames the peers when only the group's other units changed", () => {
    // Only U3 changes: U1's B drops from 30.00 to 26.00 with its own input unchanged.
    const after = [run1[0]!, run1[1]!, u('U3', 'G1', 70, 90, 'B'), run1[3]!];
    const { units } = compareDigests(digest(v1, 1, run1), digest(v1, 1, after));
    const u1 = units.find((x) => x.unit === 'U1')!;
    expect(u1.changes).toEqual([
      {
        leaf: 'B',
        name: '指标B',
        before: { points: '30.00', value: 80 },
        after: { points: '26.00', value: 80 },
        cause: 'peers',
        reason: {
          zh: '本单位该指标输入未变，同组其他单位的数据变化，数值仍为 80，得分由 30.00 变为 26.00',
          en: "The unit's input is unchanged; other units of the group changed: the value is still 80; points from 30.00 to 26.00",
        },
      },
    ]);
    expect(u1.delta).toBe('-4.00');
  });

  it('says an input changed when the value is the same but the input is not (a new target)', () => {
    const after = [unit('U1', 'G1', { A: value(92, 80), B: value(80), C: grade('A') }), ...run1.slice(1)];
    const { units } = compareDigests(digest(v1, 1, run1), digest(v1, 1, after));
    expect(units[0]!.changes[0]).toMatchObject({
      leaf: 'A',
      cause: 'input',
      reason: { zh: '该指标的输入数据已变化（数值仍为 92），得分由 46.00 变为 50.00' },
    });
  });

  it('counts weight moved by another input of the unit as its input', () => {
    // U1's C exempted: its 20 points go to A and B (50 : 30).
    const after = [
      unit('U1', 'G1', { A: value(92, 100), B: value(80), C: { kind: 'exempt', reason: '免考' } }),
      ...run1.slice(1),
    ];
    const { units } = compareDigests(digest(v1, 1, run1), digest(v1, 1, after));
    const changes = units[0]!.changes;
    expect(changes.map((c) => [c.leaf, c.cause])).toEqual([
      ['A', 'input'],
      ['B', 'input'],
      ['C', 'input'],
    ]);
    // A now weighs 62.5: 62.5 × 0.92 = 57.50.
    expect(changes[0]!.reason.zh).toBe(
      '本指标输入未变，本单位其他指标有数据新提交、撤回或免考，权重调剂随之变化，得分由 46.00 变为 57.50',
    );
    expect(changes[2]!.reason.zh).toBe('该指标数值由 A 变为 无，得分由 20.00 变为 0.00');
  });

  it('blames the rule for another system version, and names added and removed leaves', () => {
    const after = run1.map((x) => ({ ...x, leaves: { ...x.leaves, N: grade('A') } }));
    const { units, summary } = compareDigests(digest(v1, 1, run1), digest(v2, 2, after));
    const u1 = units.find((x) => x.unit === 'U1')!;
    expect(u1.changes).toEqual([
      {
        leaf: 'C',
        name: '指标C',
        before: { points: '20.00', value: 'A' },
        after: { points: '10.00', value: 'A' },
        cause: 'rule',
        reason: {
          zh: '评分所用指标体系由 isaaaaaaaaaaaa@1 变为 isaaaaaaaaaaaa@2，数值仍为 A，得分由 20.00 变为 10.00',
          en: 'Scored by isaaaaaaaaaaaa@2 instead of isaaaaaaaaaaaa@1; the value is still A; points from 20.00 to 10.00',
        },
      },
      {
        leaf: 'N',
        name: '指标N',
        before: null,
        after: { points: '10.00', value: 'A' },
        cause: 'added',
        reason: {
          zh: '新增考核的指标，数值 A，得分 10.00',
          en: 'An indicator new in this run: value A, 10.00 points',
        },
      },
    ]);
    // Totals stay (C lost 10, N brought 10); U2 and U3 (C graded B: 16.00 → 8.00) gain 2 each.
    expect(summary).toEqual({ units: 4, changedTotals: 2, changedRanks: 0, changedGrades: 0 });
    const back = compareDigests(digest(v2, 2, after), digest(v1, 1, run1)).units.find(
      (x) => x.unit === 'U1',
    )!;
    expect(back.changes.find((c) => c.leaf === 'N')).toEqual({
      leaf: 'N',
      name: '指标N',
      before: { points: '10.00', value: 'A' },
      after: null,
      cause: 'removed',
      reason: {
        zh: '该指标不再考核（原数值 A，原得分 10.00）',
        en: 'The indicator is no longer evaluated (it had value A, 10.00 points)',
      },
    });
  });

  it('lists a unit in one run only, without a delta', () => {
    const after = [...run1, u('A5', 'G2', 100, 50, 'A')];
    const { units, summary } = compareDigests(digest(v1, 1, run1), digest(v1, 1, after));
    // A5 ties A4 at 100.00 (both 1st of G2): A4's own result is unchanged.
    expect(units).toEqual([
      {
        unit: 'A5',
        name: '单位A5',
        group: 'G2',
        before: null,
        after: { total: '100.00', rank: 1, grade: 'excellent' },
        delta: null,
        changes: [],
      },
    ]);
    expect(summary).toEqual({ units: 5, changedTotals: 1, changedRanks: 1, changedGrades: 1 });
    const gone = compareDigests(digest(v1, 1, after), digest(v1, 1, run1));
    expect(gone.units[0]).toMatchObject({
      unit: 'A5',
      before: { total: '100.00' },
      after: null,
      delta: null,
    });
  });

  it('finds nothing between equal runs', () => {
    expect(compareDigests(digest(v1, 1, run1), digest(v1, 1, run1))).toEqual({
      summary: { units: 4, changedTotals: 0, changedRanks: 0, changedGrades: 0 },
      units: [],
    });
  });

  it('lists a unit whose rank alone changed', () => {
    // U2 and U3 swap places in run 2' (U3 rises to 85.00: B 30.00, C A 20.00): U2's own result is unchanged.
    const after = [run1[0]!, run1[1]!, u('U3', 'G1', 70, 90, 'A'), run1[3]!];
    const r = compareDigests(digest(v1, 1, run1), digest(v1, 1, after));
    const u2 = r.units.find((x) => x.unit === 'U2')!;
    expect(u2).toMatchObject({ before: { rank: 2 }, after: { rank: 3 }, delta: '0.00', changes: [] });
  });
});

describe('signedDelta', () => {
  it('signs the difference with the shown decimals', () => {
    expect(signedDelta('90.00', '91.25')).toBe('+1.25');
    expect(signedDelta('90.00', '89.50')).toBe('-0.50');
    expect(signedDelta('90.00', '90.00')).toBe('0.00');
    expect(signedDelta('90', '88')).toBe('-2');
    expect(signedDelta('0.5', '0.75')).toBe('+0.25');
  });
});
