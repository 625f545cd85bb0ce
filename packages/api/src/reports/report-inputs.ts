import {
  contentOf,
  DEFAULT_GRADING,
  mapLimit,
  type OfficeReportInputs,
  resultRowSchema,
  type TrendPoint,
  type UnitReportInputs,
  type UnitRunResult,
} from '@jixiao/core';
import { contextOf, type Published, READS, type RunInputs } from './run-inputs';

/**
 * The inputs of each report's builder (core's `UnitReportInputs`, `OfficeReportInputs`) from a
 * run's shared inputs: a unit's own appeals and tasks, its group's rows and its trend; for the
 * overall reports every unit's result, the grade levels and what the appeals changed.
 */

/** The inputs of a unit's report; undefined when the unit is not in the run. */
export async function unitReportInputs(
  i: RunInputs,
  unit: string,
  published?: Published,
): Promise<UnitReportInputs | undefined> {
  const row = i.rows.find((r) => r.unit === unit);
  const result = row ? await i.result(unit) : undefined;
  if (!row || !result) return undefined;
  const appeals = i.appeals.filter((a) => a.unit === unit);
  const tasks = i.tasks.filter((x) => x.unit === unit);
  const [groupName, type, unitsOfMeasure, history] = await Promise.all([
    i.groupName(row.group),
    i.unitType(unit),
    i.unitsOfMeasure(result.system),
    i.history(),
  ]);
  return {
    context: contextOf(i, { appeals, tasks }, published),
    unit: { code: unit, name: result.name, type, group: { code: row.group, name: groupName } },
    result,
    groupRows: i.rows.filter((r) => r.group === row.group),
    digest: i.digest,
    ...(Object.keys(unitsOfMeasure).length ? { unitsOfMeasure } : {}),
    history: history.flatMap((y): TrendPoint[] => {
      const r = y.rows.get(unit);
      return r
        ? [
            {
              year: y.cycle.year,
              cycle: y.cycle.id,
              cycleName: y.cycle.name,
              total: r.total.shown,
              grade: { code: r.grade, label: { zh: r.gradeLabel.zh, en: r.gradeLabel.en } },
              rank: r.rank,
              of: r.of,
            },
          ]
        : [];
    }),
    appeals,
    tasks,
  };
}

/** The grade levels of the cycle's systems, highest first, merged over its bindings in order. */
async function gradeLevels(i: RunInputs) {
  const out = new Map<string, { code: string; label: { zh: string; en: string } }>();
  for (const b of i.cycle.bindings) {
    const system = await i.caller.deps.data.indicatorSystems
      .getVersion(i.t, b.system, b.systemVersion)
      .catch(() => undefined);
    const levels = system ? contentOf(system).grading.levels : DEFAULT_GRADING.levels;
    for (const l of levels)
      if (!out.has(l.code)) out.set(l.code, { code: l.code, label: { zh: l.label.zh, en: l.label.en } });
  }
  return [...out.values()];
}

/** The first release of the cycle, when it is another run than this one: what appeals changed. */
async function firstRelease(i: RunInputs): Promise<OfficeReportInputs['firstRelease']> {
  if (!i.pointer) return undefined;
  const first = i.pointer.history[0] ?? { run: i.pointer.run, number: i.pointer.number };
  if (first.run === i.run.id) return undefined;
  const rows = await i.caller.deps.data.evaluation.runs.rows(i.t, i.cycle.id, first.run);
  return { run: first.run, number: first.number, rows: rows.map((r) => resultRowSchema.parse(r)) };
}

/** The inputs of the office's overall report (and so of the Congress report written from it). */
export async function officeReportInputs(i: RunInputs, published?: Published): Promise<OfficeReportInputs> {
  const codes = [...new Set(i.rows.map((r) => r.group))].sort();
  const [groups, levels, results, first] = await Promise.all([
    Promise.all(codes.map(async (code) => ({ code, name: await i.groupName(code) }))),
    gradeLevels(i),
    mapLimit(i.rows, READS, (r) => i.result(r.unit)),
    firstRelease(i),
  ]);
  return {
    context: contextOf(i, { appeals: i.appeals, tasks: i.tasks }, published),
    groups,
    levels,
    rows: i.rows,
    results: results.filter((r): r is UnitRunResult => !!r),
    ...(first ? { firstRelease: first } : {}),
    appeals: i.appeals,
    tasks: i.tasks,
  };
}
