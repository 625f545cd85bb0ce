import { z } from 'zod';
import { codeSchema } from '../org/schemas';

/**
 * The evaluation cycle (考核周期): one year's evaluation (年度绩效评估, Harbin draft art. 21) or a
 * special one (专项绩效管理, art. 13) with its own scope. It binds approved indicator-system versions
 * to unit groups and sets the calendar; every record of the year (plans, progress, self-assessment,
 * values, and in #9 evidence, expert scores and surveys) hangs under the cycle, per unit and leaf.
 * Labels of every enum here: ../vocabulary/cycle-labels.ts.
 */

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

/** A calendar day in Asia/Shanghai (what offices write in their 通知): `2025-03-31`. */
export const dayPattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const daySchema = z
  .string()
  .regex(dayPattern, { message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' })
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: '不是有效日期 / not a valid date',
    },
  )
  .meta({ description: 'A calendar day (Asia/Shanghai), YYYY-MM-DD', example: '2025-03-31' });
export type Day = z.infer<typeof daySchema>;

/** A span of days, both ends included. */
export const windowSchema = z
  .object({ opens: daySchema, closes: daySchema })
  .strict()
  .refine((w) => w.opens <= w.closes, {
    message: '开始日期不能晚于截止日期 / the window opens after it closes',
    path: ['closes'],
  });
export type DayWindow = z.infer<typeof windowSchema>;

export const CYCLE_KINDS = ['annual', 'special'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];
/** What a special evaluation is about: art. 13 (一)–(四). */
export const SPECIAL_SUBJECTS = ['policy', 'project', 'welfare', 'other'] as const;
export type SpecialSubject = (typeof SPECIAL_SUBJECTS)[number];

/**
 * The steps of a cycle, in order. `draft` is being prepared (nothing asked of units yet); each later
 * state opens one step of arts. 9–23 for units; `review` hands over to the year-end evaluation
 * (expert review, surveys, the batch: issues #9 and #10); `closed` ends the year.
 */
export const CYCLE_STATES = [
  'draft',
  'planning',
  'monitoring',
  'self_assessment',
  'verification',
  'review',
  'closed',
] as const;
export type CycleState = (typeof CYCLE_STATES)[number];

/** A period units report progress for (季度/半年), with the day its report is due. */
export const progressPeriodSchema = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, { message: '期次代码 / period code' }),
    name: required(40),
    /** The last day the period covers: the path to the target is measured at this day. */
    ends: daySchema,
    due: daySchema,
  })
  .strict();
export type ProgressPeriod = z.infer<typeof progressPeriodSchema>;

export const calendarSchema = z
  .object({
    /** Units submit their annual plans by this day (art. 11). */
    planDeadline: daySchema,
    /** How long a draft plan stays open for public comment (art. 11), in days. */
    consultationDays: z.number().int().min(3).max(60).default(7),
    progressPeriods: z.array(progressPeriodSchema).max(12).default([]),
    selfAssessment: windowSchema,
    verification: windowSchema,
    review: windowSchema,
    appeal: windowSchema,
  })
  .strict();
export type Calendar = z.infer<typeof calendarSchema>;

/** Which approved indicator-system version evaluates which unit groups in this cycle. */
export const bindingSchema = z
  .object({
    system: z.string().regex(/^is[a-z2-7]{12}$/),
    systemVersion: z.number().int().positive(),
    groups: z.array(codeSchema).min(1).max(50),
  })
  .strict();
export type Binding = z.infer<typeof bindingSchema>;

/** The thresholds of the progress warning (预警); the product's example values (示例). */
export const warningRuleSchema = z
  .object({
    /** Green while progress is at least this share of the path to the target. */
    greenAtLeast: z.number().min(0).max(1).default(0.95),
    /** Yellow down to this share; below it red. */
    yellowAtLeast: z.number().min(0).max(1).default(0.8),
  })
  .strict()
  .refine((r) => r.yellowAtLeast <= r.greenAtLeast, {
    message: '黄灯下限不能高于绿灯下限 / the yellow bound is above the green one',
    path: ['yellowAtLeast'],
  });
export type WarningRule = z.infer<typeof warningRuleSchema>;

/** One task of the year-end work plan (年终评估工作方案, art. 23(一)). */
export const workTaskSchema = z
  .object({
    name: required(100),
    owner: required(60),
    due: daySchema,
    done: z.boolean().default(false),
  })
  .strict();
