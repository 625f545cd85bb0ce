import {
  AppError,
  type Cycle,
  can,
  type EvaluationRun,
  type ReleasePointer,
  RUN_LEASE_MS,
  type RunStatus,
  type RunView,
  releasePointerSchema,
  runViewSchema,
} from '@jixiao/core';
import { loadCycle, tenant, today } from '../cycles/context';
import type { Caller } from '../http/caller';

/**
 * What every use case of the year-end evaluation needs: the cycle and a run (404 outside the
 * tenant or the cycle), the released pointer, and the run as the API shows it. Progress lives in
 * the run record (the batch's tasks write it); `current` is derived from the pointer only.
 */

export const RUN = { zh: '计算批次', en: 'Evaluation run' };

/** Runs whose results are written (and may be read, compared and released). */
export const FINISHED: readonly RunStatus[] = ['ready', 'released', 'superseded'];

export const leaseFrom = (now: Date): string => new Date(now.getTime() + RUN_LEASE_MS).toISOString();

/** Who did something, as a run or the pointer keeps it. */
export const stampOf = (caller: Caller) => ({
  by: caller.identity.sub,
  ...(caller.identity.name ? { name: caller.identity.name } : {}),
  at: caller.deps.now().toISOString(),
});

/** An ISO instant as a Shanghai minute (`2025-11-27 14:03`), for messages. */
export const shanghaiMinute = (iso: string): string =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** 409 `precondition_failed`: what cannot be done now, and why, in both languages. */
export const preconditionFailed = (zh: string, en: string, detail: Record<string, unknown> = {}) =>
  new AppError({ status: 409, code: 'precondition_failed', zh, en, detail });

export const loadRun = (caller: Caller, cycle: Cycle, runId: string): Promise<EvaluationRun> =>
  caller.deps.data.evaluation.runs.getOr404(tenant(caller), cycle.id, runId);

/** The cycle's released pointer as stored (parsed), or undefined before any release. */
export const releasedPointer = async (
  caller: Caller,
  cycle: Cycle | string,
): Promise<ReleasePointer | undefined> => {
  const p = await caller.deps.data.evaluation.runs.released(
    tenant(caller),
    typeof cycle === 'string' ? cycle : cycle.id,
  );
  return p ? releasePointerSchema.parse(p) : undefined;
};

export async function loadRunContext(caller: Caller, cycleId: string, runId: string) {
  const cycle = await loadCycle(caller, cycleId);
  const [run, pointer] = await Promise.all([loadRun(caller, cycle, runId), releasedPointer(caller, cycle)]);
  return { cycle, run, pointer };
}

/**
 * The status as units and the office should read it: the pointer is the truth of what is
 * released (the run records are marked after the flip, best-effort), so a current run shows as
 * released and a run the pointer moved away from as superseded.
 */
export function effectiveStatus(run: EvaluationRun, pointer: ReleasePointer | undefined): RunStatus {
  if (pointer?.run === run.id) return 'released';
  return run.status === 'released' ? 'superseded' : run.status;
}

/** Whether a running run's lease ran out (its process stopped without recording why). */
export const isStale = (run: EvaluationRun, now: Date): boolean =>
  run.status === 'running' && (!run.leaseUntil || run.leaseUntil < now.toISOString());

/** The run with its progress and what the caller may do with it now. */
export function runView(
  caller: Caller,
  cycle: Cycle,
  run: EvaluationRun,
  pointer: ReleasePointer | undefined,
): RunView {
  const status = effectiveStatus(run, pointer);
  const current = pointer?.run === run.id;
  const stale = isStale(run, caller.deps.now());
  const office = can(caller.identity, 'evaluation:run');
  const percent =
    run.total > 0
      ? Math.min(100, Math.floor((run.scored * 100) / run.total))
      : FINISHED.includes(status)
        ? 100
        : 0;
  return runViewSchema.parse({
    ...run,
    status,
    percent,
    current,
    stale,
    resumable: office && (status === 'failed' || stale),
    releasable:
      office &&
      run.kind === 'official' &&
      (status === 'ready' || status === 'superseded') &&
      !current &&
      cycle.state === 'review',
  });
}

/** The calendar's appeal window and whether today (Asia/Shanghai) is within it. */
export function appealWindow(caller: Caller, cycle: Cycle) {
  const w = cycle.calendar.appeal;
  const day = today(caller);
  return { opens: w.opens, closes: w.closes, open: w.opens <= day && day <= w.closes };
}
