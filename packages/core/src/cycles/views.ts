import { z } from 'zod';
import { DATA_SOURCES, DIRECTIONS, INDICATOR_TYPES } from '../indicators/model';
import { CYCLE_ACTIONS, CYCLE_STATES, cycleSchema, progressPeriodSchema } from './model';
import { CHECK_KINDS, LIGHTS, progressReportSchema, warningSchema } from './monitoring';
import { ANNUAL_PLAN_STATUSES, annualPlanSchema, PLAN_ACTIONS, planItemSchema } from './plans';
import { SELF_STATUSES, selfAssessmentSchema } from './self-assessment';
import { VALUE_STATUSES, valueRecordSchema } from './verification';

/**
 * What the API answers about a cycle's records: each record with what the caller may do with it
 * (`allowed`, from the same rules the API enforces) and the context a page needs to show it.
 */

export const cycleIssueSchema = z
  .object({ path: z.string(), zh: z.string(), en: z.string() })
  .meta({ id: 'CycleIssue' });
export type CycleIssue = z.infer<typeof cycleIssueSchema>;

export const cycleViewSchema = cycleSchema
  .extend({
    allowed: z.object({
      edit: z.boolean(),
      /** Forward actions and reopen, as the state allows (preconditions are checked when tried). */
      actions: z.array(z.enum(CYCLE_ACTIONS)),
      reopenTo: z.array(z.enum(CYCLE_STATES)),
    }),
    /** Units in scope (by the bound groups). */
    units: z.number().int(),
    /** Unmet preconditions of the next forward action, if any (so the console can say why not). */
    blockers: z.array(cycleIssueSchema),
  })
  .meta({ id: 'CycleView' });
export type CycleView = z.infer<typeof cycleViewSchema>;

/** An indicator as a plan, a progress report or a self-assessment shows it. */
export const planLeafSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    type: z.enum(INDICATOR_TYPES),
    direction: z.enum(DIRECTIONS),
    unitOfMeasure: z.string().optional(),
    weight: z.number(),
    needsNumber: z.boolean(),
    officeTarget: z.number().optional(),
    source: z.enum(DATA_SOURCES),
    evidenceRequired: z.boolean(),
  })
  .meta({ id: 'PlanLeaf' });

const unitRef = z.object({ code: z.string(), name: z.string(), group: z.string() });
const cycleRef = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  state: z.enum(CYCLE_STATES),
});

export const planViewSchema = z
  .object({
    cycle: cycleRef,
    unit: unitRef,
    /** Absent until the unit first saves it. */
    plan: annualPlanSchema.optional(),
    leaves: z.array(planLeafSchema),
    /** What still stands in the way of submitting (empty = complete). */
    issues: z.array(cycleIssueSchema),
    allowed: z.object({ edit: z.boolean(), actions: z.array(z.enum(PLAN_ACTIONS)), review: z.boolean() }),
    /** The public page of an open or held consultation (path, tenant included). */
    consultationPath: z.string().optional(),
  })
  .meta({ id: 'PlanView' });
export type PlanView = z.infer<typeof planViewSchema>;

export const planSummarySchema = z
  .object({
    unit: z.string(),
    unitName: z.string(),
    group: z.string(),
    status: z.enum([...ANNUAL_PLAN_STATUSES, 'missing']),
    round: z.number().int(),
    returnedItems: z.number().int(),
    submittedAt: z.string().optional(),
    updatedAt: z.string().optional(),
    late: z.boolean(),
  })
  .meta({ id: 'PlanSummary' });

export const overviewRowSchema = z
  .object({
    unit: z.string(),
    unitName: z.string(),
    group: z.string(),
    plan: z.enum([...ANNUAL_PLAN_STATUSES, 'missing']),
    planLate: z.boolean(),
    progress: z.array(
      z.object({ period: z.string(), submitted: z.boolean(), late: z.boolean(), light: z.enum(LIGHTS) }),
    ),
    light: z.enum(LIGHTS),
    self: z.enum([...SELF_STATUSES, 'missing']),
    selfLate: z.boolean(),
    valuesPending: z.number().int(),
    valuesCorrected: z.number().int(),
    openFollowUps: z.number().int(),
  })
  .meta({ id: 'OverviewRow' });
