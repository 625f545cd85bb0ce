import {
  type Cycle,
  can,
  errors,
  hasRole,
  type ReportFile,
  type ReportFormat,
  type ReportIndex,
  type ReportKind,
} from '@jixiao/core';
import { loadCycle, tenant } from '../cycles/context';
import { effectiveStatus, loadRun, preconditionFailed, releasedPointer } from '../evaluation/context';
import { requireFinished } from '../evaluation/results';
import type { Caller } from '../http/caller';
import { reportData } from './data';
import { loadRunInputs } from './run-inputs';
import { ensureReport, reportLink } from './store';

/**
 * Reading the reports of a run: the index (which units, how far the report step has come) and one
 * file, rendered now if its data changed since it was last rendered. The office and observers read
 * every report of any finished run; a unit's user only its own unit's report of the released run.
 */

type Scope = { all: true } | { unit: string };

function scopeOf(caller: Caller): Scope {
  if (can(caller.identity, 'cycles:oversee')) return { all: true };
  if (hasRole(caller.identity, 'unit_user') && caller.identity.unit) return { unit: caller.identity.unit };
  throw errors.forbidden('查看绩效评估报告', 'read evaluation reports');
}

const NOT_IN_RUN = { zh: '该单位在本次计算中的报告', en: "The unit's report in this run" };

/** The run the reports are of: the one named (the office and observers), else the released one. */
async function runOf(caller: Caller, cycle: Cycle, scope: Scope, runId: string | undefined) {
  const pointer = await releasedPointer(caller, cycle);
  if (runId && 'unit' in scope && runId !== pointer?.run)
    throw errors.forbidden('查看未发布的计算批次的报告', 'read the reports of a run that is not released');
  const id = runId ?? pointer?.run;
  if (!id)
    throw preconditionFailed(
      '本考核周期的评估结果尚未发布，还没有报告。',
      'The results of this cycle are not released yet, so there are no reports.',
    );
  const run = await loadRun(caller, cycle, id);
  requireFinished(run, pointer);
  return { run, pointer };
}

export async function reportIndex(
  caller: Caller,
  cycleId: string,
  q: { run?: string },
): Promise<ReportIndex> {
  const scope = scopeOf(caller);
  const cycle = await loadCycle(caller, cycleId);
  const { run, pointer } = await runOf(caller, cycle, scope, q.run);
  const rows = await caller.deps.data.evaluation.runs.rows(tenant(caller), cycle.id, run.id);
  const units = rows
    .filter((r) => 'all' in scope || r.unit === scope.unit)
    .map((r) => ({ code: r.unit, name: r.name, group: r.group }))
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.code < b.code ? -1 : 1));
  // The report step's progress (runs from before it have none: 0). A unit's user sees its own only.
  const total = run.total || rows.length;
  const reported = Math.min(run.reported ?? 0, total);
  return {
    cycle: cycle.id,
    run: { id: run.id, number: run.number, status: effectiveStatus(run, pointer) },
    units,
    rendered: 'all' in scope ? reported : reported >= total ? units.length : 0,
    total: 'all' in scope ? total : units.length,
  };
}

export async function reportFile(
  caller: Caller,
  cycleId: string,
  kind: ReportKind,
  format: ReportFormat,
  q: { unit?: string | undefined; run?: string | undefined },
): Promise<ReportFile> {
  if ((kind === 'unit') !== (q.unit !== undefined))
    throw errors.reportUnitMismatch(kind, q.unit !== undefined);
  const scope = scopeOf(caller);
  if ('unit' in scope && (kind !== 'unit' || q.unit !== scope.unit))
    throw errors.forbidden(
      kind === 'unit' ? '查看其他单位的报告' : '查看全市汇总报告',
      kind === 'unit' ? "read another unit's report" : 'read the overall reports',
    );
  const cycle = await loadCycle(caller, cycleId);
  const { run, pointer } = await runOf(caller, cycle, scope, q.run);
  const inputs = await loadRunInputs(caller, cycle, run, pointer);
  const data = await reportData(inputs, kind, q.unit);
  if (!data) throw errors.notFound(NOT_IN_RUN.zh, NOT_IN_RUN.en);
  const stored = await ensureReport(caller.deps, inputs.t, cycle.id, data, format);
  return reportLink(caller.deps, inputs.t, stored, { kind, format, unit: q.unit });
}
