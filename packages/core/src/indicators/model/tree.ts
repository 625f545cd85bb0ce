import { z } from 'zod';
import { codeSchema } from '../../org/schemas';
import { type Provenance, provenanceSchema } from '../provenance';
import {
  DATA_SOURCES,
  DIRECTIONS,
  finite,
  INDICATOR_TYPES,
  MEASURED_PARTIES,
  MISSING_POLICIES,
  points,
  text,
} from './primitives';
import { scoringRuleSchema } from './rules';

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

export const leavesOf = (nodes: readonly IndicatorNode[]): Leaf[] =>
  nodes.flatMap((n) => (isBranch(n) ? leavesOf(n.children) : [n]));

/** How many leaves (scored indicators) a tree has. */
export const countLeaves = (nodes: readonly IndicatorNode[]): number => leavesOf(nodes).length;
