import { z } from 'zod';
import { codeSchema } from '../org/schemas';
import { daySchema } from './model';

/**
 * Performance plans (绩效计划, Harbin draft arts. 7–12). A unit keeps a 3–5-year plan with the four
 * parts of art. 8, or (a district or county, art. 7 ¶2) links the five-year plan that already holds
 * them; each cycle's annual plan (arts. 9–10) gives, for every indicator that applies to the unit,
 * the target, its basis, the evaluation standard, the methods and measures, an owner and milestones.
 */

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const LONG_TERM_PLAN_FORMS = ['own', 'five_year_plan'] as const;
export type LongTermPlanForm = (typeof LONG_TERM_PLAN_FORMS)[number];

/** Art. 8 (一)–(四), in the regulation's order. */
export const longTermPartsSchema = z
  .object({
    functions: required(8000).meta({ description: '(一) 主要职能和所承担的工作任务概述' }),
    goals: required(8000).meta({ description: '(二) 完成主要职能和工作的总目标和具体指标' }),
    keyFactors: required(8000).meta({ description: '(三) 影响目标和工作任务的关键因素分析' }),
    measures: required(8000).meta({ description: '(四) 完成目标任务的方法、措施和进度' }),
  })
  .strict();

/** The five-year plan a district or county links instead (art. 7 ¶2). */
export const fiveYearPlanLinkSchema = z
  .object({
    title: required(200),
    url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    /** Where in it the four parts are (chapters, pages). */
    where: text(1000).optional(),
  })
  .strict();

const longTermFields = {
  startYear: z.number().int().min(2000).max(2100),
  endYear: z.number().int().min(2000).max(2100),
  form: z.enum(LONG_TERM_PLAN_FORMS),
  parts: longTermPartsSchema.optional(),
  link: fiveYearPlanLinkSchema.optional(),
};

const longTermRefinements = <
  T extends z.ZodType<{
    startYear: number;
    endYear: number;
    form: LongTermPlanForm;
    parts?: unknown;
    link?: unknown;
  }>,
>(
  s: T,
) =>
  s
    .refine((p) => p.endYear - p.startYear >= 2 && p.endYear - p.startYear <= 4, {
      message: '中长期绩效计划期限一般为三至五年 / a long-term plan spans three to five years',
      path: ['endYear'],
    })
    .refine((p) => (p.form === 'own' ? p.parts !== undefined : p.link !== undefined), {
      message:
        '本单位编制的计划须填写四部分内容；引用五年规划须填写规划名称 / own plans give the four parts; a linked five-year plan gives its title',
      path: ['form'],
    });

export const longTermPlanPutSchema = longTermRefinements(
  z.object({ ...longTermFields, version: z.number().int().positive().optional() }).strict(),
).meta({ id: 'LongTermPlanPut' });
export type LongTermPlanPut = z.infer<typeof longTermPlanPutSchema>;

export const longTermPlanSchema = z
  .object({
    unit: codeSchema,
    ...longTermFields,
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'LongTermPlan' });
export type LongTermPlan = z.infer<typeof longTermPlanSchema>;

/** A milestone (节点) on the way to a target, with its owner and what counts as done. */
export const milestoneSchema = z
  .object({
    name: required(100),
    due: daySchema,
    owner: required(60),
    standard: required(500).meta({ description: '完成标准' }),
    done: z.boolean().default(false),
  })
  .strict();
export type Milestone = z.infer<typeof milestoneSchema>;

/** How progress is read against the target: a running total (累计) or a level (水平, e.g. a rate). */
export const PROGRESS_MODES = ['cumulative', 'level'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];

/** One indicator of the annual plan (art. 10 (一)–(三)). */
export const planItemSchema = z
  .object({
    leaf: codeSchema,
    /** The numeric target, where the indicator is measured by a number (the office's, if it fixes it). */
    target: z.number().finite().optional(),
    /** The target in words (qualitative indicators, or a date-bound task). */
    targetText: text(500).optional(),
    basis: text(2000).meta({ description: '目标依据 (art. 10 (一))' }),
    standard: text(2000).meta({ description: '评估标准 (art. 10 (二))' }),
    measures: text(4000).meta({ description: '方法和措施 (art. 10 (三))' }),
    owner: text(60).meta({ description: '责任人/责任处室' }),
    progress: z.enum(PROGRESS_MODES).default('cumulative'),
    milestones: z.array(milestoneSchema).max(24).default([]),
  })
  .strict();
