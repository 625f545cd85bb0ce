import { describe, expect, it } from 'vitest';
import type { Appeal } from '../evaluation/appeals';
import type { Rectification } from '../evaluation/rectification';
import { Dec } from '../scoring/decimal';
import type { NodeResult } from '../scoring/types';
import { unitReportSchema } from './model';
import { SAMPLE_IDS, sampleReportInputs } from './testing';
import {
  appealsOf,
  buildUnitReport,
  CONCLUSION_SUBJECT,
  indicatorsOf,
  lossesOf,
  MAX_LOSSES,
  tasksOf,
  trendOf,
} from './unit-report';

const inputs = sampleReportInputs();
const report = buildUnitReport(inputs.unit);
const r = inputs.unit.result.result;

const leafCount = (nodes: readonly NodeResult[]): number =>
  nodes.reduce((n, x) => n + (x.type === 'leaf' ? 1 : leafCount(x.children)), 0);

describe('the unit report of the sample year (南岗区, built from the engine’s results)', () => {
  it('parses with its schema and carries the header of the run', () => {
    expect(unitReportSchema.parse(report)).toEqual(report);
    expect(report.header).toEqual({
      tenant: { code: '230100', name: '哈尔滨市' },
      cycle: { id: SAMPLE_IDS.cycle, name: '哈尔滨市 2024 年度市直部门和区县政府绩效评估', year: 2024 },
      run: { id: SAMPLE_IDS.run, number: 2 },
      releasedOn: '2025-01-20',
      publishedOn: '2025-01-24',
      asOf: '2025-01-24',
    });
    expect(report.unit).toEqual({
      code: 'NGQ',
      name: '南岗区',
      type: 'district_government',
      group: { code: 'DISTRICT', name: '区县政府' },
    });
  });

  it('gives the total, grade, rank and parts exactly as the result shows them', () => {
    expect([report.total, report.grade.code, report.rank, report.of]).toEqual([
      r.total.shown,
      r.grade.code,
      r.rank.rank,
      r.rank.of,
    ]);
    expect(report.grade.label).toEqual(r.grade.label);
    expect([report.base, report.bonus, report.deductions]).toEqual([
      r.base.points.shown,
      r.bonus.points.shown,
      r.deductions.shown,
    ]);
    // base + bonus (+ the meeting's adjustment) = total, in shown numbers.
    const adj = report.adjustment ? report.adjustment.points : '0';
    expect(new Dec(report.base).plus(report.bonus).plus(adj).eq(report.total)).toBe(true);
    // The stages add up to the base (nothing was rescaled in the sample).
    const stages = report.stages.reduce((s, x) => s.plus(x.points), new Dec(0));
    expect(stages.toFixed(2)).toBe(report.base);
    expect(report.stages.map((s) => s.stage)).toEqual(['indicators', 'satisfaction', 'experts']);
    expect(report.vetoes).toEqual([{ name: '环保督察问责', effect: 'bar_excellent' }]);
  });

  it('carries the meeting’s adjustment where there was one', () => {
    const xfq = buildUnitReport(inputs.units.find((u) => u.unit.code === 'XFQ')!);
    expect(xfq.adjustment).toEqual({
      points: '1.00',
      reason: '综合评议会：老旧小区改造任务完成突出，上调 1 分',
    });
    expect(new Dec(xfq.base).plus(xfq.bonus).plus(1).toFixed(2)).toBe(xfq.total);
    expect(report.adjustment).toBeUndefined();
  });

  it('lists every leaf with the names above it, its value, unit of measure, points and maximum', () => {
    expect(report.indicators).toHaveLength(leafCount(r.dimensions));
    expect(report.indicators.map((l) => l.code)).toEqual(['TC', 'BD', 'RV', 'EF', 'DE', 'QG', 'EX', 'SA']);
    const tc = report.indicators[0]!;
    expect(tc).toMatchObject({
      name: '目标任务完成率',
      path: ['履职成效'],
      value: 96,
      unitOfMeasure: '%',
      points: '19.20',
      max: '20.00',
      status: 'scored',
    });
    expect(tc.reason.zh).toContain('得 19.20 分');
    // No unit of measure where the system gives none.
    expect(report.indicators.find((l) => l.code === 'DE')!.unitOfMeasure).toBeUndefined();
    // The dimension's points are the Σ of its leaves' shown points.
    for (const d of report.dimensions) {
      const sum = report.indicators
        .filter((l) => l.path[0] === d.name)
        .reduce((s, l) => s.plus(l.points), new Dec(0));
      expect(sum.toFixed(2)).toBe(d.points);
    }
  });

  it('names the leaves that lost most points, largest loss first', () => {
    expect(report.losses.length).toBeGreaterThan(0);
    expect(report.losses.length).toBeLessThanOrEqual(MAX_LOSSES);
    for (const l of report.losses) {
      const leaf = report.indicators.find((x) => x.code === l.code)!;
      expect(new Dec(leaf.max).minus(leaf.points).toFixed(2)).toBe(l.lost);
      expect(new Dec(l.lost).gt(0)).toBe(true);
    }
    const lost = report.losses.map((l) => Number(l.lost));
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    // Leaves at full marks lose nothing and are not named.
    expect(report.losses.map((l) => l.code)).not.toContain('BD');
  });

  it('shows the trend: two earlier years and this one last', () => {
    expect(report.trend.map((t) => t.year)).toEqual([2022, 2023, 2024]);
    expect(report.trend[2]).toEqual({
      year: 2024,
      cycle: SAMPLE_IDS.cycle,
      cycleName: '哈尔滨市 2024 年度市直部门和区县政府绩效评估',
      total: report.total,
      grade: report.grade,
      rank: report.rank,
      of: report.of,
    });
  });

  it('tells the accepted appeal with the total before and after', () => {
    const first = inputs.office.firstRelease!.rows.find((x) => x.unit === 'NGQ')!;
    expect(report.appeals).toEqual([
      {
        id: SAMPLE_IDS.accepted,
        subject: '目标任务完成率',
        status: 'accepted',
        reason: '经核实，两项重点任务已于 12 月完成，完成率更正为 96%。',
        decidedOn: '2025-01-13',
        before: first.total.shown,
        after: report.total,
      },
    ]);
    // The correction raised TC from 88% to 96%: 20 × 0.08 = 1.60 points more.
    expect(new Dec(report.total).minus(first.total.shown).toFixed(2)).toBe('1.60');
  });

  it('tells a rejected appeal of the conclusion without before and after', () => {
    const mzj = buildUnitReport(inputs.units.find((u) => u.unit.code === 'MZJ')!);
    expect(mzj.appeals).toEqual([
      {
        id: SAMPLE_IDS.rejected,
        subject: CONCLUSION_SUBJECT,
        status: 'rejected',
        reason: '经复核，各项指标得分计算无误，等次按评分办法确定，维持原结论。',
        decidedOn: '2025-01-14',
      },
    ]);
  });

  it('flags the overdue task against the report’s day', () => {
    expect(report.rectification).toEqual([
      {
        id: 'rtsampletaskaa',
        title: '环保督察通报问题整改',
        owner: '办公室',
        deadline: '2025-01-22',
        status: 'in_progress',
        overdue: true,
      },
      {
        id: 'rtsampletaskbb',
        title: '提高服务效能',
        owner: '办公室',
        deadline: '2025-06-30',
        status: 'open',
        overdue: false,
      },
    ]);
  });
});

