import { type AnnualPlan, type Cycle, type SelfAssessment, shanghaiDay } from '@jixiao/core';

/**
 * Whether a unit missed a deadline of the calendar (Asia/Shanghai days). Late work is accepted
 * where the product allows it, and flagged.
 */

const dayOf = (iso: string) => shanghaiDay(new Date(iso));

/**
 * A plan is late when its first submission came after the plan deadline, or when it has never
 * been submitted and the deadline has passed. (`submittedAt` keeps the first submission: a plan
 * the office returned is not late for being submitted again.)
 */
export function planLate(
  cycle: Pick<Cycle, 'calendar'>,
  plan: Pick<AnnualPlan, 'submittedAt'> | undefined,
  today: string,
) {
  const deadline = cycle.calendar.planDeadline;
  return plan?.submittedAt ? dayOf(plan.submittedAt) > deadline : today > deadline;
}

/** A self-assessment is late when it was (or still is not) submitted after the window closed. */
export function selfLate(
  cycle: Pick<Cycle, 'calendar'>,
  self: Pick<SelfAssessment, 'status' | 'submittedAt'> | undefined,
  today: string,
) {
  const closes = cycle.calendar.selfAssessment.closes;
  if (self?.status === 'submitted') return self.submittedAt !== undefined && dayOf(self.submittedAt) > closes;
  return today > closes;
}
