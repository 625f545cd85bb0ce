import { z } from 'zod';
import { codeSchema } from '../org/schemas';
import { GRADE_LEVEL_LABELS } from '../vocabulary/labels';
import { type Provenance, provenanceSchema } from './provenance';

/**
 * The indicator system (评估指标体系): a versioned tree dimension (一级指标) → indicator (二级) →
 * optional sub-indicator (三级). Weights are points: a leaf scores 0..weight, siblings' weights sum
 * to their parent's, dimensions sum to the system's total (usually 100). Bonus (加分) and veto
 * (一票否决) items sit beside the tree, outside the base total.
 *
 * These schemas are the contract for storage, the API, the Excel round trip and the scoring engine.
 * Structural checks that need the whole tree (sums, unique codes, bands, groups) live in
 * `validate.ts`, which explains each problem in Chinese and English with the node's path.
 */

const bi = (zhText: string, enText: string) => `${zhText} / ${enText}`;
const text = (max: number) => z.string().trim().max(max);
/** Points and fractions: finite, and not absurdly precise for an office's spreadsheet. */
const finite = z.number().finite();
const points = finite.min(0, { message: bi('分值不能为负', 'points cannot be negative') }).max(10000);
const fraction = finite.min(0).max(1);

// The model's enums. Their Chinese and English labels live in `../vocabulary` (one wording each).
export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const INDICATOR_TYPES = ['quantitative', 'qualitative'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export const DATA_SOURCES = ['self_report', 'data_provider', 'expert', 'survey'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];
export const MISSING_POLICIES = ['zero', 'redistribute', 'exclude'] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];
/** What happens to a leaf's weight for a unit it does not apply to (or that is exempted). */
export const EXEMPTION_POLICIES = ['redistribute', 'exclude'] as const;
export type ExemptionPolicy = (typeof EXEMPTION_POLICIES)[number];
/**
 * Whose performance a leaf measures, where a system evaluates two parties at once (政府购买服务:
 * the buying department's inputs, the provider's process and outputs).
 */
export const MEASURED_PARTIES = ['buyer', 'provider'] as const;
export type MeasuredParty = (typeof MEASURED_PARTIES)[number];
/** The unit money arguments of a formula are given in (converted to 万元 before computing). */
export const MONEY_UNITS = ['yuan', 'ten_thousand_yuan', 'hundred_million_yuan'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

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

// ─── The tree ──────────────────────────────────────────────────────────────────────────────────

const nodeBase = {
  code: codeSchema,
  name: text(100).min(1),
  weight: points,
  /** 评分标准 as the office writes it; shown to units and exported to Excel. */
  criteria: text(2000).optional(),
  /** 原文 or 示例 (templates); absent on what the office wrote itself. */
  provenance: provenanceSchema.optional(),
};

/**
 * What the office fixes for a leaf (per system version), never the evaluated unit: the target
 * (e.g. 100 for 100%, the benchmark IRR) and a formula's office arguments (the 基准折现率). A unit
 * input that tries to set one of these is refused (see ./inputs).
 */
export const officeParamsSchema = z
  .object({
    target: finite.optional().meta({ description: 'the target the office set (目标值/基准值)' }),
    args: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/), z.union([finite, z.array(finite).max(200)]))
      .optional()
      .meta({ description: 'calculator arguments the office fixes, e.g. { ratePercent: 8 }' }),
  })
  .strict()
  .meta({ id: 'OfficeParams' });
export type OfficeParams = z.infer<typeof officeParamsSchema>;

export const leafSchema = z
  .object({
    ...nodeBase,
    unitOfMeasure: text(20).optional().meta({ description: '计量单位, e.g. %, 万元, 件' }),
    direction: z.enum(DIRECTIONS).default('higher'),
    type: z.enum(INDICATOR_TYPES),
    source: z.enum(DATA_SOURCES),
    rule: scoringRuleSchema,
    evidence: z
      .object({ required: z.boolean(), description: text(500).optional() })
      .default({ required: false }),
    /** Unit groups this leaf applies to; empty or absent = every group. */
    appliesTo: z.array(codeSchema).max(50).optional(),
    /** Overrides the system's missing-data policy for this leaf. */
    missing: z.enum(MISSING_POLICIES).optional(),
    /** Parameters the office fixes (target, a formula's office arguments); units cannot set them. */
    officeParams: officeParamsSchema.optional(),
    /** Whose performance this leaf measures, where a system evaluates two parties. */
    party: z.enum(MEASURED_PARTIES).optional(),
  })
  .strict();
export type Leaf = z.infer<typeof leafSchema>;

export interface Branch {
  code: string;
  name: string;
  weight: number;
  criteria?: string | undefined;
  provenance?: Provenance | undefined;
  children: IndicatorNode[];
}
export type IndicatorNode = Branch | Leaf;
export const isBranch = (n: IndicatorNode): n is Branch => 'children' in n;

/**
 * At most three levels (dimension → indicator → sub-indicator), spelled out rather than recursive:
 * the depth rule is then part of the schema, and OpenAPI generation needs no self-reference.
 */
