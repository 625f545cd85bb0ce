import { can, errors, type ReleasedResultView } from '@jixiao/core';
import { isOwnUnit, loadCycle, tenant, unitInCycle } from '../cycles/context';
import type { Caller } from '../http/caller';
import { cycleRef, unitRef } from '../monitoring/shared';
import { appealWindow, releasedPointer } from './context';
import { readUnitResult } from './run-objects';

/**
 * A unit's released result, read ONLY through the cycle's pointer: no other run is ever shown
 * here. For the unit's own user and for those who oversee the cycle (office, observers); anyone
 * else finds it missing (404), exactly like a unit that does not exist. After a re-release (an
 * appeal's re-run), the unit's standing in the results released before is shown beside it.
 */
export async function releasedResult(
  caller: Caller,
  cycleId: string,
  unit: string,
): Promise<ReleasedResultView> {
  const cycle = await loadCycle(caller, cycleId);
  if (!isOwnUnit(caller, unit) && !can(caller.identity, 'cycles:oversee'))
    throw errors.notFound('单位不在该考核周期范围内', 'Unit not in this cycle');
  const u = await unitInCycle(caller, cycle, unit);
  const pointer = await releasedPointer(caller, cycle);
  const result = pointer ? await readUnitResult(caller, cycle.id, pointer.run, unit) : undefined;
  let previous: NonNullable<ReleasedResultView['released']>['previous'] = null;
  const before = pointer?.history.at(-1);
  if (result && before) {
    const row = await caller.deps.data.evaluation.runs.row(tenant(caller), cycle.id, before.run, unit);
    if (row) previous = { number: before.number, total: row.total.shown, rank: row.rank, grade: row.grade };
  }
  return {
    cycle: cycleRef(cycle),
    unit: unitRef(u.unit),
    released:
      pointer && result
        ? { run: pointer.run, number: pointer.number, at: pointer.released.at, result, previous }
        : null,
    appealWindow: appealWindow(caller, cycle),
  };
}
