import { RESULT_STAGES, type ResultRow, type UnitRunResult } from '../evaluation/model';
import { rectificationSummary } from '../evaluation/rectification';
import { byCode } from '../scoring/run';
import type { LeafResult, NodeResult } from '../scoring/types';
import { gradeCounts, gradeOrder } from './grades';
import { headerOf } from './header';
import type { OfficeReportInputs } from './inputs';
import type { GroupSummary, OfficeReport, RankingLine } from './model';
import { type Dec, dec, extremes, meanOf, placesOf, print, ZERO } from './numbers';

/** How many problems the report lists. */
export const MAX_PROBLEMS = 10;
/** Score rates (得分率) are printed with one decimal: "86.7". */
export const RATE_PLACES = 1;

/**
 * The bands of the histogram: below 60 together, then 10-point bands up to 100. A band holds
 * totals from its `from` (included) to its `to` (excluded); the top band holds every total from
 * 90, including totals above 100 that bonus points can give.
 */
export const BANDS: readonly { from: number; to: number; label: string }[] = [
  { from: 0, to: 60, label: '<60' },
  { from: 60, to: 70, label: '60–70' },
  { from: 70, to: 80, label: '70–80' },
  { from: 80, to: 90, label: '80–90' },
  { from: 90, to: 100, label: '90–100' },
];

export function bandsOf(totals: readonly string[]): OfficeReport['bands'] {
  const counts = BANDS.map(() => 0);
  for (const t of totals) {
    const x = dec(t);
    let i = BANDS.findIndex((b) => x.lt(b.to));
    if (i < 0) i = BANDS.length - 1;
    counts[i]!++;
  }
  return BANDS.map((b, i) => ({ ...b, count: counts[i]! }));
}

const placesOfRows = (rows: readonly ResultRow[]) => (rows[0] ? placesOf(rows[0].total.shown) : 2);

const rankingLine = (r: ResultRow): RankingLine => ({
  unit: r.unit,
  name: r.name,
  total: r.total.shown,
  rank: r.rank,
  of: r.of,
  grade: { code: r.grade, label: r.gradeLabel },
  vetoed: r.vetoes.length > 0,
});

/**
 * Per group, in the order given (groups that hold no unit are left out; a row's group that is not
 * given is added after them under its code): the spread of totals, the grades and the ranking by
 * rank, then name, then unit code.
 */
export function groupSummaries(
  groups: OfficeReportInputs['groups'],
  rows: readonly ResultRow[],
  order: ReturnType<typeof gradeOrder>,
): GroupSummary[] {
  const given = new Set(groups.map((g) => g.code));
  const extra = [...new Set(rows.map((r) => r.group))]
    .filter((g) => !given.has(g))
    .sort(byCode)
    .map((code) => ({ code, name: code }));
  const d = placesOfRows(rows);
  return [...groups, ...extra].flatMap((g) => {
    const members = rows.filter((r) => r.group === g.code);
    const totals = members.map((r) => r.total.shown);
    const spread = extremes(totals);
    if (!spread) return [];
    return [
      {
        code: g.code,
        name: g.name,
        units: members.length,
        mean: print(meanOf(totals), d),
        max: spread.max,
        min: spread.min,
        grades: gradeCounts(members, order),
        ranking: [...members]
          .sort((a, b) => a.rank - b.rank || byCode(a.name, b.name) || byCode(a.unit, b.unit))
          .map(rankingLine),
      },
    ];
  });
}

const leavesOf = (nodes: readonly NodeResult[]): LeafResult[] =>
  nodes.flatMap((n) => (n.type === 'leaf' ? [n] : leavesOf(n.children)));

/**
 * The problems found (存在的主要问题): per leaf, over the units it counts for (neither exempt nor
 * not applicable, with points to give), how many lost points on it and the mean share of its
 * points kept. The leaves most units lost points on come first, then the lowest score rate, then
 * by code; at most 10, and only leaves some unit lost points on.
 */