export type OverviewRow = z.infer<typeof overviewRowSchema>;

export const burdenCountSchema = z.object({
  fields: z.number().int(),
  reports: z.number().int(),
  files: z.number().int(),
  returns: z.number().int(),
});
export const burdenRowSchema = z
  .object({
    unit: z.string(),
    unitName: z.string(),
    now: burdenCountSchema,
    before: burdenCountSchema.optional(),
  })
  .meta({ id: 'BurdenRow' });
export const burdenSchema = z
  .object({
    cycle: z.string(),
    /** The cycle compared with: the same kind, the year before. */
    previousCycle: z.object({ id: z.string(), name: z.string(), year: z.number() }).optional(),
    /** How the counts are made, in words (shown to the office). */
    rule: z.object({ zh: z.string(), en: z.string() }),
    rows: z.array(burdenRowSchema),
    total: burdenCountSchema,
    totalBefore: burdenCountSchema.optional(),
  })
  .meta({ id: 'ReportingBurden' });

export const progressViewSchema = z
  .object({
    cycle: cycleRef,
    unit: unitRef,
    leaves: z.array(planLeafSchema),
    items: z.array(planItemSchema),
    periods: z.array(
      z.object({
        period: progressPeriodSchema,
        report: progressReportSchema.optional(),
        warnings: z.array(warningSchema),
        light: z.enum(LIGHTS),
        late: z.boolean(),
      }),
    ),
    allowed: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'ProgressView' });

export const selfViewSchema = z
  .object({
    cycle: cycleRef,
    unit: unitRef,
    assessment: selfAssessmentSchema.optional(),
    leaves: z.array(planLeafSchema),
    /** Values a data provider supplies (一数一源): shown, never typed by the unit. */
    supplied: z.array(
      z.object({ leaf: z.string(), value: z.number().optional(), status: z.enum(VALUE_STATUSES) }),
    ),
    issues: z.array(cycleIssueSchema),
    /** The last day to submit (the window's close, or the office's reopening). */
    deadline: z.string(),
    late: z.boolean(),
    allowed: z.object({ edit: z.boolean(), submit: z.boolean(), reopen: z.boolean() }),
  })
  .meta({ id: 'SelfAssessmentView' });

export const valueRowSchema = valueRecordSchema
  .extend({ unitName: z.string(), leafName: z.string(), mayVerify: z.boolean() })
  .meta({ id: 'ValueRow' });

export const checkKindsSchema = z.enum(CHECK_KINDS);

/** A plan as the public sees it: no owners' contacts, no drafts of other units. */
export const publicPlanSchema = z
  .object({
    tenant: z.object({ code: z.string(), name: z.string() }),
    cycle: z.object({ id: z.string(), name: z.string(), year: z.number() }),
    unit: z.object({ code: z.string(), name: z.string() }),
    basis: z.string(),
    items: z.array(
      z.object({
        leaf: z.string(),
        name: z.string(),
        unitOfMeasure: z.string().optional(),
        target: z.number().optional(),
        targetText: z.string().optional(),
        basis: z.string(),
        standard: z.string(),
        measures: z.string(),
      }),
    ),
    publishedAt: z.string().optional(),
  })
  .meta({ id: 'PublicPlan' });

export const publicConsultationSchema = publicPlanSchema
  .extend({
    consultation: z.object({ id: z.string(), opens: z.string(), closes: z.string(), open: z.boolean() }),
    comments: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        name: z.string().optional(),
        createdAt: z.string(),
        answer: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'PublicConsultation' });

export const publicPlanListSchema = z
  .object({
    tenant: z.object({ code: z.string(), name: z.string() }),
    items: z.array(
      z.object({
        cycle: z.string(),
        cycleName: z.string(),
        year: z.number(),
        unit: z.string(),
        unitName: z.string(),
        publishedAt: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'PublicPlanList' });

export const publicReceiptSchema = z
  .object({
    received: z.boolean(),
    id: z.string().optional(),
    message: z.object({ zh: z.string(), en: z.string() }),
  })
  .meta({ id: 'PublicReceipt' });
