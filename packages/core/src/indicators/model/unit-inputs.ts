import { z } from 'zod';
import { codeSchema } from '../../org/schemas';
import { finite, MONEY_UNITS, points, text } from './primitives';
import { LIKERT_LEVELS, QUALITATIVE_GRADES } from './rules';

// ─── Inputs per unit (what units, providers, experts and surveys supply) ─────────────────────────

export const leafInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), actual: finite, target: finite.optional() }).strict(),
  z
    .object({
      kind: z.literal('incidents'),
      counts: z.record(z.string(), z.number().int().min(0).max(100000)),
    })
    .strict(),
  z.object({ kind: z.literal('grade'), grade: z.enum(QUALITATIVE_GRADES) }).strict(),
  z.object({ kind: z.literal('expert_scores'), scores: z.array(finite.min(0)).min(1).max(500) }).strict(),
  z
    .object({
      kind: z.literal('survey'),
      /** Counts of answers per respondent group and Likert level. */
      answers: z.record(
        z.string(),
        z.partialRecord(z.enum(LIKERT_LEVELS), z.number().int().min(0).max(10_000_000)),
      ),
    })
    .strict(),
  z.object({ kind: z.literal('sources'), scores: z.record(z.string(), finite.min(0).max(100)) }).strict(),
  z
    .object({
      kind: z.literal('formula'),
      args: z.record(z.string(), z.union([finite, z.array(finite).max(200)])),
      /** The unit the money arguments are given in; 万元 when absent. */
      moneyUnit: z.enum(MONEY_UNITS).optional(),
      target: finite.optional(),
    })
    .strict(),
  /** The office exempted this unit from this leaf (免考). */
  z.object({ kind: z.literal('exempt'), reason: text(200).min(1) }).strict(),
]);
export type LeafInput = z.infer<typeof leafInputSchema>;

export const unitInputsSchema = z
  .object({
    unit: codeSchema,
    group: codeSchema,
    /** Leaf code → input. A leaf with no entry has no data (not submitted). */
    leaves: z.record(z.string(), leafInputSchema).default({}),
    /** Bonus item code → points claimed (capped per item and overall). */
    bonus: z.record(z.string(), points).default({}),
    /** Veto item codes that were triggered for this unit, with a note each. */
    vetoes: z.record(z.string(), text(500)).default({}),
    /** Statistic item code → the figure reported (shown, not scored). */
    statistics: z.record(z.string(), finite).default({}),
  })
  .strict();
export type UnitInputs = z.infer<typeof unitInputsSchema>;
