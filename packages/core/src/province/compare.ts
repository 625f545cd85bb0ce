import type { EffectiveGroup } from './groups';
import type { Comparison, SharedResult, StandardIndicator, StandardisationMethod, Trend } from './model';

export interface CompareInput {
  recipient: string;
  year: number;
  group: EffectiveGroup;
  /** Overrides the group's method. */
  method?: StandardisationMethod;
  library: readonly StandardIndicator[];
  /** The recipient's shares of `year` (all of them; the group picks its members). */
  shares: readonly SharedResult[];
  /** The recipient's shares of `year − 1`, for 增幅. */
  previous: readonly SharedResult[];
  /** Names of members that did not share (for `missing`). */
  names: ReadonlyMap<string, string>;
}

/**
 * The official comparison, in exact decimal arithmetic: each indicator standardised within the
 * group by the method, the weighted composite over the indicators a tenant has (weights
 * renormalised), competition ranks (ties share a rank), grades by rank quotas; the same for 增幅.
 */
export function compare(_i: CompareInput): Comparison {
  throw new Error('not implemented (#12 core)');
}

/** Composite and rank per year (each year standardised on its own) for the group's members. */
export function trend(_i: {
  recipient: string;
  group: EffectiveGroup;
  method?: StandardisationMethod;
  library: readonly StandardIndicator[];
  sharesByYear: ReadonlyMap<number, readonly SharedResult[]>;
}): Trend {
  throw new Error('not implemented (#12 core)');
}
