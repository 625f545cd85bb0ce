import { z } from 'zod';
import { DIRECTIONS } from '../indicators/model/primitives';
import { codeSchema, divisionCodeSchema } from '../org/schemas';
import { amountSchema, bilingualSchema } from '../scoring/types';

/**
 * Cross-region comparison (issue #12). A city or county (the sharer) shares the released result of
 * one cycle a year with its province, and a county also with its city (the recipients). The shared
 * snapshot is a copy written under the recipient's own keys (the data layer's recipient partition), so a recipient
 * never reads a tenant's partition. The province keeps a standard indicator library; tenants map
 * their leaves to it; comparisons use mapped indicators only, standardised within a peer group
 * (分类考核) with the group's own weights. Labels: ../vocabulary/province-labels.ts.
 */

// ─── Enums ───────────────────────────────────────────────────────────────────────────────────────

/** How values are made comparable within a peer group (stated beside every comparison). */
export const STANDARDISATION_METHODS = ['efficacy', 'zscore', 'percentile'] as const;
export type StandardisationMethod = (typeof STANDARDISATION_METHODS)[number];

/** How a tenant's value of a standard indicator is made from its units' values of the mapped leaf. */
export const MAPPING_AGGREGATES = ['mean', 'sum', 'unit'] as const;
export type MappingAggregate = (typeof MAPPING_AGGREGATES)[number];

/** Who receives a share: the province, or (for a county) the city above it. */
export const SHARE_RECIPIENT_KINDS = ['province', 'city'] as const;
export type ShareRecipientKind = (typeof SHARE_RECIPIENT_KINDS)[number];

/** A share as the sharer sees it: in force, withdrawn, or replaced by another cycle of the same year. */
export const SHARE_STATUSES = ['shared', 'withdrawn', 'replaced'] as const;
export type ShareStatus = (typeof SHARE_STATUSES)[number];

/** Grades of a comparison, given by rank quotas within the peer group (等次). */
export const COMPARISON_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type ComparisonGrade = (typeof COMPARISON_GRADES)[number];

/** The id of the implicit peer group of everyone who shared, weighted by the library's own weights. */
export const ALL_GROUP = 'ALL';

const stamp = z.object({ by: z.string(), name: z.string().optional(), at: z.string() });
const meta = { version: z.number().int().positive(), createdAt: z.string(), updatedAt: z.string() };

// ─── The standard indicator library (省级标准指标库) ──────────────────────────────────────────────

export const standardIndicatorPutSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** The dimension it belongs to in the standard system (e.g. 经济发展), for grouping only. */
    dimension: z.string().trim().min(1).max(50),
    definition: z.string().trim().min(1).max(2000),
    /** The unit values are compared in (%, 万元, 天 …); tenants convert into it. */
    unit: z.string().trim().min(1).max(20),
    direction: z.enum(DIRECTIONS),
    formula: z.string().trim().max(2000).default(''),
    /** Its weight in the standard system (the implicit group of everyone uses these). */
    weight: z.number().min(0).max(1000),
    /** Whether the source is the original document (原文) or our example (示例). */
    source: z.string().trim().max(200).default(''),
    /** For an update: the version read (optimistic concurrency). */
    version: z.number().int().positive().optional(),
  })
  .strict()
  .meta({ id: 'StandardIndicatorPut' });
export type StandardIndicatorPut = z.infer<typeof standardIndicatorPutSchema>;

export const standardIndicatorSchema = standardIndicatorPutSchema
  .omit({ version: true })
  .extend({ province: divisionCodeSchema, code: codeSchema, ...meta })
  .meta({ id: 'StandardIndicator' });
export type StandardIndicator = z.infer<typeof standardIndicatorSchema>;

// ─── A tenant's mapping of its leaves (指标对标) ──────────────────────────────────────────────────

export const leafMappingItemSchema = z
  .object({
    leaf: z.string().min(1).max(32),
    standard: codeSchema,
    /** value in the standard's unit = value × factor (万元 → 亿元: 0.0001; ‰ → %: 0.1). */
    factor: z.number().positive().max(1e9).default(1),
    aggregate: z.enum(MAPPING_AGGREGATES).default('mean'),
    /** The unit whose value stands for the tenant, with `aggregate: 'unit'` (e.g. 统计局). */
    unit: codeSchema.optional(),
  })
  .strict()
  .meta({ id: 'LeafMappingItem' });
export type LeafMappingItem = z.infer<typeof leafMappingItemSchema>;

export const leafMappingPutSchema = z
  .object({
    items: z.array(leafMappingItemSchema).max(500),
    version: z.number().int().positive().optional(),
  })
  .strict()
  .meta({ id: 'LeafMappingPut' });
export type LeafMappingPut = z.infer<typeof leafMappingPutSchema>;

