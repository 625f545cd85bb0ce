import {
  type AnnualPlan,
  type ConsultationComment,
  errors,
  nextPlanStatus,
  PLAN_ACTION_LABELS,
  type PlanFacts,
  type PlanTransition,
  planIssues,
  planReason,
} from '@jixiao/core';
import { newId } from '@jixiao/data';
import {
  isOffice,
  isOwnUnit,
  loadCycle,
  recordAudit,
  tenant,
  today,
  type UnitInCycle,
  unitInCycle,
} from '../cycles/context';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { ACTION_STATES, OFFICE_ACTIONS, PLAN, planOr404, planView, UNIT_ACTIONS } from './view';

/** The day `days` after `day` (both Shanghai calendar days). */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const NO_FACTS: PlanFacts = {
  consultationClosed: true,
  commentsPending: 0,
  commentsUnanswered: 0,
  issues: [],
};

/** What submitting reads: the consultation held and closed, the comments dealt with, a complete plan. */
async function submitFacts(
  caller: Caller,
  plan: AnnualPlan,
  u: UnitInCycle,
  year: number,
): Promise<PlanFacts> {
  const comments = await caller.deps.data.cycleRecords.all<ConsultationComment>(
    tenant(caller),
    plan.cycle,
    'COMMENT',
    [plan.unit],
  );
  return {
    consultationClosed: plan.consultation?.closedAt !== undefined,
    commentsPending: comments.filter((c) => c.status === 'pending').length,
    commentsUnanswered: comments.filter((c) => c.status === 'published' && !c.answer).length,
    issues: planIssues(plan, u.leaves, year).map(({ zh, en }) => ({ zh, en })),
  };
}

/**
 * A step of the plan: the unit opens and closes its public consultation (art. 11) and submits;
 * the office publishes an approved plan or reopens it for changes (with a reason). Another role's
 * action is 403, a step the status does not allow 409 with what is allowed.
 */
export async function transitionPlan(caller: Caller, cycleId: string, unit: string, body: PlanTransition) {
  const t = tenant(caller);
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  const { action } = body;
  const label = PLAN_ACTION_LABELS[action];
  if (UNIT_ACTIONS.includes(action) && !isOwnUnit(caller, unit))
    throw errors.forbidden(`为该单位${label.zh}`, `${label.en.toLowerCase()} for this unit`);
  if (OFFICE_ACTIONS.includes(action) && !isOffice(caller))
    throw errors.forbidden(label.zh, label.en.toLowerCase());
  requireState(cycle, ACTION_STATES[action], { zh: label.zh, en: label.en.toLowerCase() });
  const reason = planReason(action, body.reason, 'body.reason');
  const plan = await planOr404(caller, cycle, unit);
  const facts = action === 'submit' ? await submitFacts(caller, plan, u, cycle.year) : NO_FACTS;
  const status = nextPlanStatus(plan.status, action, facts);
  const now = caller.deps.now().toISOString();
  const changes: Partial<AnnualPlan> = { status };
  let consultationLink: { id: string } | undefined;
  switch (action) {
    case 'open_consultation': {
      const opens = today(caller);
      const days = body.days ?? cycle.calendar.consultationDays;
      // A new consultation each time (the public link of a closed one stays readable until replaced).
      consultationLink = { id: newId('consultation') };
      changes.consultation = { id: consultationLink.id, opens, closes: addDays(opens, days) };
      break;
    }
    case 'close_consultation':
      // The schema's status machine only lets a plan in consultation get here, so it has one.
      changes.consultation = { ...plan.consultation!, closedAt: now };
      break;
    case 'submit':
      changes.round = plan.round + 1;
      // The first submission is kept: it decides whether the plan came in late.
      changes.submittedAt = plan.submittedAt ?? now;
      break;
    case 'publish':
      changes.publishedAt = now;
      break;
    default:
      break;
  }
  const saved = await caller.deps.data.cycleRecords.update<AnnualPlan>(
    t,
    cycleId,
    'PLAN',
    [unit],
    body.version,
    changes,
    PLAN,
  );
  // The link is made after the plan names it, so a lost race leaves no link to a plan without it.
  if (consultationLink)
    await caller.deps.data.consultations.create(t, { id: consultationLink.id, cycle: cycleId, unit });
  await recordAudit(caller, {
    action: 'plan.transition',
    target: { type: 'plan', id: `${cycleId}/${unit}` },
    before: { status: plan.status },
    after: { ...changes },
    note: reason ? `${action}: ${reason}` : action,
  });
  return planView(caller, cycle, u, saved);
}
