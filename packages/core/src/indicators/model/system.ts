import { z } from 'zod';
import { codeSchema } from '../../org/schemas';
import {
  bonusItemSchema,
  DEFAULT_GRADING,
  gradingSchema,
  statisticItemSchema,
  vetoItemSchema,
} from './beside';
import { EXEMPTION_POLICIES, MISSING_POLICIES, points, text } from './primitives';
import { nodeSchema } from './tree';

export const systemContentSchema = z
  .object({
    name: text(100).min(1),
    description: text(2000).optional(),
    /** Total points of the base tree (sum of dimension weights). */
    total: points.default(100),
    dimensions: z.array(nodeSchema).min(1).max(30),
    bonusItems: z.array(bonusItemSchema).max(50).default([]),
    /** Cap on the sum of bonus points a unit can get. */
    bonusCap: points.default(0),
    vetoItems: z.array(vetoItemSchema).max(50).default([]),
    /** 统计数据指标: reported and shown beside the results, not scored. */
    statistics: z.array(statisticItemSchema).max(50).default([]),
    grading: gradingSchema.default(DEFAULT_GRADING),
    /** What happens when a unit has no data for a leaf that applies to it: 0 points (default), or like an exemption. */
    missingData: z.enum(MISSING_POLICIES).default('zero'),
    /** What happens to a leaf's weight for a unit it does not apply to (or that is exempted). */
    exemption: z.enum(EXEMPTION_POLICIES).default('redistribute'),
    /** Decimal places shown; totals are sums of shown parts. Half-up rounding (四舍五入). */
    decimals: z.number().int().min(0).max(4).default(2),
  })
  .strict();
export type SystemContent = z.infer<typeof systemContentSchema>;

// ─── Lifecycle (备案) ──────────────────────────────────────────────────────────────────────────

export const SYSTEM_STATUSES = ['draft', 'submitted', 'approved', 'retired'] as const;
export type SystemStatus = (typeof SYSTEM_STATUSES)[number];

/** A stored system version. `systemVersion` counts content versions; `version` guards concurrent edits. */
export const indicatorSystemSchema = systemContentSchema.extend({
  id: z.string(),
  systemVersion: z.number().int().positive(),
  status: z.enum(SYSTEM_STATUSES),
  /** Template it was copied from, if any. */
  template: z.string().optional(),
  /**
   * The unit that drafts this system for itself (art. 20: 政府部门制定的绩效评估指标体系，报市绩效管理
   * 机构备案审查); absent for the office's own systems.
   */
  owner: codeSchema.optional(),
  statusNote: text(1000).optional(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IndicatorSystem = z.infer<typeof indicatorSystemSchema>;

/** The editable content of a stored version (drops identity, status and bookkeeping). */
export function contentOf(s: IndicatorSystem): SystemContent {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(systemContentSchema.shape)) {
    const v = s[k as keyof IndicatorSystem];
    if (v !== undefined) out[k] = v;
  }
  return out as SystemContent;
}
