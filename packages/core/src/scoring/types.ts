import { z } from 'zod';
import { MEASURED_PARTIES, RULE_KINDS, type RuleKind } from '../indicators/model';

/**
 * The scoring engine's output, defined once as zod schemas: the engine's types are `z.infer` of
 * them, and the API's OpenAPI document and the console read the same schemas. Plain data only
 * (arrays, strings, numbers), so `JSON.stringify` of the same inputs is byte-equal across runs:
 * numbers that a person reads are strings with the system's decimals ("9.50"), each beside its
 * full-precision `exact` value.
 */

export const bilingualSchema = z
  .object({ zh: z.string(), en: z.string() })
  .meta({ id: 'Bilingual', description: 'Text in Chinese and English' });
/** Text a unit can read, in both languages of the product. */
export type Bilingual = z.infer<typeof bilingualSchema>;

export const amountSchema = z
  .object({
    shown: z
      .string()
      .meta({ description: 'Rounded half up (四舍五入) to the system’s decimals, e.g. "9.50"' }),
    exact: z.string().meta({ description: 'Full precision, as a decimal string' }),
  })
  .meta({ id: 'Amount' });
export type Amount = z.infer<typeof amountSchema>;

/**
 * scored: the rule produced points; missing: no data (0 points with `missingData: 'zero'`, else the
 * weight goes elsewhere); exempt: the office exempted the unit (免考); not_applicable: the leaf's
 * `appliesTo` excludes the unit's group; invalid: the input cannot be scored (0 points, weight kept).
 */
export const LEAF_STATUSES = ['scored', 'missing', 'exempt', 'not_applicable', 'invalid'] as const;
export type LeafStatus = (typeof LEAF_STATUSES)[number];

const ruleKindSchema = z.enum(RULE_KINDS as [RuleKind, ...RuleKind[]]);

export const leafResultSchema = z
  .object({
    type: z.literal('leaf'),
    code: z.string(),
    name: z.string(),
    /** Codes from the dimension down to this leaf. */
    path: z.array(z.string()),
    /** The weight as written in the system. */
    weight: z.number(),
    /** After exempted/missing weight was redistributed (0 when this leaf's own weight went elsewhere). */
    effectiveWeight: amountSchema,
    status: z.enum(LEAF_STATUSES),
    rule: ruleKindSchema,
    value: z.union([z.number(), z.string(), z.null()]),
    points: amountSchema,
    /** Completion above 100% turned into bonus points (target completion / reverse with cap > 1). */
    excess: amountSchema.optional(),
    reason: bilingualSchema,
  })
  .meta({ id: 'LeafResult' });
export type LeafResult = z.infer<typeof leafResultSchema>;

export interface BranchResult {
  type: 'branch';
  code: string;
  name: string;
  path: string[];
  weight: number;
  /** Σ of the children's effective weights. */
  effectiveWeight: Amount;
  /** Σ of the children's SHOWN points (so the printed breakdown adds up). */
  points: Amount;
  children: NodeResult[];
}
export type NodeResult = LeafResult | BranchResult;

// A recursive schema needs its type spelled out once (zod cannot infer through the getter).
export const branchResultSchema: z.ZodType<BranchResult> = z
  .object({
    type: z.literal('branch'),
    code: z.string(),
    name: z.string(),
    path: z.array(z.string()),
    weight: z.number(),
    effectiveWeight: amountSchema,
    points: amountSchema,
    get children() {
      return z.array(nodeResultSchema);
    },
  })
  .meta({ id: 'BranchResult' });
export const nodeResultSchema: z.ZodType<NodeResult> = z.union([leafResultSchema, branchResultSchema]);

export const baseResultSchema = z.object({
  /** Σ of the dimensions' shown points. */
  sum: amountSchema,
  /** Σ of the effective weights of the leaves that still count. */
  applicableMax: amountSchema,
  /** True when excluded weight made the engine rescale: base = sum ÷ applicableMax × total. */
  rescaled: z.boolean(),
  /** The base score (= sum unless rescaled; then shown to the system's decimals). */
  points: amountSchema,
  reason: bilingualSchema,
});
export type BaseResult = z.infer<typeof baseResultSchema>;

export const bonusLineSchema = z.object({
  /** A bonus item's code, or the leaf code for excess completion. */
  code: z.string(),
  name: z.string(),
  source: z.enum(['item', 'excess']),
  /** Points claimed (items only). */
  claimed: z.number().nullable(),
  /** The item's own cap (items only). */
  maxPoints: z.number().nullable(),
  /** After the item's cap; excess completion is not capped per item. */
  awarded: amountSchema,
  reason: bilingualSchema,
});
export type BonusLine = z.infer<typeof bonusLineSchema>;