/** The mapping of one indicator system (all its versions; leaves missing in a version are skipped). */
export const leafMappingSchema = z
  .object({
    system: z.string(),
    province: divisionCodeSchema,
    items: z.array(leafMappingItemSchema),
    updated: stamp,
    ...meta,
  })
  .meta({ id: 'LeafMapping' });
export type LeafMapping = z.infer<typeof leafMappingSchema>;

// ─── Shares (共享) ───────────────────────────────────────────────────────────────────────────────

/** One standard indicator's value for the sharing tenant, as computed when it shared. */
export const sharedIndicatorSchema = z
  .object({
    standard: codeSchema,
    /** In the standard's unit, after the tenant's conversion factor. */
    value: z.number(),
    /** The tenant's leaves that gave it (system@version:leaf). */
    leaves: z.array(z.string()),
    /** Units whose value was counted. */
    units: z.number().int().nonnegative(),
  })
  .meta({ id: 'SharedIndicator' });
export type SharedIndicator = z.infer<typeof sharedIndicatorSchema>;

/** How much of the tenant's own system the mapped leaves stand for. */
export const coverageSchema = z
  .object({
    /** Σ weight (points) of the mapped leaves, over the systems the run used. */
    mappedPoints: z.number(),
    totalPoints: z.number(),
    mappedLeaves: z.number().int(),
    totalLeaves: z.number().int(),
  })
  .meta({ id: 'Coverage' });
export type Coverage = z.infer<typeof coverageSchema>;

/**
 * The snapshot a recipient holds (in its own partition, one per sharer and year). It carries the
 * mapped values and a summary of the results, never the tenant's raw inputs (no unit values, no
 * evidence, no per-unit breakdown).
 */
export const sharedResultSchema = z
  .object({
    recipient: divisionCodeSchema,
    recipientKind: z.enum(SHARE_RECIPIENT_KINDS),
    tenant: divisionCodeSchema,
    tenantName: z.string(),
    level: z.string(),
    /** The division above the tenant (its city for a county). */
    parent: divisionCodeSchema.optional(),
    year: z.number().int(),
    cycle: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    run: z.object({ id: z.string(), number: z.number().int(), released: z.string() }),
    published: z.boolean(),
    shared: stamp,
    note: z.string().default(''),
    coverage: coverageSchema,
    indicators: z.array(sharedIndicatorSchema),
    /** The results in summary: units evaluated, mean total, grade counts. */
    summary: z.object({
      units: z.number().int(),
      meanTotal: z.string(),
      grades: z.array(z.object({ code: z.string(), label: bilingualSchema, count: z.number().int() })),
    }),
  })
  .meta({ id: 'SharedResult' });
export type SharedResult = z.infer<typeof sharedResultSchema>;

/** Share a cycle's released result with a recipient. */
export const shareCreateSchema = z
  .object({
    to: z.enum(SHARE_RECIPIENT_KINDS),
    note: z.string().trim().max(1000).default(''),
  })
  .strict()
  .meta({ id: 'ShareCreate' });
export type ShareCreate = z.infer<typeof shareCreateSchema>;

export const shareWithdrawSchema = z
  .object({ version: z.number().int().positive(), reason: z.string().trim().min(1).max(1000) })
  .strict()
  .meta({ id: 'ShareWithdraw' });
export type ShareWithdraw = z.infer<typeof shareWithdrawSchema>;

/** The sharer's own record of a share (in its own partition), kept after withdrawal as history. */
export const shareRecordSchema = z
  .object({
    tenant: divisionCodeSchema,
    recipient: divisionCodeSchema,
    recipientKind: z.enum(SHARE_RECIPIENT_KINDS),
    recipientName: z.string(),
    cycle: z.string(),
    cycleName: z.string(),
    year: z.number().int(),
    run: z.string(),
    runNumber: z.number().int(),
    status: z.enum(SHARE_STATUSES),
    note: z.string().default(''),
    shared: stamp,
    withdrawn: stamp.extend({ reason: z.string() }).optional(),
    coverage: coverageSchema,
    indicators: z.number().int(),
    ...meta,
  })
  .meta({ id: 'ShareRecord' });
export type ShareRecord = z.infer<typeof shareRecordSchema>;

// ─── Peer groups (分类考核) ──────────────────────────────────────────────────────────────────────

export const gradeQuotasSchema = z
  .object({
    /** Shares of the group, in %, given to 优秀, 良好, 一般 (the rest is 较差). */
    excellent: z.number().min(0).max(100),
    good: z.number().min(0).max(100),
    fair: z.number().min(0).max(100),
  })
  .strict()
  .refine((q) => q.excellent + q.good + q.fair <= 100, {
    message: '等次比例之和不能超过 100% / grade quotas must not add up to more than 100%',
  })
  .meta({ id: 'GradeQuotas' });
