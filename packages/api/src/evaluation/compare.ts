import { compareDigests, type RunComparison } from '@jixiao/core';
import type { Caller } from '../http/caller';
import { cycleRef } from '../monitoring/shared';
import { loadRun, loadRunContext, preconditionFailed, runView } from './context';
import { requireFinished } from './results';
import { readDigest } from './run-objects';

/**
 * What changed from another run (`with`, by default the run's `previous`) to this one and why,
 * from the two runs' digests: the earlier run is `against` (before), this run is after.
 */
export async function compareRuns(
  caller: Caller,
  cycleId: string,
  runId: string,
  withRun: string | undefined,
): Promise<RunComparison> {
  const { cycle, run, pointer } = await loadRunContext(caller, cycleId, runId);
  const otherId = withRun ?? run.previous;
  if (!otherId)
    throw preconditionFailed(
      `第 ${run.number} 次计算之前没有已完成的计算，无从比较。`,
      `There is no earlier finished run to compare run ${run.number} with.`,
    );
  const other = await loadRun(caller, cycle, otherId);
  requireFinished(run, pointer);
  requireFinished(other, pointer);
  const [before, after] = await Promise.all([
    readDigest(caller, cycle.id, other.id),
    readDigest(caller, cycle.id, run.id),
  ]);
  const { summary, units } = compareDigests(before, after);
  return {
    cycle: cycleRef(cycle),
    run: runView(caller, cycle, run, pointer),
    against: runView(caller, cycle, other, pointer),
    summary,
    units,
  };
}
