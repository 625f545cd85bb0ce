import { AppError } from '../errors/app-error';
import { errors } from '../errors/catalogue';
import {
  ANNUAL_PLAN_STATUS_LABELS,
  PLAN_ACTION_LABELS,
  REVIEW_DECISION_LABELS,
} from '../vocabulary/cycle-labels';
import {
  type AnnualPlanStatus,
  type ItemReview,
  PLAN_ACTIONS,
  type PlanAction,
  type PlanReview,
  type ReviewDecision,
} from './plans';
import type { Unmet } from './states';

/**
 * The annual plan's status machine (Harbin draft arts. 11–12):
 *
 *   draft ─open_consultation─▶ consultation ─close_consultation─▶ draft   (公开征求意见, kept with closedAt)
 *   draft | returned ─submit─▶ submitted ─review─▶ approved ─publish─▶ published
 *                                   │  └─(some leaf undecided)─▶ submitted
 *                                   └──(any leaf returned)────▶ returned
 *   submitted | approved | published ─reopen (office, with a reason)─▶ returned
 *
 * Submission needs a public consultation held and closed (art. 11), no comment awaiting
 * moderation, every published comment answered, and a complete plan: facts the use case gathers
 * (`PlanFacts`), so this stays pure.
 */

// TODO(lead): move to ../vocabulary/cycle-labels.ts (one wording per enum) and register `planAction`.
const NEXT: Record<AnnualPlanStatus, Partial<Record<PlanAction, AnnualPlanStatus>>> = {
  draft: { open_consultation: 'consultation', submit: 'submitted' },
  consultation: { close_consultation: 'draft' },
  returned: { submit: 'submitted' },
  // `review` stays submitted until every leaf is decided; `applyReview` gives the outcome.
  submitted: { review: 'submitted', reopen: 'returned' },
  approved: { publish: 'published', reopen: 'returned' },
  published: { reopen: 'returned' },
};

/** The actions possible in a status (before preconditions), in the order the console shows them. */
export const planActionsIn = (status: AnnualPlanStatus): PlanAction[] =>
  PLAN_ACTIONS.filter((a) => NEXT[status]?.[a] !== undefined);

/** Only a draft or a returned plan is changed by its unit. */
export const isPlanEditable = (status: AnnualPlanStatus): boolean =>
  status === 'draft' || status === 'returned';

/** What the use case found out before a transition; only `submit` reads them. */
export interface PlanFacts {
  /** A public consultation was held and has closed. */
  consultationClosed: boolean;
  /** Public comments still awaiting moderation. */
  commentsPending: number;
  /** Published comments the unit has not answered. */
  commentsUnanswered: number;
  /** `planIssues` of the plan, as words. */
  issues: { zh: string; en: string }[];
}