const indicatorBranchSchema = z
  .object({ ...nodeBase, children: z.array(leafSchema).min(1).max(200) })
  .strict()
  .meta({ id: 'IndicatorWithSubIndicators' });
const dimensionSchema = z
  .object({
    ...nodeBase,
    children: z
      .array(z.union([indicatorBranchSchema, leafSchema]))
      .min(1)
      .max(200),
  })
  .strict()
  .meta({ id: 'Dimension' });
/** A node at the top of the tree; a leaf here is allowed by the schema and flagged by validate.ts. */
export const nodeSchema: z.ZodType<IndicatorNode> = z.union([dimensionSchema, leafSchema]);

// ─── Beside the tree: bonus, veto, grading ─────────────────────────────────────────────────────

export const bonusItemSchema = z
  .object({
    code: codeSchema,
    name: text(100).min(1),
    maxPoints: points,
    criteria: text(1000).optional(),
    provenance: provenanceSchema.optional(),
  })
  .strict();
export const VETO_EFFECTS = ['fail', 'bar_excellent'] as const;
export type VetoEffect = (typeof VETO_EFFECTS)[number];
export const vetoItemSchema = z
  .object({
    code: codeSchema,
    name: text(100).min(1),
    effect: z
      .enum(VETO_EFFECTS)
      .meta({ description: 'fail: grade forced to 不及格; bar_excellent: may not be 优秀' }),
    criteria: text(1000).optional(),
    provenance: provenanceSchema.optional(),
  })
  .strict();

/**
 * 统计数据指标: a figure the unit reports and the results show as context, never scored or ranked
 * (办事量、服务时间、人员配置 of a service window).
 */
export const statisticItemSchema = z
  .object({
    code: codeSchema,
    name: text(100).min(1),
    unitOfMeasure: text(20).optional(),
    criteria: text(1000).optional(),
    provenance: provenanceSchema.optional(),
  })
  .strict();
export type StatisticItem = z.infer<typeof statisticItemSchema>;

export const gradeLevelSchema = z
  .object({
    code: codeSchema,
    label: z.object({ zh: text(20).min(1), en: text(40).min(1) }),
    /** Lowest total (inclusive) for this grade; the lowest level has 0. */
    min: finite.min(0).max(10000),
    /** At most this share of a unit group may get the grade (e.g. 优秀 ≤ 20%). */
    maxShare: fraction.optional(),
    provenance: provenanceSchema.optional(),
  })
  .strict();
/** How a quota's share becomes a count of units. */
export const QUOTA_ROUNDINGS = ['floor', 'round', 'ceil'] as const;
export type QuotaRounding = (typeof QUOTA_ROUNDINGS)[number];
/** The fixed ranking tie-break keys; `dimension:<code>` (points in that dimension) is the other form. */
export const TIE_BREAK_KEYS = ['fewer_deductions', 'more_bonus'] as const;
export type TieBreakKey = (typeof TIE_BREAK_KEYS)[number];

export const gradingSchema = z
  .object({
    /** Highest first. */
    levels: z.array(gradeLevelSchema).min(2).max(10),
    /** How a quota's share becomes a count of units. */
    quotaRounding: z.enum(QUOTA_ROUNDINGS).default('floor'),
    /** Ranking tie-break keys after the total, in order; ties left after all of them share a rank. */
    tieBreak: z
      .array(z.union([z.enum(TIE_BREAK_KEYS), z.string().regex(/^dimension:[A-Za-z0-9_-]+$/)]))
      .max(10)
      .default([]),
  })
  .strict();
export type Grading = z.infer<typeof gradingSchema>;

/** The codes of the default grade levels; a system may define its own levels and labels. */
export const DEFAULT_GRADE_CODES = ['excellent', 'good', 'fair', 'fail'] as const;
export type DefaultGradeCode = (typeof DEFAULT_GRADE_CODES)[number];

export const DEFAULT_GRADING: Grading = {
  levels: [
    { code: 'excellent', label: { ...GRADE_LEVEL_LABELS.excellent }, min: 90, maxShare: 0.2 },
    { code: 'good', label: { ...GRADE_LEVEL_LABELS.good }, min: 80 },
    { code: 'fair', label: { ...GRADE_LEVEL_LABELS.fair }, min: 60 },
    { code: 'fail', label: { ...GRADE_LEVEL_LABELS.fail }, min: 0 },
  ],
  quotaRounding: 'floor',
  tieBreak: [],
};

/** The editable content of a system (what a template provides and a draft changes). */
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

/** The editable content of a stored version (drops identity, status and bookkeeping). */
export function contentOf(s: IndicatorSystem): SystemContent {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(systemContentSchema.shape)) {
    const v = s[k as keyof IndicatorSystem];
    if (v !== undefined) out[k] = v;
  }
  return out as SystemContent;
}

/** The leaves of a tree, in tree order. */
export const leavesOf = (nodes: readonly IndicatorNode[]): Leaf[] =>
  nodes.flatMap((n) => (isBranch(n) ? leavesOf(n.children) : [n]));

/** How many leaves (scored indicators) a tree has. */
export const countLeaves = (nodes: readonly IndicatorNode[]): number => leavesOf(nodes).length;
