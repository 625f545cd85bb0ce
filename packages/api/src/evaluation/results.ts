import {
  type Cycle,
  type EvaluationRun,
  errors,
  type ReleasePointer,
  type RunResults,
  resultRowSchema,
  type UnitRunResultView,
} from '@jixiao/core';
import { tenant } from '../cycles/context';
import type { Caller } from '../http/caller';
import { cycleRef } from '../monitoring/shared';
import { effectiveStatus, FINISHED, loadRunContext, preconditionFailed, runView } from './context';
import { readGroups, readUnitResult } from './run-objects';

/** A run's results: the rows of every unit, each group's order and quotas, one unit's breakdown. */

const NOT_IN_RUN = { zh: '该单位在本次计算中的结果', en: "The unit's result in this run" };

/** 409 unless the run's results are written (a running or stopped run has none yet). */
export function requireFinished(run: EvaluationRun, pointer: ReleasePointer | undefined): void {
  const status = effectiveStatus(run, pointer);
  if (FINISHED.includes(status)) return;
  throw preconditionFailed(
    status === 'running'
      ? `第 ${run.number} 次计算仍在进行（已计分 ${run.scored}/${run.total} 个单位），完成后才有结果。`
      : `第 ${run.number} 次计算已中断，没有结果：请继续计算。`,
    status === 'running'
      ? `Run ${run.number} is still running (${run.scored} of ${run.total} units scored); its results come when it finishes.`
      : `Run ${run.number} stopped before writing results; resume it.`,
    { status },
  );
}

const byGroupRankUnit = (a: { group: string; rank: number; unit: string }, b: typeof a) =>
  a.group < b.group
    ? -1
    : a.group > b.group
      ? 1
      : a.rank - b.rank || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);

export async function runResults(caller: Caller, cycleId: string, runId: string): Promise<RunResults> {
  const { cycle, run, pointer } = await loadRunContext(caller, cycleId, runId);
  requireFinished(run, pointer);
  const [rows, groups] = await Promise.all([
    caller.deps.data.evaluation.runs.rows(tenant(caller), cycle.id, run.id),
    readGroups(caller, cycle.id, run.id),
  ]);
  return {
    cycle: cycleRef(cycle),
    run: runView(caller, cycle, run, pointer),
    rows: rows.map((r) => resultRowSchema.parse(r)).sort(byGroupRankUnit),
    groups,
  };
}

/** The unit's group as the run saw it (its row), else as the unit is now. */
async function groupOf(caller: Caller, cycle: Cycle, run: string, unit: string): Promise<string> {
  const t = tenant(caller);
  const row = await caller.deps.data.evaluation.runs.row(t, cycle.id, run, unit);
  if (row) return row.group;
  return (await caller.deps.data.org.getUnit(t, unit))?.group ?? '';
}

export async function unitRunResult(
  caller: Caller,
  cycleId: string,
  runId: string,
  unit: string,
): Promise<UnitRunResultView> {
  const { cycle, run, pointer } = await loadRunContext(caller, cycleId, runId);
  requireFinished(run, pointer);
  const result = await readUnitResult(caller, cycle.id, run.id, unit);
  if (!result) throw errors.notFound(NOT_IN_RUN.zh, NOT_IN_RUN.en);
  return {
    cycle: cycleRef(cycle),
    run: runView(caller, cycle, run, pointer),
    unit: { code: result.unit, name: result.name, group: await groupOf(caller, cycle, run.id, unit) },
    result,
  };
}
