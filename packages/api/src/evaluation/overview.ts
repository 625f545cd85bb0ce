import {
  type EvaluationOverview,
  type EvaluationRun,
  type Meeting,
  type ReadinessFacts,
  readinessOf,
  type ValueRecord,
} from '@jixiao/core';
import { loadCycle, tenant, unitsInCycle } from '../cycles/context';
import type { Caller } from '../http/caller';
import { cycleRef } from '../monitoring/shared';
import { MEETING_PATH } from '../review-meeting/view';
import { appealWindow, isStale, releasedPointer, runView } from './context';

/**
 * The cycle's evaluation at a glance: what a run started now would be and what blocks it, the run
 * under way, every run newest first, the released pointer and the appeal window.
 */
export async function overview(caller: Caller, cycleId: string): Promise<EvaluationOverview> {
  const cycle = await loadCycle(caller, cycleId);
  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const [runs, pointer, units, values, rounds, surveys, meeting, determinations] = await Promise.all([
    caller.deps.data.evaluation.runs.all(t, cycle.id),
    releasedPointer(caller, cycle),
    unitsInCycle(caller, cycle),
    records.all<ValueRecord>(t, cycle.id, 'VAL'),
    records.all<{ status: string }>(t, cycle.id, 'EXPROUND'),
    records.all<{ status: string }>(t, cycle.id, 'SURVEY'),
    records.get<Meeting>(t, cycle.id, 'MEETING', MEETING_PATH),
    records.all(t, cycle.id, 'DETERM'),
  ]);
  const newestFirst = [...runs].sort((a, b) => b.number - a.number);
  const now = caller.deps.now();
  // Only a run whose lease holds blocks a start; a stale one (its process gone) may be resumed instead.
  const running = newestFirst.find((r) => r.status === 'running' && !isStale(r, now));
  const inScope = new Set(units.map((u) => u.code));
  const facts: ReadinessFacts = {
    state: cycle.state,
    ...(running ? { running: { number: running.number } } : {}),
    units: units.length,
    pendingValues: values.filter((v) => inScope.has(v.unit) && v.status === 'pending').length,
    openRounds: rounds.filter((r) => r.status === 'open').length,
    openSurveys: surveys.filter((s) => s.status === 'open').length,
    meeting: !meeting ? 'none' : meeting.status === 'concluded' ? 'concluded' : 'draft',
    determinations: determinations.length,
  };
  const view = (r: EvaluationRun) => runView(caller, cycle, r, pointer);
  const active = running ?? newestFirst.find((r) => r.status === 'running');
  return {
    cycle: cycleRef(cycle),
    readiness: readinessOf(facts),
    active: active ? view(active) : null,
    runs: newestFirst.map(view),
    released: pointer ?? null,
    appealWindow: appealWindow(caller, cycle),
  };
}