export type PlanItem = z.infer<typeof planItemSchema>;

export const ANNUAL_PLAN_STATUSES = [
  'draft',
  'consultation',
  'submitted',
  'returned',
  'approved',
  'published',
] as const;
export type AnnualPlanStatus = (typeof ANNUAL_PLAN_STATUSES)[number];

export const REVIEW_DECISIONS = ['approved', 'returned'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The office's word on one indicator of a submitted plan (art. 12 ¶1). */
export const itemReviewSchema = z
  .object({
    leaf: codeSchema,
    decision: z.enum(REVIEW_DECISIONS),
    comment: text(2000).optional(),
    round: z.number().int().positive(),
    by: z.string(),
    at: z.string(),
  })
  .strict();
export type ItemReview = z.infer<typeof itemReviewSchema>;

/** The public consultation of a draft (art. 11): its public id and the days it is open. */
export const consultationSchema = z
  .object({
    id: z.string(),
    opens: daySchema,
    closes: daySchema,
    closedAt: z.string().optional(),
  })
  .strict();
export type Consultation = z.infer<typeof consultationSchema>;

/** What a unit writes: the basis of the year's targets and the items. */
export const annualPlanPutSchema = z
  .object({
    version: z.number().int().positive().optional(),
    /** The long-term plan it derives from (art. 9), by its first year. */
    longTermStartYear: z.number().int().min(2000).max(2100).optional(),
    basis: text(4000).meta({ description: '设定年度绩效目标的主要依据 (art. 10 (一))' }),
    items: z.array(planItemSchema).max(400),
  })
  .strict()
  .meta({ id: 'AnnualPlanPut' });
export type AnnualPlanPut = z.infer<typeof annualPlanPutSchema>;

export const annualPlanSchema = z
  .object({
    cycle: z.string(),
    unit: codeSchema,
    status: z.enum(ANNUAL_PLAN_STATUSES),
    longTermStartYear: z.number().int().optional(),
    basis: z.string(),
    items: z.array(planItemSchema),
    consultation: consultationSchema.optional(),
    reviews: z.array(itemReviewSchema).default([]),
    /** Rounds of review so far (1 on first submission; each return adds one). */
    round: z.number().int().min(0).default(0),
    submittedAt: z.string().optional(),
    approvedAt: z.string().optional(),
    publishedAt: z.string().optional(),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AnnualPlan' });
export type AnnualPlan = z.infer<typeof annualPlanSchema>;

export const PLAN_ACTIONS = [
  'open_consultation',
  'close_consultation',
  'submit',
  'review',
  'publish',
  'reopen',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** The office's review of a submitted plan: a decision per indicator (all at once or some). */
export const planReviewSchema = z
  .object({
    version: z.number().int().positive(),
    decisions: z
      .array(
        z
          .object({ leaf: codeSchema, decision: z.enum(REVIEW_DECISIONS), comment: text(2000).optional() })
          .strict()
          .refine((d) => d.decision === 'approved' || (d.comment ?? '').length > 0, {
            message: '退回须说明意见 / a return needs a comment',
            path: ['comment'],
          }),
      )
      .min(1)
      .max(400),
  })
  .strict()
  .meta({ id: 'PlanReview' });
export type PlanReview = z.infer<typeof planReviewSchema>;

export const planTransitionSchema = z
  .object({
    version: z.number().int().positive(),
    action: z.enum(['open_consultation', 'close_consultation', 'submit', 'publish', 'reopen']),
    /** Days a consultation stays open (defaults to the cycle's). */
    days: z.number().int().min(3).max(60).optional(),
    reason: text(500).optional(),
  })
  .strict()
  .meta({ id: 'PlanTransition' });
export type PlanTransition = z.infer<typeof planTransitionSchema>;
