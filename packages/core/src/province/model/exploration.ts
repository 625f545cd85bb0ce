import { z } from 'zod';
import { codeSchema, divisionCodeSchema } from '../../org/schemas';
import { bilingualSchema } from '../../scoring/types';
import { ALL_GROUP, COMPARISON_GRADES, STANDARDISATION_METHODS } from './enums';

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
