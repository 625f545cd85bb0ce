import type { Leaf, LeafInput } from '../../indicators/model';
import type { Dec } from '../decimal';
import type { PeerStats } from '../peers';

import type { Bilingual } from '../types';

export type { Bilingual };

/**
 * What a rule says about one leaf for one unit. Rules are weight-free: they return the fraction
 * of the leaf's (effective) weight earned, and the engine multiplies, rounds and appends
 * "得 x 分（满分 w 分）". Keeping weights out of rules lets the engine redistribute exempted
 * weight after every rule has run.
 */
export interface RuleOutcome {
  /**
   * scored: a fraction was computed; invalid: the input cannot be scored by this rule (0 points,
   * the weight stays); missing: the input exists but counts as no data (a survey with no valid
   * sample), handled by the leaf's missing-data policy.
   */
  status: 'scored' | 'invalid' | 'missing';
  /** Fraction of the weight earned, in [0, 1]. */
  fraction: Dec;
  /** Completion above 100% (target completion / reverse with cap > 1), as a fraction of the weight; goes to bonus. */
  excess?: Dec;
  /** The value scored, as shown in the breakdown (a number, a grade letter, a mean). */
  value: number | string | null;
  /** The explanation, without the points (the engine appends them). */
  reason: Bilingual;
  /** Points deducted (in the leaf's nominal points), for the `fewer_deductions` tie-break. */
  deducted?: Dec;
}

/** A finance calculator as the scoring engine needs it (structurally matches the finance registry). */
export interface FormulaCalculator {
  args: {
    safeParse(
      data: unknown,
    ):
      | { success: true; data: unknown }
      | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
  };
  compute(args: never): { ok: true; value: unknown } | { ok: false; code: string; zh: string; en: string };
  readonly label?: Bilingual;
  /** Arguments only the office sets (the 基准折现率): a unit's input may not carry them. */
  readonly officeArgs?: readonly string[];
  /** Whether the arguments include money, given in the input's `moneyUnit` (万元 when absent). */
  readonly money?: boolean;
}
export type CalculatorRegistry = Readonly<Record<string, FormulaCalculator>>;

export interface RuleContext {
  leaf: Leaf;
  decimals: number;
  /** Peer statistics of the unit's group, for peer-relative rules. */
  peers?: PeerStats | undefined;
  calculators?: CalculatorRegistry | undefined;
}

export type Rule<R> = (rule: R, input: LeafInput, ctx: RuleContext) => RuleOutcome;
