import type { RuleKind } from '../indicators/model';
import type { Amount } from './decimal';
import type { Bilingual } from './rules/types';

/**
 * The scoring engine's output. Plain data only (arrays, strings, numbers), so `JSON.stringify`
 * of the same inputs is byte-equal across runs: numbers that a person reads are strings with the
 * system's decimals ("9.50"), each beside its full-precision `exact` value.
 */

export type { Amount } from './decimal';
export type { Bilingual } from './rules/types';

/**
 * scored: the rule produced points; missing: no data (0 points with `missingData: 'zero'`, else the
 * weight goes elsewhere); exempt: the office exempted the unit (免考); not_applicable: the leaf's
 * `appliesTo` excludes the unit's group; invalid: the input cannot be scored (0 points, weight kept).
 */
export type LeafStatus = 'scored' | 'missing' | 'exempt' | 'not_applicable' | 'invalid';

export interface LeafResult {
  type: 'leaf';
  code: string;
  name: string;
  /** Codes from the dimension down to this leaf. */
  path: string[];
  /** The weight as written in the system. */
  weight: number;
  /** After exempted/missing weight was redistributed (0 when this leaf's own weight went elsewhere). */
  effectiveWeight: Amount;
  status: LeafStatus;
  rule: RuleKind;
  value: number | string | null;
  points: Amount;
  /** Completion above 100% turned into bonus points (target completion / reverse with cap > 1). */
  excess?: Amount;
  reason: Bilingual;
}

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

export interface BaseResult {
  /** Σ of the dimensions' shown points. */
  sum: Amount;
  /** Σ of the effective weights of the leaves that still count. */
  applicableMax: Amount;
  /** True when excluded weight made the engine rescale: base = sum ÷ applicableMax × total. */
  rescaled: boolean;
  /** The base score (= sum unless rescaled; then shown to the system's decimals). */
  points: Amount;
  reason: Bilingual;
}

export interface BonusLine {
  /** A bonus item's code, or the leaf code for excess completion. */
  code: string;
  name: string;
  source: 'item' | 'excess';
  /** Points claimed (items only). */
  claimed: number | null;
  /** The item's own cap (items only). */
  maxPoints: number | null;
  /** After the item's cap; excess completion is not capped per item. */
  awarded: Amount;
  reason: Bilingual;
}

export interface BonusResult {
  lines: BonusLine[];
  /** Σ of the lines' shown awarded points. */
  sum: Amount;
  cap: number;
  capped: boolean;
  /** min(sum, bonusCap), shown: what is added to the base. */
  points: Amount;
  reason: Bilingual;
}

export interface VetoResult {
  code: string;
  name: string;
  effect: 'fail' | 'bar_excellent';
  note: string;
}

export interface GradeResult {
  code: string;
  label: Bilingual;
  /** The level the shown total alone would reach. */
  byScore: string;
  reason: Bilingual;
}

export interface RankResult {
  /** Competition rank within the unit group (1, 2, 2, 4). */
  rank: number;
  of: number;
  /** What separated this unit from the one ranked just above it ('total', a tie-break key, or 'tie'); null for the first. */
  decidedBy: string | null;
  reason: Bilingual;
}

export interface UnitResult {
  unit: string;
  group: string;
  dimensions: NodeResult[];
  base: BaseResult;
  bonus: BonusResult;
  vetoes: VetoResult[];
  /** Σ points deducted by deduction leaves (nominal points), for the `fewer_deductions` tie-break. */
  deductions: Amount;
  /** base + bonus, both shown. */
  total: Amount;
  grade: GradeResult;
  rank: RankResult;
  /** Inputs that matched nothing in the system (unknown leaf, bonus or veto codes). */
  warnings: Bilingual[];
}

export interface RankPair {
  above: string;
  below: string;
  decidedBy: string;
  reason: Bilingual;
}

export interface QuotaResult {
  level: string;
  maxShare: number;
  /** maxShare × group size, rounded per `quotaRounding`. */
  allowed: number;
  granted: number;
  reason: Bilingual;
}

export interface GroupResult {
  group: string;
  size: number;
  /** Units in rank order (ties in unit-code order). */
  order: { unit: string; rank: number }[];
  pairs: RankPair[];
  quotas: QuotaResult[];
  warnings: Bilingual[];
}

export interface ScoringResult {
  system: string;
  decimals: number;
  total: number;
  /** Ordered by (group, unit code), whatever the input order. */
  units: UnitResult[];
  /** Ordered by group code. */
  groups: GroupResult[];
}
