import {
  type AnnualPlan,
  type Cycle,
  type CycleAction,
  type CycleFacts,
  type CycleView,
  calendarIssues,
  cycleActionsIn,
  reopenTargets,
  type SelfAssessment,
  unmetPreconditions,
  type ValueRecord,
} from '@jixiao/core';
import type { Caller } from '../http/caller';
import { isOffice, seesAllUnits, tenant, today, unitsInCycle } from './context';

type Forward = Exclude<CycleAction, 'reopen'>;

/** The forward action the cycle's state allows, if any. */
export const nextForward = (cycle: Cycle): Forward | undefined =>
  cycleActionsIn(cycle.state).find((a): a is Forward => a !== 'reopen');

/**
 * The facts `action` needs (the others stay zero, so a GET does not read every record of the
 * cycle): bindings and calendar for opening planning, plans for monitoring, self-assessments for
 * verification, values for the review.
 */
export async function cycleFacts(
  caller: Caller,
  cycle: Cycle,
  action: Forward | undefined,
): Promise<CycleFacts> {
  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const units = await unitsInCycle(caller, cycle);
  const inScope = new Set(units.map((u) => u.code));
  const facts: CycleFacts = {
    today: today(caller),
    unapprovedBindings: [],
    units: units.length,
    plansApproved: 0,
    selfSubmitted: 0,
    valuesPending: 0,
    selfAssessmentCloses: cycle.calendar.selfAssessment.closes,
    calendarProblems: [],
  };
  if (action === 'open_planning') {
    for (const b of cycle.bindings) {
      const s = await caller.deps.data.indicatorSystems
        .getVersion(t, b.system, b.systemVersion)
        .catch(() => undefined);
      if (s?.status !== 'approved') facts.unapprovedBindings.push(`${b.system}@${b.systemVersion}`);
    }
    facts.calendarProblems = calendarIssues(cycle.calendar, cycle.year).map(({ zh, en }) => ({ zh, en }));
  } else if (action === 'start_monitoring') {
    const plans = await records.all<AnnualPlan>(t, cycle.id, 'PLAN');
    facts.plansApproved = plans.filter(
      (p) => inScope.has(p.unit) && (p.status === 'approved' || p.status === 'published'),
    ).length;
  } else if (action === 'start_verification') {
    const selves = await records.all<SelfAssessment>(t, cycle.id, 'SELF');
    facts.selfSubmitted = selves.filter((s) => inScope.has(s.unit) && s.status === 'submitted').length;
  } else if (action === 'start_review') {
    const values = await records.all<ValueRecord>(t, cycle.id, 'VAL');
    facts.valuesPending = values.filter((v) => inScope.has(v.unit) && v.status === 'pending').length;
  }
  return facts;
}

/**
 * A cycle with what the caller may do and, for those who oversee the whole tenant, what blocks
 * the next step (so the console can say why a button would be refused).
 */
export async function cycleView(caller: Caller, cycle: Cycle): Promise<CycleView> {
  const office = isOffice(caller);
  const action = nextForward(cycle);
  const overseer = seesAllUnits(caller);
  const facts = await cycleFacts(caller, cycle, overseer ? action : undefined);
  return {
    ...cycle,
    allowed: {
      edit: office && cycle.state !== 'closed',
      actions: office ? cycleActionsIn(cycle.state) : [],
      reopenTo: office ? reopenTargets(cycle.state) : [],
    },
    units: facts.units,
    blockers:
      overseer && action
        ? unmetPreconditions(action, facts).map(({ zh, en }) => ({ path: action, zh, en }))
        : [],
  };
}
