import { z } from 'zod';
import { codeSchema } from '../../org/schemas';
import { bi, finite, fraction, points, text } from './primitives';

// ─── Scoring rules (评分办法) ──────────────────────────────────────────────────────────────────

/** 目标完成率: w · min(actual/target, cap); completion above 100% (cap > 1) is reported as bonus. */
export const targetCompletionRule = z.object({
  kind: z.literal('target_completion'),
  cap: finite.min(0.01).max(3).default(1),
});
/** 逆向指标: lower is better, w · min(target/actual, cap). */
export const reverseRule = z.object({ kind: z.literal('reverse'), cap: finite.min(0.01).max(3).default(1) });
/**
 * 差额计分: full points at or beyond the target, then linearly down to 0 at `tolerance` short of it
 * (in the leaf's unit, e.g. percentage points). Works for targets of zero or below (a growth rate
 * target of 0% or −2%), where a completion ratio means nothing.
 */
export const targetGapRule = z.object({
  kind: z.literal('target_gap'),
  tolerance: finite
    .gt(0, { message: bi('容差须大于 0', 'the tolerance must be greater than 0') })
    .max(1e9)
    .meta({ description: 'how far short of the target scores 0 (e.g. 5 percentage points)' }),
});
/** 分档: value ranges [min, max) map to fractions of w; bands contiguous, non-overlapping. */
export const bandsRule = z.object({
  kind: z.literal('bands'),
  bands: z
    .array(
      z.object({
        min: finite.nullable().meta({ description: 'inclusive lower bound; null = −∞' }),
        max: finite.nullable().meta({ description: 'exclusive upper bound; null = +∞' }),
        fraction,
        label: text(50).optional(),
      }),
    )
    .min(1)
    .max(50),
});
/** 扣分: max(0, w − Σ points per incident), optionally capped. */
export const deductionRule = z.object({
  kind: z.literal('deduction'),
  items: z
    .array(z.object({ code: codeSchema, label: text(100), pointsEach: points }))
    .min(1)
    .max(50),
  maxDeduction: points.optional().meta({ description: 'default: the leaf weight' }),
});
/** 功效系数法: w · (60 + 40 · (x − min)/(max − min)) / 100 across the peer group; equal peers → full marks. */
export const efficacyRule = z.object({
  kind: z.literal('efficacy'),
  base: finite.min(0).max(100).default(60),
  span: finite.min(0).max(100).default(40),
});
/** 排名法: first place full marks, falling linearly to `lastFraction` for the last of n peers. */
export const rankRule = z.object({ kind: z.literal('rank'), lastFraction: fraction.default(0.6) });
export const QUALITATIVE_GRADES = ['A', 'B', 'C', 'D'] as const;
export type QualitativeGrade = (typeof QUALITATIVE_GRADES)[number];
/** 定性等级: A/B/C/D (优/良/中/差) → fractions of w. */
export const qualitativeGradeRule = z.object({
  kind: z.literal('qualitative_grade'),
  fractions: z
    .object({ A: fraction, B: fraction, C: fraction, D: fraction })
    .default({ A: 1, B: 0.8, C: 0.6, D: 0.4 }),
});
/** 专家评分: each expert scores 0..scale; trimmed mean (drop one highest and one lowest) from `trimFrom` experts. */
export const expertRule = z.object({
  kind: z.literal('expert'),
  scale: finite.min(1).max(1000).default(100),
  trimFrom: z.number().int().min(3).max(100).default(5),
});
export const LIKERT_LEVELS = [
  'very_satisfied',
  'satisfied',
  'fair',
  'dissatisfied',
  'very_dissatisfied',
] as const;
export type LikertLevel = (typeof LIKERT_LEVELS)[number];
/** 满意度测评: Likert points averaged per respondent group, groups weighted, each with a minimum sample. */
export const satisfactionRule = z.object({
  kind: z.literal('satisfaction'),
  levelPoints: z
    .object({
      very_satisfied: points,
      satisfied: points,
      fair: points,
      dissatisfied: points,
      very_dissatisfied: points,
    })
    .default({ very_satisfied: 100, satisfied: 80, fair: 60, dissatisfied: 30, very_dissatisfied: 0 }),
  groups: z
    .array(z.object({ key: codeSchema, label: text(50), weight: fraction }))
    .min(1)
    .max(10)
    .meta({
      description: 'respondent groups, e.g. 服务对象 / 人大代表政协委员 / 社会公众; weights sum to 1',
    }),
  minSample: z.number().int().min(1).max(100000).default(30),
});
/** 综合得分: several sources (each 0..100) weighted, e.g. 指标考核 60% + 满意度 20% + 领导评价 20%. */
export const compositeRule = z.object({
  kind: z.literal('composite'),
  sources: z
    .array(z.object({ key: codeSchema, label: text(50), weight: fraction }))
    .min(2)
    .max(10),
});
/** 公式指标: a finance calculator computes the value, then a value rule scores it. */
export const formulaRule = z.object({
  kind: z.literal('formula'),
  calculator: z.string().regex(/^[a-z_]{2,40}$/),
  // biome-ignore lint/suspicious/noThenProperty: a rule's field, never awaited; "then score it with…"
  then: z.discriminatedUnion('kind', [targetCompletionRule, reverseRule, targetGapRule, bandsRule]),
});

export const scoringRuleSchema = z.discriminatedUnion('kind', [
  targetCompletionRule,
  reverseRule,
  targetGapRule,
  bandsRule,
  deductionRule,
  efficacyRule,
  rankRule,
  qualitativeGradeRule,
  expertRule,
  satisfactionRule,
  compositeRule,
  formulaRule,
]);
export type ScoringRule = z.infer<typeof scoringRuleSchema>;
export type RuleKind = ScoringRule['kind'];
export const RULE_KINDS = scoringRuleSchema.options.map((o) => o.shape.kind.value) as RuleKind[];

/** Rules whose score depends on the other units of the peer group. */
export const PEER_RELATIVE_RULES: readonly RuleKind[] = ['efficacy', 'rank'];
