import { shanghaiDay } from '../cycles/calendar';
import type { Appeal } from '../evaluation/appeals';
import { isOverdue, type Rectification } from '../evaluation/rectification';
import type { NodeResult } from '../scoring/types';
import { headerOf } from './header';
import type { UnitReportInputs } from './inputs';
import type { ReportIndicator, TrendPoint, UnitReport } from './model';
import { dec, placesOf, print } from './numbers';
import { dimensionPositions } from './positions';

/** How many of the leaves that lost most points the report names (where to improve first). */
export const MAX_LOSSES = 5;

/** What an appeal of the conclusion is about, in the report's words. */
export const CONCLUSION_SUBJECT = '考核结论（总分、等次、排名）';

/** Every leaf of the breakdown in tree order, with the names of the branches above it. */
export function indicatorsOf(
  dimensions: readonly NodeResult[],
  unitsOfMeasure: Record<string, string> = {},
): ReportIndicator[] {
  const out: ReportIndicator[] = [];
  const walk = (n: NodeResult, path: string[]) => {
    if (n.type === 'branch') {
      for (const c of n.children) walk(c, [...path, n.name]);
      return;
    }
    const uom = Object.hasOwn(unitsOfMeasure, n.code) ? unitsOfMeasure[n.code] : undefined;
    out.push({
      code: n.code,
      name: n.name,
      path,
      value: n.value,
      ...(uom ? { unitOfMeasure: uom } : {}),
      points: n.points.shown,
      max: n.effectiveWeight.shown,
      status: n.status,
      reason: n.reason,
    });
  };
  for (const d of dimensions) walk(d, []);
  return out;
}

/** The leaves that lost points (max − points > 0), most first (tree order among equals), at most 5. */
export function lossesOf(indicators: readonly ReportIndicator[]): UnitReport['losses'] {
  return indicators
    .map((l, i) => ({ l, i, lost: dec(l.max).minus(l.points) }))
    .filter((x) => x.lost.gt(0))
    .sort((a, b) => b.lost.comparedTo(a.lost) || a.i - b.i)
    .slice(0, MAX_LOSSES)
    .map(({ l, lost }) => ({ code: l.code, name: l.name, lost: print(lost, placesOf(l.points)) }));
}

/** Earlier years and this one, oldest first; a history point of this very cycle is replaced. */
export function trendOf(history: readonly TrendPoint[], current: TrendPoint): TrendPoint[] {
  return [...history.filter((p) => p.cycle !== current.cycle), current]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.year - b.p.year || a.i - b.i)
    .map(({ p }) => p);
}

/**
 * The unit's appeals, oldest first: what was appealed, the outcome, and, for an accepted appeal
 * after which the unit's total changed, the total appealed against and the total of this run.
 */
export function appealsOf(appeals: readonly Appeal[], total: string): UnitReport['appeals'] {
  return [...appeals]
    .sort((a, b) => (a.submitted.at < b.submitted.at ? -1 : a.submitted.at > b.submitted.at ? 1 : 0))
    .map((a) => {
      const changed = a.status === 'accepted' && !dec(a.appealed.total).eq(total);
      return {
        id: a.id,
        subject: a.target === 'conclusion' ? CONCLUSION_SUBJECT : (a.leafName ?? a.leaf ?? ''),
        status: a.status,
        ...(a.decision ? { reason: a.decision.reason, decidedOn: shanghaiDay(new Date(a.decision.at)) } : {}),
        ...(changed ? { before: a.appealed.total, after: total } : {}),
      };
    });
}

/** The unit's rectification tasks by deadline, each flagged overdue as the console flags it. */
export function tasksOf(tasks: readonly Rectification[], asOf: string): UnitReport['rectification'] {
  return [...tasks]
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id < b.id ? -1 : 1))
    .map((t) => ({
      id: t.id,
      title: t.title,
      owner: t.owner,
      deadline: t.deadline,
      status: t.status,
      overdue: isOverdue(t, asOf),
    }));
}

/** The report of one unit (单位绩效评估报告), from the run's records. Pure. */
export function buildUnitReport(inputs: UnitReportInputs): UnitReport {
  const { context, unit, result } = inputs;
  const r = result.result;
  const indicators = indicatorsOf(r.dimensions, inputs.unitsOfMeasure);
  const grade = { code: r.grade.code, label: r.grade.label };
  return {
    kind: 'unit',
    header: headerOf(context),
    unit: {
      code: unit.code,
      name: unit.name,
      type: unit.type,
      group: { code: unit.group.code, name: unit.group.name },
    },
    total: r.total.shown,
    grade,
    rank: r.rank.rank,
    of: r.rank.of,
    stages: result.stages.map((s) => ({ stage: s.stage, points: s.points.shown, max: s.max.shown })),
    base: r.base.points.shown,
    bonus: r.bonus.points.shown,
    deductions: r.deductions.shown,
    ...(result.adjustment
      ? { adjustment: { points: result.adjustment.points.shown, reason: result.adjustment.reason } }
      : {}),
    vetoes: r.vetoes.map((v) => ({ name: v.name, effect: v.effect })),
    dimensions: dimensionPositions({
      unit: unit.code,
      dimensions: r.dimensions,
      groupRows: inputs.groupRows,
      digest: inputs.digest,
    }),
    indicators,
    losses: lossesOf(indicators),
    trend: trendOf(inputs.history, {
      year: context.cycle.year,
      cycle: context.cycle.id,
      cycleName: context.cycle.name,
      total: r.total.shown,
      grade,
      rank: r.rank.rank,
      of: r.rank.of,
    }),
    appeals: appealsOf(inputs.appeals, r.total.shown),
    rectification: tasksOf(inputs.tasks, context.asOf),
  };
}
