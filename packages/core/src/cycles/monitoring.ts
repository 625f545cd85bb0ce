import { z } from 'zod';
import { codeSchema } from '../org/schemas';
import { daySchema } from './model';

/**
 * Daily monitoring (日常监测, arts. 14 and 22): units report progress each period against their
 * targets and milestones; the product raises a warning (预警) when a unit falls behind the path to
 * its target; the office records its spot checks (察访核验) and the experts' diagnosis and advice
 * (诊断和咨询, art. 14 ¶2: advice, never scores) with findings and follow-up.
 */

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const progressItemSchema = z
  .object({
    leaf: codeSchema,
    value: z.number().finite().optional(),
    note: text(1000).optional(),
  })
  .strict();

export const milestoneReportSchema = z
  .object({
    leaf: codeSchema,
    /** The milestone's position in the plan item's list. */
    index: z.number().int().min(0).max(23),
    done: z.boolean(),
    note: text(500).optional(),
  })
  .strict();

export const REPORT_STATUSES = ['draft', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const progressPutSchema = z
  .object({
    version: z.number().int().positive().optional(),
    items: z.array(progressItemSchema).max(400),
    milestones: z.array(milestoneReportSchema).max(2000).default([]),
    narrative: text(8000).default(''),
    submit: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'ProgressPut' });
export type ProgressPut = z.infer<typeof progressPutSchema>;

export const progressReportSchema = z
  .object({
    cycle: z.string(),
    unit: codeSchema,
    period: z.string(),
    items: z.array(progressItemSchema),
    milestones: z.array(milestoneReportSchema),
    narrative: z.string(),
    status: z.enum(REPORT_STATUSES),
    submittedAt: z.string().optional(),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProgressReport' });
export type ProgressReport = z.infer<typeof progressReportSchema>;

export const LIGHTS = ['green', 'yellow', 'red', 'none'] as const;
export type Light = (typeof LIGHTS)[number];

/** The warning of one indicator at one period, with the rule and numbers that made it. */
export const warningSchema = z.object({
  leaf: codeSchema,
  light: z.enum(LIGHTS),
  /** Progress as a share of where the path to the target says the unit should be (1 = on the path). */
  ofPath: z.number().optional(),
  expected: z.number().optional(),
  actual: z.number().optional(),
  overdueMilestones: z.array(z.string()),
  reason: z.object({ zh: z.string(), en: z.string() }),
});
export type Warning = z.infer<typeof warningSchema>;

export const CHECK_KINDS = ['spot_check', 'consultation'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
export const FOLLOW_UP_STATUSES = ['open', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

const checkFields = {
  kind: z.enum(CHECK_KINDS),
  unit: codeSchema,
  day: daySchema,
  /** Indicators it looked at (optional). */
  leaves: z.array(codeSchema).max(100).default([]),
  /** Who took part (office staff, experts). */
  participants: text(500).default(''),
  findings: required(8000),
  followUp: text(4000).default(''),
  followUpDue: daySchema.optional(),
  followUpStatus: z.enum(FOLLOW_UP_STATUSES).default('open'),
};

export const checkCreateSchema = z.object(checkFields).strict().meta({ id: 'CheckCreate' });
export type CheckCreate = z.infer<typeof checkCreateSchema>;
export const checkPatchSchema = z
  .object({
    version: z.number().int().positive(),
    findings: checkFields.findings.optional(),
    followUp: text(4000).optional(),
    followUpDue: daySchema.nullable().optional(),
    followUpStatus: z.enum(FOLLOW_UP_STATUSES).optional(),
  })
  .strict()
  .meta({ id: 'CheckPatch' });
export type CheckPatch = z.infer<typeof checkPatchSchema>;

export const checkSchema = z
  .object({
    id: z.string(),
    cycle: z.string(),
    ...checkFields,
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MonitoringCheck' });
export type MonitoringCheck = z.infer<typeof checkSchema>;