describe('the parts of the unit report, one rule at a time', () => {
  const appeal = inputs.office.appeals[0]!;
  const taskOf = (deadline: string, status: Rectification['status'], id = 'rt1'): Rectification => ({
    ...inputs.office.tasks[0]!,
    id,
    deadline,
    status,
  });

  it('dates a decision by its day in Asia/Shanghai', () => {
    const late: Appeal = { ...appeal, decision: { ...appeal.decision!, at: '2025-01-13T17:30:00.000Z' } };
    expect(appealsOf([late], '0')[0]!.decidedOn).toBe('2025-01-14');
  });

  it('gives no before/after when an accepted appeal left the total as it was, or was not decided', () => {
    expect(appealsOf([appeal], appeal.appealed.total)[0]).not.toHaveProperty('before');
    // The same total written with other places is the same total.
    expect(appealsOf([appeal], `${appeal.appealed.total}0`)[0]).not.toHaveProperty('after');
    const pending: Appeal = { ...appeal, status: 'submitted', decision: undefined };
    const got = appealsOf([pending], '99.00')[0]!;
    expect(got).toEqual({ id: appeal.id, subject: '目标任务完成率', status: 'submitted' });
  });

  it('names an indicator appeal by its leaf code when the name is missing, and lists appeals oldest first', () => {
    const noName: Appeal = {
      ...appeal,
      id: 'b',
      leafName: undefined,
      submitted: { ...appeal.submitted, at: '2025-01-09T00:00:00Z' },
    };
    const older: Appeal = {
      ...appeal,
      id: 'a',
      submitted: { ...appeal.submitted, at: '2025-01-01T00:00:00Z' },
    };
    expect(appealsOf([noName, older], '0').map((a) => [a.id, a.subject])).toEqual([
      ['a', '目标任务完成率'],
      ['b', 'TC'],
    ]);
  });

  it('marks a task overdue only when unfinished and its deadline is before the day', () => {
    const got = tasksOf(
      [
        taskOf('2025-01-23', 'open', 'rt1'),
        taskOf('2025-01-24', 'in_progress', 'rt2'),
        taskOf('2025-01-01', 'done', 'rt3'),
        taskOf('2025-01-01', 'closed', 'rt4'),
        taskOf('2025-01-01', 'cancelled', 'rt5'),
      ],
      '2025-01-24',
    );
    expect(got.map((t) => [t.id, t.overdue])).toEqual([
      ['rt3', false],
      ['rt4', false],
      ['rt5', false],
      ['rt1', true],
      ['rt2', false],
    ]);
  });

  it('puts the trend in year order and lets this run replace a point of the same cycle', () => {
    const [a, b, c] = report.trend;
    const stale = { ...c!, total: '1.00' };
    expect(trendOf([b!, stale, a!], c!)).toEqual([a, b, c]);
  });

  it('takes at most five losses, ties in tree order', () => {
    const leaf = report.indicators[0]!;
    const many = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((code, i) => ({
      ...leaf,
      code,
      max: '10.00',
      points: i < 2 ? '5.00' : '8.00',
    }));
    expect(lossesOf(many).map((l) => `${l.code} ${l.lost}`)).toEqual([
      'A 5.00',
      'B 5.00',
      'C 2.00',
      'D 2.00',
      'E 2.00',
    ]);
    expect(lossesOf([{ ...leaf, max: '10.00', points: '10.00' }])).toEqual([]);
  });

  it('walks sub-indicators with both branch names in the path', () => {
    const leaf = r.dimensions[0]!.type === 'branch' ? r.dimensions[0]!.children[0]! : r.dimensions[0]!;
    const tree: NodeResult[] = [
      {
        type: 'branch',
        code: 'X',
        name: '一级',
        path: ['X'],
        weight: 20,
        effectiveWeight: { shown: '20.00', exact: '20' },
        points: leaf.points,
        children: [
          { ...(r.dimensions[0] as NodeResult & { type: 'branch' }), name: '二级', children: [leaf] },
        ],
      },
    ];
    expect(indicatorsOf(tree, {}).map((l) => l.path)).toEqual([['一级', '二级']]);
  });
});
