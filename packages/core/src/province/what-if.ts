import type { Comparison, ComparisonGrade, GradeQuotas } from './model';

/**
 * The fast path for exploration (what-if, rank sensitivity): the comparison's standardised values
 * as one Float64Array (tenants × indicators, row-major; 0 where missing, with a presence mask), so
 * re-weighting is a tight loop. Official scores stay in exact decimals (./compare.ts).
 */
export interface ComparisonMatrix {
  tenants: string[];
  names: string[];
  codes: string[];
  /** n × k standardised values, 0 where a tenant lacks the indicator. */
  values: Float64Array;
  /** n × k, 1 where present, 0 where missing. */
  present: Float64Array;
  /** Rows with every indicator present (their weight sum is the total). */
  full: Uint8Array;
  /** The group's own weights, in `codes` order. */
  weights: Float64Array;
  grades: GradeQuotas;
}

export function comparisonMatrix(_c: Comparison): ComparisonMatrix {
  throw new Error('not implemented (#12 core)');
}

export interface WhatIfOutcome {
  scores: Float64Array;
  /** Competition ranks (1 = best); 0 for a tenant without any weighted indicator. */
  ranks: Int32Array;
  grades: (ComparisonGrade | null)[];
}

export function whatIf(_m: ComparisonMatrix, _weights: Float64Array): WhatIfOutcome {
  throw new Error('not implemented (#12 core)');
}

export interface SensitivityOutcome {
  base: WhatIfOutcome;
  minRank: Int32Array;
  maxRank: Int32Array;
  p5: Int32Array;
  p95: Int32Array;
  /** Share of draws (0–1) in which each tenant kept its base grade. */
  stayInGrade: Float64Array;
}

export function rankSensitivity(
  _m: ComparisonMatrix,
  _opts: { band: number; draws: number; seed: number },
): SensitivityOutcome {
  throw new Error('not implemented (#12 core)');
}
