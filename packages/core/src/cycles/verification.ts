import { z } from 'zod';
import { codeSchema } from '../org/schemas';

/**
 * Verification (指标考核, art. 23 (四)): the office or the data provider that owns an indicator
 * confirms or corrects each unit's value against the evidence, with a reason; a correction keeps the
 * original beside it. Collect once (一数一源): a value a provider supplies for many units is entered
 * once (one row per unit, or a table import) and reused wherever it is needed.
 */

const text = (max: number) => z.string().trim().max(max);

export const VALUE_STATUSES = ['pending', 'confirmed', 'corrected'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

/** Where the value being verified came from. */
export const VALUE_ORIGINS = ['unit', 'provider'] as const;
export type ValueOrigin = (typeof VALUE_ORIGINS)[number];

const stamp = z.object({ by: z.string(), at: z.string() });

export const valueRecordSchema = z
  .object({
    cycle: z.string(),
    unit: codeSchema,
    leaf: codeSchema,
    origin: z.enum(VALUE_ORIGINS),
    /** The value as reported (self-assessment) or supplied (provider), kept as it came. */
    original: z.number().finite().optional(),
    /** The value that counts: the original, or the correction. */
    value: z.number().finite().optional(),
    status: z.enum(VALUE_STATUSES),
    reason: z.string().optional(),
    supplied: stamp.optional(),
    verified: stamp.optional(),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ValueRecord' });
export type ValueRecord = z.infer<typeof valueRecordSchema>;

/** Confirm as reported, or correct to another value with a reason. */
export const verifySchema = z
  .object({
    version: z.number().int().positive(),
    action: z.enum(['confirm', 'correct']),
    value: z.number().finite().optional(),
    reason: text(1000).optional(),
  })
  .strict()
  .refine((v) => v.action === 'confirm' || (v.value !== undefined && (v.reason ?? '').length > 0), {
    message: '更正须填写更正值和理由 / a correction gives the value and a reason',
    path: ['reason'],
  })
  .meta({ id: 'VerifyValue' });
export type VerifyValue = z.infer<typeof verifySchema>;

/** A provider's values for one indicator across units: entered once, reused (一数一源). */
export const suppliedValuesSchema = z
  .object({
    leaf: codeSchema,
    rows: z
      .array(z.object({ unit: codeSchema, value: z.number().finite() }).strict())
      .min(1)
      .max(2000),
  })
  .strict()
  .meta({ id: 'SuppliedValues' });
export type SuppliedValues = z.infer<typeof suppliedValuesSchema>;
