import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../evaluation/model';
import { Dec } from '../scoring/decimal';
import { gradeCounts, gradeOrder } from './grades';
import { officeReportSchema } from './model';
import {
  appealChanges,
  BANDS,
  bandsOf,
  buildOfficeReport,
  groupSummaries,
  MAX_PROBLEMS,
  problemsOf,
} from './office-report';
import { SAMPLE_IDS, sampleReportInputs } from './testing';

const inputs = sampleReportInputs();
const report = buildOfficeReport(inputs.office);
const rows = inputs.office.rows;

const label = (zh: string) => ({ zh, en: zh });
const row = (
  unit: string,
  group: string,
  total: string,
  rank: number,
  grade = 'good',
  extra: Partial<ResultRow> = {},
): ResultRow => ({
  unit,
  name: `单位${unit}`,
  group,
  total: { shown: total, exact: total },
  rank,
  of: 0,
  grade,
  gradeLabel: label(grade),
  stages: [],
  vetoes: [],
  warnings: 0,
  ...extra,
});

describe('the office report of the sample year', () => {
  it('parses with its schema', () => {
    expect(officeReportSchema.parse(report)).toEqual(report);
    expect(report.header.run).toEqual({ id: SAMPLE_IDS.run, number: 2 });
  });

  it('counts the units and takes the mean of their shown totals', () => {
    expect(report.units).toBe(9);
    const mean = rows.reduce((s, r) => s.plus(r.total.shown), new Dec(0)).dividedBy(9);
    expect(report.mean).toBe(mean.toFixed(2));
  });

  it('counts grades in the system’s order, every level listed', () => {
    expect(report.grades.map((g) => g.code)).toEqual(['excellent', 'good', 'fair', 'fail']);
    expect(report.grades.map((g) => g.label.zh)).toEqual(['优秀', '良好', '一般', '不及格']);
    for (const g of report.grades) expect(g.count).toBe(rows.filter((r) => r.grade === g.code).length);
    expect(report.grades.reduce((s, g) => s + g.count, 0)).toBe(9);
  });

  it('sorts totals into the bands', () => {
    expect(report.bands.map((b) => b.label)).toEqual(['<60', '60–70', '70–80', '80–90', '90–100']);
    expect(report.bands.reduce((s, b) => s + b.count, 0)).toBe(9);
    for (const b of report.bands.slice(1, -1))
      expect(b.count).toBe(
        rows.filter((r) => Number(r.total.shown) >= b.from && Number(r.total.shown) < b.to).length,
      );
  });

  it('summarises each group with its ranking by rank', () => {
    expect(report.groups.map((g) => [g.code, g.name, g.units])).toEqual([
      ['DEPT', '市直部门', 5],
      ['DISTRICT', '区县政府', 4],
    ]);
    for (const g of report.groups) {
      const members = rows.filter((r) => r.group === g.code);
      expect(g.ranking.map((l) => l.rank)).toEqual(members.map((m) => m.rank).sort((a, b) => a - b));
      expect(g.grades.reduce((s, x) => s + x.count, 0)).toBe(g.units);
      const totals = members.map((m) => new Dec(m.total.shown));
      expect(g.max).toBe(Dec.max(...totals).toFixed(2));
      expect(g.min).toBe(Dec.min(...totals).toFixed(2));
      for (const l of g.ranking) {
        const m = members.find((x) => x.unit === l.unit)!;
        expect(l).toEqual({
          unit: m.unit,
          name: m.name,
          total: m.total.shown,
          rank: m.rank,
          of: m.of,
          grade: { code: m.grade, label: m.gradeLabel },
          vetoed: m.vetoes.length > 0,
        });
      }
    }
    // 市交通运输局 is 2nd by total but 不及格 by its fail veto.
    expect(report.groups[0]!.ranking[1]).toMatchObject({
      name: '市交通运输局',
      rank: 2,
      vetoed: true,
      grade: { code: 'fail' },
    });
  });

  it('gives the stages with their mean points and maximum', () => {
    expect(report.stages).toEqual([
      { stage: 'indicators', units: 9, mean: expect.any(String), max: '70.00' },
      { stage: 'satisfaction', units: 9, mean: expect.any(String), max: '15.00' },
      { stage: 'experts', units: 9, mean: expect.any(String), max: '15.00' },
    ]);
    const mean = rows.reduce((s, r) => s.plus(r.stages[1]!.points.shown), new Dec(0)).dividedBy(9);
    expect(report.stages![1]!.mean).toBe(mean.toFixed(2));
  });

  it('finds the problems: the leaves most units lost points on', () => {
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
    // Every unit lost points on the satisfaction survey and the expert review.
    expect(report.problems.slice(0, 2).map((p) => [p.leaf, p.units, p.of])).toEqual([
      ['SA', 9, 9],
      ['EX', 9, 9],
    ]);
    for (const [a, b] of report.problems.slice(1).map((p, i) => [report.problems[i]!, p] as const))
      expect(a.units > b.units || (a.units === b.units && Number(a.scoreRate) <= Number(b.scoreRate))).toBe(
        true,
      );
    // The rate of SA by hand: mean over units of points ÷ 15.
    const sa = inputs.office.results.map((r) => {
      const l = r.result.dimensions
        .flatMap((d) => (d.type === 'branch' ? d.children : [d]))
        .find((x) => x.code === 'SA')!;
      return new Dec(l.points.shown).dividedBy(15);
    });
    expect(report.problems[0]!.scoreRate).toBe(
      sa
        .reduce((s, x) => s.plus(x), new Dec(0))
        .dividedBy(9)
        .times(100)
        .toFixed(1),
    );
  });

  it('counts appeals by status and shows what the re-run changed', () => {
    const first = inputs.office.firstRelease!.rows.find((r) => r.unit === 'NGQ')!;
    const now = rows.find((r) => r.unit === 'NGQ')!;
    expect(report.appeals).toEqual({
      submitted: 0,
      accepted: 1,
      rejected: 1,
      withdrawn: 0,
      changes: [
        {
          unit: 'NGQ',
          name: '南岗区',
          before: {
            total: first.total.shown,
            grade: { code: first.grade, label: first.gradeLabel },
            rank: first.rank,
          },
          after: {
            total: now.total.shown,
            grade: { code: now.grade, label: now.gradeLabel },
            rank: now.rank,
          },
        },
      ],
    });
  });

  it('counts the rectification tasks, closed and overdue on the report’s day', () => {
    expect(report.rectification).toEqual({ tasks: 4, closed: 1, overdue: 1 });
    const later = buildOfficeReport({
      ...inputs.office,
      context: { ...inputs.office.context, asOf: '2025-12-31' },
    });
    // By the year's end the two open tasks and the one in progress are all overdue.
    expect(later.rectification).toEqual({ tasks: 4, closed: 1, overdue: 3 });
  });
});

