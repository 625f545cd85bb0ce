import { z } from 'zod';
import { DIRECTIONS } from '../../indicators/model/primitives';
import { codeSchema, divisionCodeSchema } from '../../org/schemas';
import { amountSchema, bilingualSchema } from '../../scoring/types';
import { ALL_GROUP, COMPARISON_GRADES, STANDARDISATION_METHODS } from './enums';
import { gradeQuotasSchema } from './groups';
import { coverageSchema } from './shares';

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