export const trainingSchema = z
  .object({ topic: required(100), day: daySchema, audience: required(100) })
  .strict();
export const workPlanSchema = z
  .object({
    tasks: z.array(workTaskSchema).max(100).default([]),
    training: z.array(trainingSchema).max(50).default([]),
    notes: text(4000).optional(),
  })
  .strict();
export type WorkPlan = z.infer<typeof workPlanSchema>;

export const providerAssignmentSchema = z.object({ leaf: codeSchema, unit: codeSchema }).strict();

/**
 * A target the office fixes for this cycle (考核办设定), overriding the filed system's own
 * (`officeParams.target`) for the year, so a filed system serves several years.
 */
export const cycleTargetSchema = z.object({ leaf: codeSchema, target: z.number().finite() }).strict();
export type CycleTarget = z.infer<typeof cycleTargetSchema>;
export type ProviderAssignment = z.infer<typeof providerAssignmentSchema>;

/** What the office writes when it opens or edits a cycle. */
const cycleFields = {
  name: required(100),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(CYCLE_KINDS).default('annual'),
  /** A special evaluation's subject (art. 13) and scope in words. */
  subject: z.enum(SPECIAL_SUBJECTS).optional(),
  scope: text(1000).optional(),
  bindings: z.array(bindingSchema).max(20).default([]),
  calendar: calendarSchema,
  warningRule: warningRuleSchema.default({ greenAtLeast: 0.95, yellowAtLeast: 0.8 }),
  /** Which data provider (a unit with that role, e.g. 市统计局 TJJ) supplies and verifies which leaf. */
  providers: z.array(providerAssignmentSchema).max(500).default([]),
  /** Targets the office fixes for this cycle (override the system's); units cannot change them. */
  targets: z.array(cycleTargetSchema).max(500).default([]),
};

export const cycleCreateSchema = z
  .object(cycleFields)
  .strict()
  .refine((c) => c.kind === 'annual' || c.subject !== undefined, {
    message: '专项评估须说明评估对象类别 / a special evaluation names its subject',
    path: ['subject'],
  })
  .meta({ id: 'CycleCreate' });
export type CycleCreate = z.infer<typeof cycleCreateSchema>;

export const cyclePatchSchema = z
  .object({
    version: z.number().int().positive(),
    name: cycleFields.name.optional(),
    scope: text(1000).nullable().optional(),
    bindings: z.array(bindingSchema).max(20).optional(),
    calendar: calendarSchema.optional(),
    warningRule: warningRuleSchema.optional(),
    providers: z.array(providerAssignmentSchema).max(500).optional(),
    targets: z.array(cycleTargetSchema).max(500).optional(),
    workPlan: workPlanSchema.optional(),
  })
  .strict()
  .meta({ id: 'CyclePatch' });
export type CyclePatch = z.infer<typeof cyclePatchSchema>;

/** A step the office reopened, and why (kept on the cycle; the audit trail has the rest). */
export const reopeningSchema = z
  .object({
    from: z.enum(CYCLE_STATES),
    to: z.enum(CYCLE_STATES),
    reason: required(500),
    by: z.string(),
    at: z.string(),
  })
  .strict();

export const cycleSchema = z
  .object({
    id: z.string(),
    ...cycleFields,
    state: z.enum(CYCLE_STATES),
    workPlan: workPlanSchema.default({ tasks: [], training: [] }),
    reopenings: z.array(reopeningSchema).default([]),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Cycle' });
export type Cycle = z.infer<typeof cycleSchema>;

/** The cycle's actions (the state machine: ./states.ts). */
export const CYCLE_ACTIONS = [
  'open_planning',
  'start_monitoring',
  'open_self_assessment',
  'start_verification',
  'start_review',
  'close',
  'reopen',
] as const;
export type CycleAction = (typeof CYCLE_ACTIONS)[number];

export const cycleTransitionSchema = z
  .object({
    version: z.number().int().positive(),
    action: z.enum(CYCLE_ACTIONS),
    /** Reopen: the step to open again, and why. */
    to: z.enum(CYCLE_STATES).optional(),
    reason: text(500).optional(),
  })
  .strict()
  .refine((t) => t.action !== 'reopen' || (t.to !== undefined && (t.reason ?? '').length > 0), {
    message: '重新开放须指明环节并说明理由 / a reopening names the step and gives a reason',
    path: ['reason'],
  })
  .meta({ id: 'CycleTransition' });
export type CycleTransition = z.infer<typeof cycleTransitionSchema>;
