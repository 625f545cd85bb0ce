import { z } from 'zod';
import { bilingualSchema } from '../scoring/types';
import { SYSTEM_ACTIONS } from './lifecycle';
import { indicatorSystemSchema, SYSTEM_STATUSES, systemContentSchema } from './model';

/**
 * What the API answers about indicator systems and templates, defined once: the repository and
 * use cases produce these, the API documents them, and the console reads them through `z.infer`.
 */

/** Which check produced an issue: stable, for the console (icons, grouping) and for tests. */
export const SYSTEM_CHECKS = [
  'weight_sum',
  'dimension_leaf',
  'depth',
  'duplicate_code',
  'rule_type',
  'rule_direction',
  'rule_source',
  'band_empty',
  'band_overlap',
  'band_gap',
  'group_weights',
  'source_weights',
  'duplicate_key',
  'grade_fractions',
  'likert_points',
  'unknown_calculator',
  'unknown_group',
  'no_group',
  'bonus_cap',
  'bonus_item_cap',
  'grade_order',
  'grade_lowest',
  'grade_code',
  'grade_share',
  'grade_unreachable',
  'tie_break',
  'office_param',
] as const;

/** A problem found in a system, at a JSON path into its content (`dimensions.0.children.1.weight`). */
export const systemIssueSchema = z
  .object({
    path: z.string(),
    zh: z.string(),
    en: z.string(),
    check: z.enum(SYSTEM_CHECKS),
  })
  .meta({ id: 'SystemIssue' });

/** One sibling list's weight sum (`dimensions` or `dimensions.0.children` …). */
export const weightSumSchema = z
  .object({
    /** Path of the list whose weights are summed: `dimensions` or `dimensions.2.children`. */
    path: z.string(),
    /** The branch's code and name; null for the dimensions (their sum is checked against `total`). */
    code: z.string().nullable(),
    name: z.string().nullable(),
    sum: z.number(),
    expected: z.number(),
    /** sum − expected, rounded to 6 decimals. */
    diff: z.number(),
    ok: z.boolean(),
  })
  .meta({ id: 'WeightSum' });

/** What a list shows of a system version: everything but the (large) content. */
export const systemVersionSummarySchema = z
  .object({
    id: z.string(),
    systemVersion: z.number().int(),
    status: z.enum(SYSTEM_STATUSES),
    name: z.string(),
    template: z.string().optional(),
    owner: z.string().optional(),
    leafCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SystemVersionSummary' });
export type SystemVersionSummary = z.infer<typeof systemVersionSummarySchema>;

/** A system as listed: its newest version, and the version in force (approved), if any. */
export const systemListingSchema = z
  .object({
    id: z.string(),
    latest: systemVersionSummarySchema,
    approved: systemVersionSummarySchema.optional(),
    versions: z.number().int(),
  })
  .meta({ id: 'IndicatorSystemListing' });
export type SystemListing = z.infer<typeof systemListingSchema>;

/** What the caller may do with one version (the API enforces the same; the console offers only these). */
export const systemAllowedSchema = z
  .object({
    edit: z.boolean().meta({ description: 'change the draft: content, weight corrections' }),
    officeParams: z.boolean().meta({
      description: "set or change leaves' office parameters (targets, the 基准折现率): the office only",
    }),
    delete: z.boolean(),
    actions: z.array(z.enum(SYSTEM_ACTIONS)),
    newVersion: z.boolean(),
    trial: z.boolean(),
  })
  .meta({ id: 'SystemAllowed' });
export type SystemAllowed = z.infer<typeof systemAllowedSchema>;

/** A stored version with its issues and weight sums (and, from `GET …/{id}`, the versions you may see). */
export const systemViewSchema = indicatorSystemSchema
  .extend({
    issues: z.array(systemIssueSchema),
    weights: z.array(weightSumSchema),
    allowed: systemAllowedSchema,
    versions: z.array(systemVersionSummarySchema).optional(),
  })
  .meta({ id: 'IndicatorSystem' });
export type SystemView = z.infer<typeof systemViewSchema>;

/** A template in the gallery (模板). */
export const templateSummarySchema = z
  .object({
    id: z.string(),
    name: bilingualSchema,
    description: bilingualSchema,
    /** Who it is for (适用对象). */
    appliesTo: bilingualSchema,
    /** The seed document (and section) it follows. */
    source: z.string(),
    dimensions: z.array(z.object({ code: z.string(), name: z.string(), weight: z.number() })),
    leafCount: z.number().int(),
    /** Unit groups its leaves name (`appliesTo`): the office maps them to its own when copying. */
    groups: z.array(z.object({ code: z.string(), name: bilingualSchema })),
  })
  .meta({ id: 'TemplateSummary' });
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateDetailSchema = templateSummarySchema
  .extend({ content: systemContentSchema, weights: z.array(weightSumSchema) })
  .meta({ id: 'Template' });
export type TemplateDetail = z.infer<typeof templateDetailSchema>;
