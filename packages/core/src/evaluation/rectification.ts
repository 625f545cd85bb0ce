import { z } from 'zod';
import { daySchema } from '../cycles/model';
import { AppError } from '../errors/app-error';
import { idPattern } from '../ids';
import { codeSchema } from '../org/schemas';
import { bilingualSchema } from '../scoring/types';
import { RECTIFICATION_ACTION_LABELS, RECTIFICATION_STATUS_LABELS } from '../vocabulary/evaluation-labels';
import { outcomeCycleRefSchema, outcomeStampSchema, outcomeUnitRefSchema } from './appeals';

/**
 * Rectification (整改): problems found become tasks with an owner, a deadline and a status; units
 * report progress with evidence; overdue tasks are flagged; open tasks carry into next year's cycle.
 * Labels: ../vocabulary/evaluation-labels.ts.
 */

const bi = (zh: string, en: string) => `${zh} / ${en}`;
const required = (max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, { message: bi(`须填写${zh}`, `give ${en}`) })
    .max(max);

/** open → in_progress → done (the unit reports it done) → closed (the office confirms); or cancelled. */
export const RECTIFICATION_STATUSES = ['open', 'in_progress', 'done', 'closed', 'cancelled'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** Where the problem was found. */
export const RECTIFICATION_SOURCES = [
  'results',
  'appeal',
  'check',
  'meeting',
  'carried_over',
  'other',
] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

/** What the office does to a task besides editing it: confirm it closed (销号), cancel it, reopen it. */
export const RECTIFICATION_ACTIONS = ['close', 'cancel', 'reopen'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

/** Statuses a unit reports (the rest are the office's). */
export const REPORTED_STATUSES = ['in_progress', 'done'] as const satisfies readonly RectificationStatus[];

/** Sources the office names; `carried_over` is set only by the carry-over. */
export const CHOSEN_SOURCES = RECTIFICATION_SOURCES.filter((s) => s !== 'carried_over');

/** Progress reports kept per task (the latest ones; a task is reported monthly at most, in practice). */
export const MAX_PROGRESS = 100;

const evidenceIds = z
  .array(
    z.string().regex(idPattern('evidence'), { message: bi('佐证材料编号格式不正确', 'not an evidence id') }),
  )
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, {
    message: bi('佐证材料重复', 'a document is listed twice'),
  });

const chosenSource = z.enum(RECTIFICATION_SOURCES).refine((s) => s !== 'carried_over', {
  message: bi('「上年度结转」只由结转生成', 'carried_over is set by the carry-over only'),
});

const fields = {
  title: required(200, '整改事项', 'a title'),
  /** What was found (问题描述). */
  problem: required(4000, '问题描述', 'the problem found'),
  source: chosenSource,
  /** The indicator concerned, if any. */
  leaf: codeSchema.optional(),
  /** Who answers for it: a person or an office, in words (责任人或责任处室). */
  owner: required(100, '责任人或责任处室', 'an owner'),
  /** The last day to finish (Asia/Shanghai). */
  deadline: daySchema,
  /** The appeal or the run the problem came from. */
  appeal: z
    .string()
    .regex(idPattern('appeal'), { message: bi('申诉编号格式不正确', 'not an appeal id') })
    .optional(),
  run: z
    .string()
    .regex(idPattern('run'), { message: bi('计算批次编号格式不正确', 'not a run id') })
    .optional(),
};

export const rectificationCreateSchema = z.object(fields).strict().meta({ id: 'RectificationCreate' });
export type RectificationCreate = z.infer<typeof rectificationCreateSchema>;

export const rectificationPatchSchema = z
  .object({
    version: z.number().int().positive(),
    title: fields.title.optional(),
    problem: fields.problem.optional(),
    source: chosenSource.optional(),
    leaf: codeSchema.nullable().optional(),
    owner: fields.owner.optional(),
    deadline: daySchema.optional(),
    appeal: fields.appeal.unwrap().nullable().optional(),
    run: fields.run.unwrap().nullable().optional(),
  })
  .strict()
  .meta({ id: 'RectificationPatch' });
export type RectificationPatch = z.infer<typeof rectificationPatchSchema>;

export const rectificationTransitionSchema = z
  .object({
    version: z.number().int().positive(),
    action: z.enum(RECTIFICATION_ACTIONS),
    /** Why (required to cancel or reopen; a note when closing). */
    reason: z.string().trim().max(1000).default(''),
  })
  .strict()
  .refine((t) => t.action === 'close' || t.reason.length > 0, {
    message: bi('撤销或重新打开须说明理由', 'give the reason to cancel or reopen'),
    path: ['reason'],
  })
  .meta({ id: 'RectificationTransition' });
export type RectificationTransition = z.infer<typeof rectificationTransitionSchema>;

export const rectificationProgressSchema = z
  .object({
    version: z.number().int().positive(),
    /** What was done (整改进展). */
    note: required(4000, '整改进展', 'what was done'),
    evidence: evidenceIds.default([]),
    status: z.enum(REPORTED_STATUSES),
  })
  .strict()
  .meta({ id: 'RectificationProgress' });
export type RectificationProgress = z.infer<typeof rectificationProgressSchema>;

export const carryOverSchema = z
  .object({
    /** The earlier cycle (of an earlier year) whose unfinished tasks come into this one. */
    from: z.string().regex(idPattern('cycle'), { message: bi('考核周期编号格式不正确', 'not a cycle id') }),
  })
  .strict()
  .meta({ id: 'RectificationCarryOver' });
export type CarryOver = z.infer<typeof carryOverSchema>;

// ─── The record ───────────────────────────────────────────────────────────────────────────────

export const progressEntrySchema = outcomeStampSchema
  .extend({
    note: z.string(),
    /** The unit's documents cited, with their titles as filed. */
    evidence: z.array(z.object({ id: z.string(), title: z.string() })),
    status: z.enum(REPORTED_STATUSES),
  })
  .meta({ id: 'RectificationProgressEntry' });
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

export const transitionEntrySchema = outcomeStampSchema
  .extend({
    action: z.enum(RECTIFICATION_ACTIONS),
    from: z.enum(RECTIFICATION_STATUSES),
    to: z.enum(RECTIFICATION_STATUSES),
    reason: z.string(),
  })
  .meta({ id: 'RectificationTransitionEntry' });
export type TransitionEntry = z.infer<typeof transitionEntrySchema>;

export const rectificationSchema = z
  .object({
    id: z.string(),
    cycle: z.string(),
    unit: codeSchema,
    title: z.string(),
    problem: z.string(),
    source: z.enum(RECTIFICATION_SOURCES),
    leaf: z.string().optional(),
    owner: z.string(),
    deadline: z.string(),
    appeal: z.string().optional(),
    run: z.string().optional(),
    status: z.enum(RECTIFICATION_STATUSES),
    /** For a task carried over: the cycle and task it continues (the old one stays as history). */
    carriedFrom: z.object({ cycle: z.string(), year: z.number().int(), task: z.string() }).optional(),
    progress: z.array(progressEntrySchema),
    transitions: z.array(transitionEntrySchema),
    created: outcomeStampSchema,
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Rectification' });
export type Rectification = z.infer<typeof rectificationSchema>;

// ─── Views ────────────────────────────────────────────────────────────────────────────────────

export const rectificationViewSchema = rectificationSchema
  .extend({
    unitName: z.string(),
    leafName: z.string().optional(),
    /** Past its deadline (Asia/Shanghai) and not yet done. */
    overdue: z.boolean(),
    /** Days past the deadline (0 unless overdue). */
    daysOverdue: z.number().int().min(0),
    allowed: z.object({
      edit: z.boolean(),
      actions: z.array(z.enum(RECTIFICATION_ACTIONS)),
      report: z.boolean(),
    }),
  })
  .meta({ id: 'RectificationView' });
export type RectificationView = z.infer<typeof rectificationViewSchema>;

export const rectificationSummarySchema = z
  .object({
    total: z.number().int(),
    overdue: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'RectificationSummary' });
export type RectificationSummary = z.infer<typeof rectificationSummarySchema>;

export const rectificationListSchema = z
  .object({
    cycle: outcomeCycleRefSchema,
    items: z.array(rectificationViewSchema),
    nextCursor: z.string().optional(),
    /** Over every task in the caller's scope (all pages, before the filters). */
    summary: rectificationSummarySchema,
    /** The units of the cycle the caller may see (for the filter and the create form). */
    units: z.array(outcomeUnitRefSchema),
    allowed: z.object({ create: z.boolean(), carryOver: z.boolean() }),
    /** Earlier cycles of the tenant whose open tasks may be carried into this one (office only). */
    earlier: z.array(z.object({ id: z.string(), name: z.string(), year: z.number().int() })),
  })
  .meta({ id: 'RectificationList' });
export type RectificationList = z.infer<typeof rectificationListSchema>;

export const carryOverResultSchema = z
  .object({
    from: z.object({ id: z.string(), name: z.string(), year: z.number().int() }),
    /** Tasks copied now: the new task and the one it continues. */
    copied: z.array(z.object({ task: z.string(), from: z.string(), unit: z.string(), title: z.string() })),
    /** Tasks carried by an earlier carry-over (not copied again). */
    already: z.number().int(),
    /** Tasks not copied, with why (their unit no longer exists or is not in this cycle). */
    skipped: z.array(
      z.object({ task: z.string(), unit: z.string(), title: z.string(), reason: bilingualSchema }),
    ),
  })
  .meta({ id: 'RectificationCarryOverResult' });
export type CarryOverResult = z.infer<typeof carryOverResultSchema>;

// ─── Rules ────────────────────────────────────────────────────────────────────────────────────

/** Statuses in which a task still needs work (and so can be overdue, and is carried over). */
export const UNFINISHED: readonly RectificationStatus[] = ['open', 'in_progress'];
/** Statuses carried into the next year's cycle: anything not closed or cancelled. */
export const CARRIED: readonly RectificationStatus[] = ['open', 'in_progress', 'done'];

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** Overdue: the deadline is before today (Asia/Shanghai) and the task is open or in progress. */
export const isOverdue = (t: Pick<Rectification, 'deadline' | 'status'>, today: string): boolean =>
  UNFINISHED.includes(t.status) && t.deadline < today;

/** Days past the deadline of an overdue task (0 otherwise). */
export const daysOverdue = (t: Pick<Rectification, 'deadline' | 'status'>, today: string): number =>
  isOverdue(t, today) ? dayNumber(today) - dayNumber(t.deadline) : 0;

/** The status an office action leads to from `from`, or undefined when it may not be taken. */
export function actionTarget(
  from: RectificationStatus,
  action: RectificationAction,
  reported: boolean,
): RectificationStatus | undefined {
  switch (action) {
    case 'close':
      return from === 'done' ? 'closed' : undefined;
    case 'cancel':
      return UNFINISHED.includes(from) || from === 'done' ? 'cancelled' : undefined;
    case 'reopen':
      return from === 'closed' || from === 'cancelled' || from === 'done'
        ? reported
          ? 'in_progress'
          : 'open'
        : undefined;
  }
}

/** The office's actions possible from a status. */
export const actionsFrom = (from: RectificationStatus, reported: boolean): RectificationAction[] =>
  RECTIFICATION_ACTIONS.filter((a) => actionTarget(from, a, reported) !== undefined);

/** Whether the unit may report progress in a status (not once closed or cancelled). */
export const mayReport = (s: RectificationStatus): boolean => s !== 'closed' && s !== 'cancelled';

/** Whether the office may edit the task (not once closed or cancelled: reopen it first). */
export const mayEditTask = (s: RectificationStatus): boolean => s !== 'closed' && s !== 'cancelled';

/** 409 `invalid_transition` naming the action and the status it cannot be taken from. */
export function rectificationRefused(
  from: RectificationStatus,
  action: RectificationAction | 'edit' | 'report',
) {
  const s = RECTIFICATION_STATUS_LABELS[from];
  const what =
    action === 'edit'
      ? { zh: '修改', en: 'edit it' }
      : action === 'report'
        ? { zh: '报送整改进展', en: 'report progress' }
        : {
            zh: `「${RECTIFICATION_ACTION_LABELS[action].zh}」`,
            en: RECTIFICATION_ACTION_LABELS[action].en.toLowerCase(),
          };
  return new AppError({
    status: 409,
    code: 'invalid_transition',
    zh: `整改任务当前为「${s.zh}」，不能${what.zh}。`,
    en: `The task is ${s.en.toLowerCase()}; you cannot ${what.en} now.`,
    detail: { status: from, action },
  });
}

/** Counts of tasks per status and overdue, over `tasks`. */
export function rectificationSummary(
  tasks: readonly Pick<Rectification, 'deadline' | 'status'>[],
  today: string,
): RectificationSummary {
  const byStatus: Record<string, number> = Object.fromEntries(RECTIFICATION_STATUSES.map((s) => [s, 0]));
  let overdue = 0;
  for (const t of tasks) {
    byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
    if (isOverdue(t, today)) overdue++;
  }
  return { total: tasks.length, overdue, byStatus };
}
