import { AppError } from '../errors/app-error';
import { CYCLE_ACTION_LABELS, CYCLE_STATE_LABELS } from '../vocabulary/cycle-labels';
import { CYCLE_STATES, type CycleAction, type CycleState } from './model';

/**
 * The cycle's state machine. Each forward action opens the next step for units; the office may
 * reopen an earlier step (with a reason, recorded on the cycle and in the audit trail):
 *
 *   draft ─open_planning─▶ planning ─start_monitoring─▶ monitoring ─open_self_assessment─▶
 *   self_assessment ─start_verification─▶ verification ─start_review─▶ review ─close─▶ closed
 *            ▲__________________________ reopen (to any earlier step but draft) ____________│
 *
 * Preconditions are checked on facts the use case gathers (`CycleFacts`), so this stays pure.
 */

const FORWARD: Partial<Record<CycleState, Exclude<CycleAction, 'reopen'>>> = {
  draft: 'open_planning',
  planning: 'start_monitoring',
  monitoring: 'open_self_assessment',
  self_assessment: 'start_verification',
  verification: 'start_review',
  review: 'close',
};

const order = (s: CycleState) => CYCLE_STATES.indexOf(s);

/** The actions possible in a state (before preconditions), in the order the console shows them. */
export function cycleActionsIn(state: CycleState): CycleAction[] {
  const fwd = FORWARD[state];
  return [...(fwd ? [fwd] : []), ...(order(state) > order('planning') ? (['reopen'] as const) : [])];
}

/** Steps a cycle in `state` may be reopened to: every earlier step but draft. */
export const reopenTargets = (state: CycleState): CycleState[] =>
  CYCLE_STATES.filter((s) => s !== 'draft' && order(s) < order(state));

/** What the use case found out before a transition. Only the facts an action needs are read. */
export interface CycleFacts {
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  /** Bound system versions that are not approved (id@version). */
  unapprovedBindings: string[];
  /** Units in the cycle's scope (by the bound groups). */
  units: number;
  /** Units whose annual plan is approved or published. */
  plansApproved: number;
  selfSubmitted: number;
  /** Value records that are still pending verification. */
  valuesPending: number;
  selfAssessmentCloses: string;
  /** Calendar problems (from `calendarIssues`), as words. */
  calendarProblems: { zh: string; en: string }[];
}

export interface Unmet {
  zh: string;
  en: string;
}

/** The preconditions of a forward action that the facts do not meet (empty = allowed). */
export function unmetPreconditions(action: Exclude<CycleAction, 'reopen'>, f: CycleFacts): Unmet[] {
  const out: Unmet[] = [];
  switch (action) {
    case 'open_planning':
      if (f.unapprovedBindings.length > 0 || f.units === 0)
        out.push(
          f.units === 0
            ? {
                zh: '尚未绑定已备案的指标体系和单位分组（范围内没有单位）',
                en: 'No approved indicator system is bound to a unit group with units',
              }
            : {
                zh: `绑定的指标体系版本未备案：${f.unapprovedBindings.join('、')}`,
                en: `Bound system versions are not approved: ${f.unapprovedBindings.join(', ')}`,
              },
        );
      out.push(...f.calendarProblems);
      break;
    case 'start_monitoring':
      if (f.plansApproved < f.units)
        out.push({
          zh: `还有 ${f.units - f.plansApproved} 个单位的年度绩效计划未经批准（共 ${f.units} 个）`,
          en: `${f.units - f.plansApproved} of ${f.units} unit(s) have no approved annual plan yet`,
        });
      break;
    case 'start_verification':
      if (f.selfSubmitted < f.units && f.today <= f.selfAssessmentCloses)
        out.push({
          zh: `自我测评截止日（${f.selfAssessmentCloses}）前还有 ${f.units - f.selfSubmitted} 个单位未提交`,
          en: `${f.units - f.selfSubmitted} unit(s) have not submitted, and the self-assessment window closes ${f.selfAssessmentCloses}`,
        });
      break;
    case 'start_review':
      if (f.valuesPending > 0)
        out.push({
          zh: `还有 ${f.valuesPending} 项指标数据待核验`,
          en: `${f.valuesPending} value(s) still await verification`,
        });
      break;
    default:
      break;
  }
  return out;
}

/**
 * The state after a forward action, or 409: `invalid_transition` when the state does not allow
 * it, `precondition_failed` with every unmet condition when the facts do not.
 */
export function nextCycleState(state: CycleState, action: CycleAction, facts: CycleFacts): CycleState {
  if (action === 'reopen' || FORWARD[state] !== action) throw invalidCycleTransition(state, action);
  const unmet = unmetPreconditions(action, facts);
  if (unmet.length > 0) {
    const act = CYCLE_ACTION_LABELS[action];
    throw new AppError({
      status: 409,
      code: 'precondition_failed',
      zh: `不能「${act.zh}」：${unmet.map((u) => u.zh).join('；')}。`,
      en: `Cannot ${act.en.toLowerCase()}: ${unmet.map((u) => u.en).join('; ')}.`,
      detail: { state, action, unmet },
    });
  }
  return CYCLE_STATES[order(state) + 1]!;
}

/** Reopening `to` from `state`: 409 unless `to` is an earlier step (not draft). */
export function reopenCycle(state: CycleState, to: CycleState): CycleState {
  if (!reopenTargets(state).includes(to)) {
    const cur = CYCLE_STATE_LABELS[state];
    const target = CYCLE_STATE_LABELS[to];
    throw new AppError({
      status: 409,
      code: 'invalid_transition',
      zh: `考核周期当前为「${cur.zh}」，不能重新开放「${target.zh}」：只能重新开放已经过的环节（不含筹备）。`,
      en: `The cycle is in ${cur.en}; ${target.en} cannot be reopened: only a step already passed (not draft) can.`,
      detail: { state, to, allowed: reopenTargets(state) },
    });
  }
  return to;
}

/** What reopening a step lets units do again, in words for the audit trail and the console. */
export const REOPENS: Record<CycleState, { zh: string; en: string }> = {
  draft: { zh: '', en: '' },
  planning: { zh: '单位可再次修改并提交年度绩效计划', en: 'Units may change and submit annual plans again' },
  monitoring: { zh: '单位可再次报送进度', en: 'Units may report progress again' },
  self_assessment: {
    zh: '单位可再次填报并提交自评',
    en: 'Units may fill in and submit self-assessments again',
  },
  verification: {
    zh: '考核办和数据提供部门可再次核验数据',
    en: 'The office and data providers may verify values again',
  },
  review: { zh: '重新进入综合评议', en: 'The review is open again' },
  closed: { zh: '', en: '' },
};

function invalidCycleTransition(state: CycleState, action: CycleAction): AppError {
  const cur = CYCLE_STATE_LABELS[state];
  const act = CYCLE_ACTION_LABELS[action];
  const allowed = cycleActionsIn(state);
  return new AppError({
    status: 409,
    code: 'invalid_transition',
    zh: `考核周期当前为「${cur.zh}」，不能执行「${act.zh}」。${allowed.length ? `当前可执行：${allowed.map((a) => `「${CYCLE_ACTION_LABELS[a].zh}」`).join('、')}。` : '该周期已结束。'}`,
    en: `The cycle is in ${cur.en}; "${act.en}" is not possible. ${allowed.length ? `Allowed now: ${allowed.map((a) => CYCLE_ACTION_LABELS[a].en).join(', ')}.` : 'The cycle has ended.'}`,
    detail: { state, action, allowed },
  });
}
