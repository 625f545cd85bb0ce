import {
  type AnnualPlan,
  type Cycle,
  errors,
  isPlanEditable,
  type PlanAction,
  type PlanView,
  planActionsIn,
  planIssues,
} from '@jixiao/core';
import { isOffice, isOwnUnit, tenant, type UnitInCycle } from '../cycles/context';
import { OPEN_STATES } from '../cycles/gate';
import type { Caller } from '../http/caller';

/** Where a unit's annual plan lives among the cycle's records, and what it is called in errors. */
export const PLAN = { zh: '年度绩效计划', en: 'Annual plan' };

export const readPlan = (caller: Caller, cycle: Cycle, unit: string) =>
  caller.deps.data.cycleRecords.get<AnnualPlan>(tenant(caller), cycle.id, 'PLAN', [unit]);

export async function planOr404(caller: Caller, cycle: Cycle, unit: string): Promise<AnnualPlan> {
  const plan = await readPlan(caller, cycle, unit);
  if (!plan) throw errors.notFound(PLAN.zh, PLAN.en);
  return plan;
}

/** Who takes each action on a plan, and in which states of the cycle. */
export const UNIT_ACTIONS: readonly PlanAction[] = ['open_consultation', 'close_consultation', 'submit'];
export const OFFICE_ACTIONS: readonly PlanAction[] = ['publish', 'reopen'];

/**
 * Where each action is open: the unit's part and the office's reopening only while plans are
 * made (reopening returns the plan to the unit, who can only change it then); the office's review
 * and publication from planning on, until the cycle closes.
 */
export const ACTION_STATES: Record<PlanAction, readonly Cycle['state'][]> = {
  open_consultation: ['planning'],
  close_consultation: ['planning'],
  submit: ['planning'],
  reopen: ['planning'],
  review: OPEN_STATES.filter((s) => s !== 'draft'),
  publish: OPEN_STATES.filter((s) => s !== 'draft'),
};

/** The plan with its indicators, what stands in the way of submitting, and what the caller may do. */
export function planView(
  caller: Caller,
  cycle: Cycle,
  u: UnitInCycle,
  plan: AnnualPlan | undefined,
): PlanView {
  const code = u.unit.code;
  const office = isOffice(caller);
  const mine = isOwnUnit(caller, code);
  const status = plan?.status;
  const actions = status
    ? planActionsIn(status).filter(
        (a) =>
          ((mine && UNIT_ACTIONS.includes(a)) || (office && OFFICE_ACTIONS.includes(a))) &&
          ACTION_STATES[a].includes(cycle.state),
      )
    : [];
  const view: PlanView = {
    cycle: { id: cycle.id, name: cycle.name, year: cycle.year, state: cycle.state },
    unit: { code, name: u.unit.name, group: u.group },
    leaves: u.leaves,
    issues: planIssues(plan ?? { basis: '', items: [] }, u.leaves, cycle.year),
    allowed: {
      edit: mine && isPlanEditable(status ?? 'draft') && cycle.state === 'planning',
      actions,
      review: office && status === 'submitted' && ACTION_STATES.review.includes(cycle.state),
    },
  };
  if (plan) view.plan = plan;
  if (plan?.consultation)
    view.consultationPath = `/console/public/${tenant(caller)}/consultations/${plan.consultation.id}`;
  return view;
}