export type GradeQuotas = z.infer<typeof gradeQuotasSchema>;

export const DEFAULT_GRADE_QUOTAS: GradeQuotas = { excellent: 20, good: 30, fair: 30 };

export const peerGroupPutSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000).default(''),
    /** Member tenants (division codes). */
    members: z.array(divisionCodeSchema).max(500),
    /** Weight per standard indicator code (absent = not used by this group); normalised when used. */
    weights: z.record(codeSchema, z.number().min(0).max(1000)),
    method: z.enum(STANDARDISATION_METHODS).default('efficacy'),
    grades: gradeQuotasSchema.default(DEFAULT_GRADE_QUOTAS),
    version: z.number().int().positive().optional(),
  })
  .strict()
  .meta({ id: 'PeerGroupPut' });
export type PeerGroupPut = z.infer<typeof peerGroupPutSchema>;

export const peerGroupSchema = peerGroupPutSchema
  .omit({ version: true })
  .extend({ owner: divisionCodeSchema, code: codeSchema, ...meta })
  .meta({ id: 'PeerGroup' });
export type PeerGroup = z.infer<typeof peerGroupSchema>;

// ─── Comparisons ─────────────────────────────────────────────────────────────────────────────────

/** What a comparison is asked for (query of the comparison routes). */
export const comparisonQuerySchema = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    group: codeSchema.default(ALL_GROUP),
    method: z.enum(STANDARDISATION_METHODS).optional(),
  })
  .meta({ id: 'ComparisonQuery' });
export type ComparisonQuery = z.infer<typeof comparisonQuerySchema>;

/** Five-number summary and mean of one indicator across the group (the distribution). */
export const distributionSchema = z
  .object({
    n: z.number().int(),
    min: z.number(),
    q1: z.number(),
    median: z.number(),
    q3: z.number(),
    max: z.number(),
    mean: z.number(),
    sd: z.number(),
  })
  .meta({ id: 'Distribution' });
export type Distribution = z.infer<typeof distributionSchema>;

export const comparisonIndicatorSchema = z
  .object({
    code: codeSchema,
    name: z.string(),
    dimension: z.string(),
    unit: z.string(),
    direction: z.enum(DIRECTIONS),
    /** The group's weight, and as a share of the group's total weight (%). */
    weight: z.number(),
    share: z.number(),
    level: distributionSchema.nullable(),
    /** 增幅 (relative change against the previous year, %) across the group. */
    change: distributionSchema.nullable(),
  })
  .meta({ id: 'ComparisonIndicator' });
export type ComparisonIndicator = z.infer<typeof comparisonIndicatorSchema>;

export const comparisonCellSchema = z
  .object({
    standard: codeSchema,
    value: z.number().nullable(),
    /** The standardised value by the comparison's method. */
    score: amountSchema.nullable(),
    /** 增幅 against the tenant's previous shared year, in %. */
    change: z.number().nullable(),
    changeScore: amountSchema.nullable(),
  })
  .meta({ id: 'ComparisonCell' });
export type ComparisonCell = z.infer<typeof comparisonCellSchema>;

export const comparisonRowSchema = z
  .object({
    tenant: divisionCodeSchema,
    name: z.string(),
    level: z.string(),
    parent: divisionCodeSchema.optional(),
    /** Weighted standardised level (exact decimal arithmetic), its rank and grade in the group. */
    composite: amountSchema.nullable(),
    rank: z.number().int().nullable(),
    grade: z.enum(COMPARISON_GRADES).nullable(),
    /** The same for 增幅 (needs the previous year's share). */
    improvement: amountSchema.nullable(),
    improvementRank: z.number().int().nullable(),
    /** Share (%) of the group's weight the tenant's mapped indicators carry. */
    weightCoverage: z.number(),
    coverage: coverageSchema,
    cells: z.array(comparisonCellSchema),
  })
  .meta({ id: 'ComparisonRow' });
export type ComparisonRow = z.infer<typeof comparisonRowSchema>;

export const comparisonSchema = z
  .object({
    recipient: divisionCodeSchema,
    year: z.number().int(),
    group: z.object({ code: codeSchema, name: z.string(), members: z.number().int() }),
    method: z.enum(STANDARDISATION_METHODS),
    /** The method's formula and the rules for gaps and ties, in both languages. */
    explanation: z.array(bilingualSchema),
    grades: gradeQuotasSchema,
    indicators: z.array(comparisonIndicatorSchema),
    /** Ranked rows first (by rank), then rows that cannot be ranked. */
    rows: z.array(comparisonRowSchema),
    /** Members that have not shared this year. */
    missing: z.array(z.object({ tenant: divisionCodeSchema, name: z.string() })),
    previousYear: z.number().int().nullable(),
  })
  .meta({ id: 'Comparison' });