describe('the parts of the office report, one rule at a time', () => {
  it('puts each total in its band: 60 opens 60–70, 59.99 is below 60, the top band takes all from 90', () => {
    const got = bandsOf(['59.99', '60.00', '69.99', '70', '89.99', '90.00', '100.00', '102.50', '0.00']);
    expect(got.map((b) => `${b.label}:${b.count}`)).toEqual([
      '<60:2',
      '60–70:2',
      '70–80:1',
      '80–90:1',
      '90–100:3',
    ]);
    expect(bandsOf([]).every((b) => b.count === 0)).toBe(true);
    expect(BANDS).toHaveLength(5);
  });

  it('orders grades without the systems’ levels: default levels first, then others by mean total', () => {
    const rs = [
      row('a', 'G', '50.00', 1, 'fail', { gradeLabel: label('不及格') }),
      row('b', 'G', '95.00', 1, 'excellent', { gradeLabel: label('优秀') }),
      row('c', 'G', '70.00', 1, 'C', { gradeLabel: label('C') }),
      row('d', 'G', '88.00', 1, 'B', { gradeLabel: label('B') }),
    ];
    expect(gradeOrder(rs).map((g) => g.code)).toEqual(['excellent', 'fail', 'B', 'C']);
    // With levels: their order, 0 counts kept, and a grade they lack after them.
    const order = gradeOrder(rs, [
      { code: 'excellent', label: label('优秀') },
      { code: 'good', label: label('良好') },
      { code: 'fail', label: label('不及格') },
    ]);
    expect(gradeCounts(rs, order).map((g) => `${g.code}:${g.count}`)).toEqual([
      'excellent:1',
      'good:0',
      'fail:1',
      'B:1',
      'C:1',
    ]);
  });

  it('leaves out a group without units and adds a row’s group that was not given', () => {
    const rs = [
      row('b', 'G1', '80.00', 2),
      row('a', 'G1', '90.00', 1),
      row('c', 'G2', '70.00', 1),
      row('e', 'G1', '80.00', 2),
    ];
    const got = groupSummaries(
      [
        { code: 'G0', name: '空组' },
        { code: 'G1', name: '一组' },
      ],
      rs,
      gradeOrder(rs),
    );
    expect(got.map((g) => [g.code, g.name, g.units])).toEqual([
      ['G1', '一组', 3],
      ['G2', 'G2', 1],
    ]);
    // Ranked by rank, then name (单位b before 单位e, both 2nd).
    expect(got[0]!.ranking.map((l) => l.unit)).toEqual(['a', 'b', 'e']);
    expect(got[0]!.mean).toBe('83.33');
  });

  it('shows no changes for the first release, or when nothing moved', () => {
    const rs = [row('a', 'G', '90.00', 1)];
    expect(appealChanges(undefined, 'rn1', rs)).toEqual([]);
    expect(appealChanges({ run: 'rn1', number: 1, rows: [row('a', 'G', '80.00', 2)] }, 'rn1', rs)).toEqual(
      [],
    );
    expect(appealChanges({ run: 'rn0', number: 1, rows: [row('a', 'G', '90.0', 1)] }, 'rn1', rs)).toEqual([]);
    // Grade alone, or rank alone, is a change; a unit new in this run is not.
    expect(
      appealChanges({ run: 'rn0', number: 1, rows: [row('a', 'G', '90.00', 1, 'excellent')] }, 'rn1', [
        ...rs,
        row('z', 'G', '1', 2),
      ]).map((c) => c.unit),
    ).toEqual(['a']);
    expect(
      appealChanges({ run: 'rn0', number: 1, rows: [row('a', 'G', '90.00', 2)] }, 'rn1', rs),
    ).toHaveLength(1);
  });

  it('counts a problem only over units the leaf counts for (not exempt, not applicable)', () => {
    const base = inputs.office.results[0]!;
    const withLeaf = (status: string, points: string, max: string) => ({
      ...base,
      result: {
        ...base.result,
        dimensions: [
          {
            type: 'leaf' as const,
            code: 'L',
            name: '某指标',
            path: ['L'],
            weight: 10,
            effectiveWeight: { shown: max, exact: max },
            status: status as 'scored',
            rule: 'target_completion' as const,
            value: null,
            points: { shown: points, exact: points },
            reason: { zh: '', en: '' },
          },
        ],
      },
    });
    const got = problemsOf([
      withLeaf('scored', '5.00', '10.00'),
      withLeaf('scored', '10.00', '10.00'),
      withLeaf('missing', '0.00', '10.00'),
      withLeaf('exempt', '0.00', '0.00'),
      withLeaf('not_applicable', '0.00', '0.00'),
    ]);
    expect(got).toEqual([{ leaf: 'L', name: '某指标', units: 2, of: 3, scoreRate: '50.0' }]);
    expect(problemsOf([withLeaf('scored', '10.00', '10.00')])).toEqual([]);
  });
});