/** The conditions of submitting a plan that the facts do not meet (empty = may submit). */
export function unmetPlanPreconditions(f: PlanFacts): Unmet[] {
  const out: Unmet[] = [];
  if (!f.consultationClosed)
    out.push({
      zh: '年度绩效计划须先公开征求社会公众意见并结束征求（第十一条）',
      en: 'The plan must first be open for public comment, and the comment period closed (art. 11)',
    });
  if (f.commentsPending > 0)
    out.push({
      zh: `还有 ${f.commentsPending} 条公众意见待审核`,
      en: `${f.commentsPending} public comment${f.commentsPending > 1 ? 's await' : ' awaits'} moderation`,
    });
  if (f.commentsUnanswered > 0)
    out.push({
      zh: `还有 ${f.commentsUnanswered} 条已公开的公众意见未答复`,
      en: `${f.commentsUnanswered} published comment${f.commentsUnanswered > 1 ? 's are' : ' is'} not answered`,
    });
  if (f.issues.length > 0) {
    const shown = f.issues.slice(0, 3);
    const more = f.issues.length - shown.length;
    out.push({
      zh: `计划还有 ${f.issues.length} 处需完善：${shown.map((i) => i.zh).join('；')}${more > 0 ? '；等' : ''}`,
      en: `the plan has ${f.issues.length} gap${f.issues.length > 1 ? 's' : ''}: ${shown.map((i) => i.en).join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
    });
  }
  return out;
}

function invalidPlanTransition(status: AnnualPlanStatus, action: PlanAction): AppError {
  const cur = ANNUAL_PLAN_STATUS_LABELS[status];
  const act = PLAN_ACTION_LABELS[action];
  const allowed = planActionsIn(status);
  return new AppError({
    status: 409,
    code: 'invalid_transition',
    zh: `年度绩效计划当前为「${cur.zh}」，不能执行「${act.zh}」。${allowed.length ? `当前可执行：${allowed.map((a) => `「${PLAN_ACTION_LABELS[a].zh}」`).join('、')}。` : '当前不能执行任何操作。'}`,
    en: `The annual plan is ${cur.en}; "${act.en}" is not possible. ${allowed.length ? `Allowed now: ${allowed.map((a) => PLAN_ACTION_LABELS[a].en).join(', ')}.` : 'No action is possible now.'}`,
    detail: { status, action, allowed },
  });
}

/**
 * The status after `action`, or 409: `invalid_transition` when the status does not allow it,
 * `precondition_failed` listing every unmet condition when submitting is not yet possible. For
 * `review` this only checks the status (submitted is returned); `applyReview` gives the outcome.
 */
export function nextPlanStatus(
  status: AnnualPlanStatus,
  action: PlanAction,
  facts: PlanFacts,
): AnnualPlanStatus {
  const next = NEXT[status]?.[action];
  if (next === undefined) throw invalidPlanTransition(status, action);
  if (action === 'submit') {
    const unmet = unmetPlanPreconditions(facts);
    if (unmet.length > 0)
      throw new AppError({
        status: 409,
        code: 'precondition_failed',
        zh: `不能「${PLAN_ACTION_LABELS.submit.zh}」：${unmet.map((u) => u.zh).join('；')}。`,
        en: `Cannot submit the plan: ${unmet.map((u) => u.en).join('; ')}.`,
        detail: { status, action, unmet, issues: facts.issues },
      });
  }
  return next;
}

/** A reopening says why (422 on `path` otherwise), trimmed; other actions need no reason. */
export function planReason(
  action: PlanAction,
  reason: string | undefined,
  path = 'reason',
): string | undefined {
  const trimmed = reason?.trim() || undefined;
  if (action === 'reopen' && trimmed === undefined)
    throw errors.validation([
      {
        path,
        zh: `${PLAN_ACTION_LABELS.reopen.zh}须说明理由`,
        en: 'Reopening a plan for changes needs a reason',
      },
    ]);
  return trimmed;
}

/** Each leaf's latest decision in `round`. */
export function latestDecisions(reviews: readonly ItemReview[], round: number): Map<string, ReviewDecision> {
  const out = new Map<string, ReviewDecision>();
  for (const r of reviews) if (r.round === round) out.set(r.leaf, r.decision);
  return out;
}

/**
 * The office's decisions on a submitted plan (art. 12 ¶1), appended to its reviews in the plan's
 * current round. The plan is approved when every leaf's latest decision this round is 'approved',
 * returned when any is 'returned', and stays submitted while some leaves are undecided. A decision
 * for a leaf outside `leaves` (the unit's applicable leaves) is a 422 on `decisions.<i>.leaf`.
 * When `plan.status` is given, it must be submitted (409 otherwise).
 */
export function applyReview(
  plan: { reviews: readonly ItemReview[]; round: number; status?: AnnualPlanStatus },
  decisions: PlanReview['decisions'],
  leaves: readonly string[],
  by: string,
  at: string,
  path = 'decisions',
): { reviews: ItemReview[]; status: 'submitted' | 'approved' | 'returned' } {
  if (plan.status !== undefined && plan.status !== 'submitted')
    throw invalidPlanTransition(plan.status, 'review');
  const known = new Set(leaves);
  const unknown = decisions.flatMap((d, i) =>
    known.has(d.leaf)
      ? []
      : [
          {
            path: `${path}.${i}.leaf`,
            zh: `指标 ${d.leaf} 不在该单位的年度绩效计划中，不能${REVIEW_DECISION_LABELS[d.decision].zh}`,
            en: `Indicator ${d.leaf} is not in this unit's annual plan, so it cannot be ${REVIEW_DECISION_LABELS[d.decision].en.toLowerCase()}`,
          },
        ],
  );
  if (unknown.length > 0) throw errors.validation(unknown);
  const added: ItemReview[] = decisions.map((d) => {
    const r: ItemReview = { leaf: d.leaf, decision: d.decision, round: plan.round, by, at };
    const comment = d.comment?.trim();
    if (comment) r.comment = comment;
    return r;
  });
  const reviews = [...plan.reviews, ...added];
  const latest = latestDecisions(reviews, plan.round);
  const decided = leaves.map((l) => latest.get(l));
  const status = decided.includes('returned')
    ? 'returned'
    : decided.every((d) => d === 'approved')
      ? 'approved'
      : 'submitted';
  return { reviews, status };
}