export type Comparison = z.infer<typeof comparisonSchema>;

/** Composite and rank of each tenant over the years it shared (each year standardised on its own). */
export const trendSchema = z
  .object({
    group: z.object({ code: codeSchema, name: z.string() }),
    method: z.enum(STANDARDISATION_METHODS),
    years: z.array(z.number().int()),
    series: z.array(
      z.object({
        tenant: divisionCodeSchema,
        name: z.string(),
        points: z.array(
          z.object({
            year: z.number().int(),
            composite: z.string().nullable(),
            rank: z.number().int().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Trend' });
export type Trend = z.infer<typeof trendSchema>;

// ─── What-if and rank sensitivity (the fast path: Float64Array, for exploration) ──────────────────

export const whatIfSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    group: codeSchema.default(ALL_GROUP),
    method: z.enum(STANDARDISATION_METHODS).optional(),
    /** Weights to try, by standard code; omitted codes keep the group's weight. */
    weights: z.record(codeSchema, z.number().min(0).max(1000)),
  })
  .strict()
  .meta({ id: 'WhatIf' });
export type WhatIf = z.infer<typeof whatIfSchema>;

export const whatIfResultSchema = z
  .object({
    year: z.number().int(),
    group: codeSchema,
    method: z.enum(STANDARDISATION_METHODS),
    weights: z.record(z.string(), z.number()),
    rows: z.array(
      z.object({
        tenant: divisionCodeSchema,
        name: z.string(),
        composite: z.number().nullable(),
        rank: z.number().int().nullable(),
        /** The rank with the group's own weights, and how far it moved (+ = up). */
        baseRank: z.number().int().nullable(),
        moved: z.number().int().nullable(),
        grade: z.enum(COMPARISON_GRADES).nullable(),
      }),
    ),
    /** Server time to recompute, in ms (what "at once" means). */
    elapsedMs: z.number(),
  })
  .meta({ id: 'WhatIfResult' });
export type WhatIfResult = z.infer<typeof whatIfResultSchema>;

export const sensitivitySchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    group: codeSchema.default(ALL_GROUP),
    method: z.enum(STANDARDISATION_METHODS).optional(),
    /** Each weight is multiplied by a factor drawn uniformly from [1 − band, 1 + band]. */
    band: z.number().min(0.01).max(0.9).default(0.2),
    draws: z.number().int().min(10).max(10_000).default(1000),
    /** The random stream (same seed, same answer). */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
  })
  .strict()
  .meta({ id: 'Sensitivity' });
export type Sensitivity = z.infer<typeof sensitivitySchema>;

export const sensitivityResultSchema = z
  .object({
    year: z.number().int(),
    group: codeSchema,
    method: z.enum(STANDARDISATION_METHODS),
    band: z.number(),
    draws: z.number().int(),
    seed: z.number().int(),
    rows: z.array(
      z.object({
        tenant: divisionCodeSchema,
        name: z.string(),
        rank: z.number().int().nullable(),
        grade: z.enum(COMPARISON_GRADES).nullable(),
        minRank: z.number().int().nullable(),
        maxRank: z.number().int().nullable(),
        /** Ranks holding 90% of the draws (5th to 95th percentile). */
        p5: z.number().int().nullable(),
        p95: z.number().int().nullable(),
        /** Share of draws (0–1) in which the tenant kept its grade. */
        stayInGrade: z.number().nullable(),
      }),
    ),
    /** A verdict in words: how many tenants kept their rank and grade in every draw. */
    summary: bilingualSchema,
    elapsedMs: z.number(),
  })
  .meta({ id: 'SensitivityResult' });
export type SensitivityResult = z.infer<typeof sensitivityResultSchema>;

// ─── Guidance documents (city → counties: 指导文件) ───────────────────────────────────────────────

export const guidanceCreateSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    /** 文号, e.g. 哈绩效办〔2026〕3号. */
    reference: z.string().trim().max(100).default(''),
    body: z.string().trim().min(1).max(20_000),
    /** Recipient counties (division codes under the city); empty = every subscribing county under it. */
    to: z.array(divisionCodeSchema).max(200).default([]),
  })
  .strict()
  .meta({ id: 'GuidanceCreate' });
export type GuidanceCreate = z.infer<typeof guidanceCreateSchema>;

export const guidanceSchema = guidanceCreateSchema
  .omit({ to: true })
  .extend({
    id: z.string(),
    from: divisionCodeSchema,
    fromName: z.string(),
    to: z.array(z.object({ tenant: divisionCodeSchema, name: z.string() })),
    sent: stamp,
  })
  .meta({ id: 'Guidance' });
export type Guidance = z.infer<typeof guidanceSchema>;
