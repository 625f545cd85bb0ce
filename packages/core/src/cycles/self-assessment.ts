import { z } from 'zod';
import { codeSchema } from '../org/schemas';

/**
 * Self-assessment (自我测评, art. 23 (三)): for every indicator the actual value, a self-score and a
 * narrative, and the self-evaluation report (绩效自评报告) as a whole. A value a data provider
 * supplies (一数一源) is shown, never typed by the unit. Evidence files attach per leaf in #9.
 */

const text = (max: number) => z.string().trim().max(max);

export const selfItemSchema = z
  .object({
    leaf: codeSchema,
    actual: z.number().finite().optional(),
    /** In words, for qualitative indicators. */
    actualText: text(1000).optional(),
    selfScore: z.number().finite().min(0).max(10000).optional(),
    narrative: text(4000).default(''),
  })
  .strict();
export type SelfItem = z.infer<typeof selfItemSchema>;

export const SELF_STATUSES = ['draft', 'submitted'] as const;
export type SelfStatus = (typeof SELF_STATUSES)[number];

export const selfAssessmentPutSchema = z
  .object({
    version: z.number().int().positive().optional(),
    items: z.array(selfItemSchema).max(400),
    report: text(50000).default(''),
  })
  .strict()
  .meta({ id: 'SelfAssessmentPut' });
export type SelfAssessmentPut = z.infer<typeof selfAssessmentPutSchema>;

export const selfAssessmentSchema = z
  .object({
    cycle: z.string(),
    unit: codeSchema,
    items: z.array(selfItemSchema),
    report: z.string(),
    status: z.enum(SELF_STATUSES),
    submittedAt: z.string().optional(),
    /** The office reopened it after the deadline (who, when, why). */
    reopened: z.object({ by: z.string(), at: z.string(), reason: z.string(), until: z.string() }).optional(),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SelfAssessment' });
export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;

export const selfActionSchema = z
  .object({
    version: z.number().int().positive(),
    action: z.enum(['submit', 'reopen']),
    /** Reopen: why, and the last day the unit may submit again. */
    reason: text(500).optional(),
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .strict()
  .refine((a) => a.action !== 'reopen' || ((a.reason ?? '').length > 0 && a.until !== undefined), {
    message: '重新开放须说明理由和截止日期 / a reopening needs a reason and a last day',
    path: ['reason'],
  })
  .meta({ id: 'SelfAssessmentAction' });
export type SelfAction = z.infer<typeof selfActionSchema>;
