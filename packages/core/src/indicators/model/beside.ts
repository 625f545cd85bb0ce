import { z } from 'zod';
import { codeSchema } from '../../org/schemas';
import { GRADE_LEVEL_LABELS } from '../../vocabulary/labels';
import { provenanceSchema } from '../provenance';
import { finite, fraction, points, text } from './primitives';

// ─── Beside the tree: bonus, veto, grading ─────────────────────────────────────────────────────

export const bonusItemSchema = z
  .object({
    code: codeSchema,
    name: text(100).min(1),
    maxPoints: points,
    criteria: text(1000).optional(),
    provenance: provenanceSchema.optional(),
  })
  .strict();
export const VETO_EFFECTS = ['fail', 'bar_excellent'] as const;
export type VetoEffect = (typeof VETO_EFFECTS)[number];
export const vetoItemSchema = z
  .object({
    code: codeSchema,
    name: text(100).min(1),
    effect: z
      .enum(VETO_EFFECTS)
      .meta({ description: 'fail: grade forced to 不及格; bar_excellent: may not be 优秀' }),
    criteria: text(1000).optional(),
    provenance: provenanceSchema.optional(),
  })
  .strict();

/**
 * 统计数据指标: a figure the unit reports and the results show as context, never scored or ranked
 * (办事量、服务时间、人员配置 of a service window).
 */
export const statisticItemSchema = z
  .object({
    code: codeSchema,
    name: text(100).min(1),
    unitOfMeasure: text(20).optional(),
    criteria: text(1000).optional(),
    provenance: provenanceSchema.optional(),
  })
  .strict();
export type StatisticItem = z.infer<typeof statisticItemSchema>;

export const gradeLevelSchema = z
  .object({
    code: codeSchema,
    label: z.object({ zh: text(20).min(1), en: text(40).min(1) }),
    /** Lowest total (inclusive) for this grade; the lowest level has 0. */
    min: finite.min(0).max(10000),
    /** At most this share of a unit group may get the grade (e.g. 优秀 ≤ 20%). */
    maxShare: fraction.optional(),
    provenance: provenanceSchema.optional(),
  })
  .strict();
/** How a quota's share becomes a count of units. */
export const QUOTA_ROUNDINGS = ['floor', 'round', 'ceil'] as const;
export type QuotaRounding = (typeof QUOTA_ROUNDINGS)[number];
/** The fixed ranking tie-break keys; `dimension:<code>` (points in that dimension) is the other form. */
export const TIE_BREAK_KEYS = ['fewer_deductions', 'more_bonus'] as const;
export type TieBreakKey = (typeof TIE_BREAK_KEYS)[number];

export const gradingSchema = z
  .object({
    /** Highest first. */
    levels: z.array(gradeLevelSchema).min(2).max(10),
    /** How a quota's share becomes a count of units. */
    quotaRounding: z.enum(QUOTA_ROUNDINGS).default('floor'),
    /** Ranking tie-break keys after the total, in order; ties left after all of them share a rank. */
    tieBreak: z
      .array(z.union([z.enum(TIE_BREAK_KEYS), z.string().regex(/^dimension:[A-Za-z0-9_-]+$/)]))
      .max(10)
      .default([]),
  })
  .strict();
export type Grading = z.infer<typeof gradingSchema>;

/** The codes of the default grade levels; a system may define its own levels and labels. */
export const DEFAULT_GRADE_CODES = ['excellent', 'good', 'fair', 'fail'] as const;
export type DefaultGradeCode = (typeof DEFAULT_GRADE_CODES)[number];

export const DEFAULT_GRADING: Grading = {
  levels: [
    { code: 'excellent', label: { ...GRADE_LEVEL_LABELS.excellent }, min: 90, maxShare: 0.2 },
    { code: 'good', label: { ...GRADE_LEVEL_LABELS.good }, min: 80 },
    { code: 'fair', label: { ...GRADE_LEVEL_LABELS.fair }, min: 60 },
    { code: 'fail', label: { ...GRADE_LEVEL_LABELS.fail }, min: 0 },
  ],
  quotaRounding: 'floor',
  tieBreak: [],
};
