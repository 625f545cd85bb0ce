import { AppError, CYCLE_STATE_LABELS, type Cycle, type CycleState } from '@jixiao/core';

/**
 * The product's state gating: each step of the year is open in some states of the cycle only, and
 * nothing is written once it is closed. One wording for every resource of the cycle.
 */

const quoted = (states: readonly CycleState[], lang: 'zh' | 'en') =>
  states.map((s) => (lang === 'zh' ? `「${CYCLE_STATE_LABELS[s].zh}」` : CYCLE_STATE_LABELS[s].en));

/** 409 `invalid_state` unless the cycle is in one of `states`; `step` names what was tried. */
export function requireState(
  cycle: Cycle,
  states: readonly CycleState[],
  step: { zh: string; en: string },
): void {
  if (states.includes(cycle.state) && cycle.state !== 'closed') return;
  const cur = CYCLE_STATE_LABELS[cycle.state];
  const closed = cycle.state === 'closed';
  throw new AppError({
    status: 409,
    code: 'invalid_state',
    zh: closed
      ? `考核周期已结束，不能${step.zh}。`
      : `考核周期当前为「${cur.zh}」，不能${step.zh}：须在${quoted(states, 'zh').join('或')}环节进行。`,
    en: closed
      ? `The cycle is closed; you cannot ${step.en}.`
      : `The cycle is in ${cur.en}; you cannot ${step.en} now: that is done in ${quoted(states, 'en').join(' or ')}.`,
    detail: { state: cycle.state, allowedIn: states },
  });
}

/** Every state but closed. */
export const OPEN_STATES: readonly CycleState[] = [
  'draft',
  'planning',
  'monitoring',
  'self_assessment',
  'verification',
  'review',
];

/** From `from` on, before closed (e.g. office review of plans: planning and later). */
export const statesFrom = (from: CycleState): CycleState[] => OPEN_STATES.slice(OPEN_STATES.indexOf(from));