export const bonusResultSchema = z.object({
  lines: z.array(bonusLineSchema),
  /** Σ of the lines' shown awarded points. */
  sum: amountSchema,
  cap: z.number(),
  capped: z.boolean(),
  /** min(sum, bonusCap), shown: what is added to the base. */
  points: amountSchema,
  reason: bilingualSchema,
});
export type BonusResult = z.infer<typeof bonusResultSchema>;

export const vetoResultSchema = z.object({
  code: z.string(),
  name: z.string(),
  effect: z.enum(['fail', 'bar_excellent']),
  note: z.string(),
});
export type VetoResult = z.infer<typeof vetoResultSchema>;

export const gradeResultSchema = z.object({
  code: z.string(),
  label: bilingualSchema,
  /** The level the shown total alone would reach. */
  byScore: z.string(),
  reason: bilingualSchema,
});
export type GradeResult = z.infer<typeof gradeResultSchema>;

export const rankResultSchema = z.object({
  /** Competition rank within the unit group (1, 2, 2, 4). */
  rank: z.number().int(),
  of: z.number().int(),
  /** What separated this unit from the one ranked just above it ('total', a tie-break key, or 'tie'); null for the first. */
  decidedBy: z.string().nullable(),
  reason: bilingualSchema,
});
export type RankResult = z.infer<typeof rankResultSchema>;

/** A statistic the unit reported (统计数据指标): shown beside the results, never scored. */
export const statisticResultSchema = z.object({
  code: z.string(),
  name: z.string(),
  unitOfMeasure: z.string().nullable(),
  value: z.number().nullable(),
});
export type StatisticResult = z.infer<typeof statisticResultSchema>;

/** The points of the leaves that measure one party (a purchased service's buyer or provider). */
export const partyResultSchema = z.object({
  party: z.enum(MEASURED_PARTIES),
  /** Σ of those leaves' shown points. */
  points: amountSchema,
  /** Σ of their effective weights. */
  max: amountSchema,
});
export type PartyResult = z.infer<typeof partyResultSchema>;

export const unitResultSchema = z
  .object({
    unit: z.string(),
    group: z.string(),
    dimensions: z.array(nodeResultSchema),
    base: baseResultSchema,
    bonus: bonusResultSchema,
    vetoes: z.array(vetoResultSchema),
    /** Σ points deducted by deduction leaves (nominal points), for the `fewer_deductions` tie-break. */
    deductions: amountSchema,
    /** base + bonus (+ the review meeting's adjustment), each shown. */
    total: amountSchema,
    /** The review meeting's adjustment of the total (评议会调整), with its reason. */
    adjustment: z.object({ points: amountSchema, reason: z.string() }).optional(),
    grade: gradeResultSchema,
    rank: rankResultSchema,
    /** Points per measured party, when leaves say whose performance they measure. */
    parties: z.array(partyResultSchema),
    /** The statistics reported (context, not scored). */
    statistics: z.array(statisticResultSchema),
    /** Inputs that matched nothing in the system (unknown leaf, bonus, veto or statistic codes). */
    warnings: z.array(bilingualSchema),
  })
  .meta({ id: 'UnitResult' });
export type UnitResult = z.infer<typeof unitResultSchema>;

export const rankPairSchema = z.object({
  above: z.string(),
  below: z.string(),
  decidedBy: z.string(),
  reason: bilingualSchema,
});
export type RankPair = z.infer<typeof rankPairSchema>;

export const quotaResultSchema = z.object({
  level: z.string(),
  maxShare: z.number(),
  /** maxShare × group size, rounded per `quotaRounding`. */
  allowed: z.number().int(),
  granted: z.number().int(),
  reason: bilingualSchema,
});
export type QuotaResult = z.infer<typeof quotaResultSchema>;

export const groupResultSchema = z.object({
  group: z.string(),
  size: z.number().int(),
  /** Units in rank order (ties in unit-code order). */
  order: z.array(z.object({ unit: z.string(), rank: z.number().int() })),
  pairs: z.array(rankPairSchema),
  quotas: z.array(quotaResultSchema),
  warnings: z.array(bilingualSchema),
});
export type GroupResult = z.infer<typeof groupResultSchema>;

export const scoringResultSchema = z
  .object({
    system: z.string(),
    decimals: z.number().int(),
    total: z.number(),
    /** Ordered by (group, unit code), whatever the input order. */
    units: z.array(unitResultSchema),
    /** Ordered by group code. */
    groups: z.array(groupResultSchema),
  })
  .meta({ id: 'ScoringResult' });
export type ScoringResult = z.infer<typeof scoringResultSchema>;
