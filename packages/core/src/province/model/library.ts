import { z } from 'zod';
import { DIRECTIONS } from '../../indicators/model/primitives';
import { codeSchema, divisionCodeSchema } from '../../org/schemas';
import { MAPPING_AGGREGATES } from './enums';
import { meta, stamp } from './parts';

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