export function problemsOf(results: readonly UnitRunResult[]): OfficeReport['problems'] {
  const byLeaf = new Map<string, { name: string; units: number; of: number; rate: Dec }>();
  for (const r of results)
    for (const l of leavesOf(r.result.dimensions)) {
      const max = dec(l.effectiveWeight.shown);
      if (l.status === 'exempt' || l.status === 'not_applicable' || max.lte(0)) continue;
      const p = byLeaf.get(l.code) ?? { name: l.name, units: 0, of: 0, rate: ZERO };
      p.of++;
      p.rate = p.rate.plus(dec(l.points.shown).dividedBy(max));
      if (dec(l.points.shown).lt(max)) p.units++;
      byLeaf.set(l.code, p);
    }
  return [...byLeaf.entries()]
    .filter(([, p]) => p.units > 0)
    .map(([leaf, p]) => ({ leaf, p, rate: p.rate.dividedBy(p.of).times(100) }))
    .sort((a, b) => b.p.units - a.p.units || a.rate.comparedTo(b.rate) || byCode(a.leaf, b.leaf))
    .slice(0, MAX_PROBLEMS)
    .map(({ leaf, p, rate }) => ({
      leaf,
      name: p.name,
      units: p.units,
      of: p.of,
      scoreRate: print(rate, RATE_PLACES),
    }));
}

/**
 * What appeals changed: the units whose total, grade or rank differ between the cycle's first
 * release and this run, in unit-code order. Nothing when this run is the first release.
 */
export function appealChanges(
  first: OfficeReportInputs['firstRelease'],
  runId: string,
  rows: readonly ResultRow[],
): OfficeReport['appeals']['changes'] {
  if (!first || first.run === runId) return [];
  const before = new Map(first.rows.map((r) => [r.unit, r]));
  return [...rows]
    .sort((a, b) => byCode(a.unit, b.unit))
    .flatMap((after) => {
      const b = before.get(after.unit);
      if (!b) return [];
      const same =
        dec(b.total.shown).eq(after.total.shown) && b.grade === after.grade && b.rank === after.rank;
      if (same) return [];
      const standing = (r: ResultRow) => ({
        total: r.total.shown,
        grade: { code: r.grade, label: r.gradeLabel },
        rank: r.rank,
      });
      return [{ unit: after.unit, name: after.name, before: standing(b), after: standing(after) }];
    });
}

/**
 * The evaluation's stages over the run's rows, in the stages' order: units that had each, their
 * mean points and mean maximum (Σ ÷ units, printed with the system's decimals).
 */
export function stagesSummary(rows: readonly ResultRow[]): NonNullable<OfficeReport['stages']> {
  const d = placesOfRows(rows);
  return RESULT_STAGES.flatMap((stage) => {
    const got = rows.flatMap((r) => r.stages.filter((s) => s.stage === stage));
    if (got.length === 0) return [];
    return [
      {
        stage,
        units: got.length,
        mean: print(meanOf(got.map((s) => s.points.shown)), d),
        max: print(meanOf(got.map((s) => s.max.shown)), d),
      },
    ];
  });
}

/** The office's overall report (绩效评估总体情况报告), from the run's records. Pure. */
export function buildOfficeReport(inputs: OfficeReportInputs): OfficeReport {
  const { context, rows } = inputs;
  const order = gradeOrder(rows, inputs.levels);
  const count = (s: string) => inputs.appeals.filter((a) => a.status === s).length;
  const tasks = rectificationSummary(inputs.tasks, context.asOf);
  return {
    kind: 'office',
    header: headerOf(context),
    units: rows.length,
    mean: print(meanOf(rows.map((r) => r.total.shown)), placesOfRows(rows)),
    stages: stagesSummary(rows),
    grades: gradeCounts(rows, order),
    bands: bandsOf(rows.map((r) => r.total.shown)),
    groups: groupSummaries(inputs.groups, rows, order),
    problems: problemsOf(inputs.results),
    appeals: {
      submitted: count('submitted'),
      accepted: count('accepted'),
      rejected: count('rejected'),
      withdrawn: count('withdrawn'),
      changes: appealChanges(inputs.firstRelease, context.run.id, rows),
    },
    rectification: { tasks: tasks.total, closed: tasks.byStatus.closed ?? 0, overdue: tasks.overdue },
  };
}
