import {
  type Appeal,
  type AppealView,
  appealOutcome,
  type Cycle,
  can,
  type EvaluationRun,
  type ReleasePointer,
} from '@jixiao/core';
import { isOffice, isOwnUnit, seesAllUnits, tenant } from '../cycles/context';
import { releasedPointer } from '../evaluation/context';
import type { Caller } from '../http/caller';
import { standingCache } from './released';

/** How an appeal is shown: its record, the run that took it in, the outcome once re-released, what the caller may do. */

export const APPEAL = { zh: '申诉', en: 'Appeal' };

export interface AppealViews {
  view(a: Appeal): Promise<AppealView>;
  pointer: ReleasePointer | undefined;
}

/** Reads what the views of one request need once: the released pointer, the runs, standings as asked. */
export async function appealViews(
  caller: Caller,
  cycle: Cycle,
  unitNames: ReadonlyMap<string, string>,
): Promise<AppealViews> {
  const [pointer, runs] = await Promise.all([
    releasedPointer(caller, cycle.id),
    caller.deps.data.evaluation.runs.all(tenant(caller), cycle.id),
  ]);
  const standing = standingCache(caller, cycle.id);
  const byNumber = [...runs].sort((a, b) => a.number - b.number);
  // The run that took the appeal in: never a failed one (a later run takes it in again), and to a
  // unit only a run that was released — a unit never learns of a run the office has not released.
  const released = new Set([...(pointer ? [pointer.run, ...pointer.history.map((h) => h.run)] : [])]);
  const office = seesAllUnits(caller);
  const includedIn = (id: string): EvaluationRun | undefined =>
    byNumber.find((r) => r.status !== 'failed' && r.appeals?.includes(id) && (office || released.has(r.id)));
  const statusOf = (r: EvaluationRun) =>
    pointer?.run === r.id ? 'released' : r.status === 'released' ? 'superseded' : r.status;
  const open = cycle.state === 'review';
  return {
    pointer,
    async view(a) {
      const later = pointer && pointer.number > a.appealed.number ? pointer : undefined;
      const after = later ? await standing({ id: later.run, number: later.number }, a.unit) : undefined;
      const run = includedIn(a.id);
      const submitted = a.status === 'submitted';
      return {
        ...a,
        unitName: unitNames.get(a.unit) ?? a.unit,
        includedIn: run ? { run: run.id, number: run.number, status: statusOf(run) } : null,
        outcome: appealOutcome(a.appealed, after),
        allowed: {
          withdraw: open && submitted && isOwnUnit(caller, a.unit) && can(caller.identity, 'appeals:write'),
          decide: open && submitted && isOffice(caller) && can(caller.identity, 'appeals:decide'),
        },
      };
    },
  };
}
